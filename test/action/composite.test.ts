/**
 * action.yml as a runner runs it, step by step (test/helpers/github-action.ts), around AWS's and
 * GitHub's real behaviour: the check run exists before credentials are asked for, and refused
 * credentials or another account end in a completed, failing check that says what to fix, before any
 * Lambda, CloudTrail or IAM call.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseEmulatorState, startEmulator, type EmulatorHandle } from "../../src/emulator/index.js";
import { runComposite } from "../helpers/github-action.js";
import { buildDist } from "../helpers/build-dist.js";
import { FakeGitHub, serveFake } from "./github-standin.js";
import { cleanup, OWNER, REPO, runnerDirs, runnerEnv, type RunnerDirs } from "./harness.js";

const ROOT = resolve(import.meta.dirname, "../..");
const FIXTURES = join(ROOT, "test/fixtures/github");
const DEPLOY_SHA = "3333333333333333333333333333333333333333";
const ROLE = "arn:aws:iam::111122223333:role/lambda-guard-scan";
const CREDS = { "aws-access-key-id": "ASIAEMULATOR", "aws-secret-access-key": "s", "aws-session-token": "t" };

let dist: string;
let emulator: EmulatorHandle;
let checks: FakeGitHub;
let server: Awaited<ReturnType<typeof serveFake>>;
let dirs: RunnerDirs;

beforeAll(async () => {
  dist = await buildDist();
  const stateFile = join(FIXTURES, "emulator-state.json");
  emulator = await startEmulator(parseEmulatorState(JSON.parse(readFileSync(stateFile, "utf8")), stateFile), {
    port: 0,
  });
  checks = new FakeGitHub(OWNER, REPO);
  server = await serveFake(checks);
}, 60_000);

afterAll(async () => {
  await server?.close();
  await emulator?.close();
});

beforeEach(() => {
  dirs = runnerDirs();
  checks.runs.clear();
  checks.requests.length = 0;
});
afterEach(() => cleanup(dirs));

function awsCalls(before: Record<string, number>): string[] {
  const now = emulator.stats().requests;
  return Object.keys(now).filter((k) => now[k]! > (before[k] ?? 0));
}

async function deploy(inputs: Record<string, string>, aws: Record<string, string> | "failure") {
  const event = {
    action: "completed",
    workflow_run: { id: 99, head_sha: DEPLOY_SHA, head_branch: "main", conclusion: "success" },
    repository: { full_name: `${OWNER}/${REPO}` },
  };
  return runComposite(dist, {
    inputs: { "github-token": "ghs_workflow_token", "endpoint-url": emulator.url, ...inputs },
    env: runnerEnv(dirs, {}, { eventName: "workflow_run", event, apiUrl: server.url }),
    outputFile: dirs.outputFile,
    aws,
  });
}

describe("credentials, as action.yml handles them", () => {
  it("the check run is created by the first step, before configure-aws-credentials runs", async () => {
    const run = await deploy({ "role-to-assume": ROLE }, CREDS);
    expect(run.steps.map((s) => s.id)).toEqual(["start", "scan", "finalize"]);
    expect(run.steps[0]!.result.stdout).toContain("Check run 'Lambda Guard' created on 3333");
    expect(run.outputs.start).toMatchObject({ "check-run-id": String(checks.only().id) });
    // One check run for the whole job: the scan step carried on with the one the start step created.
    expect(checks.requests.filter((r) => r.method === "POST")).toHaveLength(1);
    expect(checks.only()).toMatchObject({ status: "completed", conclusion: "failure" });
    expect(checks.only().output.title).toMatch(/^1 finding \(1 critical\)/);
  }, 60_000);

  it("allowed-account-ids: another account stops the scan after sts:GetCallerIdentity, with a failing check", async () => {
    const before = { ...emulator.stats().requests };
    const run = await deploy({ "role-to-assume": ROLE, "allowed-account-ids": "444455556666" }, CREDS);
    expect(awsCalls(before)).toEqual(["sts:GetCallerIdentity"]);
    const check = checks.only();
    expect(check).toMatchObject({ status: "completed", conclusion: "failure" });
    expect(check.output.title).toBe("The credentials belong to an account that is not allowed");
    expect(check.output.summary).toContain(
      "account 111122223333, which is not in allowed-account-ids (444455556666)",
    );
    expect(check.output.summary).toContain("add it to `allowed-account-ids`");
    expect(run.steps.find((s) => s.id === "scan")!.result.code).toBe(1);
    expect(run.outputs.scan?.["report-file"]).toBeUndefined(); // nothing to upload, nothing for the app
  }, 60_000);

  it("the allowed account passes", async () => {
    await deploy({ "role-to-assume": ROLE, "allowed-account-ids": "444455556666, 111122223333" }, CREDS);
    expect(checks.only().output.title).toMatch(/^1 finding \(1 critical\)/);
  }, 60_000);

  it("refused credentials (the role cannot be assumed): a failing check that says what to check, no AWS call", async () => {
    const before = { ...emulator.stats().requests };
    const run = await deploy({ "role-to-assume": ROLE, audience: "sts.amazonaws.com" }, "failure");
    expect(awsCalls(before)).toEqual([]);
    const check = checks.only();
    expect(check).toMatchObject({ status: "completed", conclusion: "failure" });
    expect(check.output.title).toBe("Lambda Guard could not get AWS credentials");
    const summary = check.output.summary!;
    for (const hint of [
      "id-token: write",
      "trust policy",
      `repo:${OWNER}/${REPO}:environment:`,
      ":aud",
      "`sts.amazonaws.com`",
      "allowed-account-ids",
    ])
      expect(summary).toContain(hint);
    expect(run.steps.find((s) => s.id === "scan")!.result.code).toBe(1);
    expect(run.steps.at(-1)!.id).toBe("finalize");
    expect(run.steps.at(-1)!.result.code).toBe(0);
  }, 60_000);

  it("credentials STS does not accept: a failing check, not an incomplete scan, even with incomplete: neutral", async () => {
    const saved = emulator.state.behaviour.faults;
    emulator.state.behaviour.faults = [
      { service: "sts", operation: "GetCallerIdentity", error: "ExpiredToken", rate: 1 },
    ];
    const before = { ...emulator.stats().requests };
    try {
      await deploy({ "role-to-assume": ROLE, incomplete: "neutral" }, CREDS);
    } finally {
      emulator.state.behaviour.faults = saved;
    }
    expect(awsCalls(before)).toEqual(["sts:GetCallerIdentity"]);
    const check = checks.only();
    expect(check).toMatchObject({ status: "completed", conclusion: "failure" });
    expect(check.output.title).toBe("AWS refused the credentials");
    expect(check.output.summary).toContain("ExpiredToken");
  }, 60_000);
});
