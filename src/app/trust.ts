import {
  REPORT_SCHEMA_ID,
  RULES,
  ReportSchema,
  isIncomplete,
  isRuleId,
  type Finding,
  type Report,
} from "../model/index.js";
import type { CompactFinding, HandoffPayload } from "./handoff.js";
import { LIMITS } from "./limits.js";
import { unsafePathReason } from "./paths.js";

export { unsafePathReason };

export type Verdict<T> = { ok: true; value: T } | { ok: false; reason: string };

function sameRepository(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

export interface TrustContext {
  /** `owner/name` of the repository the webhook came from. */
  repository: string;
  /** The commit the check run is for. */
  headSha: string;
}

/** Checks every finding's rule id and path, the finding count and the target repository. */
function checkFindings(
  findings: readonly { rule?: unknown; location?: { path?: unknown } | undefined; fingerprint?: unknown }[],
): string | null {
  if (findings.length > LIMITS.findings)
    return `report has ${findings.length} findings (limit ${LIMITS.findings})`;
  for (const [i, f] of findings.entries()) {
    if (typeof f.rule !== "string" || !isRuleId(f.rule)) {
      return `finding ${i} has unknown rule id ${JSON.stringify(String(f.rule).slice(0, 40))}`;
    }
    if (f.location !== undefined) {
      const why = unsafePathReason(f.location.path);
      if (why)
        return `finding ${i} (${f.rule}) names an unsafe path ${JSON.stringify(String(f.location.path).slice(0, 120))}: ${why}`;
    }
  }
  return null;
}

function checkTarget(target: { repository?: unknown; commit?: unknown }, ctx: TrustContext): string | null {
  if (typeof target.repository === "string" && !sameRepository(target.repository, ctx.repository)) {
    return `report is for repository ${target.repository}, not ${ctx.repository}`;
  }
  if (typeof target.commit === "string" && target.commit !== ctx.headSha) {
    return `report is for commit ${target.commit.slice(0, 40)}, not the check run's ${ctx.headSha}`;
  }
  return null;
}

/** Validates a full report (from the artifact): size, zod schema, rules, paths, repository. */
export function validateReportText(text: string, ctx: TrustContext): Verdict<Report> {
  if (Buffer.byteLength(text, "utf8") > LIMITS.reportBytes) {
    return { ok: false, reason: `report larger than ${LIMITS.reportBytes} bytes` };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, reason: "report is not valid JSON" };
  }
  return validateReport(raw, ctx);
}

export function validateReport(raw: unknown, ctx: TrustContext): Verdict<Report> {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    return { ok: false, reason: "report is not a JSON object" };
  }
  const obj = raw as { schema?: unknown; findings?: unknown };
  if (obj.schema !== REPORT_SCHEMA_ID) {
    return {
      ok: false,
      reason: `report schema is ${JSON.stringify(obj.schema)}, expected ${REPORT_SCHEMA_ID}`,
    };
  }
  // Rule ids and paths first, so the log says exactly which finding was refused.
  if (Array.isArray(obj.findings)) {
    const why = checkFindings(obj.findings as { rule?: unknown; location?: { path?: unknown } }[]);
    if (why) return { ok: false, reason: why };
  }
  const parsed = ReportSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      reason: `report does not match the ${REPORT_SCHEMA_ID} schema (${issue ? `${issue.path.join(".") || "(root)"}: ${issue.message}` : "invalid"})`,
    };
  }
  const why = checkTarget(parsed.data.target, ctx);
  if (why) return { ok: false, reason: why };
  return { ok: true, value: parsed.data };
}

/** Rebuilds a report from the compact hand-off; titles and remediation come from the rule catalogue. */
export function reportFromHandoff(
  payload: HandoffPayload,
  ctx: TrustContext & { generatedAt: string },
): Verdict<Report> {
  const why = checkFindings(payload.findings) ?? checkTarget(payload, ctx);
  if (why) return { ok: false, reason: why };
  const findings = payload.findings.map((f) => expandFinding(f));
  const t = payload.target;
  const target =
    t?.kind === "iac"
      ? { kind: "iac", root: "." }
      : t?.kind === "aws-organization"
        ? {
            kind: "aws-organization",
            organizationId: "unknown",
            partition: t.partition ?? "aws",
            accounts: [
              ...new Set(findings.map((f) => f.resource.accountId).filter((a) => a !== undefined)),
            ].sort(),
          }
        : {
            kind: "aws-account",
            accountId: t?.accountId ?? "unknown",
            partition: t?.partition ?? "aws",
            regions: [],
          };
  const raw = {
    schema: REPORT_SCHEMA_ID,
    tool: { name: "lambda-guard", version: payload.tool?.version ?? "unknown" },
    generatedAt: ctx.generatedAt,
    target: {
      ...target,
      repository: payload.repository ?? ctx.repository,
      ...(payload.commit ? { commit: payload.commit } : {}),
    },
    coverage: [{ scope: "handoff", status: payload.complete ? "complete" : "partial" }],
    summary: payload.summary ?? { critical: 0, high: 0, medium: 0, low: 0, suppressed: 0 },
    findings,
  };
  return validateReport(raw, ctx);
}

function expandFinding(f: CompactFinding): Finding {
  const rule = RULES[f.rule];
  const out: Record<string, unknown> = {
    fingerprint: f.fingerprint,
    rule: f.rule,
    severity: f.severity,
    title: rule.title,
    // What the detector said about this finding when the marker carries it; the rule's text otherwise.
    message: f.message ?? rule.description,
    resource: f.resource,
    evidence: f.evidence ?? {},
    remediation: { summary: f.fix ?? rule.help, ...(f.commands?.length ? { commands: f.commands } : {}) },
  };
  if (f.location) out.location = f.location;
  return out as unknown as Finding;
}

/** A report the app may use to close pull requests and issues: complete coverage, no errors. */
export function isResolvable(report: Report, handoffComplete: boolean): boolean {
  return handoffComplete && !isIncomplete(report.coverage);
}
