import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import nock from "nock";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { finalize } from "../../src/action/finalize.js";
import { run } from "../../src/action/main.js";
import type { ScanFn, ScanRequest } from "../../src/action/scan.js";
import { readState, statePath } from "../../src/action/state.js";
import { ReportSchema, type Report } from "../../src/model/index.js";
import { parseHandoffMarker } from "../../src/report/check-run.js";
import { accountReport, brokenCoverage, iacReport, manyIacFindings, mixedReport } from "../report/reports.js";
import { FakeGitHub, nockFake } from "./github-standin.js";
import { cleanup, PR_HEAD_SHA, readOutputs, runnerDirs, runnerEnv, type RunnerDirs } from "./harness.js";

// @actions/core caches the step summary path on first write, so one file serves the whole file.
const summaryDirs = runnerDirs();
const savedEnv = { ...process.env };
let dirs: RunnerDirs;
let fake: FakeGitHub;
const octokitOptions = { request: { fetch: globalThis.fetch } };

function setEnv(inputs: Record<string, string>, opts?: Parameters<typeof runnerEnv>[2]): void {
  for (const k of Object.keys(process.env))
    if (k.startsWith("INPUT_") || k.startsWith("GITHUB_")) delete process.env[k];
  Object.assign(process.env, runnerEnv(dirs, inputs, opts));
}

const fakeScan =
  (report: Report | (() => Promise<Report>), seen?: ScanRequest[]): ScanFn =>
  async (req) => {
    seen?.push(req);
    return typeof report === "function" ? report() : report;
  };

beforeAll(() => {
  nock.disableNetConnect();
});
afterAll(() => {
  nock.enableNetConnect();
  cleanup(summaryDirs);
});
beforeEach(() => {
  dirs = runnerDirs(summaryDirs.summaryFile);
  writeFileSync(summaryDirs.summaryFile, "");
  fake = new FakeGitHub();
  nockFake(fake);
});
afterEach(() => {
  nock.cleanAll();
  cleanup(dirs);
  process.exitCode = 0;
  for (const k of Object.keys(process.env)) if (!(k in savedEnv)) delete process.env[k];
  Object.assign(process.env, savedEnv);
});

describe("check run over 0, 49, 50, 51 and 500 findings", () => {
  it.each([
    [0, [], "success"],
    [49, [49], "failure"],
    [50, [50], "failure"],
    [51, [50, 1], "failure"],
    [500, Array(10).fill(50), "failure"],
  ])("%i findings → annotation batches %j, %s", async (n, batches, conclusion) => {
    setEnv({ mode: "iac", "fail-on": "high" });
    const report = iacReport(manyIacFindings(n));
    const result = await run({ scan: fakeScan(report), octokitOptions });
    expect(fake.invalid).toEqual([]);
    const checkRun = fake.only();
    expect(checkRun.name).toBe("Lambda Guard");
    expect(checkRun.head_sha).toBe(PR_HEAD_SHA); // the PR head, not the merge commit
    expect(checkRun.status).toBe("completed");
    expect(checkRun.conclusion).toBe(conclusion);
    expect(checkRun.batches).toEqual(batches);
    expect(checkRun.annotations).toHaveLength(n);
    expect(checkRun.details_url).toBe("https://github.com/octo-org/payments/actions/runs/4242/attempts/1");
    // Requests: create in_progress, one PATCH per batch (the last one completes), or one completing PATCH.
    expect(fake.requests[0]).toMatchObject({
      method: "POST",
      body: { status: "in_progress", head_sha: PR_HEAD_SHA },
    });
    expect(fake.requests).toHaveLength(1 + Math.max(1, batches.length));
    expect(fake.requests.filter((r) => r.body.conclusion !== undefined)).toHaveLength(1);
    expect(fake.requests.at(-1)!.body.conclusion).toBe(conclusion);
    expect([...checkRun.output.summary!].length).toBeLessThanOrEqual(65_535);
    expect([...checkRun.output.text!].length).toBeLessThanOrEqual(65_535);
    const handoff = parseHandoffMarker(checkRun.output.text)!;
    expect(handoff).not.toBeNull();
    expect(handoff.artifact).toBe("lambda-guard-report");
    expect(handoff.repository).toBe("octo-org/payments");
    expect(handoff.commit).toBe(PR_HEAD_SHA);
    expect(handoff.truncated).toBe(n === 500);
    if (n < 500) expect(handoff.findings).toHaveLength(n);
    if (n === 500) expect(checkRun.output.summary).toContain("artifact `lambda-guard-report`");

    const outputs = readOutputs(dirs.outputFile);
    expect(outputs).toMatchObject({
      conclusion,
      findings: String(n),
      "highest-severity": n === 0 ? "none" : "high",
      "check-run-id": String(checkRun.id),
    });
    expect(result!.checkRunId).toBe(checkRun.id);
    const saved = ReportSchema.parse(JSON.parse(readFileSync(outputs["report-file"]!, "utf8")));
    expect(saved.findings).toHaveLength(n);
    expect(saved.target.commit).toBe(PR_HEAD_SHA);
    const sarif = JSON.parse(readFileSync(outputs["sarif-file"]!, "utf8"));
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.runs[0].results).toHaveLength(n);
    const summary = readFileSync(summaryDirs.summaryFile, "utf8");
    expect(summary).toContain("## Lambda Guard:");
    expect(process.exitCode ?? 0).toBe(conclusion === "failure" ? 1 : 0);
  });
});

