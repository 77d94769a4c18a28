import type { getOctokit } from "@actions/github";
import type { CheckAnnotation, CheckConclusion } from "../report/check-run.js";

type Octokit = ReturnType<typeof getOctokit>;

export interface CheckOutput {
  title: string;
  summary: string;
  text?: string;
  annotations?: CheckAnnotation[];
}

/** The two Checks API calls the Action makes, with GitHub's field names. */
export interface ChecksApi {
  create(body: {
    name: string;
    head_sha: string;
    status: "in_progress";
    started_at: string;
    details_url?: string;
    external_id?: string;
    output?: CheckOutput;
  }): Promise<{ id: number; html_url: string | null }>;
  update(
    id: number,
    body: {
      status?: "completed";
      conclusion?: CheckConclusion | "cancelled";
      completed_at?: string;
      output?: CheckOutput;
    },
  ): Promise<void>;
  /** In-progress runs of this check on a commit (the finalizer's fallback when no state was recorded). */
  listInProgress(headSha: string, name: string): Promise<{ id: number; external_id: string | null }[]>;
}

export function octokitChecks(octokit: Octokit, owner: string, repo: string): ChecksApi {
  return {
    async create(body) {
      const res = await octokit.rest.checks.create({ owner, repo, ...body });
      return { id: res.data.id, html_url: res.data.html_url };
    },
    async update(id, body) {
      await octokit.rest.checks.update({ owner, repo, check_run_id: id, ...body });
    },
    async listInProgress(headSha, name) {
      const res = await octokit.rest.checks.listForRef({
        owner,
        repo,
        ref: headSha,
        check_name: name,
        status: "in_progress",
        filter: "latest",
        per_page: 100,
      });
      return res.data.check_runs.map((r) => ({ id: r.id, external_id: r.external_id }));
    },
  };
}

export function httpStatus(err: unknown): number | undefined {
  const s = (err as { status?: unknown } | null)?.status;
  return typeof s === "number" ? s : undefined;
}

/** Says what to change for the errors users actually meet. */
export function describeChecksError(err: unknown, what: string): string {
  const status = httpStatus(err);
  const msg = err instanceof Error ? err.message.split("\n")[0] : String(err);
  if (status === 403 || status === 404) {
    return (
      `cannot ${what} (HTTP ${status}: ${msg}). The token lacks 'checks: write': add 'permissions: { checks: write, contents: read }' ` +
      `to the job, or pass a token that has it in 'github-token'. Pull requests from forks always get a read-only token; ` +
      `the results are still in the job summary, the step outputs and the report artifact.`
    );
  }
  if (status === 422) return `cannot ${what} (HTTP 422: GitHub rejected the request: ${msg})`;
  return `cannot ${what} (${status ? `HTTP ${status}: ` : ""}${msg})`;
}
