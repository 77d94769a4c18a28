import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  importIntoSecurityHub,
  securityHubLine,
  securityHubPerAccount
} from "./chunk-BX5LTWU6.js";
import "./chunk-SSFWDU3T.js";
import "./chunk-KBE33ETN.js";
import "./chunk-E6L6MX7O.js";
import "./chunk-AHIWXY2A.js";
import "./chunk-ZOSEZ4WG.js";
import "./chunk-RJK6TATR.js";
import "./chunk-AGXIWYW7.js";
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
  importIntoSecurityHub,
  securityHubLine,
  securityHubPerAccount
};
