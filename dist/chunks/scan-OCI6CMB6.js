import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  callerIdentity,
  scanAccount
} from "./chunk-4CSATNOJ.js";
import "./chunk-TNTOQ6QL.js";
import "./chunk-E6L6MX7O.js";
import "./chunk-2JWLIWBS.js";
import "./chunk-WNNLCRIJ.js";
import "./chunk-E4R4KLO7.js";
import "./chunk-4VYDAHCH.js";
import "./chunk-JOPDVS7U.js";
import "./chunk-T5AN75SP.js";
import "./chunk-WF2JIZYK.js";
import "./chunk-AHIWXY2A.js";
import "./chunk-ZOSEZ4WG.js";
import "./chunk-PLX4MXHT.js";
import "./chunk-W2GYLCDX.js";
import "./chunk-U6AM3KXG.js";
import "./chunk-RJK6TATR.js";
import "./chunk-Y22KSWV4.js";
import "./chunk-RZOBS62O.js";
import "./chunk-NXJRENZE.js";
import "./chunk-KOHQH5XZ.js";
import "./chunk-CMKO3ROG.js";
import "./chunk-SYCOQQ3O.js";
import "./chunk-P2NUQOZL.js";
import "./chunk-JAJAJYEP.js";
import "./chunk-4GMCL7QT.js";
import "./chunk-LYD5ERHY.js";
export {
  callerIdentity,
  scanAccount
};
