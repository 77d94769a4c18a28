import { describe, expect, it } from "vitest";
import { serverlessDetector, normalizedFunctionName } from "../../src/iac/serverless/index.js";
import { applyInlineIntent } from "../../src/iac/intent.js";
import { applyAll, expectFixClean, fixture, run, fixtureCases } from "./cloudformation.helpers.js";

const DIR = "test/fixtures/iac/serverless";
const d = serverlessDetector;

const CASES = [
  "url-true/serverless.yml",
  "url-cors/serverless.yml",
  "url-iam/serverless.yml",
  "url-variable/serverless.yml",
  "authorizer-none/serverless.yml",
  "iam-provider/serverless.yml",
  "iam-legacy/serverless.yml",
  "iam-listtags/serverless.yml",
  "iam-per-function/serverless.yml",
  "intent/serverless.yml",
  "stage-default/serverless.yaml",
  "resources/serverless.yml",
  "url-stage-map/serverless.yml",
];

fixtureCases("serverless detector: fixtures (exact file and line, clean fix)", d, DIR, CASES);

describe("serverless detector: details", () => {
  it("url: true → { authorizer: aws_iam } on the same line; naming <service>-<stage>-<function>", async () => {
    const file = fixture(`${DIR}/url-true/serverless.yml`);
    const r = await run(d, file);
    const f = r.findings[0]!;
    expect(f.finding).toMatchObject({
      rule: "LG001",
      severity: "critical",
      resource: {
        kind: "function-url",
        functionName: "payments-prod-webhook",
        iac: { address: "functions.webhook.url", flavour: "serverless" },
      },
    });
    expect(f.function).toMatchObject({
      address: "functions.webhook",
      stackName: "payments-prod",
      logicalId: "WebhookLambdaFunction",
      serverless: { service: "payments", function: "webhook", stage: "prod" },
    });
    const after = await expectFixClean(d, file, f);
    expect(after).toContain("    url: { authorizer: aws_iam }   # expect: LG001/critical\n");
    expect(r.functions.map((x) => x.functionName)).toEqual(["payments-prod-webhook", "payments-prod-report"]);
  });

  it("a url mapping gets authorizer: aws_iam at its indentation (block and flow)", async () => {
    const file = fixture(`${DIR}/url-cors/serverless.yml`);
    const r = await run(d, file);
    const after = applyAll(file, r);
    expect(after).toContain(
      "    url:   # expect: LG001/critical\n      cors: true\n      invokeMode: RESPONSE_STREAM\n      authorizer: aws_iam\n",
    );
    expect(after).toContain("    url: { cors: true, authorizer: aws_iam }   # expect: LG001/critical\n");
  });

  it("a value from ${self:custom…} is patched where it is defined, and the finding says so", async () => {
    const file = fixture(`${DIR}/url-variable/serverless.yml`);
    const r = await run(d, file);
    const f = r.findings[0]!;
    expect(f.finding.evidence).toMatchObject({
      via: ["${self:custom.publicUrl}"],
      definedAt: `${file.path}:4`,
    });
    expect(f.finding.resource.functionName).toBe("status-page-dev");
    const after = await expectFixClean(d, file, f);
    expect(after).toContain("  publicUrl: { authorizer: aws_iam }\n");
    expect(after).toContain("    url: ${self:custom.publicUrl}   # expect: LG001/critical\n");
  });

  it("an authorizer that cannot be resolved is conditional: reported, never patched blindly", async () => {
    const r = await run(d, fixture(`${DIR}/url-unresolved/serverless.yml`));
    expect(
      r.findings.map((f) => `${f.finding.rule}/${f.finding.severity}/${f.finding.location?.startLine}`),
    ).toEqual(["LG001/critical/11"]);
    expect(r.findings[0]!.finding.evidence).toMatchObject({
      authType: "conditional",
      condition: "${param:urlAuth} is not aws_iam",
    });
    expect(r.findings[0]!.unfixable).toMatch(/change it there by hand/);
  });

  it("authorizer other than aws_iam is replaced", async () => {
    const file = fixture(`${DIR}/authorizer-none/serverless.yml`);
    const r = await run(d, file);
    const after = await expectFixClean(d, file, r.findings[0]!);
    expect(after).toContain("      authorizer: aws_iam   # expect: LG001/critical\n");
  });

  it("LG005 on provider statements: scalar Action becomes a list; identity is the provider role", async () => {
    const file = fixture(`${DIR}/iam-provider/serverless.yml`);
    const r = await run(d, file);
    const f = r.findings[0]!;
    expect(f.finding.resource.iac).toEqual({
      address: "provider.iam.role.statements",
      flavour: "serverless",
    });
    expect(f.identity).toMatchObject({
      kind: "role",
      name: "inventory-lambda",
      address: "provider.iam.role",
    });
    const after = await expectFixClean(d, file, f);
    expect(after).toContain(
      "          Action:\n            - lambda:GetFunction   # expect: LG005/medium\n            - lambda:ListTags\n          Resource: arn:aws:lambda:${aws:region}",
    );
  });

  it("LG005 in a flow list appends in flow style", async () => {
    const file = fixture(`${DIR}/iam-legacy/serverless.yml`);
    const r = await run(d, file);
    expect(r.findings[0]!.identity?.name).toBe("legacy-dev-us-east-1-lambdaRole");
    const after = await expectFixClean(d, file, r.findings[0]!);
    expect(after).toContain("Action: [lambda:Get*, lambda:ListFunctions, lambda:ListTags]");
  });

  it("per-function roles: inherit the provider's ListTags only when asked", async () => {
    const r = await run(d, fixture(`${DIR}/iam-per-function/serverless.yml`));
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]!.finding.resource.iac?.address).toBe("functions.auditor.iamRoleStatements");
    expect(r.findings[0]!.identity?.address).toBe("functions.auditor");
  });

  it("intent beside the function suppresses the finding", async () => {
    const file = fixture(`${DIR}/intent/serverless.yml`);
    const r = await run(d, file);
    const [f] = applyInlineIntent(r.findings, new Map([[file.path, file]]));
    expect(f!.finding.suppression).toMatchObject({
      source: "inline",
      reason: expect.stringContaining("GitHub webhook"),
    });
  });

  it("service as a mapping and the --stage default", async () => {
    const r = await run(d, fixture(`${DIR}/stage-default/serverless.yaml`));
    expect(r.functions[0]).toMatchObject({
      functionName: "billing-staging-invoice-pdf",
      logicalId: "InvoiceDashpdfLambdaFunction",
    });
  });

  it("resources.Resources is analysed as CloudFormation", async () => {
    const r = await run(d, fixture(`${DIR}/resources/serverless.yml`));
    expect(r.findings.map((f) => [f.finding.rule, f.finding.resource.iac?.address]).sort()).toEqual([
      ["LG002", "WorkerPublicInvoke"],
      ["LG005", "ReaderRole"],
    ]);
  });

  it("statements from ${file(...)} make coverage partial, not a silent pass", async () => {
    const r = await run(d, fixture(`${DIR}/statements-from-file/serverless.yml`));
    expect(r.findings).toEqual([]);
    expect(r.coverage[0]).toMatchObject({
      status: "partial",
      detail: expect.stringContaining("provider.iam.role.statements"),
    });
  });

  it("a malformed file is a coverage note with file and line", async () => {
    const file = fixture(`${DIR}/malformed/serverless.yml`);
    const r = await run(d, file);
    expect(r.findings).toEqual([]);
    expect(r.coverage[0]).toMatchObject({ status: "failed" });
    expect(r.coverage[0]!.detail).toMatch(new RegExp(`^${file.path}:\\d+: cannot parse`));
  });

  it("claims serverless files only", () => {
    expect(d.claims({ path: "svc/serverless.yml", text: "service: a\n" })).toBe(true);
    expect(d.claims({ path: "serverless.prod.yaml", text: "service: a\n" })).toBe(true);
    expect(d.claims({ path: "template.yaml", text: "AWSTemplateFormatVersion: x\nResources: {}\n" })).toBe(
      false,
    );
    expect(d.claims({ path: "node_modules/x/serverless.yml", text: "service: a\n" })).toBe(false);
  });

  it("normalizes function names like the Framework", () => {
    expect(normalizedFunctionName("hello_world-v2")).toBe("HelloUnderscoreworldDashv2");
  });
});

