/**
 * The seam between the Action and the app, crossed with what each side really sends: action.yml's steps
 * run in order as a runner runs them (the bundled entries in child `node` processes, with the `env:`
 * action.yml gives each step, AWS = the lambda-guard emulator, GitHub's Checks API = the stand-in); the
 * check run the Action left and the report file it wrote (zipped as upload-artifact does) become the
 * `check_run.completed` webhook and the workflow run's artifact; the app, at its defaults, must open
 * the fix pull request. Nothing in between is written by hand: no marker, no report, no check name.
 */
import { cpSync, readFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import nock from "nock";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseEmulatorState, startEmulator, type EmulatorHandle } from "../../src/emulator/index.js";
import { FakeGitHub as ChecksStandIn, serveFake } from "../action/github-standin.js";
import { cleanup, runnerDirs, runnerEnv, type RunnerDirs } from "../action/harness.js";
import { runComposite, type StepResult } from "../helpers/github-action.js";
import { buildDist } from "../helpers/build-dist.js";
import { FakeGitHub, makeZip } from "../helpers/github-fake.js";
import { readMarker } from "../../src/app/markers.js";
import { parseHandoffMarker } from "../../src/report/handoff.js";
import { example, newProbot, routeToFake, type WebhookEvent } from "./helpers.js";

const ROOT = resolve(import.meta.dirname, "../..");
const FIXTURES = join(ROOT, "test/fixtures/github");
const OWNER = "octo-org";
const REPO = "payments";
const RUN_ID = 4242; // runnerEnv's GITHUB_RUN_ID
const CHECK_SUITE_ID = 9001;

let dist: string;
let emulator: EmulatorHandle;
let checks: ChecksStandIn;
let checksServer: Awaited<ReturnType<typeof serveFake>>;
let dirs: RunnerDirs;
let repo: FakeGitHub;

beforeAll(async () => {
  dist = await buildDist();
  const stateFile = join(FIXTURES, "emulator-state.json");
  emulator = await startEmulator(parseEmulatorState(JSON.parse(readFileSync(stateFile, "utf8")), stateFile), {
    port: 0,
  });
  checks = new ChecksStandIn(OWNER, REPO);
  checksServer = await serveFake(checks);
}, 60_000);

afterAll(async () => {
  await checksServer?.close();
  await emulator?.close();
});

beforeEach(() => {
  delete process.env.LAMBDA_GUARD_CHECK_NAMES;
  dirs = runnerDirs();
  cpSync(join(FIXTURES, "iac-repo"), dirs.workspace, { recursive: true }); // actions/checkout
  checks.runs.clear();
  checks.requests.length = 0;
  repo = new FakeGitHub({
    owner: OWNER,
    repo: REPO,
    files: { "infra/main.tf": readFileSync(join(dirs.workspace, "infra/main.tf"), "utf8") },
  });
  nock.disableNetConnect();
  nock.enableNetConnect(/127\.0\.0\.1|localhost/);
  routeToFake(repo);
});

afterEach(() => {
  cleanup(dirs);
  nock.cleanAll();
  nock.enableNetConnect();
});

/** The workflow of the README's post-deploy example: action.yml's steps after a deploy of main. */
async function runWorkflow(withInputs: Record<string, string>): Promise<StepResult[]> {
  const event = {
    action: "completed",
    workflow_run: {
      id: 99,
      name: "Deploy",
      head_sha: repo.head(),
      head_branch: "main",
      conclusion: "success",
    },
    repository: { full_name: `${OWNER}/${REPO}` },
  };
  const run = await runComposite(dist, {
    inputs: { "github-token": "ghs_workflow_token", ...withInputs },
    env: runnerEnv(dirs, {}, { eventName: "workflow_run", event, apiUrl: checksServer.url }),
    outputFile: dirs.outputFile,
    aws: {
      "aws-access-key-id": "ASIAEMULATOR",
      "aws-secret-access-key": "secret",
      "aws-session-token": "token",
    },
    // upload-artifact: the report file, zipped, becomes the workflow run's artifact the app can list.
    onArtifact: (file, name) =>
      repo.addRun(
        RUN_ID,
        repo.head(),
        { name, zip: makeZip({ [basename(file)]: readFileSync(file) }) },
        { checkSuiteId: CHECK_SUITE_ID },
      ),
  });
  return run.steps.map((s) => s.result);
}

