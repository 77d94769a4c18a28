import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  importIntoSecurityHub,
  securityHubLine
} from "./chunk-KIZZ7AO6.js";
import "./chunk-LWHSQW7J.js";
import "./chunk-KBE33ETN.js";
import "./chunk-E6L6MX7O.js";
import "./chunk-7KLZABIZ.js";
import "./chunk-AHIWXY2A.js";
import "./chunk-ZOSEZ4WG.js";
import "./chunk-RJK6TATR.js";
import "./chunk-PITE2S6X.js";
import "./chunk-Q3QGMDKI.js";
import "./chunk-LYD5ERHY.js";
export {
  importIntoSecurityHub,
  securityHubLine
};
