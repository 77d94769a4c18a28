import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  ConfigSchema,
  parseConfig
} from "./chunk-LIMBUDJ4.js";
import "./chunk-7RS7BPG5.js";
import "./chunk-MOMQ2CHR.js";
import "./chunk-4XFV4NQT.js";
import "./chunk-LYD5ERHY.js";
export {
  ConfigSchema,
  parseConfig
};
