import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  readReportFile
} from "./chunk-IRVZLWLP.js";
import "./chunk-TU3U2KXJ.js";
import "./chunk-UN2YP2GD.js";
import "./chunk-KZI3EHBT.js";
import "./chunk-LYD5ERHY.js";

// src/cli/report-file.ts
import { resolve } from "node:path";
function readReportFile2(io, file) {
  return readReportFile(resolve(io.cwd, file), file);
}
export {
  readReportFile2 as readReportFile
};
