import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  MergeRefusal,
  mergeOrganizationReports
} from "./chunk-CSWTXLBN.js";
import {
  ReportSchema
} from "./chunk-CMKO3ROG.js";
import {
  InputError,
  errorMessage
} from "./chunk-JAJAJYEP.js";

// src/report/report-files.ts
import { readFile, stat } from "node:fs/promises";
var MAX_REPORT_BYTES = 64 * 1024 * 1024;
var MAX_REPORTS = 4096;
var HINT = "pass a file written by 'lambda-guard scan --format json'";
async function readReportFile(path, shown) {
  let raw;
  try {
    if ((await stat(path)).size > MAX_REPORT_BYTES) throw new Error(`larger than ${MAX_REPORT_BYTES} bytes`);
    raw = JSON.parse(await readFile(path, "utf8"));
  } catch (err) {
    throw new InputError(`cannot read the report as JSON (${errorMessage(err)}) \u2014 ${HINT}`, shown);
  }
  const parsed = ReportSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(
      `not a lambda-guard report: ${issue.path.join(".") || "(top level)"}: ${issue.message} \u2014 ${HINT}`,
      shown
    );
  }
  return parsed.data;
}
async function mergeReportFiles(paths, shown, opts) {
  if (paths.length > MAX_REPORTS) {
    throw new InputError(
      `${paths.length} reports is more than ${MAX_REPORTS}; merge them in batches`,
      opts.where
    );
  }
  const reports = [];
  for (const [i, p] of paths.entries()) reports.push(await readReportFile(p, shown[i] ?? p));
  try {
    return mergeOrganizationReports(reports, opts.now ? { now: opts.now } : {});
  } catch (err) {
    if (err instanceof MergeRefusal) {
      throw new InputError(
        `${err.message} \u2014 merge only the reports of one organization scan`,
        shown[err.index] ?? paths[err.index]
      );
    }
    throw err;
  }
}

export {
  readReportFile,
  mergeReportFiles
};
