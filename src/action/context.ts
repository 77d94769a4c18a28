import { readFileSync } from "node:fs";

type Env = Record<string, string | undefined>;

/** What the Action needs from the runner's `GITHUB_*` variables and the event payload. */
export interface RunContext {
  owner: string;
  repo: string;
  repository: string;
  eventName: string;
  sha: string;
  /** The commit the check run belongs to (see `headShaFor`). */
  headSha: string;
  runId?: string;
  runAttempt?: string;
  serverUrl: string;
  workspace: string;
  /** Link from the check run to this job's logs. */
  detailsUrl?: string;
  payload: Record<string, unknown>;
}

function get(obj: unknown, ...path: string[]): unknown {
  let cur = obj;
  for (const p of path) {
    if (typeof cur !== "object" || cur === null) return undefined;
    cur = (cur as Record<string, unknown>)[p];
  }
  return cur;
}

function sha(v: unknown): string | undefined {
  return typeof v === "string" && /^[0-9a-f]{40}([0-9a-f]{24})?$/.test(v) ? v : undefined;
}

/**
 * The commit to put the check on: the pull request's head for `pull_request`/`pull_request_target`
 * (GITHUB_SHA is a merge commit there, which the PR page does not show), the triggering run's head for
 * `workflow_run`, the deployment's SHA for `deployment`/`deployment_status`, else GITHUB_SHA.
 */
export function headShaFor(eventName: string, payload: unknown, githubSha: string): string {
  switch (eventName) {
    case "pull_request":
    case "pull_request_target":
    case "pull_request_review":
    case "pull_request_review_comment":
      return sha(get(payload, "pull_request", "head", "sha")) ?? githubSha;
    case "workflow_run":
      return sha(get(payload, "workflow_run", "head_sha")) ?? githubSha;
    case "deployment":
      return sha(get(payload, "deployment", "sha")) ?? githubSha;
    case "deployment_status":
      return (
        sha(get(payload, "deployment", "sha")) ?? sha(get(payload, "deployment_status", "sha")) ?? githubSha
      );
    case "check_suite":
      return sha(get(payload, "check_suite", "head_sha")) ?? githubSha;
    case "merge_group":
      return sha(get(payload, "merge_group", "head_sha")) ?? githubSha;
    default:
      return githubSha;
  }
}

export function readContext(env: Env, headShaInput?: string): RunContext {
  const repository = env.GITHUB_REPOSITORY ?? "";
  const [owner, repo] = repository.split("/");
  if (!owner || !repo) {
    throw new Error("GITHUB_REPOSITORY is not set (owner/repo): run this inside GitHub Actions");
  }
  let payload: Record<string, unknown> = {};
  if (env.GITHUB_EVENT_PATH) {
    try {
      payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, "utf8")) as Record<string, unknown>;
    } catch {
      payload = {};
    }
  }
  const eventName = env.GITHUB_EVENT_NAME ?? "";
  const githubSha = env.GITHUB_SHA ?? "";
  const serverUrl = env.GITHUB_SERVER_URL ?? "https://github.com";
  const runId = env.GITHUB_RUN_ID;
  const runAttempt = env.GITHUB_RUN_ATTEMPT;
  return {
    owner,
    repo,
    repository,
    eventName,
    sha: githubSha,
    headSha: headShaInput ?? headShaFor(eventName, payload, githubSha),
    ...(runId ? { runId } : {}),
    ...(runAttempt ? { runAttempt } : {}),
    serverUrl,
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
    ...(runId
      ? {
          detailsUrl: `${serverUrl}/${repository}/actions/runs/${runId}${runAttempt ? `/attempts/${runAttempt}` : ""}`,
        }
      : {}),
    payload,
  };
}
