import * as core from "@actions/core";
import { errorMessage } from "../model/index.js";
import { checksFor, describeChecksError, httpStatus, type ChecksApi, type OctokitOptions } from "./checks.js";
import { readContext } from "./context.js";
import { parseCheckInputs, readInput } from "./inputs.js";
import { readState, statePath, writeState, type ActionState, type PendingCompletion } from "./state.js";

export interface FinalizeDeps {
  octokitOptions?: OctokitOptions;
  checks?: (state: ActionState, token: string) => ChecksApi;
  now?: () => Date;
}

/**
 * Sends the completing update the scan step saved (its conclusion, title, summary and hand-off text), so
 * `check_run.completed` reaches the app only once the report artifact is there. If GitHub rejects the
 * output (422), completes with the title and a short summary; a 401/403/404 is not retried.
 */
async function completePending(
  api: ChecksApi,
  state: ActionState,
  pending: PendingCompletion,
  path: string,
): Promise<"completed" | "failed"> {
  const outputs: PendingCompletion["output"][] = [
    pending.output,
    {
      title: pending.output.title,
      summary: "The summary could not be attached; see the job summary and the report artifact.",
    },
  ];
  let problem = "";
  for (const output of outputs) {
    try {
      await api.update(state.checkRunId, {
        status: "completed",
        conclusion: pending.conclusion,
        completed_at: pending.completed_at,
        output,
      });
      core.info(`Completed check run ${state.checkRunId}: ${pending.conclusion} (${pending.output.title}).`);
      try {
        writeState(path, {
          checkRunId: state.checkRunId,
          owner: state.owner,
          repo: state.repo,
          completed: true,
        });
      } catch {
        // A second finalizer would complete it again with the same payload: harmless.
      }
      return "completed";
    } catch (err) {
      problem = describeChecksError(
        err,
        `complete the check run ${state.checkRunId} (${pending.conclusion})`,
      );
      const status = httpStatus(err);
      if (status === 401 || status === 403 || status === 404) break;
    }
  }
  core.warning(
    `${problem} The check run stays in_progress; the scan's result is in the job summary, the step outputs and the report artifact.`,
  );
  return "failed";
}

/**
 * The finalizer: runs after the scan step whatever happened to it (composite `if: always()`, or a
 * JavaScript action's `post`). Under action.yml it runs last, after the report artifact is uploaded, and
 * sends the completing update the scan step saved for it (`pending` in the state file). If the scan step
 * created a check run and never completed it (killed, timed out, crashed), completes it now as
 * "did not finish" (or cancelled), so a required check never stays `in_progress`.
 * Returns what it did; never fails the job itself.
 */
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
        : checksFor(checkInputs.githubToken, s.owner, s.repo, process.env, deps.octokitOptions);
    const api = makeApi(state ?? { owner: ctx.owner, repo: ctx.repo });
    // The normal path under action.yml: the scan finished and left its completing update for this step,
    // which runs after the report artifact is uploaded.
    if (state?.pending) return await completePending(api, state, state.pending, path);

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
