import { describe, expect, it } from "vitest";
import { ReportSchema, RULE_IDS, RULES } from "../../src/model/index.js";
import {
  byteLength,
  mergeReports,
  renderJson,
  renderMarkdown,
  renderReport,
  renderSarif,
  renderText,
  resourceLabel,
} from "../../src/report/index.js";
import {
  accountReport,
  brokenCoverage,
  iacReport,
  manyIacFindings,
  mixedReport,
  urlFinding,
} from "./reports.js";

describe("renderText", () => {
  it("shows every finding's resource, rule, where, and a summary line", () => {
    const report = mixedReport(brokenCoverage);
    const text = renderText(report);
    for (const f of report.findings.filter((x) => !x.suppression)) {
      expect(text).toContain(resourceLabel(f));
      expect(text).toContain(f.rule);
    }
    expect(text).toContain("api:live");
    expect(text).toContain("infra/main.tf:22-25");
    // Principals read as role/name with their account in the where column; paths would swamp the table.
    expect(text).toMatch(/role\/ci-deployer +account 111122223333/);
    expect(text).toContain("aws_iam_role_policy.reader_1");
    expect(text).toContain("Coverage problems (2):");
    expect(text).toContain("AccessDeniedException");
    expect(text).toMatch(
      /Suppressed \(1\):\n {2}LG001 stripe-webhook — Stripe signs every request \(config, until 2027-06-30\)/,
    );
    const last = text.trimEnd().split("\n").at(-1)!;
    expect(last).toContain("7 findings (2 critical, 1 high, 3 medium, 1 low)");
    expect(last).toContain("1 suppressed");
    expect(last).toContain("scan incomplete: 1 failed, 1 partial of 3 scopes");
    expect(text).not.toContain("\u001b[");
  });

  it("colours severities only when asked and fits the title column to the width", () => {
    const report = mixedReport();
    expect(renderText(report, { color: true })).toContain("\u001b[1;31mCRITICAL\u001b[0m");
    const wide = renderText(report, { width: 300 });
    expect(wide).not.toContain("…");
    const narrow = renderText(report, { width: 80 });
    const tableLines = narrow.split("\n").slice(0, 8);
    const titleAt = tableLines[0]!.indexOf("TITLE");
    // The other columns are never cut (a principal ARN is long), the title shrinks to at least 10.
    for (const l of tableLines) expect(l.length).toBeLessThanOrEqual(Math.max(80, titleAt + 10));
    expect(narrow).toContain("…");
    expect(narrow).toContain("role/ci-deployer");
  });

  it("says so when clean, and strips terminal control characters", () => {
    expect(renderText(accountReport([]))).toMatch(/^No findings\.\n\nno findings · coverage complete/);
    const evil = urlFinding("x");
    evil.title = "bad\u001b[2Jtitle";
    expect(renderText(accountReport([evil]))).not.toContain("\u001b");
  });
});

describe("renderJson", () => {
  it("is stable, 2-space, newline-terminated and re-validates", () => {
    const report = mixedReport();
    const json = renderJson(report);
    expect(json.endsWith("}\n")).toBe(true);
    expect(json).toContain('\n  "schema": "lambda-guard/report@1"');
    expect(renderJson(JSON.parse(json))).toBe(json);
    expect(ReportSchema.parse(JSON.parse(json))).toEqual(report);
  });
});

