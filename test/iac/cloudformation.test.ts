import { describe, expect, it } from "vitest";
import { cloudformationDetector } from "../../src/iac/cloudformation/index.js";
import { applyInlineIntent } from "../../src/iac/intent.js";
import {
  applyAll,
  expectFixClean,
  fixture,
  found,
  markers,
  run,
  fixtureCases,
} from "./cloudformation.helpers.js";

const DIR = "test/fixtures/iac/cloudformation";
const d = cloudformationDetector;

const YAML_CASES = [
  "url-public.yaml",
  "url-only-url-permission.yaml",
  "url-only-invoke-permission.yaml",
  "url-none-no-permission.yaml",
  "url-iam.yaml",
  "url-parameter-default.yaml",
  "url-if-condition.yaml",
  "url-long-form.yaml",
  "url-permission-referenced.yaml",
  "invoke-public-lg002.yaml",
  "latent-url-permission.yaml",
  "alias-url.yaml",
  "resource-policy.yaml",
  "resource-policy-source-ip.yaml",
  "resource-policy-not-equals.yaml",
  "iam-policy-scalar.yaml",
  "iam-role-inline-list.yaml",
  "iam-listtags-elsewhere.yaml",
  "iam-managed-policy.yaml",
  "iam-negatives.yaml",
  "intent-inline.yaml",
  "intent-checkov.yaml",
];

fixtureCases("cloudformation detector: fixtures (exact file and line, clean fix)", d, DIR, YAML_CASES);

