/**
 * Report files are untrusted input (a matrix job's artifact, a file a user names): each is size-bounded,
 * parsed as JSON and against the report schema, and refused by the name the caller shows for it. One home for
 * the CLI's `merge` / `fix --report` and the Action's `mode: merge`.
 */
import { readFile, stat } from "node:fs/promises";
import { errorMessage, InputError, ReportSchema, type Report } from "../model/index.js";
import { mergeOrganizationReports, MergeRefusal } from "./merge-org.js";

/** Larger files are not reports we wrote (a report of 10,000 findings is a few MB). */
const MAX_REPORT_BYTES = 64 * 1024 * 1024;
/** A GitHub matrix has at most 256 jobs; several matrices may be merged. */
export const MAX_REPORTS = 4096;

const HINT = "pass a file written by 'lambda-guard scan --format json'";

/** Reads and validates one report; errors name `shown` (the path as the user wrote it). */
export async function readReportFile(path: string, shown: string): Promise<Report> {
  let raw: unknown;
  try {
    if ((await stat(path)).size > MAX_REPORT_BYTES) throw new Error(`larger than ${MAX_REPORT_BYTES} bytes`);
    raw = JSON.parse(await readFile(path, "utf8"));
  } catch (err) {
    throw new InputError(`cannot read the report as JSON (${errorMessage(err)}) — ${HINT}`, shown);
  }
  const parsed = ReportSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputError(
      `not a lambda-guard report: ${issue.path.join(".") || "(top level)"}: ${issue.message} — ${HINT}`,
      shown,
    );
  }
  return parsed.data;
}

/**
 * One organization report from per-account report files. `shown[i]` names `paths[i]` in errors; `where`
 * names the input when the list itself is wrong (empty, too long).
 */
export async function mergeReportFiles(
  paths: readonly string[],
  shown: readonly string[],
  opts: { where: string; now?: Date },
): Promise<Report> {
  if (paths.length > MAX_REPORTS) {
    throw new InputError(
      `${paths.length} reports is more than ${MAX_REPORTS}; merge them in batches`,
      opts.where,
    );
  }
  const reports: Report[] = [];
  for (const [i, p] of paths.entries()) reports.push(await readReportFile(p, shown[i] ?? p));
  try {
    return mergeOrganizationReports(reports, opts.now ? { now: opts.now } : {});
  } catch (err) {
    if (err instanceof MergeRefusal) {
      throw new InputError(
        `${err.message} — merge only the reports of one organization scan`,
        shown[err.index] ?? paths[err.index],
      );
    }
    throw err;
  }
}
