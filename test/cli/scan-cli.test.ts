import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { demoFunctions, DEMO_ACCOUNT_ID } from "../../src/emulator/demo/functions.js";
import { startEmulator, type EmulatorHandle } from "../../src/emulator/index.js";
import { EMULATOR_STATE_SCHEMA_ID, EmulatorStateSchema } from "../../src/emulator/state.js";
import { ReportSchema } from "../../src/model/index.js";
import { fakeIo } from "./helpers.js";

let emulator: EmulatorHandle;

beforeAll(async () => {
  // `scan` uses the SDK's default credential chain, as it does against a real account.
  Object.assign(process.env, {
    AWS_ACCESS_KEY_ID: "AKIATESTTESTTEST0000",
    AWS_SECRET_ACCESS_KEY: "test",
    AWS_REGION: "us-east-1",
  });
  emulator = await startEmulator(
    EmulatorStateSchema.parse({
      schema: EMULATOR_STATE_SCHEMA_ID,
      accountId: DEMO_ACCOUNT_ID,
      regions: ["us-east-1", "eu-west-1", "ap-southeast-2"],
      functions: demoFunctions(),
      // Unmetered, and scanned at --api-budget 20 below: these tests are about exit codes and formats.
      behaviour: { quotas: "unlimited" },
    }),
    { port: 0 },
  );
});
afterAll(() => emulator.close());

async function scan(...args: string[]) {
  const io = fakeIo();
  const code = await main(
    ["scan", "--endpoint-url", emulator.url, "--api-budget", "20", "--rules", "LG001,LG002,LG003", ...args],
    io,
  );
  return { code, out: io.stdout(), err: io.stderr() };
}

describe("lambda-guard scan: exit codes and formats (CONTRACTS.md §1)", () => {
  it("exits 1 when findings reach --fail-on, with a valid JSON report on stdout", async () => {
    const r = await scan("--regions", "us-east-1", "--format", "json");
    expect(r.code).toBe(1);
    const report = ReportSchema.parse(JSON.parse(r.out));
    expect(report.summary.critical).toBe(2);
    // CI logs get one line per region, nothing else.
    expect(r.err.trim().split("\n")).toEqual([
      expect.stringMatching(/^us-east-1: 6 functions scanned, 3 findings$/),
    ]);
  });

  it("exits 0 when nothing reaches --fail-on and the scan is complete", async () => {
    expect((await scan("--regions", "us-east-1", "--fail-on", "none")).code).toBe(0);
    // eu-west-1 holds high + medium only.
    expect((await scan("--regions", "eu-west-1", "--fail-on", "critical")).code).toBe(0);
  });

  it("exits 3 when the scan was incomplete and nothing reached --fail-on", async () => {
    const r = await scan("--regions", "ap-southeast-2", "--fail-on", "none");
    expect(r.code).toBe(3);
    expect(r.out).toMatch(/partial/i);
  });

  it("writes --output in the chosen format", async () => {
    const dir = await mkdtemp(join(tmpdir(), "lg-scan-"));
    const r = await scan("--regions", "us-east-1", "--format", "sarif", "--output", join(dir, "out.sarif"));
    expect(r.out).toBe("");
    const sarif = JSON.parse(await readFile(join(dir, "out.sarif"), "utf8"));
    expect(sarif.version).toBe("2.1.0");
  });

  it("runs only the rules asked for", async () => {
    const r = await scan("--regions", "eu-west-1", "--format", "json", "--rules", "LG002");
    const report = ReportSchema.parse(JSON.parse(r.out));
    expect(report.findings.map((f) => f.rule)).toEqual(["LG002"]);
    expect(r.code).toBe(1);
  });
});
