import { afterEach, describe, expect, it } from "vitest";
import { AwsClients, type AwsClientOptions } from "../../src/aws/clients.js";
import { scanAccount } from "../../src/aws/scan.js";
import { demoFunctions, DEMO_ACCOUNT_ID } from "../../src/emulator/demo/functions.js";
import { startEmulator, type EmulatorHandle } from "../../src/emulator/index.js";
import { EMULATOR_STATE_SCHEMA_ID, EmulatorStateSchema } from "../../src/emulator/state.js";
import { defaultConfig, ReportSchema, type Report, type RuleId } from "../../src/model/index.js";

const CREDS = { accessKeyId: "AKIATESTTESTTEST0000", secretAccessKey: "test" };
let emulator: EmulatorHandle | null = null;
let clients: AwsClients | null = null;

afterEach(async () => {
  clients?.destroy();
  await emulator?.close();
  emulator = null;
  clients = null;
});

function state(behaviour: Record<string, unknown> = {}) {
  return EmulatorStateSchema.parse({
    schema: EMULATOR_STATE_SCHEMA_ID,
    accountId: DEMO_ACCOUNT_ID,
    regions: ["us-east-1", "eu-west-1", "ap-southeast-2"],
    disabledRegions: ["me-south-1"],
    functions: demoFunctions(),
    behaviour: { quotas: "unlimited", ...behaviour },
  });
}

async function scan(
  s: ReturnType<typeof state>,
  opts: Partial<AwsClientOptions> & { regions?: string[]; rules?: RuleId[] } = {},
): Promise<Report> {
  emulator = await startEmulator(s, { port: 0 });
  const { regions, rules, ...clientOpts } = opts;
  clients = new AwsClients({ endpointUrl: emulator.url, apiBudget: 10, credentials: CREDS, ...clientOpts });
  const report = await scanAccount({
    clients,
    regions: regions ?? ["us-east-1", "eu-west-1", "ap-southeast-2"],
    lookbackDays: 90,
    rules: rules ?? ["LG001", "LG002", "LG003"],
    config: defaultConfig(),
    confirmWithSimulator: false,
    timeoutLabel: "--timeout 1s",
  });
  ReportSchema.parse(JSON.parse(JSON.stringify(report)));
  return report;
}
const cov = (r: Report, scope: string) => r.coverage.find((c) => c.scope === scope);
const names = (r: Report) => r.findings.map((f) => `${f.resource.region} ${f.resource.functionName}`).sort();

describe("a scan that never hangs", () => {
  it("a region whose connections never answer is marked failed, naming the call; the others complete", async () => {
    const t0 = performance.now();
    const r = await scan(state({ faults: [{ region: "eu-west-1", service: "lambda", error: "hang" }] }), {
      retry: { attemptTimeoutMs: 200, callTimeoutMs: 900, baseDelayMs: 1, maxDelayMs: 20 },
    });
    expect(performance.now() - t0).toBeLessThan(10_000);
    expect(cov(r, "eu-west-1/lambda")).toMatchObject({
      status: "failed",
      detail: expect.stringMatching(
        /^ListFunctions failed after 0 functions: CallDeadlineExceeded: lambda:ListFunctions in eu-west-1 still failing after \d+ attempts in \d+ s \(last: TimeoutError/,
      ),
    });
    expect(cov(r, "us-east-1/lambda")!.status).toBe("complete");
    expect(cov(r, "ap-southeast-2/lambda")!.status).toBe("partial"); // the demo's unparseable policy
    expect(names(r)).toContain("us-east-1 webhook");
  });

  it("at the scan's deadline, reports what was read and marks unfinished scopes timed-out", async () => {
    const t0 = performance.now();
    const r = await scan(
      state({ faults: [{ region: "eu-west-1", operation: "GetPolicy", error: "hang" }] }),
      // Calls would retry for 2 minutes; the scan-wide deadline cuts them at 1.5 s.
      { signal: AbortSignal.timeout(1500), rules: ["LG001", "LG002", "LG003", "LG004"] },
    );
    expect(performance.now() - t0).toBeLessThan(6_000);
    expect(cov(r, "eu-west-1/lambda")).toMatchObject({
      status: "timed-out",
      detail: expect.stringMatching(
        /^the scan's --timeout 1s was reached after 0 of \d+ functions listed so far/,
      ),
    });
    expect(cov(r, "us-east-1/lambda")!.status).toBe("complete");
    expect(names(r)).toContain("us-east-1 webhook");
    expect(names(r).some((n) => n.startsWith("eu-west-1"))).toBe(false);
  });

  it("names a function deleted during the scan instead of counting it as having no policy", async () => {
    const r = await scan(
      state({ faults: [{ operation: "GetPolicy", functionName: "webhook", error: "deleteFunction" }] }),
      { regions: ["us-east-1"] },
    );
    expect(cov(r, "us-east-1/lambda")).toMatchObject({
      status: "complete",
      detail: expect.stringMatching(/1 function deleted during the scan, not analysed: webhook$/),
    });
    expect(names(r)).not.toContain("us-east-1 webhook");
  });

  it("says an opt-in region is not enabled, for CloudTrail too", async () => {
    const r = await scan(state(), { regions: ["us-east-1", "me-south-1"], rules: ["LG004"] });
    expect(cov(r, "me-south-1/cloudtrail")!.detail).toMatch(
      /^region me-south-1 is not enabled for this account/,
    );
    expect(cov(r, "me-south-1/cloudtrail")!.detail).not.toMatch(/allow cloudtrail:LookupEvents/);
  });
});
