import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  mergeReportFiles
} from "./chunk-I747VOU7.js";
import "./chunk-CSWTXLBN.js";
import "./chunk-Y22KSWV4.js";
import "./chunk-RZOBS62O.js";
import "./chunk-NXJRENZE.js";
import "./chunk-KOHQH5XZ.js";
import "./chunk-CMKO3ROG.js";
import "./chunk-SYCOQQ3O.js";
import "./chunk-P2NUQOZL.js";
import {
  InputError
} from "./chunk-JAJAJYEP.js";
import "./chunk-4GMCL7QT.js";
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
