import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  importIntoSecurityHub,
  securityHubLine
} from "./chunk-RWSEKOUF.js";
import "./chunk-3WFXBWAU.js";
import "./chunk-KBE33ETN.js";
import "./chunk-E6L6MX7O.js";
import "./chunk-EUZF5CLG.js";
import "./chunk-AHIWXY2A.js";
import "./chunk-ZOSEZ4WG.js";
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
  importIntoSecurityHub,
  securityHubLine
};
