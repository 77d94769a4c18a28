import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  readReportFile
} from "./chunk-4G2PPN42.js";
import "./chunk-23CPCSRS.js";
import "./chunk-KZI3EHBT.js";
import "./chunk-LYD5ERHY.js";
export {
  readReportFile
};
