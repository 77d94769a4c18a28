import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  checksFor,
  describeChecksError,
  httpStatus,
  parseCheckInputs,
  readContext,
  readInput,
  readState,
  statePath,
  writeState
} from "../chunks/chunk-6WDGAD6T.js";
import {
  getState,
  info,
  warning
} from "../chunks/chunk-3IJVQIT4.js";
import "../chunks/chunk-CBQ3WTHE.js";
import "../chunks/chunk-W33SWCQ6.js";
import "../chunks/chunk-74QD6PXN.js";
import "../chunks/chunk-Y22KSWV4.js";
import "../chunks/chunk-RZOBS62O.js";
import "../chunks/chunk-NXJRENZE.js";
import "../chunks/chunk-KOHQH5XZ.js";
import "../chunks/chunk-CMKO3ROG.js";
import "../chunks/chunk-SYCOQQ3O.js";
import "../chunks/chunk-P2NUQOZL.js";
import {
  errorMessage
} from "../chunks/chunk-JAJAJYEP.js";
import "../chunks/chunk-4GMCL7QT.js";
import "../chunks/chunk-LYD5ERHY.js";

// src/action/finalize.ts
async function completePending(api, state, pending, path) {
  const outputs = [
    pending.output,
    {
      title: pending.output.title,
      summary: "The summary could not be attached; see the job summary and the report artifact."
    }
  ];
  let problem = "";
  for (const output of outputs) {
    try {
      await api.update(state.checkRunId, {
        status: "completed",
        conclusion: pending.conclusion,
        completed_at: pending.completed_at,
        output
      });
      info(`Completed check run ${state.checkRunId}: ${pending.conclusion} (${pending.output.title}).`);
      try {
        writeState(path, {
          checkRunId: state.checkRunId,
          owner: state.owner,
          repo: state.repo,
          completed: true
        });
      } catch {
      }
      return "completed";
    } catch (err) {
      problem = describeChecksError(
        err,
        `complete the check run ${state.checkRunId} (${pending.conclusion})`
      );
      const status = httpStatus(err);
      if (status === 401 || status === 403 || status === 404) break;
    }
  }
  warning(
    `${problem} The check run stays in_progress; the scan's result is in the job summary, the step outputs and the report artifact.`
  );
  return "failed";
}
async function finalize(deps = {}) {
  const env = process.env;
  const now = deps.now ?? (() => /* @__PURE__ */ new Date());
  try {
    const checkInputs = parseCheckInputs(env);
    const ctx = readContext(env, checkInputs.headSha);
    const path = statePath(env, checkInputs.checkName, ctx.headSha);
    let state = readState(path);
    const saved = Number(getState("check-run-id"));
    if (!state && Number.isInteger(saved) && saved > 0) {
      state = { checkRunId: saved, owner: ctx.owner, repo: ctx.repo, completed: false };
    }
    if (state?.completed) return "nothing";
    if (!checkInputs.githubToken || !ctx.headSha) return "nothing";
    const makeApi = (s) => deps.checks ? deps.checks({ checkRunId: 0, completed: false, ...s }, checkInputs.githubToken) : checksFor(checkInputs.githubToken, s.owner, s.repo, process.env, deps.octokitOptions);
    const api = makeApi(state ?? { owner: ctx.owner, repo: ctx.repo });
    if (state?.pending) return await completePending(api, state, state.pending, path);
    const ids = [];
    if (state) ids.push(state.checkRunId);
    else {
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
          summary: `The Lambda Guard step stopped before it reported (job status: ${jobStatus || "unknown"}), so nothing is known about this commit. Re-run the job to get a result.${log}`
        }
      });
      info(`Completed check run ${id} left in progress by the scan step.`);
    }
    if (state) writeState(path, { ...state, completed: true });
    return "completed";
  } catch (err) {
    warning(describeChecksError(err, "complete the check run left in progress") || errorMessage(err));
    return "failed";
  }
}

// src/action/post.ts
await finalize();
