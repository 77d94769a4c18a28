/**
 * The same exposures in every front end: Terraform, CloudFormation YAML and JSON, SAM, Serverless, CDK TypeScript
 * and Python, and the live account through the emulator. Each must give the same rule, severity and evidence kind
 * (`evidence.exposure`); intent recorded in the configuration must suppress in every one.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AwsClients } from "../../src/aws/clients.js";
import { scanAccount } from "../../src/aws/scan.js";
import { startEmulator, type EmulatorHandle } from "../../src/emulator/index.js";
import { EMULATOR_STATE_SCHEMA_ID, EmulatorStateSchema } from "../../src/emulator/state.js";
import { scanIacFiles } from "../../src/iac/index.js";
import { parseConfig, type Finding } from "../../src/model/index.js";
import { CASES, FLAVOURS, liveFunction, render, verdict, type Case } from "./cases.js";

const NOW = new Date("2026-11-23T00:00:00Z");
const ALLOW = "allow:\n  - rule: LG001\n    resource: '*'\n    reason: the status page is public by design\n";
const configOf = (c: Case) => parseConfig(c.allowed ? ALLOW : "{}");

const want = (c: Case) => c.want.map((w) => (c.allowed ? `${w}/suppressed` : w));

describe("cross-flavour: one exposure, one verdict", () => {
  for (const c of CASES) {
    describe(c.id, () => {
      for (const f of FLAVOURS) {
        if (f === "live") continue;
        const skip = c.skip?.[f];
        it.skipIf(!!skip)(`${f}${skip ? ` (${skip})` : ""}`, async () => {
          const files = render(c, f);
          const scan = await scanIacFiles(files, { config: configOf(c), now: NOW });
          expect(scan.coverage.filter((x) => x.status === "failed")).toEqual([]);
          expect(verdict(scan.findings.map((x) => x.finding)), files[0]!.text).toEqual(want(c));
        });
      }
    });
  }
});

describe("cross-flavour: the live account (emulator)", () => {
  let emulator: EmulatorHandle;
  let byFunction: Map<string, Finding[]>;
  const live = CASES.filter((c) => !c.skip?.live);

  beforeAll(async () => {
    emulator = await startEmulator(
      EmulatorStateSchema.parse({
        schema: EMULATOR_STATE_SCHEMA_ID,
        accountId: "111122223333",
        regions: ["us-east-1"],
        functions: live.map(liveFunction),
        behaviour: {
          quotas: Object.fromEntries(
            ["lambda:control-plane", "lambda:GetPolicy", "lambda:GetFunction", "account", "sts", "ec2"].map(
              (b) => [b, "unlimited"],
            ),
          ),
        },
      }),
      { port: 0 },
    );
    const clients = new AwsClients({
      endpointUrl: emulator.url,
      apiBudget: 1,
      credentials: { accessKeyId: "AKIATESTTESTTEST0000", secretAccessKey: "test" },
    });
    try {
      const report = await scanAccount({
        clients,
        regions: ["us-east-1"],
        lookbackDays: 90,
        rules: ["LG001", "LG002", "LG003"],
        config: parseConfig(
          "allow:\n  - rule: LG001\n    resource: 'arn:aws:lambda:us-east-1:111122223333:function:intent'\n    reason: public by design\n",
        ),
        confirmWithSimulator: false,
        now: NOW,
      });
      byFunction = new Map(
        live.map((c) => [c.id, report.findings.filter((f) => f.resource.functionName === c.id)]),
      );
    } finally {
      clients.destroy();
    }
  });
  afterAll(async () => emulator?.close());

  for (const c of live) it(c.id, () => expect(verdict(byFunction.get(c.id)!)).toEqual(want(c)));
});
