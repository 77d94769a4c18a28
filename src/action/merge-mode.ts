/**
 * The Action's `mode: merge`: one report (and one check run, with one stable name) from the report artifacts
 * of a matrix of per-account jobs, downloaded into the workspace and named by the `reports` glob. Report files
 * are untrusted input: each is size-bounded, parsed against the report schema and refused by name when it is
 * invalid or belongs to another organization, partition, repository or commit.
 */
import { readFile, stat } from "node:fs/promises";
import { relative, resolve } from "node:path";
import * as glob from "@actions/glob";
import { errorMessage, InputError, ReportSchema, type Report } from "../model/index.js";
import { mergeOrganizationReports, MergeRefusal } from "../report/index.js";

/** A GitHub matrix has at most 256 jobs; several matrices may be merged. */
const MAX_REPORTS = 4096;
const MAX_REPORT_BYTES = 64 * 1024 * 1024;

export async function findReportFiles(pattern: string, workspace: string): Promise<string[]> {
  const patterns = pattern
    .split("\n")
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => (p.startsWith("!") ? `!${resolve(workspace, p.slice(1))}` : resolve(workspace, p)))
    .join("\n");
  const globber = await glob.create(patterns, { matchDirectories: false, followSymbolicLinks: false });
  const files = (await globber.glob()).filter((f) => !relative(workspace, f).startsWith(".."));
  return files.sort();
}

async function readReport(file: string, shown: string): Promise<Report> {
  let raw: unknown;
  try {
    if ((await stat(file)).size > MAX_REPORT_BYTES) throw new Error(`larger than ${MAX_REPORT_BYTES} bytes`);
    raw = JSON.parse(await readFile(file, "utf8"));
  } catch (err) {
    throw new InputError(`cannot read the report as JSON (${errorMessage(err)})`, shown);
  }
  const parsed = ReportSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputError(
      `not a lambda-guard report: ${issue.path.join(".") || "(top level)"}: ${issue.message}`,
      shown,
    );
  }
  return parsed.data;
}

export async function mergeReportArtifacts(pattern: string, workspace: string): Promise<Report> {
  const files = await findReportFiles(pattern, workspace);
  if (files.length === 0) {
    throw new InputError(
      `no file matches '${pattern}' — download the scan jobs' report artifacts first (actions/download-artifact with pattern: lambda-guard-report-*)`,
      "input 'reports'",
    );
  }
  if (files.length > MAX_REPORTS) {
    throw new InputError(`${files.length} files match; at most ${MAX_REPORTS} reports`, "input 'reports'");
  }
  const shown = files.map((f) => relative(workspace, f));
  const reports: Report[] = [];
  for (const [i, f] of files.entries()) reports.push(await readReport(f, shown[i]!));
  try {
    return mergeOrganizationReports(reports);
  } catch (err) {
    if (err instanceof MergeRefusal) {
      throw new InputError(
        `${err.message} — merge only the reports of one organization scan`,
        shown[err.index],
      );
    }
    throw err;
  }
}
