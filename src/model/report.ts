import type { Coverage, Finding, Report, Summary, Target } from "./schema.js";
import { compareSeverity, type Severity } from "./severity.js";

export const REPORT_SCHEMA_ID = "lambda-guard/report@1";

// The report's types are inferred from its zod schemas (./schema.ts); this module needs only the types, so
// importing it (and the model's barrel) does not load zod.
export type {
  Coverage,
  CoverageStatus,
  Finding,
  Location,
  Remediation,
  Report,
  Resource,
  ResourceKind,
  Summary,
  Suppression,
  Target,
} from "./schema.js";

/** Counts unsuppressed findings per severity; suppressed ones only in `suppressed`. */
export function summarize(findings: readonly Finding[]): Summary {
  const s: Summary = { critical: 0, high: 0, medium: 0, low: 0, suppressed: 0 };
  for (const f of findings) {
    if (f.suppression) s.suppressed++;
    else s[f.severity]++;
  }
  return s;
}

/** Deterministic order: severity, rule, resource, location. Renderers and fingerprints rely on it. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const key = (f: Finding) =>
    `${f.rule}\u0000${f.resource.arn ?? f.resource.iac?.address ?? ""}\u0000${f.location?.path ?? ""}\u0000${String(f.location?.startLine ?? 0).padStart(8, "0")}\u0000${f.fingerprint}`;
  return [...findings].sort(
    (a, b) => compareSeverity(a.severity, b.severity) || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0),
  );
}

export function isIncomplete(coverage: readonly Coverage[]): boolean {
  return coverage.some((c) => c.status === "failed" || c.status === "partial" || c.status === "timed-out");
}

export function activeFindings(report: Pick<Report, "findings">): Finding[] {
  return report.findings.filter((f) => !f.suppression);
}

export interface BuildReportInput {
  version: string;
  target: Target;
  coverage: Coverage[];
  findings: Finding[];
  now?: Date;
}

export function buildReport(input: BuildReportInput): Report {
  const findings = sortFindings(input.findings);
  return {
    schema: REPORT_SCHEMA_ID,
    tool: { name: "lambda-guard", version: input.version },
    generatedAt: (input.now ?? new Date()).toISOString().replace(/\.\d{3}Z$/, "Z"),
    target: input.target,
    coverage: input.coverage,
    summary: summarize(findings),
    findings,
  };
}

export type { Severity };
