import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  applyEdits,
  locateReport,
  planFixes,
  repoPrefix,
  scanIac,
  scanIacFiles,
  unifiedDiff,
  writeFixes
} from "./chunk-VCIT4NVK.js";
import "./chunk-DWD334HJ.js";
import {
  readIacTree
} from "./chunk-EBLIIYWC.js";
import "./chunk-Q3QGMDKI.js";
import "./chunk-LYD5ERHY.js";
export {
  applyEdits,
  locateReport,
  planFixes,
  readIacTree,
  repoPrefix,
  scanIac,
  scanIacFiles,
  unifiedDiff,
  writeFixes
};
