import { type Coverage, type Finding, type Report, activeFindings, isIncomplete } from "../model/report.js";
import { type Severity, SEVERITIES } from "../model/severity.js";

/**
 * `arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Dev_1a2b` → `role/AWSReservedSSO_Dev_1a2b`:
 * the path only makes tables unreadable; the account goes in the "where" column and the full ARN stays in the report.
 */
function principalName(arn: string): string {
  const resource = arn.split(":").slice(5).join(":");
  const [type, ...rest] = resource.split("/");
  return rest.length > 0 ? `${type}/${rest[rest.length - 1]}` : resource || arn;
}

/** The resource as people name it: `function[:qualifier]`, `role/name` for a principal, or an IaC address. */
export function resourceLabel(f: Finding): string {
  const r = f.resource;
  if (r.kind === "principal" && r.arn) return principalName(r.arn);
  if (r.functionName) return r.qualifier ? `${r.functionName}:${r.qualifier}` : r.functionName;
  if (r.iac?.address) return r.iac.address;
  if (r.arn) return r.arn;
  return "-";
}

/** `path:line` (or `path:start-end`) when located, else the region, else a principal's account, else `-`. */
export function whereLabel(f: Finding): string {
  const l = f.location;
  if (l)
    return l.endLine > l.startLine ? `${l.path}:${l.startLine}-${l.endLine}` : `${l.path}:${l.startLine}`;
  // Organization reports: which account, then the region.
  if (f.resource.region && f.resource.accountId) return `${f.resource.accountId} ${f.resource.region}`;
  if (f.resource.region) return f.resource.region;
  if (f.resource.kind === "principal" && f.resource.arn)
    return `account ${f.resource.arn.split(":")[4] || "?"}`;
  return "-";
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function coverageProblems(report: Pick<Report, "coverage">): Coverage[] {
  return report.coverage.filter((c) => isIncomplete([c]));
}

/** "1 critical, 2 medium" (only non-zero severities), or "no findings". */
export function countsPhrase(report: Pick<Report, "findings">): string {
  const active = activeFindings(report);
  if (active.length === 0) return "no findings";
  const parts: string[] = [];
  for (const s of SEVERITIES) {
    const n = active.filter((f) => f.severity === s).length;
    if (n > 0) parts.push(`${n} ${s}`);
  }
  return `${plural(active.length, "finding")} (${parts.join(", ")})`;
}

export function targetPhrase(report: Report): string {
  const t = report.target;
  if (t.kind === "aws-account") {
    const iacRoot = typeof t["iacRoot"] === "string" ? ` and IaC under ${t["iacRoot"]}` : "";
    return `AWS account ${t.accountId} (${plural(t.regions.length, "region")})${iacRoot}`;
  }
  if (t.kind === "aws-organization") {
    return `AWS Organization ${t.organizationId} (${plural(t.accounts.length, "account")})`;
  }
  return `IaC under ${t.root || "."}`;
}

export function completenessPhrase(report: Report): string {
  if (!isIncomplete(report.coverage)) return "coverage complete";
  const problems = coverageProblems(report);
  const failed = problems.filter((c) => c.status === "failed").length;
  const timedOut = problems.filter((c) => c.status === "timed-out").length;
  const partial = problems.length - failed - timedOut;
  const bits: string[] = [];
  if (failed) bits.push(`${failed} failed`);
  if (partial) bits.push(`${partial} partial`);
  if (timedOut) bits.push(`${timedOut} timed out`);
  return `scan incomplete: ${bits.join(", ")} of ${plural(report.coverage.length, "scope")}`;
}

/** One line: counts, suppressed, completeness, target. */
export function summaryLine(report: Report): string {
  const suppressed = report.findings.length - activeFindings(report).length;
  return [
    countsPhrase(report),
    ...(suppressed > 0 ? [`${suppressed} suppressed`] : []),
    completenessPhrase(report),
    targetPhrase(report),
  ].join(" · ");
}

export const SEVERITY_LABEL: Record<Severity, string> = {
  critical: "Critical",
  high: "High",
  medium: "Medium",
  low: "Low",
};
