import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  applyEdits,
  locateReport,
  planFixes,
  readIacTree,
  scanIac,
  scanIacFiles,
  unifiedDiff,
  writeFixes
} from "./chunk-JELY622V.js";
import "./chunk-34TXTJ4A.js";
import "./chunk-LYD5ERHY.js";
export {
  applyEdits,
  locateReport,
  planFixes,
  readIacTree,
  scanIac,
  scanIacFiles,
  unifiedDiff,
  writeFixes
};
