import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  readReportFile
} from "./chunk-HV7B3TZG.js";
import "./chunk-DOHDVGDD.js";
import "./chunk-OFTK4NJN.js";
import "./chunk-RZOBS62O.js";
import "./chunk-PV244DXT.js";
import "./chunk-KOHQH5XZ.js";
import "./chunk-LIMBUDJ4.js";
import "./chunk-7RS7BPG5.js";
import "./chunk-MOMQ2CHR.js";
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
