import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { CheckConclusion } from "../report/check-run.js";

/** The completing update the scan step prepared but left for the finalizer (see `pending`). */
export interface PendingCompletion {
  conclusion: CheckConclusion;
  completed_at: string;
  output: { title: string; summary: string; text?: string };
}

/** What the scan step leaves for the finalizer: the check run to close if the scan never finished. */
export interface ActionState {
  checkRunId: number;
  owner: string;
  repo: string;
  completed: boolean;
  /**
   * Set when the scan finished but completing the check run was deferred to the finalizer
   * (LAMBDA_GUARD_DEFER_COMPLETION), so that the report artifact is uploaded before GitHub sends
   * `check_run.completed`: the finalizer sends exactly this.
   */
  pending?: PendingCompletion;
}

type Env = Record<string, string | undefined>;

/**
 * One file per job, check name and commit under RUNNER_TEMP (cleaned by the runner after each job). Both
 * steps compute the same path from the same environment, so no step output has to survive a crash.
 */
export function statePath(env: Env, checkName: string, headSha: string): string {
  const key = [
    env.GITHUB_REPOSITORY,
    env.GITHUB_RUN_ID,
    env.GITHUB_RUN_ATTEMPT,
    env.GITHUB_JOB,
    checkName,
    headSha,
  ].join("\u0000");
  const h = createHash("sha256").update(key).digest("hex").slice(0, 16);
  return join(env.RUNNER_TEMP || tmpdir(), "lambda-guard", `state-${h}.json`);
}

export function writeState(path: string, state: ActionState): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(state));
  renameSync(tmp, path);
}

export function readState(path: string): ActionState | null {
  try {
    const raw = JSON.parse(readFileSync(path, "utf8")) as Partial<ActionState>;
    if (typeof raw.checkRunId !== "number" || typeof raw.owner !== "string" || typeof raw.repo !== "string")
      return null;
    return {
      checkRunId: raw.checkRunId,
      owner: raw.owner,
      repo: raw.repo,
      completed: raw.completed === true,
      ...(isPending(raw.pending) ? { pending: raw.pending } : {}),
    };
  } catch {
    return null;
  }
}

const CONCLUSIONS: readonly string[] = ["success", "neutral", "failure"] satisfies CheckConclusion[];

function isPending(v: unknown): v is PendingCompletion {
  if (typeof v !== "object" || v === null) return false;
  const p = v as Record<string, unknown>;
  const out = p.output as Record<string, unknown> | null | undefined;
  return (
    typeof p.conclusion === "string" &&
    CONCLUSIONS.includes(p.conclusion) &&
    typeof p.completed_at === "string" &&
    typeof out === "object" &&
    out !== null &&
    typeof out.title === "string" &&
    typeof out.summary === "string" &&
    (out.text === undefined || typeof out.text === "string")
  );
}