describe("serverless variables", () => {
  it("resolves self, sls:stage, opt defaults, env defaults and interpolation", async () => {
    const { Variables } = await import("../../src/iac/serverless/variables.js");
    const { loadSource, get, getIn } = await import("../../src/iac/cloudformation/tree.js");
    const doc = loadSource({
      path: "serverless.yml",
      text: [
        "service: svc",
        "custom:",
        "  a: ${self:custom.b}",
        "  b: 42",
        "  name: ${self:service}-${sls:stage}-x",
        "  region: ${env:AWS_REGION, 'eu-central-1'}",
        "  missing: ${ssm:/param}",
        "  nested: ${opt:flag, ${self:custom.b}}",
        "provider:",
        '  stage: ${opt:stage, "qa"}',
        "",
      ].join("\n"),
    });
    const v = new Variables(doc.root);
    v.stage = v.string(getIn(doc.root, ["provider", "stage"])) ?? "dev";
    expect(v.stage).toBe("qa");
    const a = v.resolve(getIn(doc.root, ["custom", "a"]));
    expect(a.value).toBe(42);
    expect(a.node && doc.file.text.slice(a.node.start, a.node.end)).toBe("42");
    expect(a.via).toEqual(["${self:custom.b}"]);
    expect(v.string(getIn(doc.root, ["custom", "name"]))).toBe("svc-qa-x");
    expect(v.string(getIn(doc.root, ["custom", "region"]))).toBe("eu-central-1");
    expect(v.string(getIn(doc.root, ["custom", "missing"]))).toBeUndefined();
    expect(v.string(getIn(doc.root, ["custom", "nested"]))).toBe("42");
    expect(get(doc.root, "service")).toBeDefined();
  });
});
