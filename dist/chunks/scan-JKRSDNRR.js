import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  repoPrefix,
  scanIac
} from "./chunk-2XR47VXY.js";
import "./chunk-DI3Y5GZR.js";
import "./chunk-TPH6OF3P.js";
import "./chunk-RZOBS62O.js";
import "./chunk-KOHQH5XZ.js";
import "./chunk-SYCOQQ3O.js";
import "./chunk-4XFV4NQT.js";
import "./chunk-LYD5ERHY.js";
export {
  repoPrefix,
  scanIac
};
