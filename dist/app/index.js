import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  app_default,
  createApp
} from "../chunks/chunk-JV5SVGI2.js";
import "../chunks/chunk-7UB6RAKB.js";
import "../chunks/chunk-BO5MT2CP.js";
import "../chunks/chunk-ZQ6YMG2R.js";
import "../chunks/chunk-WAXEVTA2.js";
import "../chunks/chunk-LYD5ERHY.js";
export {
  createApp,
  app_default as default
};
