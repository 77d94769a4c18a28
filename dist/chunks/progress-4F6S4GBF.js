import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  progressReporter
} from "./chunk-PHFMKJAT.js";
import "./chunk-LYD5ERHY.js";
export {
  progressReporter
};
