import { describe, expect, it } from "vitest";
import { buildReport, fingerprint, type Finding } from "../../src/model/index.js";
import {
  archivedCopy,
  ASFF_LIMITS,
  renderAsff,
  renderAsffJson,
  truncate,
  type AsffContext,
  type AsffFinding,
} from "../../src/report/asff.js";
import {
  accountReport,
  iacReport,
  iacFinding,
  mixedReport,
  principalFinding,
  urlFinding,
} from "./reports.js";

const CTX = { region: "eu-central-1" };

function one(f: Finding, ctx: AsffContext = CTX): AsffFinding {
  const out = renderAsff(accountReport([f]), ctx);
  expect(out).toHaveLength(1);
  return out[0]!;
}

describe("renderAsff: the attributes of every finding", () => {
  const url = urlFinding("webhook", { region: "us-west-2", qualifier: "live" });
  const asff = one(url);

  it.each<[keyof AsffFinding, unknown]>([
    ["SchemaVersion", "2018-10-08"],
    ["Id", url.fingerprint],
    ["ProductArn", "arn:aws:securityhub:eu-central-1:111122223333:product/111122223333/default"],
    ["GeneratorId", "LG001"],
    ["AwsAccountId", "111122223333"],
    ["Region", "eu-central-1"],
    ["CompanyName", "lambda-guard"],
    ["ProductName", "lambda-guard"],
    ["RecordState", "ACTIVE"],
    ["Workflow", { Status: "NEW" }],
    ["Severity", { Label: "CRITICAL", Original: "critical" }],
    ["CreatedAt", "2026-11-23T10:00:00Z"],
    ["UpdatedAt", "2026-11-23T10:00:00Z"],
    ["FirstObservedAt", "2026-11-23T10:00:00Z"],
    ["Types", ["Software and Configuration Checks/AWS Security Best Practices", "Effects/Data Exposure"]],
  ])("%s", (key, value) => {
    expect(asff[key]).toEqual(value);
  });

  it("titles the finding with its rule and the resource as people name it", () => {
    expect(asff.Title).toBe("LG001 Function URL is public: webhook:live");
    expect(asff.Description).toBe(url.message);
  });

  it("names the function by ARN, region and partition", () => {
    expect(asff.Resources).toEqual([
      {
        Type: "AwsLambdaFunction",
        Id: "arn:aws:lambda:us-west-2:111122223333:function:webhook",
        Partition: "aws",
        Region: "us-west-2",
        Details: { AwsLambdaFunction: { FunctionName: "webhook" } },
      },
    ]);
    expect(asff.ProductFields["lambda-guard/Qualifier"]).toBe("live");
  });

  it("recommends the finding's fix and links the rule", () => {
    expect(asff.Remediation.Recommendation).toEqual({
      Text: url.remediation.summary,
      Url: "https://github.com/lambda-guard/lambda-guard#rules-lg001",
    });
  });
});

