import type { Context } from "probot";
import { branchTouchedByOthers, deleteBranch } from "./git.js";
import { readMarker } from "./markers.js";
import type { Log, Octokit } from "./octokit.js";
import { commentOnce } from "./pull-request.js";

export type ClosedOutcome = { ignored: string } | { action: "merged" | "dismissed" };

/**
 * `pull_request.closed` for the app's own pull requests. Merged: delete the branch if only the app
 * committed to it. Closed unmerged by a person: a dismissal, remembered by the PR's marker (the next
 * report with the same findings finds it and does not recreate the PR); the branch stays so the PR
 * can be reopened.
 */
export async function handlePullRequestClosed(
  context: Context<"pull_request.closed">,
  botLogin: () => Promise<string>,
): Promise<ClosedOutcome> {
  const { payload } = context;
  const log: Log = context.log;
  const pr = payload.pull_request;
  const marker = readMarker("pr", pr.body);
  // Payload-only checks first: no API call for pull requests that are not ours.
  if (!pr.head.ref.startsWith("lambda-guard/") || !marker)
    return { ignored: "not a lambda-guard pull request" };
  if (pr.head.repo?.full_name !== payload.repository.full_name)
    return { ignored: "head branch in another repository" };
  if (pr.user.type !== "Bot") return { ignored: "not opened by a bot" };
  const bot = await botLogin();
  if (pr.user.login !== bot) return { ignored: "opened by another bot" };
  if (payload.sender.login === bot) return { ignored: "closed by lambda-guard itself" };
  const octokit: Octokit = context.octokit;
  const r = { owner: payload.repository.owner.login, repo: payload.repository.name };
  if (pr.merged) {
    const t = await branchTouchedByOthers(octokit, r, {
      base: pr.base.ref,
      branch: pr.head.ref,
      botLogin: bot,
    });
    if (t.exists && !t.touched) await deleteBranch(octokit, r, pr.head.ref, log);
    log.info({ pr: pr.number }, "lambda-guard pull request merged");
    return { action: "merged" };
  }
  await commentOnce(octokit, r, pr.number, marker.digest, log, [
    "Closed without merging: lambda-guard takes this as a dismissal and will not open a pull request for these findings again. It opens a new one if a scan reports other findings.",
    "",
    "If the exposure is intended, record it under `allow` in `.github/lambda-guard.yml` with a reason.",
  ]);
  log.info({ pr: pr.number, digest: marker.digest }, "lambda-guard pull request dismissed");
  return { action: "dismissed" };
}

/** `issues.closed` for the app's tracking issues: closing it by hand dismisses its findings. */
export async function handleIssueClosed(
  context: Context<"issues.closed">,
  botLogin: () => Promise<string>,
): Promise<ClosedOutcome> {
  const { payload } = context;
  const log: Log = context.log;
  const issue = payload.issue;
  const marker = readMarker("issue", issue.body);
  if (!marker || issue.user.type !== "Bot") return { ignored: "not a lambda-guard issue" };
  const bot = await botLogin();
  if (issue.user.login !== bot) return { ignored: "opened by another bot" };
  if (payload.sender.login === bot) return { ignored: "closed by lambda-guard itself" };
  const r = { owner: payload.repository.owner.login, repo: payload.repository.name };
  await commentOnce(context.octokit, r, issue.number, marker.digest, log, [
    "Closed by hand: lambda-guard will not reopen this issue for these findings. It reopens it if a scan reports new ones.",
  ]);
  log.info({ issue: issue.number, digest: marker.digest }, "lambda-guard issue dismissed");
  return { action: "dismissed" };
}
