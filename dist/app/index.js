import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  app_default,
  createApp
} from "../chunks/chunk-N3CTBVX2.js";
import "../chunks/chunk-TPH6OF3P.js";
import "../chunks/chunk-F3YZC6FF.js";
import "../chunks/chunk-74QD6PXN.js";
import "../chunks/chunk-OFTK4NJN.js";
import "../chunks/chunk-RZOBS62O.js";
import "../chunks/chunk-PV244DXT.js";
import "../chunks/chunk-KOHQH5XZ.js";
import "../chunks/chunk-LIMBUDJ4.js";
import "../chunks/chunk-7RS7BPG5.js";
import "../chunks/chunk-MOMQ2CHR.js";
import "../chunks/chunk-4XFV4NQT.js";
import "../chunks/chunk-LYD5ERHY.js";
export {
  createApp,
  app_default as default
};