describe("renderAsff: resource types and severities by rule", () => {
  const user: Finding = {
    ...principalFinding("x"),
    resource: { kind: "principal", arn: "arn:aws:iam::111122223333:user/bob", accountId: "111122223333" },
  };
  const lg002: Finding = {
    ...urlFinding("resizer"),
    rule: "LG002",
    severity: "high",
    resource: { ...urlFinding("resizer").resource, kind: "function" },
  };
  const lg003: Finding = { ...urlFinding("legacy"), rule: "LG003", severity: "low" };
  it.each<[string, Finding, string, string, string]>([
    ["LG001 url", urlFinding("a"), "AwsLambdaFunction", "CRITICAL", "Effects/Data Exposure"],
    ["LG002 function", lg002, "AwsLambdaFunction", "HIGH", "Effects/Data Exposure"],
    [
      "LG003 url",
      lg003,
      "AwsLambdaFunction",
      "LOW",
      "Software and Configuration Checks/AWS Security Best Practices",
    ],
    [
      "LG004 role",
      principalFinding("ci"),
      "AwsIamRole",
      "MEDIUM",
      "Software and Configuration Checks/AWS Security Best Practices",
    ],
    [
      "LG004 user",
      user,
      "AwsIamUser",
      "MEDIUM",
      "Software and Configuration Checks/AWS Security Best Practices",
    ],
  ])("%s", (_name, f, type, label, lastType) => {
    const a = one(f);
    expect(a.Resources[0]!.Type).toBe(type);
    expect(a.Resources[0]!.Id).toBe(f.resource.arn);
    expect(a.Severity.Label).toBe(label);
    expect(a.Types[a.Types.length - 1]).toBe(lastType);
    expect(a.GeneratorId).toBe(f.rule);
  });

  it("keeps the role name from a path-qualified role ARN", () => {
    const f: Finding = {
      ...principalFinding("x"),
      resource: {
        kind: "principal",
        arn: "arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Dev_1a2b",
      },
    };
    expect(one(f).Resources[0]!.Details).toEqual({ AwsIamRole: { RoleName: "AWSReservedSSO_Dev_1a2b" } });
  });

  it("an LG004 caller from another account is still the scanned account's finding", () => {
    const f: Finding = {
      ...principalFinding("partner"),
      resource: {
        kind: "principal",
        arn: "arn:aws:iam::444455556666:role/partner",
        accountId: "444455556666",
      },
    };
    const a = one(f);
    expect(a.AwsAccountId).toBe("111122223333");
    expect(a.ProductArn).toContain(":111122223333:product/111122223333/default");
    expect(a.Resources[0]!.Id).toBe("arn:aws:iam::444455556666:role/partner");
  });
});

