/**
 * The Action's `mode: merge`: one report (and one check run, with one stable name) from the report artifacts
 * of a matrix of per-account jobs, downloaded into the workspace and named by the `reports` glob. Report files
 * are untrusted input: each is size-bounded, parsed against the report schema and refused by name when it is
 * invalid or belongs to another organization, partition, repository or commit.
 */
import { relative, resolve } from "node:path";
import * as glob from "@actions/glob";
import { InputError, type Report } from "../model/index.js";
import { mergeReportFiles } from "../report/report-files.js";

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

export async function mergeReportArtifacts(pattern: string, workspace: string): Promise<Report> {
  const files = await findReportFiles(pattern, workspace);
  if (files.length === 0) {
    throw new InputError(
      `no file matches '${pattern}' — download the scan jobs' report artifacts first (actions/download-artifact with pattern: lambda-guard-report-*)`,
      "input 'reports'",
    );
  }
  return mergeReportFiles(
    files,
    files.map((f) => relative(workspace, f)),
    { where: "input 'reports'" },
  );
}
