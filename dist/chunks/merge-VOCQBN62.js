import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  readReportFile
} from "./chunk-VTIQYFF6.js";
import {
  MergeRefusal,
  mergeOrganizationReports
} from "./chunk-H6HMADJS.js";
import "./chunk-7KLZABIZ.js";
import "./chunk-DGMS26C2.js";
import "./chunk-PITE2S6X.js";
import {
  InputError
} from "./chunk-Q3QGMDKI.js";
import "./chunk-LYD5ERHY.js";

// src/cli/merge.ts
var MAX_REPORTS = 4096;
async function mergeReportFiles(io, files, now) {
  if (files.length === 0) {
    throw new InputError(
      "give the report files to merge, e.g. lambda-guard merge reports/*/report.json",
      "merge"
    );
  }
  if (files.length > MAX_REPORTS) {
    throw new InputError(
      `${files.length} reports is more than ${MAX_REPORTS}; merge them in batches`,
      "merge"
    );
  }
  const reports = [];
  for (const f of files) reports.push(await readReportFile(io, f));
  try {
    return mergeOrganizationReports(reports, now ? { now } : {});
  } catch (err) {
    if (err instanceof MergeRefusal) {
      throw new InputError(
        `${err.message} \u2014 merge only the reports of one organization scan`,
        files[err.index]
      );
    }
    throw err;
  }
}
export {
  mergeReportFiles
};