describe("renderAsff: limits and edge cases", () => {
  it.each([
    ["title", "Title", ASFF_LIMITS.title],
    ["message", "Description", ASFF_LIMITS.description],
  ] as const)("a long %s is cut to Security Hub's limit", (field, key, max) => {
    const f: Finding = { ...urlFinding("a"), [field]: "🔓".repeat(3000) };
    const a = one(f);
    const value = a[key];
    expect(Array.from(value).length).toBeLessThanOrEqual(max);
    expect(value.endsWith("…")).toBe(true);
    // No lone surrogate: the cut is at a code-point boundary.
    expect(value).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it("a long remediation is cut to 512 characters", () => {
    const f: Finding = { ...urlFinding("a"), remediation: { summary: "x ".repeat(600) } };
    expect(Array.from(one(f).Remediation.Recommendation.Text).length).toBeLessThanOrEqual(512);
  });

  it("an empty message falls back to the rule's description (ASFF strings must not be blank)", () => {
    const f: Finding = { ...urlFinding("a"), message: "  ", remediation: { summary: "" } };
    const a = one(f);
    expect(a.Description).toMatch(/^The function URL uses AuthType NONE/);
    expect(a.Remediation.Recommendation.Text).toMatch(/AWS_IAM/);
  });

  it("truncate leaves short text alone and counts code points", () => {
    expect(truncate("abc", 3)).toBe("abc");
    expect(truncate("abcd", 3)).toBe("ab…");
    expect(truncate("😀😀😀😀", 3)).toBe("😀😀…");
  });

  it("leaves out suppressed findings", () => {
    const report = mixedReport();
    const suppressed = report.findings.filter((f) => f.suppression).map((f) => f.fingerprint);
    expect(suppressed.length).toBeGreaterThan(0);
    const ids = renderAsff(report, CTX).map((a) => a.Id);
    expect(ids.length).toBe(report.findings.length - suppressed.length);
    for (const id of suppressed) expect(ids).not.toContain(id);
  });

  it("a partition outside Security Hub's list is left out of the resource; the ARNs keep it", () => {
    const report = buildReport({
      version: "1",
      target: {
        kind: "aws-account",
        accountId: "111122223333",
        partition: "aws-iso",
        regions: ["us-iso-east-1"],
      },
      coverage: [],
      findings: [urlFinding("a")],
      now: new Date("2026-11-23T10:00:00Z"),
    });
    const [a] = renderAsff(report, { region: "us-iso-east-1" });
    expect(a!.ProductArn).toMatch(/^arn:aws-iso:securityhub:us-iso-east-1:/);
    expect(a!.Resources[0]).not.toHaveProperty("Partition");
  });

  it("keeps when Security Hub first saw a finding, and LG004's last CloudTrail event", () => {
    const f: Finding = { ...principalFinding("ci"), evidence: { lastSeen: "2026-11-20T08:00:00Z" } };
    const firstSeen = new Map([
      [f.fingerprint, { CreatedAt: "2026-10-01T00:00:00Z", FirstObservedAt: "2026-09-30T00:00:00Z" }],
    ]);
    const a = one(f, { ...CTX, firstSeen });
    expect(a.CreatedAt).toBe("2026-10-01T00:00:00Z");
    expect(a.FirstObservedAt).toBe("2026-09-30T00:00:00Z");
    expect(a.LastObservedAt).toBe("2026-11-20T08:00:00Z");
    expect(a.UpdatedAt).toBe("2026-11-23T10:00:00Z");
  });

  it("an LG004 caller first seen by this scan is first observed at its last CloudTrail event, not after it", () => {
    const f: Finding = { ...principalFinding("ci"), evidence: { lastSeen: "2026-11-20T08:00:00Z" } };
    const a = one(f);
    expect(a.FirstObservedAt).toBe("2026-11-20T08:00:00Z");
    expect(a.LastObservedAt).toBe("2026-11-20T08:00:00Z");
    expect(a.CreatedAt).toBe("2026-11-23T10:00:00Z");
  });

  it("refuses an IaC report with a message naming the fix", () => {
    expect(() => renderAsff(iacReport([iacFinding(1)]), CTX)).toThrow(/lambda-guard scan/);
  });

  it("renders a JSON array (what batch-import-findings --findings takes)", () => {
    const text = renderAsffJson(accountReport([urlFinding("a"), principalFinding("b")]), CTX);
    const parsed = JSON.parse(text) as AsffFinding[];
    expect(Array.isArray(parsed)).toBe(true);
    expect(parsed.map((p) => p.GeneratorId).sort()).toEqual(["LG001", "LG004"]);
  });

  it("Ids are the fingerprints, so a re-import updates instead of duplicating", () => {
    const a = renderAsff(accountReport([urlFinding("a")]), CTX);
    const b = renderAsff(accountReport([urlFinding("a")]), { region: "eu-central-1" });
    expect(a[0]!.Id).toBe(b[0]!.Id);
    expect(a[0]!.Id).toBe(fingerprint("LG001", "arn:aws:lambda:us-east-1:111122223333:function:a", null));
  });
});

describe("archivedCopy", () => {
  it("re-sends the provider's attributes as ARCHIVED, without Security Hub's own fields", () => {
    const stored = {
      ...one(urlFinding("a")),
      Workflow: { Status: "NOTIFIED" },
      WorkflowState: "NEW",
      ProcessedAt: "2026-11-23T10:00:01Z",
      ProductFields: { "lambda-guard/Rule": "LG001", "aws/securityhub/FindingId": "arn:…" },
    };
    const out = archivedCopy(stored, "2026-11-24T00:00:00Z");
    expect(out).toMatchObject({ Id: stored.Id, RecordState: "ARCHIVED", UpdatedAt: "2026-11-24T00:00:00Z" });
    expect(out.CreatedAt).toBe(stored.CreatedAt);
    expect(out).not.toHaveProperty("Workflow");
    expect(out).not.toHaveProperty("WorkflowState");
    expect(out).not.toHaveProperty("ProcessedAt");
    expect(out.ProductFields).toEqual({ "lambda-guard/Rule": "LG001" });
  });
});
