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
} from "./chunk-72YWT72F.js";
import "./chunk-DI3Y5GZR.js";
import {
  readIacTree
} from "./chunk-EBLIIYWC.js";
import "./chunk-RZOBS62O.js";
import "./chunk-KOHQH5XZ.js";
import "./chunk-7RS7BPG5.js";
import "./chunk-4XFV4NQT.js";
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