describe("renderSarif", () => {
  it("is structurally valid SARIF 2.1.0", () => {
    const report = mixedReport(brokenCoverage);
    const log = JSON.parse(JSON.stringify(renderSarif(report)));
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    expect(log.version).toBe("2.1.0");
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0];
    const rules = run.tool.driver.rules as {
      id: string;
      help: { text: string; markdown: string };
      properties: Record<string, unknown>;
    }[];
    expect(run.tool.driver.name).toBe("lambda-guard");
    expect(run.tool.driver.version).toBe("1.2.3");
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    expect(rules.map((r) => r.id)).toEqual([...RULE_IDS]);
    for (const r of rules) {
      expect(r.help.text.length).toBeGreaterThan(20);
      expect(r.help.markdown).toContain(RULES[r.id as "LG001"].helpUri);
      expect(r.properties["security-severity"]).toMatch(/^\d+\.\d$/);
      expect(r.properties.tags).toContain("security");
    }
    expect(rules[0]!.properties["security-severity"]).toBe("9.5");
    expect(rules[3]!.properties["security-severity"]).toBe("5.5");
    expect(run.results).toHaveLength(report.findings.length);
    for (const res of run.results) {
      expect(rules[res.ruleIndex]!.id).toBe(res.ruleId);
      expect(["error", "warning", "note"]).toContain(res.level);
      expect(res.message.text.length).toBeGreaterThan(0);
      expect(res.partialFingerprints["lambdaGuard/v1"]).toMatch(/^lg1:/);
      for (const loc of res.locations) {
        if (loc.physicalLocation) {
          expect(loc.physicalLocation.artifactLocation.uri).not.toMatch(/^\//);
          expect(loc.physicalLocation.region.startLine).toBeGreaterThanOrEqual(1);
          expect(loc.physicalLocation.region.endLine).toBeGreaterThanOrEqual(
            loc.physicalLocation.region.startLine,
          );
        }
      }
    }
    const sup = run.results.filter((r: { suppressions?: unknown[] }) => r.suppressions);
    expect(sup).toHaveLength(1);
    expect(sup[0].suppressions).toEqual([
      { kind: "external", justification: "Stripe signs every request (until 2027-06-30)" },
    ]);
    expect(run.invocations[0].executionSuccessful).toBe(false);
    expect(run.invocations[0].toolExecutionNotifications).toHaveLength(2);
  });

  it("keeps only located findings when asked (code scanning needs a file)", () => {
    const report = mixedReport();
    const log = renderSarif(report, { onlyLocated: true });
    const results = log.runs[0].results;
    expect(results).toHaveLength(report.findings.filter((f) => f.location).length);
    expect(results.every((r) => r.locations[0]?.physicalLocation)).toBe(true);
    const api = results.find((r) => r.message.text.includes("api:live"))!;
    expect(api.locations[0]!.physicalLocation!.region).toEqual({ startLine: 22, endLine: 25 });
    expect(api.level).toBe("error");
    const lg005 = results.find((r) => r.ruleId === "LG005")!;
    expect(lg005.level).toBe("warning");
    expect(lg005.locations[0]!.physicalLocation!.region).toEqual({
      startLine: 11,
      endLine: 11,
      startColumn: 5,
      endColumn: 30,
    });
  });

  it("renderReport('sarif') is the same log as JSON", () => {
    const report = mixedReport();
    expect(JSON.parse(renderReport(report, "sarif"))).toEqual(
      JSON.parse(JSON.stringify(renderSarif(report))),
    );
  });
});

