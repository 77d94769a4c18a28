import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { headShaFor } from "../../src/action/context.js";
import { parseInputs, readInput, resolveIacPath } from "../../src/action/inputs.js";
import { InputError } from "../../src/model/index.js";
import { buildHandoff, parseHandoffMarker, handoffMarker } from "../../src/report/check-run.js";
import { accountReport, urlFinding } from "../report/reports.js";

const A = "a".repeat(40);
const B = "b".repeat(40);

describe("inputs", () => {
  it("reads both the runner's and the composite spelling", () => {
    expect(readInput({ "INPUT_LOOKBACK-DAYS": " 30 " }, "lookback-days")).toBe("30");
    expect(readInput({ INPUT_LOOKBACK_DAYS: "7" }, "lookback-days")).toBe("7");
  });

  it("defaults, and leaves config-backed inputs unset when empty", () => {
    const i = parseInputs({ INPUT_GITHUB_TOKEN: "t" });
    expect(i).toMatchObject({
      mode: "account",
      apiBudget: 0.9,
      config: ".github/lambda-guard.yml",
      iacPath: ".",
      checkName: "Lambda Guard",
      incomplete: "failure",
      artifactName: "lambda-guard-report",
    });
    expect(i.failOn).toBeUndefined();
    expect(i.regions).toBeUndefined();
    expect(i.lookbackDays).toBeUndefined();
  });

  it("reads timeout as a duration", () => {
    expect(parseInputs({ INPUT_TIMEOUT: "1h30m" }).timeout).toEqual({ ms: 5_400_000, text: "1h30m" });
    expect(parseInputs({}).timeout).toBeUndefined();
  });

  it("takes the same settings as the CLI: a 3,653-day window with cloudtrail-lake, a budget above 100", () => {
    const i = parseInputs({
      INPUT_LOOKBACK_DAYS: "365",
      INPUT_CLOUDTRAIL_LAKE: "eds-org-0001",
      INPUT_ACCOUNTS: "all",
      INPUT_API_BUDGET: "250",
    });
    expect(i.lookbackDays).toBe(365);
    expect(i.apiBudget).toBe(250);
    expect(() => parseInputs({ INPUT_LOOKBACK_DAYS: "3654", INPUT_CLOUDTRAIL_LAKE: "eds-org-0001" })).toThrow(
      /from 1 to 3653/,
    );
  });

  it("parses lists", () => {
    const i = parseInputs({ INPUT_REGIONS: "us-east-1, eu-west-1\nus-east-1", INPUT_RULES: "lg001,LG004" });
    expect(i.regions).toEqual(["us-east-1", "eu-west-1"]);
    expect(i.rules).toEqual(["LG001", "LG004"]);
  });

  it.each([
    ["INPUT_MODE", "live", "mode"],
    ["INPUT_FAIL_ON", "severe", "fail-on"],
    ["INPUT_LOOKBACK_DAYS", "0", "lookback-days"],
    ["INPUT_API_BUDGET", "lots", "api-budget"],
    ["INPUT_API_BUDGET", "0x10", "api-budget"],
    ["INPUT_LOOKBACK_DAYS", "365", "lookback-days"],
    ["INPUT_TIMEOUT", "30", "timeout"],
    ["INPUT_TIMEOUT", "forever", "timeout"],
    ["INPUT_INCOMPLETE", "pass", "incomplete"],
    ["INPUT_IAC_PATH", "../other", "iac-path"],
    ["INPUT_IAC_PATH", "/etc", "iac-path"],
    ["INPUT_IAC_PATH", "C:\\infra", "iac-path"],
    ["INPUT_ALLOWED_ACCOUNT_IDS", "1111-2222-3333", "allowed-account-ids"],
    ["INPUT_ENDPOINT_URL", "ftp://x", "endpoint-url"],
    ["INPUT_RULES", "LG009", "rules"],
    ["INPUT_ARTIFACT_NAME", "a/b", "artifact-name"],
    ["INPUT_HEAD_SHA", "HEAD", "head-sha"],
  ])("%s=%s names the input", (key, value, name) => {
    let err: unknown;
    try {
      parseInputs({ [key]: value });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toContain(`input '${name}'`);
    expect((err as Error).message).toContain(value);
  });
});

describe("iac-path on disk", () => {
  it("must exist and, through symlinks, stay inside the workspace", () => {
    const root = mkdtempSync(join(tmpdir(), "lg-iac-"));
    try {
      const ws = join(root, "workspace");
      mkdirSync(join(ws, "infra"), { recursive: true });
      mkdirSync(join(root, "outside"));
      symlinkSync(join(root, "outside"), join(ws, "escape"));
      symlinkSync(join(ws, "infra"), join(ws, "alias"));
      expect(resolveIacPath(ws, "infra")).toMatch(/workspace[\\/]infra$/);
      expect(resolveIacPath(ws, "alias")).toMatch(/workspace[\\/]infra$/);
      expect(() => resolveIacPath(ws, "escape")).toThrow(
        /input 'iac-path'.*outside the repository checkout/s,
      );
      expect(() => resolveIacPath(ws, "missing")).toThrow(/does not exist in the checkout/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("allowed-account-ids are parsed as a list of 12-digit ids", () => {
    expect(
      parseInputs({ INPUT_ALLOWED_ACCOUNT_IDS: "111122223333, 444455556666" }).allowedAccountIds,
    ).toEqual(["111122223333", "444455556666"]);
    expect(parseInputs({}).allowedAccountIds).toEqual([]);
  });
});

describe("headShaFor", () => {
  it.each([
    ["pull_request", { pull_request: { head: { sha: A } } }, A],
    ["pull_request_target", { pull_request: { head: { sha: A } } }, A],
    ["workflow_run", { workflow_run: { head_sha: A } }, A],
    ["deployment", { deployment: { sha: A } }, A],
    ["deployment_status", { deployment: { sha: A }, deployment_status: {} }, A],
    ["push", { after: A }, B],
    ["pull_request", {}, B],
    ["workflow_run", { workflow_run: { head_sha: "not-a-sha" } }, B],
  ])("%s → the right commit", (event, payload, want) => {
    expect(headShaFor(event, payload, B)).toBe(want);
  });
});

describe("hand-off marker built from imperfect reports", () => {
  it("always parses: unknown account ids and bad paths are left out, and say truncated", () => {
    const bad = { ...urlFinding("x"), location: { path: "/abs/main.tf", startLine: 1, endLine: 1 } };
    const report = accountReport([urlFinding("ok"), bad]);
    report.target = { kind: "aws-account", accountId: "unknown", partition: "aws", regions: [] };
    const payload = buildHandoff(report, { repository: "not a repo", commit: "HEAD" });
    const parsed = parseHandoffMarker(handoffMarker(payload))!;
    expect(parsed).not.toBeNull();
    expect(parsed.findings).toHaveLength(1);
    expect(parsed.truncated).toBe(true);
    expect(parsed.target).toEqual({ kind: "aws-account", partition: "aws" });
    expect(parsed.repository).toBeUndefined();
    expect(parsed.commit).toBeUndefined();
  });
});
