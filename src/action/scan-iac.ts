/** `mode: iac`: the infrastructure-as-code side of the Action's scan step. */
import { resolve } from "node:path";
import { repoPrefix, scanIac } from "../iac/index.js";
import { summarize, type Report } from "../model/index.js";
import type { ScanRequest } from "./scan.js";

export async function scanIacMode(req: ScanRequest): Promise<Report> {
  const root = resolve(req.workspace, req.iacPath);
  // Paths named from the workspace (the repository root), as annotations and SARIF need.
  const { report } = await scanIac(root, { config: req.config, prefix: repoPrefix(req.workspace, root) });
  const rules = req.rules;
  if (!rules) return report;
  const findings = report.findings.filter((f) => rules.includes(f.rule));
  return { ...report, findings, summary: summarize(findings) };
}
