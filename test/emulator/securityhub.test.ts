import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AwsClients } from "../../src/aws/clients.js";
import { scanAccount } from "../../src/aws/scan.js";
import { demoAccount } from "../../src/emulator/demo/account.js";
import { unmetered, UNMETERED_BUDGET } from "../helpers/unmetered.js";
import { startEmulator, type EmulatorHandle } from "../../src/emulator/index.js";
import { findingProblem } from "../../src/emulator/services/securityhub.js";
import { defaultConfig, RULE_IDS, type Report } from "../../src/model/index.js";
import { renderAsff, type AsffFinding } from "../../src/report/asff.js";
import { AWS_CLI_MAJOR, AWS_CLI_VERSION, awsCliEnv } from "../helpers/aws-cli.js";
import { awsCliBatch, type CliResult } from "../helpers/aws-cli-batch.js";

const REGION = "us-east-1";
const version = AWS_CLI_VERSION;
const major = AWS_CLI_MAJOR;

let emulator: EmulatorHandle;
let report: Report;
let asff: AsffFinding[];
let dir: string;

beforeAll(async () => {
  // Every finding of the demo: scan the demo account over HTTP, as `lambda-guard demo` does.
  emulator = await startEmulator(unmetered(demoAccount()), { port: 0 });
  const clients = new AwsClients({
    endpointUrl: emulator.url,
    apiBudget: UNMETERED_BUDGET,
    homeRegion: REGION,
    credentials: { accessKeyId: "AKIATESTTESTTEST0000", secretAccessKey: "test" },
  });
  try {
    report = await scanAccount({
      clients,
      regions: "all",
      lookbackDays: 90,
      rules: [...RULE_IDS],
      config: defaultConfig(),
      confirmWithSimulator: true,
    });
  } finally {
    clients.destroy();
  }
  asff = renderAsff(report, { region: REGION });
  dir = await mkdtemp(join(tmpdir(), "lg-asff-"));
}, 60_000);
afterAll(async () => {
  await emulator?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("the emulated Security Hub's validation (what the real one refuses)", () => {
  const call = { accountId: "111122223333", productArn: "" };
  const valid = () => {
    const f = structuredClone(asff[0]!) as unknown as Record<string, unknown>;
    call.productArn = String(f.ProductArn);
    return f;
  };

  it("accepts every demo finding", () => {
    expect(asff.length).toBeGreaterThanOrEqual(10);
    for (const f of asff) expect(findingProblem(f, { ...call, productArn: f.ProductArn })).toBeNull();
  });

  it.each<[string, (f: Record<string, unknown>) => void, RegExp]>([
    ["missing Title", (f) => delete f.Title, /required property 'Title'/],
    ["missing Resources", (f) => delete f.Resources, /required property 'Resources'/],
    ["long Title", (f) => (f.Title = "x".repeat(257)), /Title should NOT be longer than 256/],
    [
      "long Description",
      (f) => (f.Description = "x".repeat(1025)),
      /Description should NOT be longer than 1024/,
    ],
    [
      "long recommendation",
      (f) => (f.Remediation = { Recommendation: { Text: "x".repeat(513) } }),
      /Recommendation.Text should NOT be longer than 512/,
    ],
    ["unknown type namespace", (f) => (f.Types = ["Security/Public"]), /Types\[0\] should match pattern/],
    [
      "no severity anywhere",
      (f) => {
        delete f.Severity;
        delete f.FindingProviderFields;
      },
      /required property 'Severity'/,
    ],
    ["bad timestamp", (f) => (f.UpdatedAt = "yesterday"), /UpdatedAt should match format "date-time"/],
    ["bad schema version", (f) => (f.SchemaVersion = "2020-01-01"), /SchemaVersion/],
    ["another account", (f) => (f.AwsAccountId = "444455556666"), /not the calling account/],
    ["resource without Id", (f) => (f.Resources = [{ Type: "AwsLambdaFunction" }]), /Resources\[0\].*'Id'/],
  ])("%s", (_name, mutate, message) => {
    const f = valid();
    mutate(f);
    expect(findingProblem(f, call)).toMatch(message);
  });
});

// The AWS CLI v2's validation is the proof the issue asks for: outside CI a machine without it skips these
// tests, CI (where .ci/run installs Debian's awscli) fails instead of skipping silently.
it.runIf(major !== "2" && process.env.CI)("CI has the AWS CLI v2 (.ci/run installs Debian's awscli)", () => {
  expect(version, "AWS CLI v2 at /usr/bin/aws or on PATH").toMatch(/^aws-cli\/2\./);
});

describe.skipIf(major !== "2")(
  `the real AWS CLI (${version.split(" ")[0] || "absent"}) against the emulated Security Hub`,
  () => {
    // Every command in one CLI process (its own driver, one Python start-up), in the order the tests below
    // read them: the imports first, then the reads that page through what they imported.
    const productArn = () => asff[0]!.ProductArn;
    const commands: Record<string, () => string[]> = {
      importAll: () => ["batch-import-findings", "--cli-input-json", `file://${join(dir, "import.json")}`],
      importBad: () => ["batch-import-findings", "--cli-input-json", `file://${join(dir, "bad.json")}`],
      importPartly: () => ["batch-import-findings", "--cli-input-json", `file://${join(dir, "partly.json")}`],
      // --page-size 2: the CLI follows NextToken itself until the last page.
      lg001lg004: () => [
        "get-findings",
        "--filters",
        JSON.stringify({
          ProductArn: [{ Value: productArn(), Comparison: "EQUALS" }],
          GeneratorId: [
            { Value: "LG001", Comparison: "EQUALS" },
            { Value: "LG004", Comparison: "EQUALS" },
          ],
          RecordState: [{ Value: "ACTIVE", Comparison: "EQUALS" }],
          AwsAccountId: [{ Value: "111122223333", Comparison: "EQUALS" }],
        }),
        "--page-size",
        "2",
      ],
      lg002: () => [
        "get-findings",
        "--filters",
        JSON.stringify({ GeneratorId: [{ Value: "LG002", Comparison: "EQUALS" }] }),
      ],
      unknownToken: () => ["get-findings", "--next-token", "bm90LWEtdG9rZW4"],
    };
    const results: Record<string, CliResult> = {};
    beforeAll(async () => {
      // Within the API model (the CLI sends it) but beyond Security Hub's own limit for Title.
      const long = { ...asff[1]!, Title: "x".repeat(300) };
      await writeFile(join(dir, "import.json"), JSON.stringify({ Findings: asff }));
      await writeFile(
        join(dir, "bad.json"),
        JSON.stringify({ Findings: [{ ...asff[0]!, Severity: { Label: "SEVERE" }, Colour: "red" }] }),
      );
      await writeFile(join(dir, "partly.json"), JSON.stringify({ Findings: [asff[0], long] }));
      const names = Object.keys(commands);
      const out = await awsCliBatch(
        names.map((n) => [
          "securityhub",
          ...commands[n]!(),
          "--endpoint-url",
          emulator.url,
          "--no-cli-pager",
          "--output",
          "json",
        ]),
        awsCliEnv({ AWS_ACCESS_KEY_ID: "AKIATESTTESTTEST0000", AWS_SECRET_ACCESS_KEY: "test" }),
      );
      names.forEach((n, i) => (results[n] = out[i]!));
    }, 60_000);
    const ok = (name: string): Record<string, unknown> => {
      const r = results[name]!;
      expect(r.rc, r.err).toBe(0);
      return JSON.parse(r.out) as Record<string, unknown>;
    };
    const refused = (name: string): string => {
      const r = results[name]!;
      expect(r.rc).not.toBe(0);
      return r.err;
    };

    it("batch-import-findings --cli-input-json passes the CLI's parameter validation for every demo finding", () => {
      // The CLI checks each finding against Security Hub's published API model before it sends anything
      // (a wrong type, an unknown attribute or enum value fails here with "Parameter validation failed").
      expect(ok("importAll")).toMatchObject({ FailedCount: 0, SuccessCount: asff.length });
    });

    it("the CLI's validation does catch a finding outside the model (so the test above can fail)", () => {
      expect(refused("importBad")).toMatch(/Parameter validation failed[\s\S]*Colour/);
    });

    it("reports a finding Security Hub refuses in FailedFindings, and imports the rest", () => {
      expect(ok("importPartly")).toEqual({
        FailedCount: 1,
        SuccessCount: 1,
        FailedFindings: [
          {
            Id: asff[1]!.Id,
            ErrorCode: "InvalidInput",
            ErrorMessage:
              "Finding does not adhere to Amazon Finding Format. data.Title should NOT be longer than 256 characters.",
          },
        ],
      });
    });

    it("get-findings filters by product, generator and record state, and pages through NextToken", () => {
      const got = (ok("lg001lg004").Findings as { Id: string }[]).map((f) => f.Id).sort();
      const want = asff
        .filter((f) => f.GeneratorId === "LG001" || f.GeneratorId === "LG004")
        .map((f) => f.Id)
        .sort();
      expect(want.length).toBeGreaterThan(2);
      expect(got).toEqual(want);
      expect((ok("lg002").Findings as unknown[]).length).toBe(
        asff.filter((f) => f.GeneratorId === "LG002").length,
      );
    });

    it("an unknown NextToken is refused with InvalidInputException", () => {
      expect(refused("unknownToken")).toMatch(/InvalidInputException/);
    });
  },
);
