import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  lakeLg004,
  scanAccountWithLake
} from "./chunk-CJRDU6RD.js";
import "./chunk-CHPPK2CZ.js";
import "./chunk-7WMFY2GQ.js";
import "./chunk-GWCLHQKQ.js";
import "./chunk-L2NGQFZB.js";
import "./chunk-2KAQWDJQ.js";
import "./chunk-E6L6MX7O.js";
import "./chunk-MZQD5K7T.js";
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
import "./chunk-UN2YP2GD.js";
import "./chunk-KZI3EHBT.js";
import "./chunk-LYD5ERHY.js";
export {
  lakeLg004,
  scanAccountWithLake
};
