/** `lambda-guard merge REPORT...`: one organization report from per-account reports (a matrix's artifacts). */
import { InputError, type Report } from "../model/index.js";
import { mergeOrganizationReports, MergeRefusal } from "../report/index.js";
import type { Io } from "./io.js";
import { readReportFile } from "./report-file.js";

/** Bound on inputs: a GitHub matrix has at most 256 jobs; several matrices may be merged. */
const MAX_REPORTS = 4096;

export async function mergeReportFiles(io: Io, files: readonly string[], now?: Date): Promise<Report> {
  if (files.length === 0) {
    throw new InputError(
      "give the report files to merge, e.g. lambda-guard merge reports/*/report.json",
      "merge",
    );
  }
  if (files.length > MAX_REPORTS) {
    throw new InputError(
      `${files.length} reports is more than ${MAX_REPORTS}; merge them in batches`,
      "merge",
    );
  }
  const reports: Report[] = [];
  for (const f of files) reports.push(await readReportFile(io, f));
  try {
    return mergeOrganizationReports(reports, now ? { now } : {});
  } catch (err) {
    if (err instanceof MergeRefusal) {
      throw new InputError(
        `${err.message} — merge only the reports of one organization scan`,
        files[err.index],
      );
    }
    throw err;
  }
}
