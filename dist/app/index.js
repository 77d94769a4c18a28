import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  app_default,
  createApp
} from "../chunks/chunk-TQ7DGAPK.js";
import "../chunks/chunk-EBLIIYWC.js";
import "../chunks/chunk-DGMS26C2.js";
import "../chunks/chunk-PITE2S6X.js";
import "../chunks/chunk-Q3QGMDKI.js";
import "../chunks/chunk-LYD5ERHY.js";
export {
  createApp,
  app_default as default
};
