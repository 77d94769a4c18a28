import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  app_default,
  createApp
} from "../chunks/chunk-G4LJ2CDJ.js";
import "../chunks/chunk-EBLIIYWC.js";
import "../chunks/chunk-VQOPCL6L.js";
import "../chunks/chunk-23CPCSRS.js";
import "../chunks/chunk-KZI3EHBT.js";
import "../chunks/chunk-LYD5ERHY.js";
export {
  createApp,
  app_default as default
};
