import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  applyEdits,
  locateReport,
  planFixes,
  unifiedDiff,
  writeFixes
} from "./chunk-FSUTBGR2.js";
import {
  repoPrefix,
  scanIac,
  scanIacFiles
} from "./chunk-E5Z4OPQK.js";
import "./chunk-PUBSHN4T.js";
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
