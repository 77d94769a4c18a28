import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  readReportFile
} from "./chunk-VTIQYFF6.js";
import "./chunk-PITE2S6X.js";
import "./chunk-Q3QGMDKI.js";
import "./chunk-LYD5ERHY.js";
export {
  readReportFile
};
