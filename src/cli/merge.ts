/** `lambda-guard merge REPORT...`: one organization report from per-account reports (a matrix's artifacts). */
import { resolve } from "node:path";
import { InputError, type Report } from "../model/index.js";
import { mergeReportFiles as merge } from "../report/report-files.js";
import type { Io } from "./io.js";

export async function mergeReportFiles(io: Io, files: readonly string[], now?: Date): Promise<Report> {
  if (files.length === 0) {
    throw new InputError(
      "give the report files to merge, e.g. lambda-guard merge reports/*/report.json",
      "merge",
    );
  }
  return merge(
    files.map((f) => resolve(io.cwd, f)),
    files,
    { where: "merge", ...(now ? { now } : {}) },
  );
}
