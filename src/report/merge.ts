import { type Report, type Target, buildReport } from "../model/report.js";

/**
 * One report from several (the Action's `mode: both`: the account scan plus the IaC scan). The first
 * report's target wins (an account target is expected first); other targets' IaC roots are kept as
 * `target.iacRoot`. Coverage is concatenated; findings are de-duplicated by fingerprint (the first
 * wins, so put the report with richer findings first) and re-sorted; the summary is recomputed.
 */
export function mergeReports(reports: readonly Report[], opts: { now?: Date } = {}): Report {
  const [first, ...rest] = reports;
  if (!first) throw new RangeError("mergeReports needs at least one report");
  if (rest.length === 0) return first;
  let target: Target = { ...first.target };
  for (const r of rest) {
    if (r.target.kind === "iac" && target.kind === "aws-account" && target["iacRoot"] === undefined) {
      target = { ...target, iacRoot: r.target.root };
    }
    if (target.repository === undefined && r.target.repository !== undefined)
      target.repository = r.target.repository;
    if (target.commit === undefined && r.target.commit !== undefined) target.commit = r.target.commit;
  }
  const seen = new Set<string>();
  const findings = reports
    .flatMap((r) => r.findings)
    .filter((f) => !seen.has(f.fingerprint) && seen.add(f.fingerprint));
  const generated = opts.now ?? new Date(Math.max(...reports.map((r) => Date.parse(r.generatedAt) || 0)));
  return buildReport({
    version: first.tool.version,
    target,
    coverage: reports.flatMap((r) => r.coverage),
    findings,
    now: generated,
  });
}
