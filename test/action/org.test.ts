import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import nock from "nock";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { run } from "../../src/action/main.js";
import { renderIssueBody } from "../../src/app/body.js";
import { reportFromHandoff } from "../../src/app/trust.js";
import { startEmulator, type EmulatorHandle } from "../../src/emulator/index.js";
import { securityHubFindings } from "../../src/emulator/services/securityhub.js";
import { parseHandoffMarker } from "../../src/report/check-run.js";
import { MANAGEMENT, MEMBERS, ROLE, orgState } from "../org/org-state.js";
import { FakeGitHub, nockFake } from "./github-standin.js";
import { cleanup, runnerDirs, runnerEnv, type RunnerDirs } from "./harness.js";

const summaryDirs = runnerDirs();
const savedEnv = { ...process.env };
const octokitOptions = { request: { fetch: globalThis.fetch } };
let dirs: RunnerDirs;
let fake: FakeGitHub;
let h: EmulatorHandle;

function setEnv(inputs: Record<string, string>): void {
  for (const k of Object.keys(process.env))
    if (k.startsWith("INPUT_") || k.startsWith("GITHUB_")) delete process.env[k];
  Object.assign(process.env, runnerEnv(dirs, inputs), {
    LAMBDA_GUARD_AWS_ACCESS_KEY_ID: "AKIATESTTESTTEST0000",
    LAMBDA_GUARD_AWS_SECRET_ACCESS_KEY: "test",
    LAMBDA_GUARD_AWS_REGION: "us-east-1",
  });
}

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect("127.0.0.1");
  h = await startEmulator(orgState());
});
afterAll(async () => {
  nock.enableNetConnect();
  cleanup(summaryDirs);
  await h.close();
});
beforeEach(() => {
  dirs = runnerDirs(summaryDirs.summaryFile);
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

const scanInputs = { "endpoint-url": "", rules: "LG001,LG002,LG003", "role-name": ROLE, "fail-on": "high" };

describe("the Action across an organization", () => {
  it("matrix jobs (accounts: ID) then mode merge: one check run whose hand-off names each finding's account", async () => {
    const ids = [MANAGEMENT, ...MEMBERS.map((m) => m.accountId)];
    const inProcess: string[] = [];
    const artifacts: string[] = [];
    for (const id of ids) {
      setEnv({
        ...scanInputs,
        "endpoint-url": h.url,
        accounts: id,
        "artifact-name": `lambda-guard-report-${id}`,
      });
      const r = (await run({ octokitOptions }))!;
      expect(r.report.target.kind).toBe("aws-organization");
      artifacts.push(r.reportFile);
    }
    // The whole organization in one job, for comparison.
    setEnv({ ...scanInputs, "endpoint-url": h.url, accounts: "all" });
    const all = (await run({ octokitOptions }))!;
    inProcess.push(...all.report.findings.map((f) => f.fingerprint));

    // The merge job: download-artifact puts each artifact in its own directory.
    fake = new FakeGitHub();
    nock.cleanAll();
    nockFake(fake);
    setEnv({ mode: "merge", reports: "reports/**/*.json", "check-name": "Lambda Guard (organization)" });
    artifacts.forEach((file, i) => {
      const dir = join(dirs.workspace, "reports", `lambda-guard-report-${ids[i]}`);
      mkdirSync(dir, { recursive: true });
      copyFileSync(file, join(dir, "report.json"));
    });
    const merged = (await run({ octokitOptions }))!;
    expect(merged.report.target).toMatchObject({ kind: "aws-organization", organizationId: "o-a1b2c3d4e5" });
    expect(merged.report.findings.map((f) => f.fingerprint).sort()).toEqual(inProcess.sort());
    const check = fake.only();
    expect(check.name).toBe("Lambda Guard (organization)");
    expect(check.conclusion).toBe("failure");
    const handoff = parseHandoffMarker(check.output.text)!;
    expect(handoff.target?.kind).toBe("aws-organization");
    expect(new Set(handoff.findings.map((f) => f.resource.accountId))).toEqual(
      new Set(MEMBERS.map((m) => m.accountId)),
    );

    // The app reads that check run: the rebuilt report is an organization's, and the tracking issue groups
    // the findings (no IaC location here) by account.
    const rebuilt = reportFromHandoff(handoff, {
      repository: "octo-org/payments",
      headSha: check.head_sha,
      generatedAt: "2026-12-02T00:00:00Z",
    });
    if (!rebuilt.ok) throw new Error(rebuilt.reason);
    expect(rebuilt.value.target).toMatchObject({
      kind: "aws-organization",
      accounts: MEMBERS.map((m) => m.accountId).sort(),
    });
    const body = renderIssueBody({
      check: check.name,
      headSha: check.head_sha,
      marker: { check: check.name, digest: "0123456789abcdef", fingerprints: [] },
      items: rebuilt.value.findings.map((finding) => ({
        finding,
        category: "unlocated",
        reason: "not in this repository",
      })),
    });
    const headings = [...body.matchAll(/^### AWS account `(\d{12})`$/gm)].map((m) => m[1]);
    expect(headings).toEqual(MEMBERS.map((m) => m.accountId).sort());
    // Each account's findings sit under its heading.
    const prodSection = body.split("### AWS account `444455556666`")[1]!.split("### AWS account")[0]!;
    expect(prodSection).toContain("payments-prod-webhook");
    expect(prodSection).toContain("payments-eu-hook");
    expect(prodSection).not.toContain("data-prod-webhook");
  });

  it("mode merge refuses a foreign report and names it in the check run", async () => {
    setEnv({ mode: "merge", reports: "reports/*.json" });
    mkdirSync(join(dirs.workspace, "reports"), { recursive: true });
    writeFileSync(join(dirs.workspace, "reports", "a.json"), "{ not json");
    await run({ octokitOptions });
    const check = fake.only();
    expect(check.conclusion).toBe("failure");
    expect(check.output.summary).toContain("reports/a.json: cannot read the report as JSON");
  });

  it("security-hub: true with accounts: each member's findings go to its own Security Hub, stated in coverage", async () => {
    setEnv({ ...scanInputs, "endpoint-url": h.url, accounts: "all", "security-hub": "true" });
    const r = (await run({ octokitOptions }))!;
    for (const m of MEMBERS) {
      const mine = r.report.findings.filter((f) => f.resource.accountId === m.accountId);
      expect(mine.length).toBeGreaterThan(0);
      expect(securityHubFindings(h.state, m.accountId, "us-east-1")).toHaveLength(mine.length);
      expect(r.report.coverage).toContainEqual(
        expect.objectContaining({ scope: `${m.accountId}/us-east-1/securityhub`, status: "complete" }),
      );
    }
  });

  it("refuses role-name without accounts", async () => {
    setEnv({ "role-name": ROLE });
    await run({ octokitOptions });
    expect(fake.only().output.summary).toMatch(/input 'accounts'/);
  });
});
