import { afterEach, describe, expect, it } from "vitest";
import { AwsClients } from "../../src/aws/clients.js";
import { scanAccount } from "../../src/aws/scan.js";
import { demoFunctions, DEMO_ACCOUNT_ID } from "../../src/emulator/demo/functions.js";
import { startEmulator, type EmulatorHandle } from "../../src/emulator/index.js";
import { EMULATOR_STATE_SCHEMA_ID, EmulatorStateSchema } from "../../src/emulator/state.js";
import { defaultConfig, parseConfig, ReportSchema, type Report } from "../../src/model/index.js";

const CREDS = { accessKeyId: "AKIATESTTESTTEST0000", secretAccessKey: "test" };
let emulator: EmulatorHandle | null = null;
let clients: AwsClients | null = null;

afterEach(async () => {
  clients?.destroy();
  await emulator?.close();
  emulator = null;
  clients = null;
});

function state(extra: Record<string, unknown> = {}) {
  return EmulatorStateSchema.parse({
    schema: EMULATOR_STATE_SCHEMA_ID,
    accountId: DEMO_ACCOUNT_ID,
    regions: ["us-east-1", "eu-west-1", "ap-southeast-2"],
    disabledRegions: ["me-south-1"],
    functions: demoFunctions(),
    // Unmetered unless a test sets quotas: pacing has tests of its own, here it would only add waiting.
    behaviour: { quotas: "unlimited" },
    ...extra,
  });
}

async function scan(
  s: ReturnType<typeof state>,
  opts: { regions?: "all" | string[]; apiBudget?: number; config?: string } = {},
): Promise<Report> {
  emulator = await startEmulator(s, { port: 0 });
  clients = new AwsClients({
    endpointUrl: emulator.url,
    apiBudget: opts.apiBudget ?? 20,
    credentials: CREDS,
  });
  const report = await scanAccount({
    clients,
    regions: opts.regions ?? "all",
    lookbackDays: 90,
    rules: ["LG001", "LG002", "LG003"],
    config: opts.config ? parseConfig(opts.config) : defaultConfig(),
    confirmWithSimulator: false,
  });
  ReportSchema.parse(JSON.parse(JSON.stringify(report)));
  return report;
}

const key = (r: Report) =>
  r.findings
    .map(
      (f) =>
        `${f.rule} ${f.severity} ${f.resource.functionName}${f.resource.qualifier ? `:${f.resource.qualifier}` : ""}`,
    )
    .sort();

