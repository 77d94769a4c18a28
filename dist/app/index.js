import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  app_default,
  createApp
} from "../chunks/chunk-3XFKNWYT.js";
import "../chunks/chunk-TPH6OF3P.js";
import "../chunks/chunk-PGDGLESE.js";
import "../chunks/chunk-74QD6PXN.js";
import "../chunks/chunk-OFTK4NJN.js";
import "../chunks/chunk-RZOBS62O.js";
import "../chunks/chunk-PV244DXT.js";
import "../chunks/chunk-KOHQH5XZ.js";
import "../chunks/chunk-U77EMO3I.js";
import "../chunks/chunk-SYCOQQ3O.js";
import "../chunks/chunk-W3QIMY3E.js";
import "../chunks/chunk-4XFV4NQT.js";
import "../chunks/chunk-LYD5ERHY.js";
export {
  createApp,
  app_default as default
};
