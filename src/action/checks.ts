import { getOctokit } from "@actions/github";
import type { CheckAnnotation, CheckConclusion } from "../report/check-run.js";
import { fetchWithDeadline } from "../report/github-fetch.js";

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

export type OctokitOptions = NonNullable<Parameters<typeof getOctokit>[1]>;

/**
 * The Checks API with the workflow's token, as every step of the Action calls it: GITHUB_API_URL (GitHub
 * Enterprise Server), and a deadline on each request around whatever fetch `extra` brings (tests: nock's).
 */
export function checksFor(
  token: string,
  owner: string,
  repo: string,
  env: NodeJS.ProcessEnv,
  extra: OctokitOptions = {},
): ChecksApi {
  const request = (extra.request ?? {}) as { fetch?: typeof fetch };
  const octokit = getOctokit(token, {
    ...(env.GITHUB_API_URL ? { baseUrl: env.GITHUB_API_URL } : {}),
    ...extra,
    request: { ...request, fetch: fetchWithDeadline(request.fetch) },
  });
  return octokitChecks(octokit, owner, repo);
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
