import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  app_default,
  createApp
} from "../chunks/chunk-E27BWKKY.js";
import "../chunks/chunk-YJZ4OLCT.js";
import "../chunks/chunk-VHP3BRPJ.js";
import "../chunks/chunk-PR4LG2QK.js";
import "../chunks/chunk-34TXTJ4A.js";
import "../chunks/chunk-LYD5ERHY.js";
export {
  createApp,
  app_default as default
};