/** GitHub's `check_run.completed` for the stand-in's check run: the webhook example, with that run's fields. */
function completedWebhook(runId: number): WebhookEvent {
  const run = checks.runs.get(runId)!;
  const api = checks.response(run);
  const p = example("check_run", "completed");
  p.check_run = {
    ...p.check_run,
    ...api,
    // A check run created with a workflow's GITHUB_TOKEN belongs to the GitHub Actions app.
    app: { ...p.check_run.app, slug: "github-actions", name: "GitHub Actions" },
    check_suite: {
      ...p.check_run.check_suite,
      id: CHECK_SUITE_ID,
      head_branch: "main",
      head_sha: run.head_sha,
    },
  };
  p.repository = {
    ...p.repository,
    name: REPO,
    full_name: `${OWNER}/${REPO}`,
    owner: { ...p.repository.owner, login: OWNER },
    default_branch: "main",
  };
  p.installation = { id: 42, node_id: "x" };
  return { id: `seam-${runId}`, name: "check_run", payload: p } as unknown as WebhookEvent;
}

describe("Action → check run + artifact → app → pull request, everything at its defaults", () => {
  it("a post-deploy scan as the README shows it ends in one fix pull request", async () => {
    const steps = await runWorkflow({
      mode: "account",
      "role-to-assume": "arn:aws:iam::111122223333:role/lambda-guard-scan",
      "allowed-account-ids": "111122223333",
      "endpoint-url": emulator.url,
    });
    expect(steps.at(-1)!.code).toBe(0); // the finalizer
    const [run] = [...checks.runs.values()];
    expect(checks.runs.size).toBe(1);
    expect(run).toMatchObject({ name: "Lambda Guard", status: "completed", conclusion: "failure" });

    const probot = await newProbot(); // the app's defaults: no check names, the real fix engine
    await probot.receive(completedWebhook(run!.id));

    expect(repo.pulls).toHaveLength(1);
    const pr = repo.pulls[0]!;
    expect(pr).toMatchObject({ head: "lambda-guard/lambda-guard", base: "main", state: "open" });
    const patched = repo.files(pr.head)["infra/main.tf"]!;
    expect(patched).toContain('authorization_type = "AWS_IAM"');
    expect(patched).not.toContain('authorization_type = "NONE"');
    // The body says what the live scan said about this function, not only the rule's description.
    expect(pr.body).toContain("webhook");
  }, 120_000);

  it("a hand-off too big for the check run, and no details_url: the app reads the artifact of the run the marker names", async () => {
    // The deployed account has 80 more public functions than the IaC knows: the marker cannot hold them all.
    const stateFile = join(FIXTURES, "emulator-state.json");
    const state = JSON.parse(readFileSync(stateFile, "utf8")) as { functions: Record<string, unknown>[] };
    const webhook = state.functions.find((f) => f.name === "webhook")!;
    for (let i = 0; i < 80; i++) {
      const name = `legacy-${i}`;
      state.functions.push({
        ...structuredClone(webhook),
        name,
        tags: {},
        policies: JSON.parse(
          JSON.stringify(webhook.policies).replaceAll(":function:webhook", `:function:${name}`),
        ),
      });
    }
    const big = await startEmulator(parseEmulatorState(state, stateFile), { port: 0 });
    try {
      await runWorkflow({
        mode: "account",
        "role-to-assume": "arn:aws:iam::111122223333:role/lambda-guard-scan",
        "endpoint-url": big.url,
        // The fixture's emulator does not meter Lambda, so the scan need not pace 250 calls at AWS's 15 req/s.
        "api-budget": "50",
      });
    } finally {
      await big.close();
    }
    const [run] = [...checks.runs.values()];
    expect(run!.output.text).toContain('"truncated":true');
    const event = completedWebhook(run!.id) as unknown as { payload: { check_run: Record<string, unknown> } };
    event.payload.check_run.details_url = null;
    const probot = await newProbot();
    await probot.receive(event as unknown as WebhookEvent);
    expect(repo.pulls).toHaveLength(1);
    expect(repo.files(repo.pulls[0]!.head)["infra/main.tf"]).toContain('authorization_type = "AWS_IAM"');
    // Only the artifact lists all 81: the tracking issue tracks the 80 the code does not declare.
    const inMarker = parseHandoffMarker(run!.output.text)!.findings.length;
    expect(inMarker).toBeLessThan(81);
    expect(repo.issues).toHaveLength(1);
    expect(readMarker("issue", repo.issues[0]!.body)!.fingerprints).toHaveLength(80);
    const runCalls = repo.apiCalls().filter((c) => c.path.includes("/actions/"));
    expect(runCalls.map((c) => c.path.replace(`/repos/${OWNER}/${REPO}`, ""))).toEqual([
      `/actions/runs/${RUN_ID}`,
      `/actions/runs/${RUN_ID}/artifacts`,
      expect.stringMatching(/^\/actions\/artifacts\/\d+\/zip$/),
    ]);
  }, 180_000);
});
