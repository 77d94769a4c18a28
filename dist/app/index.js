import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  app_default,
  createApp
} from "../chunks/chunk-AM5M2PQD.js";
import "../chunks/chunk-EBLIIYWC.js";
import "../chunks/chunk-VQOPCL6L.js";
import "../chunks/chunk-UN2YP2GD.js";
import "../chunks/chunk-KZI3EHBT.js";
import "../chunks/chunk-LYD5ERHY.js";
export {
  createApp,
  app_default as default
};