describe("scan problems", () => {
  it("a scan that fails half-way still completes the check, failure by default", async () => {
    setEnv({ mode: "account" });
    await run({
      scan: fakeScan(async () => {
        throw new Error("ExpiredToken: the security token included in the request is expired");
      }),
      octokitOptions,
    });
    const checkRun = fake.only();
    expect(checkRun.status).toBe("completed");
    expect(checkRun.conclusion).toBe("failure");
    expect(checkRun.output.title).toMatch(/scan incomplete/);
    expect(checkRun.output.summary).toContain("ExpiredToken");
    expect(parseHandoffMarker(checkRun.output.text)!.complete).toBe(false);
    expect(fake.invalid).toEqual([]);
    expect(process.exitCode).toBe(1);
  });

  it("incomplete: neutral makes an incomplete but clean scan neutral", async () => {
    setEnv({ mode: "account", incomplete: "neutral" });
    await run({ scan: fakeScan(accountReport([], brokenCoverage)), octokitOptions });
    const checkRun = fake.only();
    expect(checkRun.conclusion).toBe("neutral");
    expect(checkRun.output.summary).toContain("| `eu-west-1/cloudtrail` | failed |");
    expect(process.exitCode ?? 0).toBe(0);
  });

  it("findings at fail-on still fail under incomplete: neutral; below it they are neutral", async () => {
    setEnv({ mode: "account", incomplete: "neutral", "fail-on": "critical" });
    await run({ scan: fakeScan(mixedReport(brokenCoverage)), octokitOptions });
    expect(fake.only().conclusion).toBe("failure");
    const fake2 = new FakeGitHub();
    nock.cleanAll();
    nockFake(fake2);
    setEnv({ mode: "account", "fail-on": "critical" });
    await run({ scan: fakeScan(iacReport(manyIacFindings(5))), octokitOptions });
    expect(fake2.only().conclusion).toBe("neutral");
  });

  it("passes inputs over config to the scan", async () => {
    writeFileSync(`${dirs.workspace}/lg.yml`, "failOn: medium\nlookbackDays: 30\nregions: [eu-west-1]\n");
    mkdirSync(`${dirs.workspace}/infra`);
    setEnv({
      mode: "both",
      config: "lg.yml",
      regions: "us-east-1, us-west-2",
      "api-budget": "0.5",
      "iac-path": "infra",
    });
    const seen: ScanRequest[] = [];
    await run({
      scan: fakeScan(iacReport(manyIacFindings(2).filter((f) => f.severity === "medium")), seen),
      octokitOptions,
    });
    expect(seen[0]).toMatchObject({
      mode: "both",
      regions: ["us-east-1", "us-west-2"],
      lookbackDays: 30,
      apiBudget: 0.5,
      iacPath: "infra",
    });
    expect(fake.only().conclusion).toBe("failure"); // failOn: medium from the config
  });
});

describe("a read-only token (fork pull request)", () => {
  it("explains the 403 and still reports through the job summary and outputs", async () => {
    fake.forbidWrites = true;
    setEnv({ mode: "iac" });
    const result = await run({ scan: fakeScan(iacReport(manyIacFindings(3))), octokitOptions });
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]!.status).toBe(403);
    expect(fake.runs.size).toBe(0);
    const summary = readFileSync(summaryDirs.summaryFile, "utf8");
    expect(summary).toContain("HTTP 403");
    expect(summary).toContain("checks: write");
    expect(summary).toContain("forks");
    expect(summary).toContain("## Lambda Guard: 3 findings");
    const outputs = readOutputs(dirs.outputFile);
    expect(outputs["check-run-id"]).toBe("");
    expect(outputs.findings).toBe("3");
    expect(existsSync(outputs["report-file"]!)).toBe(true);
    expect(result!.conclusion).toBe("failure");
  });
});

