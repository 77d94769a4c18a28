import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  callerIdentity,
  scanAccount
} from "./chunk-D7327QEV.js";
import "./chunk-L2NGQFZB.js";
import "./chunk-DWD334HJ.js";
import "./chunk-E6L6MX7O.js";
import "./chunk-AJWMRJ5V.js";
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
import "./chunk-PITE2S6X.js";
import "./chunk-Q3QGMDKI.js";
import "./chunk-LYD5ERHY.js";
export {
  callerIdentity,
  scanAccount
};