describe("cloudformation detector: details", () => {
  it("LG001: removes both public permissions and sets AWS_IAM, leaving the rest byte-identical", async () => {
    const file = fixture(`${DIR}/url-public.yaml`);
    const r = await run(d, file);
    const f = r.findings[0]!;
    expect(f.finding).toMatchObject({
      rule: "LG001",
      severity: "critical",
      resource: {
        kind: "function-url",
        functionName: "webhook",
        iac: { address: "WebhookUrl", flavour: "cloudformation" },
      },
      evidence: { authType: "NONE", statements: ["WebhookUrlPublicAccess", "WebhookInvokeViaUrl"] },
    });
    expect(f.function).toMatchObject({ logicalId: "WebhookFunction", functionName: "webhook" });
    const after = await expectFixClean(d, file, f);
    expect(after).toContain("      AuthType: AWS_IAM        # expect: LG001/critical\n");
    expect(after).not.toContain("WebhookUrlPublicAccess");
    expect(after).not.toContain("WebhookInvokeViaUrl");
    expect(after).toContain("  WebhookRole:\n    Type: AWS::IAM::Role");
    expect(after).toContain("Outputs:\n  Url:\n    Value: !GetAtt WebhookUrl.FunctionUrl\n");
  });

  it("severity: LG003 high with only InvokeFunctionUrl public, low otherwise", async () => {
    const hi = await run(d, fixture(`${DIR}/url-only-url-permission.yaml`));
    expect(hi.findings[0]!.finding.severity).toBe("high");
    const lo = await run(d, fixture(`${DIR}/url-only-invoke-permission.yaml`));
    expect(lo.findings[0]!.finding.severity).toBe("low");
    // CONTRACTS §3: a NONE URL with no public permission answers 403 to everyone; it is not LG003.
    const none = await run(d, fixture(`${DIR}/url-none-no-permission.yaml`));
    expect(none.findings).toEqual([]);
  });

  it("quoted scalars keep their quotes", async () => {
    const file = fixture(`${DIR}/url-only-url-permission.yaml`);
    const r = await run(d, file);
    const after = await expectFixClean(d, file, r.findings[0]!);
    expect(after).toContain("AuthType: 'AWS_IAM'   # expect: LG003/high");
  });

  it("a parameter default is patched where it is defined, and the finding says so", async () => {
    const file = fixture(`${DIR}/url-parameter-default.yaml`);
    const r = await run(d, file);
    const f = r.findings[0]!;
    expect(f.finding.message).toContain("parameter UrlAuthType keeps its Default");
    expect(f.finding.evidence).toMatchObject({ authType: "conditional", definedAt: `${file.path}:6` });
    expect(f.fix!.notes.join(" ")).toMatch(/Default was changed to AWS_IAM/);
    const after = await expectFixClean(d, file, f);
    expect(after).toContain("    Default: AWS_IAM\n");
    expect(after).toContain("AuthType: !Ref UrlAuthType");
  });

  it("!If: either branch NONE is a finding, said to be conservative; only that branch is patched", async () => {
    const file = fixture(`${DIR}/url-if-condition.yaml`);
    const r = await run(d, file);
    const f = r.findings[0]!;
    expect(f.finding.evidence).toMatchObject({
      authType: "conditional",
      condition: "condition IsProd is false",
    });
    const after = await expectFixClean(d, file, f);
    expect(after).toContain("AuthType: !If [IsProd, AWS_IAM, AWS_IAM]");
  });

  it("a permission referenced elsewhere is narrowed, not removed", async () => {
    const file = fixture(`${DIR}/url-permission-referenced.yaml`);
    const r = await run(d, file);
    const after = await expectFixClean(d, file, r.findings[0]!);
    expect(after).toContain("  UrlPublic:\n");
    expect(after).toContain("Principal: !Ref AWS::AccountId");
    expect(after).toContain("FunctionUrlAuthType: AWS_IAM");
    expect(after).not.toContain('Principal: "*"');
  });

  it("LG002: plain public invoke; scoped permissions are not reported", async () => {
    const file = fixture(`${DIR}/invoke-public-lg002.yaml`);
    const r = await run(d, file);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]!.finding).toMatchObject({
      rule: "LG002",
      severity: "high",
      resource: { kind: "function", functionName: "worker", iac: { address: "AnyoneInvoke" } },
    });
    const after = await expectFixClean(d, file, r.findings[0]!);
    expect(after).toContain("Principal: !Ref AWS::AccountId   # expect: LG002/high");
  });

  it("alias URL: qualifier from the URL, permissions through the alias", async () => {
    const r = await run(d, fixture(`${DIR}/alias-url.yaml`));
    expect(r.findings[0]!.finding.resource).toMatchObject({ qualifier: "live", functionName: "checkout" });
  });

  it("resource policy: public statements removed, the partner statement kept", async () => {
    const file = fixture(`${DIR}/resource-policy.yaml`);
    const r = await run(d, file);
    const after = await expectFixClean(d, file, r.findings[0]!);
    expect(after).not.toContain("FunctionURLAllowPublicAccess");
    expect(after).not.toContain("FunctionURLAllowInvokeAction");
    expect(after).toContain("          - Sid: PartnerAccount\n            Effect: Allow\n");
  });

  it("LG001 at medium when only an aws:SourceIp allow-list limits callers; the whole policy goes", async () => {
    const file = fixture(`${DIR}/resource-policy-source-ip.yaml`);
    const r = await run(d, file);
    expect(r.findings[0]!.finding).toMatchObject({
      rule: "LG001",
      severity: "medium",
      evidence: { exposure: "restricted-url" },
    });
    expect(JSON.stringify(r.findings[0]!.finding.evidence.restrictions)).toContain("203.0.113.0/24");
    const after = await expectFixClean(d, file, r.findings[0]!);
    expect(after).not.toContain("DashboardPolicy");
    expect(after.endsWith("      AuthType: AWS_IAM   # expect: LG001/medium\n")).toBe(true);
  });

  it("LG005: a scalar Action becomes a block list; the condition is untouched", async () => {
    const file = fixture(`${DIR}/iam-policy-scalar.yaml`);
    const r = await run(d, file);
    const f = r.findings[0]!;
    expect(f.finding).toMatchObject({
      rule: "LG005",
      severity: "medium",
      resource: { kind: "policy-statement", iac: { address: "InventoryPolicy" } },
    });
    expect(f.identity).toMatchObject({
      kind: "role",
      name: "inventory-reader",
      address: "InventoryRole",
      policyNames: ["read-functions"],
    });
    const after = await expectFixClean(d, file, f);
    expect(after).toContain(
      "            Action:\n              - lambda:GetFunction   # expect: LG005/medium\n              - lambda:ListTags\n            Resource: !Sub",
    );
  });

  it("LG005: appended to a block list at the item indentation", async () => {
    const file = fixture(`${DIR}/iam-role-inline-list.yaml`);
    const r = await run(d, file);
    const after = await expectFixClean(d, file, r.findings[0]!);
    expect(after).toContain(
      "                  - lambda:Get*   # expect: LG005/medium\n                  - lambda:ListTags\n",
    );
  });

  it("LG005 on a managed policy attached to a group and a user: quoted scalar, one finding", async () => {
    const file = fixture(`${DIR}/iam-managed-policy.yaml`);
    const r = await run(d, file);
    expect(r.findings).toHaveLength(1);
    const after = await expectFixClean(d, file, r.findings[0]!);
    expect(after).toContain(
      '- "lambda:GetFunction*"   # expect: LG005/medium\n            - "lambda:ListTags"',
    );
    expect(r.identities.map((i) => `${i.kind}:${i.name}`).sort()).toEqual([
      "group:operators",
      "user:deployer",
    ]);
  });

  it("fingerprints are stable across edits elsewhere in the file (no line numbers)", async () => {
    const file = fixture(`${DIR}/url-public.yaml`);
    const a = await run(d, file);
    const b = await run(d, { path: file.path, text: `# a new comment\n\n${file.text}` });
    expect(b.findings.map((f) => f.finding.fingerprint)).toEqual(
      a.findings.map((f) => f.finding.fingerprint),
    );
    expect(b.findings[0]!.finding.location!.startLine).toBe(a.findings[0]!.finding.location!.startLine + 2);
  });

  it("intent: an allow comment above the resource and a Checkov skip inside it suppress LG001", async () => {
    for (const [name, source] of [
      ["intent-inline.yaml", "inline"],
      ["intent-checkov.yaml", "checkov"],
    ] as const) {
      const file = fixture(`${DIR}/${name}`);
      const r = await run(d, file);
      const [f] = applyInlineIntent(r.findings, new Map([[file.path, file]]));
      expect(f!.finding.suppression).toMatchObject({ source });
    }
  });

  it("intent: Checkov's structured Metadata skip suppresses LG001 in the detector, and nothing is patched", async () => {
    const file = fixture(`${DIR}/intent-checkov-metadata.yaml`);
    const r = await run(d, file);
    expect(found(r)).toEqual(markers(file.text));
    expect(r.findings[0]!.finding.suppression).toEqual({
      source: "checkov",
      reason: "Public status page, static JSON",
    });
    expect(r.findings[0]!.fix).toBeUndefined();
    expect(r.findings[0]!.unfixable).toMatch(/intended/);
  });

  it("JSON: LG001 through a parameter and LG005, patched in JSON syntax", async () => {
    const file = fixture(`${DIR}/template-public.json`);
    const r = await run(d, file);
    expect(found(r)).toEqual([
      { rule: "LG001/critical", line: 24 },
      { rule: "LG005/medium", line: 62 },
    ]);
    for (const f of r.findings) await expectFixClean(d, file, f);
    const after = applyAll(file, r);
    expect(JSON.parse(after)).toBeTruthy();
    expect(after).toContain('"Default": "AWS_IAM"');
    expect(after).toContain('"Action": ["lambda:GetFunction", "lambda:ListTags"],');
    expect(after).not.toContain("ApiUrlPublic");
    expect(after).not.toContain("ApiInvokePublic");
    expect((await run(d, { path: file.path, text: after })).findings).toEqual([]);
  });

  it("JSON: multi-line Action list gets a new line; LG002 narrowed to the account", async () => {
    const file = fixture(`${DIR}/template-list.json`);
    const r = await run(d, file);
    expect(found(r)).toEqual([
      { rule: "LG005/medium", line: 16 },
      { rule: "LG002/high", line: 41 },
    ]);
    const after = applyAll(file, r);
    expect(after).toContain('"lambda:GetFunctionConfiguration",\n                    "lambda:ListTags"\n');
    expect(after).toContain('"Principal": {"Ref":"AWS::AccountId"}');
    for (const f of r.findings) await expectFixClean(d, file, f);
  });

  it("a policy statement the evaluator cannot read is a coverage note, not a silent pass", async () => {
    const text = [
      "Resources:",
      "  Fn:",
      "    Type: AWS::Lambda::Function",
      "    Properties: { FunctionName: fn }",
      "  FnPolicy:",
      "    Type: AWS::Lambda::ResourcePolicy",
      "    Properties:",
      "      ResourceArn: !GetAtt Fn.Arn",
      "      PolicyDocument:",
      "        Statement:",
      "          - Effect: Perhaps",
      '            Principal: "*"',
      "            Action: lambda:InvokeFunction",
      "",
    ].join("\n");
    const r = await run(d, { path: "odd.yaml", text });
    expect(r.coverage).toContainEqual(
      expect.objectContaining({
        scope: "odd.yaml:12",
        status: "partial",
        detail: expect.stringContaining("FnPolicy.Statement[0]"),
      }),
    );
  });

  it("a malformed template is a coverage note with file and line, not a crash", async () => {
    const file = fixture(`${DIR}/malformed.yaml`);
    const r = await run(d, file);
    expect(r.findings).toEqual([]);
    expect(r.coverage[0]).toMatchObject({ scope: file.path, status: "failed" });
    expect(r.coverage[0]!.detail).toMatch(new RegExp(`^${file.path}:\\d+: `));
  });

  it("claims templates by path and sniff only", () => {
    expect(d.claims({ path: "infra/app.yaml", text: "AWSTemplateFormatVersion: 2010-09-09\n" })).toBe(true);
    expect(
      d.claims({ path: "template.yml", text: "Transform: AWS::Serverless-2016-10-31\nResources: {}\n" }),
    ).toBe(true);
    expect(d.claims({ path: "x.json", text: '{"Resources": {"A": {"Type": "AWS::S3::Bucket"}}}' })).toBe(
      true,
    );
    expect(d.claims({ path: "serverless.yml", text: "service: a\nprovider:\n  name: aws\n" })).toBe(false);
    expect(d.claims({ path: "package.json", text: '{"name": "x"}' })).toBe(false);
    expect(d.claims({ path: ".github/workflows/ci.yml", text: "on: push\njobs: {}\n" })).toBe(false);
    expect(
      d.claims({
        path: "cdk.out/Stack.template.json",
        text: '{"Resources": {"A": {"Type": "AWS::S3::Bucket"}}}',
      }),
    ).toBe(false);
  });
});