describe("live scan against the emulator (real SDK clients over HTTP)", () => {
  it("finds exactly the demo account's exposures in every enabled region", async () => {
    const r = await scan(state());
    expect(r.target).toMatchObject({
      kind: "aws-account",
      accountId: DEMO_ACCOUNT_ID,
      regions: ["ap-southeast-2", "eu-west-1", "us-east-1"],
    });
    expect(key(r)).toEqual(
      [
        "LG001 critical webhook",
        "LG001 critical checkout:live",
        "LG003 high legacy-export",
        "LG002 high image-resizer",
        "LG001 medium office-dashboard",
        "LG001 high inventory-sync",
      ].sort(),
    );
    const webhook = r.findings.find((f) => f.resource.functionName === "webhook")!;
    expect(webhook.evidence.statements).toEqual([
      "FunctionURLAllowPublicAccess",
      "FunctionURLAllowInvokeAction",
    ]);
    expect(webhook.remediation.commands).toContain(
      "aws lambda update-function-url-config --function-name webhook --auth-type AWS_IAM --region us-east-1",
    );
    expect(webhook.remediation.commands).toContain(
      "aws lambda remove-permission --function-name webhook --statement-id FunctionURLAllowPublicAccess --region us-east-1",
    );
    // Tags travel with findings so fix --report can find the CloudFormation resource.
    expect(webhook.resource.tags?.["aws:cloudformation:logical-id"]).toBe("WebhookFunction");
    const alias = r.findings.find((f) => f.resource.functionName === "checkout")!;
    expect(alias.remediation.commands?.[0]).toContain("--qualifier live");
    const restricted = r.findings.find((f) => f.resource.functionName === "office-dashboard")!;
    expect(restricted.evidence.restrictions).toEqual(
      expect.arrayContaining([expect.stringContaining("203.0.113.0/24")]),
    );
    // The unparseable policy is a finding and a coverage note, not a crash or a silent pass.
    expect(r.coverage.find((c) => c.scope === "ap-southeast-2/lambda")).toMatchObject({ status: "partial" });
    expect(r.coverage.find((c) => c.scope === "us-east-1/lambda")).toMatchObject({ status: "complete" });
  });

  it("is stable: the same account gives the same fingerprints", async () => {
    const a = await scan(state(), { regions: ["us-east-1"] });
    await emulator!.close();
    clients!.destroy();
    const b = await scan(state(), { regions: ["us-east-1"] });
    expect(b.findings.map((f) => f.fingerprint)).toEqual(a.findings.map((f) => f.fingerprint));
  });

  it("records AccessDenied on one API in one region as coverage and keeps going", async () => {
    const r = await scan(
      state({
        behaviour: {
          quotas: "unlimited",
          faults: [{ region: "eu-west-1", operation: "GetPolicy", error: "AccessDeniedException", rate: 1 }],
        },
      }),
    );
    const eu = r.coverage.find((c) => c.scope === "eu-west-1/lambda")!;
    expect(eu.status).toBe("partial");
    expect(eu.detail).toMatch(/GetPolicy: \d+ calls? failed \(AccessDeniedException/);
    // The NONE URL whose policy could not be read is flagged as not ruled out.
    const od = r.findings.find((f) => f.resource.functionName === "office-dashboard")!;
    expect(od).toMatchObject({ rule: "LG001", severity: "high" });
    expect(od.evidence.policyStatus).toBe("unreadable");
    // Other regions unaffected.
    expect(key(r)).toContain("LG001 critical webhook");
  });

  it("reports a region that refuses us as failed and scans the others", async () => {
    const r = await scan(state(), { regions: ["us-east-1", "me-south-1"] });
    expect(r.coverage.find((c) => c.scope === "me-south-1/lambda")).toMatchObject({
      status: "failed",
      detail: expect.stringMatching(
        /^region me-south-1 is not enabled for this account \(it refused credentials that work elsewhere: UnrecognizedClientException\) — enable it/,
      ),
    });
    expect(r.coverage.find((c) => c.scope === "us-east-1/lambda")).toMatchObject({ status: "complete" });
    expect(key(r)).toContain("LG001 critical webhook");
  });

  it("treats a function deleted mid-scan as gone, not as a coverage gap", async () => {
    const r = await scan(
      state({
        behaviour: {
          faults: [
            {
              operation: "ListFunctionUrlConfigs",
              functionName: "webhook",
              error: "ResourceNotFoundException",
              rate: 1,
            },
          ],
        },
      }),
      { regions: ["us-east-1"] },
    );
    const cov = r.coverage.find((c) => c.scope === "us-east-1/lambda")!;
    expect(cov.status).toBe("complete");
    expect(cov.detail).toMatch(/1 function deleted during the scan, not analysed: webhook/);
    expect(key(r)).not.toContain("LG001 critical webhook");
  });

  it("scans an empty region cleanly", async () => {
    const r = await scan(state({ regions: ["us-east-1", "sa-east-1"] }), { regions: ["sa-east-1"] });
    expect(r.findings).toEqual([]);
    expect(r.coverage).toEqual([{ scope: "sa-east-1/lambda", status: "complete", detail: "0 functions" }]);
  });

  it("stays under tight quotas without the SDK ever seeing a throttling error", async () => {
    const r = await scan(
      state({ behaviour: { quotas: { "lambda:control-plane": 20, "lambda:GetPolicy": 20 } } }),
      { regions: ["us-east-1"], apiBudget: 20 / 15 },
    );
    expect(clients!.throttled).toBe(0);
    expect(key(r)).toContain("LG001 critical webhook");
  });

  it("applies the config allow list and rule overrides", async () => {
    const r = await scan(state(), {
      regions: ["us-east-1"],
      config: `
rules: { LG003: off }
allow:
  - rule: LG001
    resource: "arn:aws:lambda:us-east-1:${DEMO_ACCOUNT_ID}:function:webhook"
    reason: signed webhook
`,
    });
    expect(r.findings.find((f) => f.resource.functionName === "webhook")!.suppression?.reason).toBe(
      "signed webhook",
    );
    expect(r.findings.some((f) => f.rule === "LG003")).toBe(false);
    expect(r.summary.suppressed).toBe(1);
  });
});
