import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** What the scan step leaves for the finalizer: the check run to close if the scan never finished. */
export interface ActionState {
  checkRunId: number;
  owner: string;
  repo: string;
  completed: boolean;
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
    };
  } catch {
    return null;
  }
}
