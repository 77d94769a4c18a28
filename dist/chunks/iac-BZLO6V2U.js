import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  applyEdits,
  locateReport,
  planFixes,
  unifiedDiff,
  writeFixes
} from "./chunk-2LOSZSWT.js";
import {
  repoPrefix,
  scanIac,
  scanIacFiles
} from "./chunk-3LNKEIC5.js";
import "./chunk-WNNLCRIJ.js";
import {
  readIacTree
} from "./chunk-TPH6OF3P.js";
import "./chunk-RZOBS62O.js";
import "./chunk-KOHQH5XZ.js";
import "./chunk-SYCOQQ3O.js";
import "./chunk-JAJAJYEP.js";
import "./chunk-4GMCL7QT.js";
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
