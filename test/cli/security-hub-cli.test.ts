import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { demoFunctions, DEMO_ACCOUNT_ID } from "../../src/emulator/demo/functions.js";
import { startEmulator, type EmulatorHandle } from "../../src/emulator/index.js";
import { securityHubFindings } from "../../src/emulator/services/securityhub.js";
import { EMULATOR_STATE_SCHEMA_ID, EmulatorStateSchema } from "../../src/emulator/state.js";
import { ReportSchema } from "../../src/model/index.js";
import { fakeIo } from "./helpers.js";

let emulator: EmulatorHandle;

beforeAll(async () => {
  Object.assign(process.env, {
    AWS_ACCESS_KEY_ID: "AKIATESTTESTTEST0000",
    AWS_SECRET_ACCESS_KEY: "test",
    AWS_REGION: "eu-west-1",
  });
  emulator = await startEmulator(
    EmulatorStateSchema.parse({
      schema: EMULATOR_STATE_SCHEMA_ID,
      accountId: DEMO_ACCOUNT_ID,
      regions: ["us-east-1", "eu-west-1", "ap-southeast-2"],
      functions: demoFunctions(),
      behaviour: { quotas: "unlimited" },
    }),
    { port: 0 },
  );
});
afterAll(() => emulator.close());

async function scan(...args: string[]) {
  const io = fakeIo();
  const code = await main(
    // Unmetered emulator, high budget: these tests are about the import, not about pacing.
    ["scan", "--endpoint-url", emulator.url, "--api-budget", "50", "--rules", "LG001,LG002,LG003", ...args],
    io,
  );
  return { code, out: io.stdout(), err: io.stderr() };
}
// The home region (AWS_REGION) holds the findings of every scanned region.
const hub = () => securityHubFindings(emulator.state, DEMO_ACCOUNT_ID, "eu-west-1");

describe("lambda-guard scan --format asff", () => {
  it("prints the findings as a JSON array for BatchImportFindings, in the home region's product", async () => {
    const r = await scan("--regions", "us-east-1", "--format", "asff", "--fail-on", "none");
    expect(r.code).toBe(0);
    const findings = JSON.parse(r.out) as { ProductArn: string; GeneratorId: string; Region: string }[];
    expect(findings.length).toBe(3);
    for (const f of findings) {
      expect(f.ProductArn).toBe(
        `arn:aws:securityhub:eu-west-1:${DEMO_ACCOUNT_ID}:product/${DEMO_ACCOUNT_ID}/default`,
      );
      expect(f.Region).toBe("eu-west-1");
    }
  });

  it("is refused for an IaC scan, naming the fix", async () => {
    const io = fakeIo();
    expect(await main(["iac", "examples/infra", "--format", "asff"], io)).toBe(2);
    expect(io.stderr()).toMatch(/--format asff.*lambda-guard scan/);
  });
});

describe("lambda-guard scan --security-hub", () => {
  it("imports, updates on the next run, archives what was fixed, and says so in coverage", async () => {
    const first = await scan("--regions", "us-east-1", "--security-hub", "--format", "json");
    expect(first.err).toMatch(/Security Hub eu-west-1: 3 new, 0 updated, 0 archived/);
    const report = ReportSchema.parse(JSON.parse(first.out));
    expect(report.coverage).toContainEqual(
      expect.objectContaining({ scope: "eu-west-1/securityhub", status: "complete" }),
    );
    expect(hub().filter((f) => f.RecordState === "ACTIVE")).toHaveLength(3);

    // Fix one URL in the account; a scan of another region must not archive us-east-1's findings.
    const webhook = emulator.state.functions.find((f) => f.name === "webhook" && f.region === "us-east-1")!;
    // The whole fix: AWS_IAM and no public statements left (a public grant behind AWS_IAM is still LG003).
    for (const u of webhook.urls) u.authType = "AWS_IAM";
    webhook.policies = {};
    const other = await scan("--regions", "eu-west-1", "--security-hub", "--fail-on", "none");
    expect(other.err).toMatch(/Security Hub eu-west-1: \d+ new, 0 updated, 0 archived/);

    const again = await scan("--regions", "us-east-1", "--security-hub", "--fail-on", "none");
    expect(again.err).toMatch(/Security Hub eu-west-1: 0 new, 2 updated, 1 archived/);
    const archived = hub().filter((f) => f.RecordState === "ARCHIVED");
    expect(archived.map((f) => (f.Resources as { Id: string }[])[0]!.Id)).toEqual([
      `arn:aws:lambda:us-east-1:${DEMO_ACCOUNT_ID}:function:webhook`,
    ]);
  });

  it("a partial scan archives nothing and says why", async () => {
    const r = await scan("--regions", "ap-southeast-2", "--security-hub", "--fail-on", "none");
    expect(r.code).toBe(3);
    expect(r.err).toMatch(
      /Security Hub eu-west-1: .*0 archived \(the scan was incomplete: nothing archived\)/,
    );
  });
});
