import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  readReportFile
} from "./chunk-DWD2S35H.js";
import "./chunk-DOHDVGDD.js";
import "./chunk-OFTK4NJN.js";
import "./chunk-RZOBS62O.js";
import "./chunk-PV244DXT.js";
import "./chunk-KOHQH5XZ.js";
import "./chunk-U77EMO3I.js";
import "./chunk-SYCOQQ3O.js";
import "./chunk-W3QIMY3E.js";
import "./chunk-4XFV4NQT.js";
import "./chunk-LYD5ERHY.js";

// src/cli/report-file.ts
import { resolve } from "node:path";
function readReportFile2(io, file) {
  return readReportFile(resolve(io.cwd, file), file);
}
export {
  readReportFile2 as readReportFile
};
