import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  app_default,
  createApp
} from "../chunks/chunk-PTZHQA2T.js";
import "../chunks/chunk-TPH6OF3P.js";
import "../chunks/chunk-W33SWCQ6.js";
import "../chunks/chunk-74QD6PXN.js";
import "../chunks/chunk-Y22KSWV4.js";
import "../chunks/chunk-RZOBS62O.js";
import "../chunks/chunk-NXJRENZE.js";
import "../chunks/chunk-KOHQH5XZ.js";
import "../chunks/chunk-CMKO3ROG.js";
import "../chunks/chunk-SYCOQQ3O.js";
import "../chunks/chunk-P2NUQOZL.js";
import "../chunks/chunk-JAJAJYEP.js";
import "../chunks/chunk-4GMCL7QT.js";
import "../chunks/chunk-LYD5ERHY.js";
export {
  createApp,
  app_default as default
};
