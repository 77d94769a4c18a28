import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  importIntoSecurityHub,
  securityHubLine
} from "./chunk-TUI4ITM6.js";
import "./chunk-2VBLC6YG.js";
import "./chunk-KBE33ETN.js";
import "./chunk-E6L6MX7O.js";
import "./chunk-KURXN222.js";
import "./chunk-AHIWXY2A.js";
import "./chunk-ZOSEZ4WG.js";
import "./chunk-RJK6TATR.js";
import "./chunk-23CPCSRS.js";
import "./chunk-KZI3EHBT.js";
import "./chunk-LYD5ERHY.js";
export {
  importIntoSecurityHub,
  securityHubLine
};
