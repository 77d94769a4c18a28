import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { summary } from "@actions/core";

export const OWNER = "octo-org";
export const REPO = "payments";
export const MERGE_SHA = "1111111111111111111111111111111111111111";
export const PR_HEAD_SHA = "2222222222222222222222222222222222222222";

/** A runner-like environment in a temp dir: workspace, RUNNER_TEMP, GITHUB_OUTPUT/STEP_SUMMARY, event file. */
export interface RunnerDirs {
  root: string;
  workspace: string;
  runnerTemp: string;
  outputFile: string;
  summaryFile: string;
  eventFile: string;
}

export function runnerDirs(summaryFile?: string): RunnerDirs {
  // @actions/core keeps the first GITHUB_STEP_SUMMARY it sees for the life of the process. A runner starts a
  // process per step; test files share one per worker, so each new runner forgets the previous one's file.
  (summary as unknown as { _filePath?: string })._filePath = undefined;
  const root = mkdtempSync(join(tmpdir(), "lg-action-"));
  const workspace = join(root, "workspace");
  const runnerTemp = join(root, "runner-temp");
  mkdirSync(workspace, { recursive: true });
  mkdirSync(runnerTemp, { recursive: true });
  const d = {
    root,
    workspace,
    runnerTemp,
    outputFile: join(root, "github-output"),
    summaryFile: summaryFile ?? join(root, "step-summary.md"),
    eventFile: join(root, "event.json"),
  };
  writeFileSync(d.outputFile, "");
  writeFileSync(d.summaryFile, "");
  writeFileSync(join(root, "github-state"), "");
  return d;
}

export function pullRequestEvent(): Record<string, unknown> {
  return {
    action: "synchronize",
    number: 7,
    pull_request: {
      number: 7,
      head: { sha: PR_HEAD_SHA, ref: "feature" },
      base: { sha: MERGE_SHA, ref: "main" },
    },
    repository: { full_name: `${OWNER}/${REPO}`, name: REPO, owner: { login: OWNER } },
  };
}

/** The environment a runner gives a step, with `with:` inputs as INPUT_* (composite spelling). */
export function runnerEnv(
  d: RunnerDirs,
  inputs: Record<string, string>,
  opts: { eventName?: string; event?: Record<string, unknown>; apiUrl?: string } = {},
): Record<string, string> {
  writeFileSync(d.eventFile, JSON.stringify(opts.event ?? pullRequestEvent()));
  const env: Record<string, string> = {
    GITHUB_ACTIONS: "true",
    CI: "true",
    GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    GITHUB_REPOSITORY_OWNER: OWNER,
    GITHUB_EVENT_NAME: opts.eventName ?? "pull_request",
    GITHUB_EVENT_PATH: d.eventFile,
    GITHUB_SHA: MERGE_SHA,
    GITHUB_REF: "refs/pull/7/merge",
    GITHUB_RUN_ID: "4242",
    GITHUB_RUN_ATTEMPT: "1",
    GITHUB_JOB: "lambda-guard",
    GITHUB_WORKSPACE: d.workspace,
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_API_URL: opts.apiUrl ?? "https://api.github.com",
    GITHUB_OUTPUT: d.outputFile,
    GITHUB_STEP_SUMMARY: d.summaryFile,
    GITHUB_STATE: join(d.root, "github-state"),
    RUNNER_TEMP: d.runnerTemp,
    INPUT_GITHUB_TOKEN: "ghs_test_token",
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase().replace(/-/g, "_")}`] = v;
  return env;
}

/** Parses GITHUB_OUTPUT (`name<<DELIM\nvalue\nDELIM`). */
export function readOutputs(file: string): Record<string, string> {
  const text = readFileSync(file, "utf8");
  const out: Record<string, string> = {};
  const re = /^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const m of text.matchAll(re)) out[m[1]!] = m[3]!;
  return out;
}

export function cleanup(d: RunnerDirs): void {
  rmSync(d.root, { recursive: true, force: true });
}
