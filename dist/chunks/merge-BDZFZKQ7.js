import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  mergeReportFiles
} from "./chunk-IRVZLWLP.js";
import "./chunk-TU3U2KXJ.js";
import "./chunk-UN2YP2GD.js";
import {
  InputError
} from "./chunk-KZI3EHBT.js";
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
