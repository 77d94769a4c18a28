import { describe, expect, it } from "vitest";
import {
  applyAllowList,
  applyRuleOverrides,
  buildReport,
  fingerprint,
  globMatch,
  isIncomplete,
  parseConfig,
  ReportSchema,
  type Finding,
} from "../../src/model/index.js";

function finding(over: Partial<Finding> = {}): Finding {
  const arn = "arn:aws:lambda:us-east-1:111122223333:function:webhook";
  return {
    fingerprint: fingerprint("LG001", arn, null),
    rule: "LG001",
    severity: "critical",
    title: "Function URL is public",
    message: "m",
    resource: { kind: "function-url", arn, region: "us-east-1", functionName: "webhook", qualifier: null },
    evidence: {},
    remediation: { summary: "s" },
    ...over,
  };
}

describe("fingerprint", () => {
  it("is stable for the same identity and differs per rule, resource and qualifier", () => {
    const a = fingerprint("LG001", "arn:x", null);
    expect(fingerprint("LG001", "arn:x", null)).toBe(a);
    expect(a).toMatch(/^lg1:[0-9a-f]{32}$/);
    expect(fingerprint("LG002", "arn:x", null)).not.toBe(a);
    expect(fingerprint("LG001", "arn:y", null)).not.toBe(a);
    expect(fingerprint("LG001", "arn:x", "live")).not.toBe(a);
    // Parts are delimited: ("ab","c") and ("a","bc") must not collide.
    expect(fingerprint("LG001", "ab", "c")).not.toBe(fingerprint("LG001", "a", "bc"));
  });
});

describe("report", () => {
  it("builds a report that validates against the contract schema, sorted and summarised", () => {
    const low = finding({ severity: "low", rule: "LG003", fingerprint: fingerprint("LG003", "a") });
    const crit = finding();
    const sup = finding({
      severity: "high",
      rule: "LG002",
      fingerprint: fingerprint("LG002", "b"),
      suppression: { source: "config", reason: "intended" },
    });
    const r = buildReport({
      version: "1.2.3",
      target: { kind: "aws-account", accountId: "111122223333", partition: "aws", regions: ["us-east-1"] },
      coverage: [{ scope: "us-east-1/lambda", status: "complete" }],
      findings: [low, sup, crit],
      now: new Date("2026-11-23T10:00:00.123Z"),
    });
    expect(ReportSchema.parse(JSON.parse(JSON.stringify(r)))).toBeTruthy();
    expect(r.generatedAt).toBe("2026-11-23T10:00:00Z");
    expect(r.findings.map((f) => f.severity)).toEqual(["critical", "high", "low"]);
    expect(r.summary).toEqual({ critical: 1, high: 0, medium: 0, low: 1, suppressed: 1 });
  });

  it("rejects reports that break the contract", () => {
    const base = buildReport({
      version: "1",
      target: { kind: "iac", root: "." },
      coverage: [],
      findings: [finding()],
    });
    expect(ReportSchema.safeParse({ ...base, schema: "lambda-guard/report@2" }).success).toBe(false);
    expect(ReportSchema.safeParse({ ...base, findings: [{ ...finding(), rule: "LG999" }] }).success).toBe(
      false,
    );
    expect(ReportSchema.safeParse({ ...base, findings: [{ ...finding(), fingerprint: "x" }] }).success).toBe(
      false,
    );
    expect(
      ReportSchema.safeParse({
        ...base,
        findings: [{ ...finding(), location: { path: "a", startLine: 0, endLine: 1 } }],
      }).success,
    ).toBe(false);
    // Additive fields from newer versions are accepted.
    expect(ReportSchema.safeParse({ ...base, extra: { future: true } }).success).toBe(true);
  });

  it("is incomplete when any coverage entry failed or is partial", () => {
    expect(
      isIncomplete([
        { scope: "a", status: "complete" },
        { scope: "b", status: "skipped" },
      ]),
    ).toBe(false);
    expect(
      isIncomplete([
        { scope: "a", status: "complete" },
        { scope: "b", status: "partial" },
      ]),
    ).toBe(true);
    expect(isIncomplete([{ scope: "b", status: "failed" }])).toBe(true);
  });
});

describe("suppression", () => {
  const config = parseConfig(`
allow:
  - rule: LG001
    resource: "arn:aws:lambda:us-east-1:*:function:web*"
    reason: signed webhook
    expires: 2027-06-30
  - rule: LG002
    resource: aws_lambda_permission.public
    reason: demo
    expires: 2020-01-01
rules: { LG003: off, LG002: medium }
`);

  it("matches ARN globs, keeps suppressed findings, and ignores other rules", () => {
    const [a, b] = applyAllowList([finding(), finding({ rule: "LG003" })], config, new Date("2026-11-23"));
    expect(a!.suppression).toEqual({ source: "config", reason: "signed webhook", expires: "2027-06-30" });
    expect(b!.suppression).toBeUndefined();
  });

  it("stops suppressing after expiry and records the expired entry", () => {
    const f = finding({
      rule: "LG002",
      resource: { kind: "function", iac: { address: "aws_lambda_permission.public" } },
    });
    const [out] = applyAllowList([f], config, new Date("2026-11-23"));
    expect(out!.suppression).toBeUndefined();
    expect(out!.evidence.expiredAllow).toEqual({ reason: "demo", expires: "2020-01-01" });
  });

  it("applies rule overrides: off drops, a severity rewrites", () => {
    const out = applyRuleOverrides(
      [finding({ rule: "LG003" }), finding({ rule: "LG002", severity: "high" })],
      config,
    );
    expect(out).toHaveLength(1);
    expect(out[0]!.severity).toBe("medium");
  });

  it("globs match whole strings only", () => {
    expect(globMatch("arn:*:function:web", "arn:aws:lambda:function:web")).toBe(true);
    expect(globMatch("web", "webhook")).toBe(false);
    expect(globMatch("web?ook", "webhook")).toBe(true);
    expect(globMatch("a.b", "axb")).toBe(false);
  });
});
