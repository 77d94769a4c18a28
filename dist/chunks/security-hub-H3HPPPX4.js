import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  importIntoSecurityHub,
  securityHubLine,
  securityHubPerAccount
} from "./chunk-PMHXVQOQ.js";
import "./chunk-4CM35V7Q.js";
import "./chunk-KBE33ETN.js";
import "./chunk-E6L6MX7O.js";
import "./chunk-AHIWXY2A.js";
import "./chunk-ZOSEZ4WG.js";
import "./chunk-RJK6TATR.js";
import "./chunk-KURXN222.js";
import "./chunk-UN2YP2GD.js";
import "./chunk-KZI3EHBT.js";
import "./chunk-LYD5ERHY.js";
export {
  importIntoSecurityHub,
  securityHubLine,
  securityHubPerAccount
};
