import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  app_default,
  createApp
} from "../chunks/chunk-YJGX26I4.js";
import "../chunks/chunk-GGYSZ3HS.js";
import "../chunks/chunk-4FWKG5UP.js";
import "../chunks/chunk-7M4FHVO7.js";
import "../chunks/chunk-GQMGU5ZW.js";
import "../chunks/chunk-LYD5ERHY.js";
export {
  createApp,
  app_default as default
};
