import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  callerIdentity,
  scanAccount
} from "./chunk-AKOHASYA.js";
import "./chunk-L2NGQFZB.js";
import "./chunk-E6L6MX7O.js";
import "./chunk-MPUQ4BS7.js";
import "./chunk-DI3Y5GZR.js";
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
import "./chunk-OFTK4NJN.js";
import "./chunk-RZOBS62O.js";
import "./chunk-PV244DXT.js";
import "./chunk-KOHQH5XZ.js";
import "./chunk-U77EMO3I.js";
import "./chunk-SYCOQQ3O.js";
import "./chunk-W3QIMY3E.js";
import "./chunk-4XFV4NQT.js";
import "./chunk-LYD5ERHY.js";
export {
  callerIdentity,
  scanAccount
};
