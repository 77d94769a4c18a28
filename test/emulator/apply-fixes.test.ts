import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AwsClients } from "../../src/aws/clients.js";
import { scanAccount } from "../../src/aws/scan.js";
import { demoAccount } from "../../src/emulator/demo/account.js";
import { unmetered, UNMETERED_BUDGET } from "../helpers/unmetered.js";
import { applyRemediations } from "../../src/emulator/demo/apply-fixes.js";
import { startEmulator, type EmulatorHandle } from "../../src/emulator/index.js";
import { defaultConfig, RULE_IDS } from "../../src/model/index.js";

let emulator: EmulatorHandle;
let clients: AwsClients;

beforeAll(async () => {
  emulator = await startEmulator(unmetered(demoAccount()), { port: 0 });
  clients = new AwsClients({
    endpointUrl: emulator.url,
    apiBudget: UNMETERED_BUDGET,
    credentials: { accessKeyId: "AKIATESTTESTTEST0000", secretAccessKey: "test" },
  });
});
afterAll(async () => {
  clients.destroy();
  await emulator.close();
});

const scan = () =>
  scanAccount({
    clients,
    regions: "all",
    lookbackDays: 90,
    rules: [...RULE_IDS],
    config: defaultConfig(),
    confirmWithSimulator: false,
  });

describe("the demo's fixes work", () => {
  it("applying every printed remediation leaves only what an Allow cannot fix", async () => {
    const before = await scan();
    expect(before.findings.filter((f) => f.rule === "LG004").length).toBeGreaterThanOrEqual(7);
    const applied = applyRemediations(emulator.state, before.findings);
    expect(applied).toContain("webhook: update-function-url-config --auth-type AWS_IAM");
    expect(applied).toContain("role/ci-deployer: put-role-policy lambda-guard-ListTags");

    const after = await scan();
    // URL exposure is gone everywhere, and the unparseable policy with it.
    expect(after.findings.filter((f) => f.rule !== "LG004")).toEqual([]);
    expect(after.coverage.every((c) => c.status === "complete")).toBe(true);
    // LG004: the explicit Deny and the permissions boundary still win; the other account fixes its own role.
    const remaining = after.findings
      .map((f) => `${f.resource.arn} ${String(f.evidence.reason ?? "")}`)
      .sort();
    expect(remaining).toEqual([
      expect.stringMatching(/^arn:aws:iam::111122223333:role\/audit-reader deny/),
      expect.stringMatching(/^arn:aws:iam::111122223333:role\/contractor-readonly boundary/),
      expect.stringMatching(/^arn:aws:iam::444455556666:role\/partner-inventory/),
    ]);
  });
});
