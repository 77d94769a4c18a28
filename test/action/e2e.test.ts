/**
 * The Action end to end, as a runner runs it: the bundled `dist/action/index.js` (and `post.js`) in a
 * child `node` process with INPUT_*, GITHUB_* and an event payload file; AWS is the lambda-guard emulator;
 * GitHub is Stoplight Prism in proxy mode with --errors, validating every request (and our stand-in's
 * responses) against GitHub's OpenAPI description (@octokit/openapi), in front of a stateful stand-in
 * for the Checks API that validates the bodies once more, including the limits GitHub states in prose.
 *
 * GitHub is reached over HTTP (GITHUB_API_URL), not nock: nock only sees requests made inside the test
 * process, and a runner starts a separate `node` process.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from "vitest";
import { parseEmulatorState, startEmulator, type EmulatorHandle } from "../../src/emulator/index.js";
import { ReportSchema } from "../../src/model/index.js";
import { parseHandoffMarker } from "../../src/report/check-run.js";
import { readState, statePath } from "../../src/action/state.js";
import { FakeGitHub, serveFake } from "./github-standin.js";
import { runActionStep, type StepResult } from "../helpers/github-action.js";
import { buildDist } from "../helpers/build-dist.js";
import { startPrismProxy, type PrismProxy } from "../helpers/github-openapi.js";
import {
  cleanup,
  OWNER,
  PR_HEAD_SHA,
  readOutputs,
  REPO,
  runnerDirs,
  runnerEnv,
  type RunnerDirs,
} from "./harness.js";

const ROOT = resolve(import.meta.dirname, "../..");
const FIXTURES = join(ROOT, "test/fixtures/github");
const DEPLOY_SHA = "3333333333333333333333333333333333333333";

let dist: string;
let prism: PrismProxy;
let prismUrl: string;
let standIn: Awaited<ReturnType<typeof serveFake>>;
let fake: FakeGitHub;
let emulator: EmulatorHandle;
let dirs: RunnerDirs;

function step(
  entry: "index" | "post",
  env: Record<string, string>,
  opts: { killWhen?: () => boolean } = {},
): Promise<StepResult> {
  return runActionStep(dist, entry, env, opts);
}

beforeAll(async () => {
  fake = new FakeGitHub(OWNER, REPO);
  standIn = await serveFake(fake);
  const [d, p] = await Promise.all([buildDist(), startPrismProxy(standIn.url, { errors: true })]);
  dist = d;
  prism = p;
  prismUrl = p.url;
  const stateFile = join(FIXTURES, "emulator-state.json");
  emulator = await startEmulator(parseEmulatorState(JSON.parse(readFileSync(stateFile, "utf8")), stateFile), {
    port: 0,
  });
}, 90_000);

afterAll(async () => {
  await prism?.stop();
  await standIn?.close();
  await emulator?.close();
});

beforeEach(() => {
  dirs = runnerDirs();
  fake.runs.clear();
  fake.requests.length = 0;
  fake.invalid.length = 0;
  fake.forbidWrites = false;
});
afterEach(() => cleanup(dirs));

function workflowRunEvent() {
  return {
    action: "completed",
    workflow_run: {
      id: 99,
      name: "Deploy",
      head_sha: DEPLOY_SHA,
      head_branch: "main",
      conclusion: "success",
      event: "push",
    },
    repository: { full_name: `${OWNER}/${REPO}` },
  };
}

function expectCleanGitHubTraffic(r: StepResult) {
  expect(fake.invalid).toEqual([]);
  // Prism answers 422 (invalid request) or 500 (invalid response) itself; neither may happen.
  expect(r.stdout).not.toMatch(/HTTP (422|500)/);
  for (const req of fake.requests) expect([200, 201]).toContain(req.status);
}

describe("mode account, after a deploy (emulator)", () => {
  it("reports the public URL, the incomplete region, and completes the check on the deployed commit", async () => {
    const env = runnerEnv(
      dirs,
      { mode: "account", regions: "all", "endpoint-url": emulator.url },
      { eventName: "workflow_run", event: workflowRunEvent(), apiUrl: prismUrl },
    );
    Object.assign(env, {
      LAMBDA_GUARD_AWS_ACCESS_KEY_ID: "ASIAEMULATOR",
      LAMBDA_GUARD_AWS_SECRET_ACCESS_KEY: "secret",
      LAMBDA_GUARD_AWS_SESSION_TOKEN: "token",
      LAMBDA_GUARD_AWS_REGION: "us-east-1",
    });
    const r = await step("index", env);
    expectCleanGitHubTraffic(r);
    expect(r.code).toBe(1); // a critical finding at fail-on high fails the step too
    expect(r.stdout).toContain("::error::Lambda Guard: 1 finding (1 critical)");

    const run = fake.only();
    expect(run).toMatchObject({
      name: "Lambda Guard",
      head_sha: DEPLOY_SHA,
      status: "completed",
      conclusion: "failure",
    });
    expect(run.output.title).toBe("1 finding (1 critical) · scan incomplete (1 scope not fully scanned)");
    expect(run.annotations).toEqual([]); // a live finding has no file: summary only
    expect(run.output.summary).toContain("### Critical (1)");
    expect(run.output.summary).toContain("aws lambda update-function-url-config --function-name webhook");
    expect(run.output.summary).toContain("| `eu-west-1/cloudtrail` | failed | AccessDeniedException");
    const handoff = parseHandoffMarker(run.output.text)!;
    expect(handoff).toMatchObject({
      artifact: "lambda-guard-report",
      complete: false,
      truncated: false,
      commit: DEPLOY_SHA,
    });
    expect(handoff.target).toEqual({ kind: "aws-account", accountId: "111122223333", partition: "aws" });
    expect(handoff.findings).toEqual([
      expect.objectContaining({
        rule: "LG001",
        severity: "critical",
        resource: expect.objectContaining({ functionName: "webhook", region: "us-east-1" }),
      }),
    ]);
    expect(fake.requests.map((q) => [q.method, q.body.status ?? q.body.conclusion])).toEqual([
      ["POST", "in_progress"],
      ["PATCH", "completed"],
    ]);

    const outputs = readOutputs(dirs.outputFile);
    expect(outputs).toMatchObject({
      conclusion: "failure",
      findings: "1",
      "highest-severity": "critical",
      "check-run-id": String(run.id),
    });
    const report = ReportSchema.parse(JSON.parse(readFileSync(outputs["report-file"]!, "utf8")));
    expect(report.target).toMatchObject({
      kind: "aws-account",
      accountId: "111122223333",
      repository: `${OWNER}/${REPO}`,
      commit: DEPLOY_SHA,
    });
    const sarif = JSON.parse(readFileSync(outputs["sarif-file"]!, "utf8"));
    expect(sarif.runs[0].results).toEqual([]); // code scanning needs a file; none here
    expect(sarif.runs[0].tool.driver.rules).toHaveLength(5);
    expect(readFileSync(dirs.summaryFile, "utf8")).toContain(
      "## Lambda Guard: 1 finding (1 critical) (scan incomplete)",
    );
  });
});

describe("mode iac, a pull-request gate (no AWS)", () => {
  it("annotates the IaC lines, writes located SARIF, and puts the check on the PR head", async () => {
    cpSync(join(FIXTURES, "iac-repo"), dirs.workspace, { recursive: true });
    const env = runnerEnv(
      dirs,
      { mode: "iac", "iac-path": "infra", "upload-sarif": "true" },
      { apiUrl: prismUrl },
    );
    const r = await step("index", env);
    expectCleanGitHubTraffic(r);
    const run = fake.only();
    expect(run).toMatchObject({ head_sha: PR_HEAD_SHA, status: "completed", conclusion: "failure" });
    expect(run.annotations).toEqual([
      expect.objectContaining({
        path: "infra/main.tf",
        start_line: 3,
        end_line: 3,
        annotation_level: "failure",
        title: expect.stringMatching(/^LG001 \(critical\)/),
      }),
      expect.objectContaining({
        path: "infra/main.tf",
        start_line: 10,
        end_line: 10,
        annotation_level: "failure",
        title: expect.stringMatching(/^LG002 \(high\)/),
      }),
    ]);
    const outputs = readOutputs(dirs.outputFile);
    const sarif = JSON.parse(readFileSync(outputs["sarif-file"]!, "utf8"));
    expect(
      sarif.runs[0].results.map(
        (x: {
          locations: {
            physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } };
          }[];
        }) => [
          x.locations[0]!.physicalLocation.artifactLocation.uri,
          x.locations[0]!.physicalLocation.region.startLine,
        ],
      ),
    ).toEqual([
      ["infra/main.tf", 3],
      ["infra/main.tf", 10],
    ]);
    expect(parseHandoffMarker(run.output.text)!.findings.map((f) => f.location?.path)).toEqual([
      "infra/main.tf",
      "infra/main.tf",
    ]);
  });

  // Every batch boundary (0, 49, 50, 51, 500) is checked in process by main.test.ts; here each request shape
  // goes past GitHub's description once: none, a full batch plus a remainder, and a truncated hand-off.
  it.each([0, 51, 500])("%i findings → annotations in batches of at most 50, all accepted", async (n) => {
    const tf = Array.from(
      { length: n },
      (_, i) =>
        `resource "aws_lambda_permission" "p${i}" {\n  statement_id  = "Public${i}"\n  action        = "lambda:InvokeFunction"\n  function_name = "fn${i}"\n  principal     = "*"\n}\n`,
    ).join("\n");
    mkdirSync(join(dirs.workspace, "infra"), { recursive: true });
    writeFileSync(join(dirs.workspace, "infra", "main.tf"), tf || "# nothing yet\n");
    const env = runnerEnv(dirs, { mode: "iac", "iac-path": "infra" }, { apiUrl: prismUrl });
    const r = await step("index", env);
    expectCleanGitHubTraffic(r);
    const run = fake.only();
    expect(run.annotations).toHaveLength(n);
    expect(run.batches).toEqual(
      Array.from({ length: Math.ceil(n / 50) }, (_, i) => Math.min(50, n - i * 50)),
    );
    expect(run.conclusion).toBe(n === 0 ? "success" : "failure");
    expect(Buffer.byteLength(run.output.summary!)).toBeLessThanOrEqual(65_535);
    expect(readOutputs(dirs.outputFile).findings).toBe(String(n));
  });
});

describe("failure paths", () => {
  it("403 from the Checks API: a clear message, and the job still reports via the summary", async () => {
    fake.forbidWrites = true;
    cpSync(join(FIXTURES, "iac-repo"), dirs.workspace, { recursive: true });
    const r = await step(
      "index",
      runnerEnv(dirs, { mode: "iac", "iac-path": "infra" }, { apiUrl: prismUrl }),
    );
    expect(r.stdout).toMatch(
      /::warning::cannot create the check run 'Lambda Guard' on 2{40} \(HTTP 403: Resource not accessible by integration/,
    );
    expect(r.stdout).toContain("checks: write");
    const summary = readFileSync(dirs.summaryFile, "utf8");
    expect(summary).toContain("HTTP 403");
    expect(summary).toContain("## Lambda Guard: 2 findings (1 critical, 1 high)");
    expect(readOutputs(dirs.outputFile)["check-run-id"]).toBe("");
    expect(r.code).toBe(1);
  });

  it("a step killed mid-scan: the finalizer completes the check (never left in_progress)", async () => {
    // An endpoint that accepts connections and never answers: the scan hangs until the runner kills it.
    const blackHole = createServer(() => {});
    await new Promise<void>((ok) => blackHole.listen(0, "127.0.0.1", ok));
    const endpoint = `http://127.0.0.1:${(blackHole.address() as { port: number }).port}`;
    const env = runnerEnv(
      dirs,
      { mode: "account", "endpoint-url": endpoint },
      { eventName: "workflow_run", event: workflowRunEvent(), apiUrl: prismUrl },
    );
    Object.assign(env, { AWS_ACCESS_KEY_ID: "x", AWS_SECRET_ACCESS_KEY: "y", AWS_REGION: "us-east-1" });
    const r = await step("index", env, {
      killWhen: () => [...fake.runs.values()].some((x) => x.status === "in_progress"),
    });
    expect(r.code).toBeNull(); // killed
    expect(fake.only().status).toBe("in_progress");
    const post = await step("post", { ...env, LAMBDA_GUARD_JOB_STATUS: "cancelled" });
    expect(post.code).toBe(0);
    expect(fake.only()).toMatchObject({ status: "completed", conclusion: "cancelled" });
    expect(fake.only().output.title).toBe("The scan was cancelled");
    expectCleanGitHubTraffic(post);
    await new Promise<void>((ok) => blackHole.close(() => ok()));
  });
});

describe("as action.yml runs it: the check completes in the finalizer, after the artifact upload", () => {
  it("the scan step leaves the check in progress with its annotations; post.js sends the saved result", async () => {
    cpSync(join(FIXTURES, "iac-repo"), dirs.workspace, { recursive: true });
    const env = {
      ...runnerEnv(dirs, { mode: "iac", "iac-path": "infra" }, { apiUrl: prismUrl }),
      LAMBDA_GUARD_DEFER_COMPLETION: "true",
    };
    const r = await step("index", env);
    expectCleanGitHubTraffic(r);
    expect(r.code).toBe(1); // the step still fails on a finding at fail-on
    const run = fake.only();
    expect(run).toMatchObject({ head_sha: PR_HEAD_SHA, status: "in_progress", conclusion: null });
    expect(run.details_url).toMatch(/^https:\/\/github\.com\/octo-org\/payments\/actions\/runs\/4242(\/|$)/);
    expect(run.annotations).toHaveLength(2);
    expect(fake.requests.map((q) => [q.method, q.body.status ?? q.body.conclusion ?? null])).toEqual([
      ["POST", "in_progress"],
      ["PATCH", null],
    ]);
    const outputs = readOutputs(dirs.outputFile);
    expect(outputs).toMatchObject({ conclusion: "failure", findings: "2", "check-run-id": String(run.id) });
    expect(readFileSync(dirs.summaryFile, "utf8")).toContain("## Lambda Guard: 2 findings");
    const pending = readState(statePath(env, "Lambda Guard", PR_HEAD_SHA))!.pending!;
    expect(pending).toMatchObject({ conclusion: "failure" });

    // (upload-artifact runs here in action.yml.) Then the finalizer, under a job the scan step failed.
    const post = await step("post", {
      ...env,
      LAMBDA_GUARD_DEFER_COMPLETION: "",
      LAMBDA_GUARD_JOB_STATUS: "failure",
    });
    expect(post.code).toBe(0);
    expectCleanGitHubTraffic(post);
    expect(fake.requests).toHaveLength(3);
    expect(fake.requests.at(-1)!.method).toBe("PATCH");
    expect(fake.requests.at(-1)!.body).toEqual({
      status: "completed",
      conclusion: pending.conclusion,
      completed_at: pending.completed_at,
      output: pending.output,
    });
    expect(fake.only()).toMatchObject({ status: "completed", conclusion: "failure" });
    expect(fake.only().output).toEqual(pending.output);
    expect(parseHandoffMarker(fake.only().output.text)!.findings).toHaveLength(2);
    expect(fake.only().annotations).toHaveLength(2);
  });
});
