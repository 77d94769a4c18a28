import { isAbsolute, relative, resolve, sep } from "node:path";
import type { Config } from "../model/config.js";
import { buildReport, type Report } from "../model/report.js";
import { VERSION } from "../model/version.js";
import { scanIacFiles, type IacScanResult } from "./engine.js";
import { readIacTree } from "./files.js";

// The static scan alone, for `lambda-guard iac`: ./index.ts adds the fix planner, the diff and the locator,
// code the scan never runs and a short run would pay to load.

/**
 * The prefix that names files under `root` from `repoRoot` (`infra` for `<repo>/infra`); empty when `root`
 * is the repository root or lies outside it.
 */
export function repoPrefix(repoRoot: string, root: string): string {
  const rel = relative(resolve(repoRoot), resolve(root));
  return rel === "" || rel.startsWith("..") || isAbsolute(rel) ? "" : rel.split(sep).join("/");
}

/** Reads DIR (safely, see files.ts), scans it and builds a report with target `{kind: "iac", root}`. */
export async function scanIac(
  root: string,
  opts: { config: Config; now?: Date; prefix?: string },
): Promise<{ report: Report } & IacScanResult> {
  const tree = await readIacTree(root, opts.prefix !== undefined ? { prefix: opts.prefix } : {});
  const result = await scanIacFiles(tree.files, opts);
  const coverage = [...tree.coverage, ...result.coverage];
  const report = buildReport({
    version: VERSION,
    target: { kind: "iac", root: relative(process.cwd(), root) || "." },
    coverage,
    findings: result.findings.map((f) => f.finding),
    ...(opts.now ? { now: opts.now } : {}),
  });
  return { report, ...result, coverage };
}
