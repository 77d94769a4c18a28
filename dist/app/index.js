import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  app_default,
  createApp
} from "../chunks/chunk-JVZAQRSR.js";
import "../chunks/chunk-F3WSACVX.js";
import "../chunks/chunk-7HGKXLIE.js";
import "../chunks/chunk-7M4FHVO7.js";
import "../chunks/chunk-GQMGU5ZW.js";
import "../chunks/chunk-LYD5ERHY.js";
export {
  createApp,
  app_default as default
};
