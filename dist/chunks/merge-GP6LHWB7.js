import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  mergeReportFiles
} from "./chunk-DWD2S35H.js";
import "./chunk-DOHDVGDD.js";
import "./chunk-OFTK4NJN.js";
import "./chunk-RZOBS62O.js";
import "./chunk-PV244DXT.js";
import "./chunk-KOHQH5XZ.js";
import "./chunk-U77EMO3I.js";
import "./chunk-SYCOQQ3O.js";
import "./chunk-W3QIMY3E.js";
import {
  InputError
} from "./chunk-4XFV4NQT.js";
import "./chunk-LYD5ERHY.js";

// src/cli/merge.ts
import { resolve } from "node:path";
async function mergeReportFiles2(io, files, now) {
  if (files.length === 0) {
    throw new InputError(
      "give the report files to merge, e.g. lambda-guard merge reports/*/report.json",
      "merge"
    );
  }
  return mergeReportFiles(
    files.map((f) => resolve(io.cwd, f)),
    files,
    { where: "merge", ...now ? { now } : {} }
  );
}
export {
  mergeReportFiles2 as mergeReportFiles
};
