import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseInputs } from "../../src/action/inputs.js";
import { defaultScan } from "../../src/action/scan.js";
import { demoFunctions, DEMO_ACCOUNT_ID } from "../../src/emulator/demo/functions.js";
import { startEmulator, type EmulatorHandle } from "../../src/emulator/index.js";
import { securityHubFindings } from "../../src/emulator/services/securityhub.js";
import { EMULATOR_STATE_SCHEMA_ID, EmulatorStateSchema } from "../../src/emulator/state.js";
import { defaultConfig, InputError } from "../../src/model/index.js";

describe("Action input security-hub", () => {
  it("action.yml declares it (default false) and hands it to the scan step", () => {
    const action = parse(readFileSync("action.yml", "utf8")) as {
      inputs: Record<string, { default: string }>;
      runs: { steps: { id?: string; env?: Record<string, string> }[] };
    };
    expect(action.inputs["security-hub"]?.default).toBe("false");
    const scan = action.runs.steps.find((s) => s.id === "scan");
    expect(scan?.env?.INPUT_SECURITY_HUB).toBe("${{ inputs.security-hub }}");
  });

  it.each([
    [{}, false],
    [{ INPUT_SECURITY_HUB: "false" }, false],
    [{ INPUT_SECURITY_HUB: "true" }, true],
    [{ INPUT_SECURITY_HUB: " TRUE " }, true],
  ])("%j → %s", (env, want) => {
    expect(parseInputs(env).securityHub).toBe(want);
  });

  it("anything else is refused, naming the input and the choices", () => {
    expect(() => parseInputs({ INPUT_SECURITY_HUB: "yes" })).toThrow(InputError);
    expect(() => parseInputs({ INPUT_SECURITY_HUB: "yes" })).toThrow(
      /input 'security-hub'.*'yes'.*true.*false/,
    );
  });
});

describe("the Action's account scan with security-hub: true", () => {
  let emulator: EmulatorHandle;
  beforeAll(async () => {
    emulator = await startEmulator(
      EmulatorStateSchema.parse({
        schema: EMULATOR_STATE_SCHEMA_ID,
        accountId: DEMO_ACCOUNT_ID,
        regions: ["us-east-1"],
        functions: demoFunctions().filter((f) => f.region === "us-east-1"),
      }),
      { port: 0 },
    );
  });
  afterAll(() => emulator.close());

  it("imports into the home region and states it in the report's coverage", async () => {
    const report = await defaultScan({
      mode: "account",
      regions: ["us-east-1"],
      lookbackDays: 90,
      apiBudget: 5,
      config: defaultConfig(),
      iacPath: ".",
      workspace: process.cwd(),
      endpointUrl: emulator.url,
      rules: ["LG001", "LG002", "LG003"],
      credentials: { accessKeyId: "AKIATESTTESTTEST0000", secretAccessKey: "test" },
      homeRegion: "us-east-1",
      securityHub: true,
    });
    const active = report.findings.filter((f) => !f.suppression);
    expect(active.length).toBeGreaterThan(0);
    expect(report.coverage).toContainEqual(
      expect.objectContaining({
        scope: "us-east-1/securityhub",
        status: "complete",
        detail: expect.stringMatching(new RegExp(`^${active.length} new, 0 updated, 0 archived`)),
      }),
    );
    const held = securityHubFindings(emulator.state, DEMO_ACCOUNT_ID, "us-east-1").map((f) => f.Id);
    expect(held.sort()).toEqual(active.map((f) => f.fingerprint).sort());
  });
});