describe("invalid inputs", () => {
  it.each([
    [{ "fail-on": "severe" }, "input 'fail-on'"],
    [{ mode: "live" }, "input 'mode'"],
    [{ regions: "us-east-1,mars-1" }, "input 'regions'"],
    [{ "lookback-days": "365" }, "input 'lookback-days'"],
    [{ incomplete: "ignore" }, "input 'incomplete'"],
    [{ "api-budget": "-1" }, "input 'api-budget'"],
    [{ config: "missing.yml" }, "input 'config'"],
  ])("%j → the check fails naming the input", async (inputs, named) => {
    setEnv({ mode: "iac", ...inputs });
    let scanned = false;
    await run({
      scan: async () => {
        scanned = true;
        return iacReport([]);
      },
      octokitOptions,
    });
    expect(scanned).toBe(false);
    const checkRun = fake.only();
    expect(checkRun.conclusion).toBe("failure");
    expect(checkRun.output.summary).toContain(named);
    expect(readFileSync(summaryDirs.summaryFile, "utf8")).toContain(named);
    expect(process.exitCode).toBe(1);
    expect(fake.invalid).toEqual([]);
  });

  it("an invalid head-sha fails before any check run (there is no commit to put it on)", async () => {
    setEnv({ mode: "iac", "head-sha": "main" });
    await run({ scan: fakeScan(iacReport([])), octokitOptions });
    expect(fake.requests).toHaveLength(0);
    expect(process.exitCode).toBe(1);
  });
});

describe("the finalizer", () => {
  it("completes a check run the scan step left in progress", async () => {
    setEnv({ mode: "account" });
    // The scan never returns: the runner kills the step (timeout, cancellation, OOM).
    void run({ scan: () => new Promise<Report>(() => {}), octokitOptions });
    // Killed once the run is created and recorded for the finalizer.
    const recorded = () => readState(statePath(process.env, "Lambda Guard", PR_HEAD_SHA)) !== null;
    for (let i = 0; i < 200 && !recorded(); i++) await new Promise((r) => setTimeout(r, 10));
    expect(fake.only().status).toBe("in_progress");
    process.env.LAMBDA_GUARD_JOB_STATUS = "cancelled";
    expect(await finalize({ octokitOptions })).toBe("completed");
    expect(fake.only()).toMatchObject({ status: "completed", conclusion: "cancelled" });
    delete process.env.LAMBDA_GUARD_JOB_STATUS;
    expect(await finalize({ octokitOptions })).toBe("nothing");
    expect(fake.invalid).toEqual([]);
  });

  it("uses the incomplete policy when the step failed, and does nothing after a normal run", async () => {
    setEnv({ mode: "iac" });
    await run({ scan: fakeScan(iacReport([])), octokitOptions });
    const before = fake.requests.length;
    expect(await finalize({ octokitOptions })).toBe("nothing");
    expect(fake.requests).toHaveLength(before);

    const fake2 = new FakeGitHub();
    nock.cleanAll();
    nockFake(fake2);
    setEnv({ mode: "account", "check-name": "Lambda Guard (prod)" });
    void run({ scan: () => new Promise<Report>(() => {}), octokitOptions });
    for (let i = 0; i < 100 && fake2.runs.size === 0; i++) await new Promise((r) => setTimeout(r, 10));
    process.env.LAMBDA_GUARD_JOB_STATUS = "failure";
    expect(await finalize({ octokitOptions })).toBe("completed");
    expect(fake2.only()).toMatchObject({ name: "Lambda Guard (prod)", conclusion: "failure" });
    expect(fake2.only().output.title).toBe("The scan did not finish");
  });
});

