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
} from "./chunk-3ZNFZPFX.js";
import "./chunk-GQMGU5ZW.js";
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
