import { describe, expect, it } from "vitest";
import { AwsClients } from "../../src/aws/clients.js";
import { selectAccounts, type OrgAccount } from "../../src/aws/org/accounts.js";
import { toSqlite } from "../../src/emulator/services/cloudtrail-lake.js";
import { buildReport, type Finding, type Report } from "../../src/model/index.js";
import { mergeOrganizationReports, MergeRefusal, renderReport } from "../../src/report/index.js";

const accounts: OrgAccount[] = [
  { id: "111122223333", name: "management", status: "ACTIVE" },
  { id: "444455556666", name: "payments-prod", status: "ACTIVE" },
  { id: "555566667777", name: "Payments-Dev", status: "ACTIVE" },
  { id: "666677778888", name: "sandbox-1", status: "SUSPENDED" },
];

describe("selectAccounts", () => {
  it.each([
    [undefined, undefined, ["111122223333", "444455556666", "555566667777"]],
    [["payments-*"], undefined, ["444455556666", "555566667777"]],
    [["payments-?rod"], undefined, ["444455556666"]],
    [["111122223333", "sandbox-*"], undefined, ["111122223333"]],
    [undefined, ["*-dev", "111122223333"], ["444455556666"]],
    [["payments.prod"], undefined, []],
  ])("include %j exclude %j → %j", (include, exclude, ids) => {
    expect(selectAccounts(accounts, include, exclude).map((a) => a.id)).toEqual(ids);
  });
});

describe("toSqlite: Lake's struct fields and data store name", () => {
  const store = {
    id: "eds-1",
    arn: "arn:aws:cloudtrail:us-east-1:111122223333:eventdatastore/eds-1",
    organization: true,
  };
  it.each([
    ["SELECT userIdentity.arn FROM eds-1", `SELECT json_extract("userIdentity", '$.arn') FROM  events `],
    [
      "SELECT x FROM arn:aws:cloudtrail:us-east-1:111122223333:eventdatastore/eds-1 WHERE USERIDENTITY.sessionContext.sessionIssuer.arn = 'a'",
      `SELECT x FROM  events  WHERE json_extract("userIdentity", '$.sessionContext.sessionIssuer.arn') = 'a'`,
    ],
    // Strings and quoted names are left alone; so are other tables' columns.
    [
      "SELECT 'userIdentity.arn', \"userIdentity.arn\", t.userIdentity FROM eds-1 t",
      `SELECT 'userIdentity.arn', "userIdentity.arn", t.userIdentity FROM  events  t`,
    ],
  ])("%s", (sql, expected) => {
    expect(toSqlite(sql, store)).toBe(expected);
  });
});

function finding(fp: string, accountId?: string): Finding {
  return {
    fingerprint: `lg1:${fp.padEnd(32, "0")}`,
    rule: "LG001",
    severity: "critical",
    title: "t",
    message: "m",
    resource: {
      kind: "function-url",
      arn: `arn:aws:lambda:us-east-1:${accountId ?? "444455556666"}:function:${fp}`,
      ...(accountId ? { accountId } : {}),
    },
    evidence: {},
    remediation: { summary: "s" },
  };
}
const account = (id: string, findings: Finding[], extra: Record<string, unknown> = {}): Report =>
  buildReport({
    version: "1",
    target: { kind: "aws-account", accountId: id, partition: "aws", regions: ["us-east-1"], ...extra },
    coverage: [{ scope: "us-east-1/lambda", status: "complete" }],
    findings,
  });
const org = (ids: string[], findings: Finding[], organizationId = "o-aaaaaaaaaa"): Report =>
  buildReport({
    version: "1",
    target: { kind: "aws-organization", organizationId, partition: "aws", accounts: ids },
    coverage: ids.map((id) => ({ scope: `${id}/us-east-1/lambda`, status: "complete" as const })),
    findings,
  });

describe("mergeOrganizationReports", () => {
  it("tags account reports, prefixes their scopes, de-duplicates and recomputes the summary", () => {
    const merged = mergeOrganizationReports([
      org(["111122223333"], [finding("a", "111122223333")]),
      account("444455556666", [finding("b"), finding("c")]),
      account("444455556666", [finding("b")]),
    ]);
    expect(merged.target).toMatchObject({
      kind: "aws-organization",
      organizationId: "o-aaaaaaaaaa",
      accounts: ["111122223333", "444455556666"],
    });
    expect(merged.findings.map((f) => f.resource.accountId).sort()).toEqual([
      "111122223333",
      "444455556666",
      "444455556666",
    ]);
    expect(merged.summary.critical).toBe(3);
    expect(merged.coverage.map((c) => c.scope)).toEqual([
      "111122223333/us-east-1/lambda",
      "444455556666/us-east-1/lambda",
      "444455556666/us-east-1/lambda",
    ]);
  });

  it.each([
    [[org(["1"], []), org(["2"], [], "o-bbbbbbbbbb")], 1, /organization o-bbbbbbbbbb/],
    [[account("1", []), account("2", [], { partition: "aws-cn" })], 1, /partition aws-cn/],
    [
      [account("1", [], { commit: "a".repeat(40) }), account("2", [], { commit: "b".repeat(40) })],
      1,
      /commit/,
    ],
    [
      [
        account("1", []),
        buildReport({ version: "1", target: { kind: "iac", root: "." }, coverage: [], findings: [] }),
      ],
      1,
      /IaC report/,
    ],
  ])("refuses a foreign report (%#)", (reports, index, message) => {
    let err: unknown;
    try {
      mergeOrganizationReports(reports as Report[]);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(MergeRefusal);
    expect((err as MergeRefusal).index).toBe(index);
    expect((err as Error).message).toMatch(message);
  });
});

describe("renderers name the account of organization findings", () => {
  it("text shows account and region, and the organization in the summary line", () => {
    const f = {
      ...finding("a", "444455556666"),
      resource: { ...finding("a", "444455556666").resource, region: "us-east-1" },
    };
    const text = renderReport(org(["444455556666"], [f]), "text");
    expect(text).toContain("444455556666 us-east-1");
    expect(text).toContain("AWS Organization o-aaaaaaaaaa (1 account)");
  });
});

describe("a member account's clients", () => {
  it("keep the caller's budget, home region, retry policy and scan-wide cancellation, with buckets of their own", () => {
    const scan = new AbortController();
    const caller = new AwsClients({
      apiBudget: 2,
      homeRegion: "eu-west-1",
      endpointUrl: "http://127.0.0.1:9",
      retry: { callTimeoutMs: 5_000 },
      signal: scan.signal,
      credentials: { accessKeyId: "AKIATESTTESTTEST0000", secretAccessKey: "x" },
    });
    const member = caller.forCredentials({ accessKeyId: "ASIAMEMBER", secretAccessKey: "y" });
    try {
      expect(member.apiBudget).toBe(2);
      expect(member.homeRegion).toBe("eu-west-1");
      expect(member.policy.callTimeoutMs).toBe(5_000);
      expect(member.signal).toBe(scan.signal);
      expect(member.bucket("lambda:GetPolicy", "us-east-1")).not.toBe(
        caller.bucket("lambda:GetPolicy", "us-east-1"),
      );
    } finally {
      member.destroy();
      caller.destroy();
    }
  });
});