describe("renderMarkdown", () => {
  it("has a heading, counts, a table per severity, coverage and the fix with commands", () => {
    const md = renderMarkdown(mixedReport(brokenCoverage));
    expect(md).toMatch(
      /^## Lambda Guard: 7 findings \(2 critical, 1 high, 3 medium, 1 low\) \(scan incomplete\)/,
    );
    expect(md).toContain("| Critical | High | Medium | Low | Suppressed |");
    expect(md).toContain("| 2 | 1 | 3 | 1 | 1 |");
    for (const h of [
      "### Critical (2)",
      "### High (1)",
      "### Medium (3)",
      "### Low (1)",
      "### Coverage",
      "### How to fix",
    ]) {
      expect(md).toContain(h);
    }
    expect(md).toContain("| `eu-west-1/cloudtrail` | failed | AccessDeniedException");
    expect(md).toContain(
      "```sh\naws lambda update-function-url-config --function-name webhook --auth-type AWS_IAM --region us-east-1\n",
    );
    expect(md).toContain('"Action": "lambda:ListTags"');
    expect(md).toContain("1 suppressed finding");
    expect(md).not.toContain("[!NOTE]");
  });

  it("escapes table cells and HTML from AWS or IaC text", () => {
    const f = urlFinding("evil");
    f.title = "a | b <img src=x onerror=alert(1)>";
    const md = renderMarkdown(accountReport([f]));
    expect(md).toContain("a \\| b &lt;img");
    expect(md).not.toContain("<img");
  });

  it.each([65_535, 20_000, 3_000, 600, 120, 10])(
    "never exceeds maxLength %i and points to the artifact",
    (max) => {
      const report = iacReport(manyIacFindings(500));
      const md = renderMarkdown(report, { maxLength: max, artifactName: "lambda-guard-report" });
      expect(byteLength(md)).toBeLessThanOrEqual(max);
      if (max >= 120) expect(md).toContain("lambda-guard-report");
    },
  );

  it("truncates at a finding boundary: fixes first, then table rows", () => {
    const report = iacReport(manyIacFindings(500));
    const full = renderMarkdown(report);
    expect(byteLength(full)).toBeGreaterThan(65_535);
    const md = renderMarkdown(report, { maxLength: 65_535 });
    expect(md).toContain("> [!NOTE]");
    expect(md).toContain("artifact `lambda-guard-report`");
    // A fix section is either complete or absent.
    const anchors = md.match(/<a id="fix-/g)?.length ?? 0;
    const headings = md.match(/^#### /gm)?.length ?? 0;
    expect(anchors).toBe(headings);
    const small = renderMarkdown(report, { maxLength: 3_000 });
    expect(small).toMatch(/\d+ findings and \d+ fixes are not shown/);
    expect(
      small
        .split("\n")
        .filter((l) => l.startsWith("| LG"))
        .every((l) => l.endsWith("|")),
    ).toBe(true);
  });

  it("counts bytes, not UTF-16 units", () => {
    const f = urlFinding("unicode");
    f.message = "é".repeat(40_000);
    const md = renderMarkdown(accountReport([f, urlFinding("b")]), { maxLength: 65_535 });
    expect(byteLength(md)).toBeLessThanOrEqual(65_535);
  });
});

describe("mergeReports", () => {
  it("merges an account and an IaC report for mode both", () => {
    const account = accountReport([urlFinding("webhook")]);
    const iac = iacReport(manyIacFindings(3), [
      { scope: "infra/iam-0.tf", status: "failed", detail: "parse error" },
    ]);
    const merged = mergeReports([account, iac]);
    expect(ReportSchema.parse(merged)).toBeTruthy();
    expect(merged.target.kind).toBe("aws-account");
    expect(merged.target["iacRoot"]).toBe("infra");
    expect(merged.target.repository).toBe("octo-org/payments");
    expect(merged.findings).toHaveLength(4);
    expect(merged.findings[0]!.rule).toBe("LG001");
    expect(merged.summary).toEqual({ critical: 1, high: 1, medium: 2, low: 0, suppressed: 0 });
    expect(merged.coverage).toHaveLength(3);
    expect(mergeReports([account, account]).findings).toHaveLength(1);
  });
});

describe("principal labels", () => {
  it("drop the IAM path (SSO roles) and keep the name; the account goes to the where column", async () => {
    const { resourceLabel, whereLabel } = await import("../../src/report/index.js");
    const f = {
      resource: {
        kind: "principal" as const,
        arn: "arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Dev_3f2a",
      },
    } as Parameters<typeof resourceLabel>[0];
    expect(resourceLabel(f)).toBe("role/AWSReservedSSO_Dev_3f2a");
    expect(whereLabel(f)).toBe("account 111122223333");
    const root = {
      resource: { kind: "principal" as const, arn: "arn:aws:iam::444455556666:root" },
    } as typeof f;
    expect(resourceLabel(root)).toBe("root");
  });
});
