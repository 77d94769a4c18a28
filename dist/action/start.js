import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  start
} from "../chunks/chunk-WQF5HEER.js";
import "../chunks/chunk-G2FYUFJQ.js";
import "../chunks/chunk-KIWNMDSZ.js";
import "../chunks/chunk-AGXIWYW7.js";
import "../chunks/chunk-CSWTXLBN.js";
import "../chunks/chunk-BL7RKF4P.js";
import "../chunks/chunk-6WDGAD6T.js";
import "../chunks/chunk-3IJVQIT4.js";
import "../chunks/chunk-CBQ3WTHE.js";
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

// src/action/start.ts
await start();
