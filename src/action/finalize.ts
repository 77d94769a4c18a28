import * as core from "@actions/core";
import { getOctokit } from "@actions/github";
import { errorMessage } from "../model/index.js";
import { describeChecksError, octokitChecks, type ChecksApi } from "./checks.js";
import { readContext } from "./context.js";
import { parseCheckInputs, readInput } from "./inputs.js";
import { readState, statePath, writeState, type ActionState } from "./state.js";

export interface FinalizeDeps {
  octokitOptions?: Parameters<typeof getOctokit>[1];
  checks?: (state: ActionState, token: string) => ChecksApi;
  now?: () => Date;
}

/**
 * The finalizer: runs after the scan step whatever happened to it (composite `if: always()`, or a
 * JavaScript action's `post`). If the scan step created a check run and never completed it (killed,
 * timed out, crashed), complete it now, so a required check never stays `in_progress`.
 * Returns what it did; never fails the job itself.
 */
function octokitOptions(deps: FinalizeDeps): NonNullable<Parameters<typeof getOctokit>[1]> {
  return {
    ...(process.env.GITHUB_API_URL ? { baseUrl: process.env.GITHUB_API_URL } : {}),
    ...(deps.octokitOptions ?? {}),
  };
}

export async function finalize(deps: FinalizeDeps = {}): Promise<"nothing" | "completed" | "failed"> {
  const env = process.env;
  const now = deps.now ?? (() => new Date());
  try {
    const checkInputs = parseCheckInputs(env);
    const ctx = readContext(env, checkInputs.headSha);
    const path = statePath(env, checkInputs.checkName, ctx.headSha);
    let state = readState(path);
    const saved = Number(core.getState("check-run-id"));
    if (!state && Number.isInteger(saved) && saved > 0) {
      state = { checkRunId: saved, owner: ctx.owner, repo: ctx.repo, completed: false };
    }
    if (state?.completed) return "nothing";
    if (!checkInputs.githubToken || !ctx.headSha) return "nothing";

    const makeApi = (s: Pick<ActionState, "owner" | "repo">) =>
      deps.checks
        ? deps.checks({ checkRunId: 0, completed: false, ...s }, checkInputs.githubToken)
        : octokitChecks(getOctokit(checkInputs.githubToken, octokitOptions(deps)), s.owner, s.repo);
    const api = makeApi(state ?? { owner: ctx.owner, repo: ctx.repo });
    const ids: number[] = [];
    if (state) ids.push(state.checkRunId);
    else {
      // Killed between creating the run and recording it: find it by name, commit and this run's external id.
      const externalId = `${env.GITHUB_RUN_ID ?? ""}/${env.GITHUB_RUN_ATTEMPT ?? "1"}`;
      const open = await api.listInProgress(ctx.headSha, checkInputs.checkName);
      ids.push(...open.filter((r) => env.GITHUB_RUN_ID && r.external_id === externalId).map((r) => r.id));
    }
    if (ids.length === 0) return "nothing";

    const jobStatus = (env.LAMBDA_GUARD_JOB_STATUS || "").toLowerCase();
    const cancelled = jobStatus === "cancelled";
    const incomplete = readInput(env, "incomplete") === "neutral" ? "neutral" : "failure";
    const log = ctx.detailsUrl ? ` See the [job log](${ctx.detailsUrl}).` : "";
    for (const id of ids) {
      await api.update(id, {
        status: "completed",
        conclusion: cancelled ? "cancelled" : incomplete,
        completed_at: now().toISOString(),
        output: {
          title: cancelled ? "The scan was cancelled" : "The scan did not finish",
          summary:
            `The Lambda Guard step stopped before it reported (job status: ${jobStatus || "unknown"}), so nothing ` +
            `is known about this commit. Re-run the job to get a result.${log}`,
        },
      });
      core.info(`Completed check run ${id} left in progress by the scan step.`);
    }
    if (state) writeState(path, { ...state, completed: true });
    return "completed";
  } catch (err) {
    core.warning(describeChecksError(err, "complete the check run left in progress") || errorMessage(err));
    return "failed";
  }
}
