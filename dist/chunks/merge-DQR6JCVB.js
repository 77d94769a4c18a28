import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  mergeReports
} from "./chunk-WW3IQY35.js";
import "./chunk-UN2YP2GD.js";
import "./chunk-KZI3EHBT.js";
import "./chunk-LYD5ERHY.js";
export {
  mergeReports
};
