import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  readReportFile
} from "./chunk-4G2PPN42.js";
import {
  MergeRefusal,
  mergeOrganizationReports
} from "./chunk-62BKUW2S.js";
import "./chunk-KURXN222.js";
import "./chunk-VQOPCL6L.js";
import "./chunk-23CPCSRS.js";
import {
  InputError
} from "./chunk-KZI3EHBT.js";
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
