import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  applyEdits,
  locateReport,
  planFixes,
  readIacTree,
  repoPrefix,
  scanIac,
  scanIacFiles,
  unifiedDiff,
  writeFixes
} from "./chunk-YV7AW6ZO.js";
import "./chunk-DWD334HJ.js";
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
