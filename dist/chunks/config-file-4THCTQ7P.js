import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  ConfigSchema,
  parseConfig
} from "./chunk-U77EMO3I.js";
import "./chunk-SYCOQQ3O.js";
import "./chunk-W3QIMY3E.js";
import "./chunk-4XFV4NQT.js";
import "./chunk-LYD5ERHY.js";
export {
  ConfigSchema,
  parseConfig
};
