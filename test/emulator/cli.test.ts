import { AWS_CLI_MAJOR, AWS_CLI_VERSION, awsCliEnv } from "../helpers/aws-cli.js";
import { awsCliBatch, type CliResult } from "../helpers/aws-cli-batch.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type EmulatorHandle } from "../../src/emulator/index.js";
import { baseState, credentials } from "./helpers.js";

const version = AWS_CLI_VERSION;
const major = AWS_CLI_MAJOR;
// v2 is what users have; v1 (botocore) speaks the same wire protocols, so it is checked too when that is
// what is installed. v1 has no pager and no --no-cli-pager.
const pager = major === "2" ? ["--no-cli-pager"] : [];

describe.skipIf(major !== "2" && major !== "1")(
  `the real AWS CLI (${version.split(" ")[0] || "absent"})`,
  () => {
    let h: EmulatorHandle;
    beforeAll(async () => {
      h = await startEmulator(baseState());
    });
    afterAll(async () => h?.close());

    // All commands in one CLI process (its own driver), run once; each test checks its command's output.
    let results: Promise<CliResult[]>;
    const COMMANDS = [
      ["lambda", "list-functions"],
      ["lambda", "get-function-url-config", "--function-name", "webhook"],
      ["lambda", "get-policy", "--function-name", "webhook", "--qualifier", "live"],
      ["sts", "get-caller-identity"],
    ];
    beforeAll(() => {
      results = awsCliBatch(
        COMMANDS.map((c) => [...c, "--endpoint-url", h.url, ...pager, "--output", "json"]),
        awsCliEnv({
          AWS_ACCESS_KEY_ID: credentials.accessKeyId,
          AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
        }),
      );
    });
    async function aws(...args: string[]): Promise<Record<string, unknown>> {
      const i = COMMANDS.findIndex((c) => c.join(" ") === args.join(" "));
      const r = (await results)[i]!;
      expect(r.err).toBe("");
      expect(r.rc).toBe(0);
      return JSON.parse(r.out) as Record<string, unknown>;
    }

    it("lambda list-functions", async () => {
      const out = await aws("lambda", "list-functions");
      const names = (out.Functions as Array<{ FunctionName: string }>).map((f) => f.FunctionName).sort();
      expect(names).toEqual(["internal", "webhook"]);
    });

    it("lambda get-function-url-config", async () => {
      const out = await aws("lambda", "get-function-url-config", "--function-name", "webhook");
      expect(out.AuthType).toBe("NONE");
      expect(String(out.FunctionUrl)).toMatch(/\.lambda-url\.us-east-1\.on\.aws\/$/);
    });

    it("lambda get-policy", async () => {
      const out = await aws("lambda", "get-policy", "--function-name", "webhook", "--qualifier", "live");
      expect(JSON.parse(String(out.Policy))).toMatchObject({ Statement: [{ Sid: "live-only" }] });
    });

    it("sts get-caller-identity", async () => {
      const out = await aws("sts", "get-caller-identity");
      expect(out.Account).toBe("111122223333");
      expect(out.Arn).toBe("arn:aws:sts::111122223333:assumed-role/scanner/gha-run");
    });
  },
);
