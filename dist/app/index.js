import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  app_default,
  createApp
} from "../chunks/chunk-SUQV5AOQ.js";
import "../chunks/chunk-YEXTIENK.js";
import "../chunks/chunk-W5GTZUO3.js";
import "../chunks/chunk-HWQ6JO4Q.js";
import "../chunks/chunk-JOYXDF2A.js";
import "../chunks/chunk-LYD5ERHY.js";
export {
  createApp,
  app_default as default
};