describe("completion deferred to the finalizer (action.yml: after the artifact upload)", () => {
  const savedState = () => readState(statePath(process.env, "Lambda Guard", PR_HEAD_SHA));

  it("the scan step sends every annotation but leaves the check in progress; the finalizer completes it with the saved payload", async () => {
    setEnv({ mode: "iac", "fail-on": "high" });
    process.env.LAMBDA_GUARD_DEFER_COMPLETION = "true";
    const result = await run({ scan: fakeScan(iacReport(manyIacFindings(51))), octokitOptions });
    expect(fake.invalid).toEqual([]);
    const checkRun = fake.only();
    expect(checkRun.status).toBe("in_progress");
    expect(checkRun.conclusion).toBeNull();
    expect(checkRun.batches).toEqual([50, 1]);
    expect(checkRun.details_url).toMatch(
      /^https:\/\/github\.com\/octo-org\/payments\/actions\/runs\/4242(\/|$)/,
    );
    expect(fake.requests).toHaveLength(3); // create + two annotation batches, none completing
    expect(fake.requests.filter((r) => r.body.status === "completed" || r.body.conclusion)).toEqual([]);
    // Everything else as without deferral: outputs, job summary, files, exit code.
    const outputs = readOutputs(dirs.outputFile);
    expect(outputs).toMatchObject({
      conclusion: "failure",
      findings: "51",
      "check-run-id": String(checkRun.id),
    });
    expect(existsSync(outputs["report-file"]!)).toBe(true);
    expect(readFileSync(summaryDirs.summaryFile, "utf8")).toContain("## Lambda Guard: 51 findings");
    expect(process.exitCode).toBe(1);
    expect(result!.conclusion).toBe("failure");

    const state = savedState()!;
    expect(state).toMatchObject({ checkRunId: checkRun.id, completed: false });
    const pending = state.pending!;
    expect(pending.conclusion).toBe("failure");
    expect(pending.output.title).toMatch(/^51 findings/);
    expect(parseHandoffMarker(pending.output.text)!.findings).toHaveLength(51);

    delete process.env.LAMBDA_GUARD_DEFER_COMPLETION;
    process.env.LAMBDA_GUARD_JOB_STATUS = "failure"; // the scan step failed the job: still its own result
    expect(await finalize({ octokitOptions })).toBe("completed");
    expect(fake.requests).toHaveLength(4);
    expect(fake.requests.at(-1)).toMatchObject({ method: "PATCH", status: 200 });
    expect(fake.requests.at(-1)!.body).toEqual({
      status: "completed",
      conclusion: pending.conclusion,
      completed_at: pending.completed_at,
      output: { title: pending.output.title, summary: pending.output.summary, text: pending.output.text },
    });
    expect(fake.only()).toMatchObject({ status: "completed", conclusion: "failure" });
    expect(fake.only().annotations).toHaveLength(51);
    expect(savedState()).toMatchObject({ completed: true });
    expect(savedState()!.pending).toBeUndefined();
    expect(await finalize({ octokitOptions })).toBe("nothing");
    expect(fake.requests).toHaveLength(4);
    expect(fake.invalid).toEqual([]);
  });

  it("with no finding to annotate, the deferred run sends nothing after the create", async () => {
    setEnv({ mode: "iac" });
    process.env.LAMBDA_GUARD_DEFER_COMPLETION = "true";
    await run({ scan: fakeScan(iacReport([])), octokitOptions });
    expect(fake.requests.map((r) => r.method)).toEqual(["POST"]);
    expect(savedState()!.pending!.conclusion).toBe("success");
    expect(await finalize({ octokitOptions })).toBe("completed");
    expect(fake.only()).toMatchObject({ status: "completed", conclusion: "success" });
  });

  it("a finalizer that may not complete the check says so in a warning", async () => {
    setEnv({ mode: "iac" });
    process.env.LAMBDA_GUARD_DEFER_COMPLETION = "true";
    await run({ scan: fakeScan(iacReport(manyIacFindings(2))), octokitOptions });
    fake.forbidWrites = true;
    const writes: string[] = [];
    const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
      writes.push(String(chunk));
      return true;
    });
    try {
      expect(await finalize({ octokitOptions })).toBe("failed");
    } finally {
      spy.mockRestore();
    }
    expect(fake.requests.at(-1)!.status).toBe(403);
    expect(fake.requests.filter((r) => r.status === 403)).toHaveLength(1); // a 403 is not retried
    const warning = writes.find((w) => w.startsWith("::warning::"))!;
    expect(warning).toContain("cannot complete the check run");
    expect(warning).toContain("HTTP 403");
    expect(warning).toContain("checks: write");
    expect(warning).toContain("stays in_progress");
    expect(fake.only().status).toBe("in_progress");
  });
});
