import { LIMITS } from "./limits.js";
import type { Log, Octokit } from "./octokit.js";
import { readZipEntry } from "./zip.js";

export type ArtifactResult = { ok: true; text: string; runId: number } | { ok: false; reason: string };

export interface RunHints {
  /** `run.id` from the hand-off marker (the Action writes GITHUB_RUN_ID). */
  markerRunId?: number | undefined;
  /** `check_run.check_suite.id` from the webhook: the workflow run of that suite. */
  checkSuiteId?: number | undefined;
  /** A run id parsed from the check run's `details_url` (GitHub may leave it out). */
  detailsRunId?: number | null | undefined;
}

type RunPick = { ok: true; runId: number } | { ok: false; reason: string };

interface RunFacts {
  id: number;
  head_sha: string;
  repository?: { full_name?: string } | null;
}

function checkRun(run: RunFacts, args: { owner: string; repo: string; headSha: string }): RunPick {
  if (run.head_sha !== args.headSha)
    return { ok: false, reason: `workflow run ${run.id} is for commit ${run.head_sha}, not ${args.headSha}` };
  const full = run.repository?.full_name;
  if (full && full.toLowerCase() !== `${args.owner}/${args.repo}`.toLowerCase())
    return { ok: false, reason: `workflow run ${run.id} belongs to ${full}` };
  return { ok: true, runId: run.id };
}

/**
 * The workflow run that wrote the check run: the run id in the marker, else the run of the check
 * suite, else the run named by `details_url`. Never a guess among the commit's recent runs: on a busy
 * repository that could pick another workflow's run.
 */
async function findRun(
  octokit: Octokit,
  args: { owner: string; repo: string; headSha: string } & RunHints,
): Promise<RunPick> {
  const { owner, repo } = args;
  const byId = async (run_id: number) => {
    const { data } = await octokit.rest.actions.getWorkflowRun({ owner, repo, run_id });
    return checkRun(data, args);
  };
  if (args.markerRunId) return byId(args.markerRunId);
  if (args.checkSuiteId) {
    const { data } = await octokit.rest.actions.listWorkflowRunsForRepo({
      owner,
      repo,
      check_suite_id: args.checkSuiteId,
      per_page: 1,
    });
    const run = data.workflow_runs[0];
    if (run) return checkRun(run, args);
  }
  if (args.detailsRunId) return byId(args.detailsRunId);
  return {
    ok: false,
    reason:
      "cannot tell which workflow run wrote the check run (no run id in the marker, no workflow run for its check suite, no run in details_url)",
  };
}

/**
 * Downloads the report artifact of the workflow run behind a check run (Actions: read). The run must
 * belong to this repository and be for the check run's commit.
 */
export async function downloadReportArtifact(
  octokit: Octokit,
  args: { owner: string; repo: string; name: string; headSha: string; log: Log } & RunHints,
): Promise<ArtifactResult> {
  const { owner, repo, name } = args;
  const picked = await findRun(octokit, args);
  if (!picked.ok) return picked;
  const runId = picked.runId;
  const { data: list } = await octokit.rest.actions.listWorkflowRunArtifacts({
    owner,
    repo,
    run_id: runId,
    name,
    per_page: 10,
  });
  const artifact = list.artifacts.find((a) => a.name === name && !a.expired);
  if (!artifact) return { ok: false, reason: `no unexpired artifact named ${name} in workflow run ${runId}` };
  if (artifact.size_in_bytes > LIMITS.artifactBytes) {
    return {
      ok: false,
      reason: `artifact ${name} is ${artifact.size_in_bytes} bytes (limit ${LIMITS.artifactBytes})`,
    };
  }
  const res = await octokit.rest.actions.downloadArtifact({
    owner,
    repo,
    artifact_id: artifact.id,
    archive_format: "zip",
  });
  const data = res.data as unknown;
  const zip = Buffer.isBuffer(data)
    ? data
    : data instanceof ArrayBuffer
      ? Buffer.from(data)
      : ArrayBuffer.isView(data)
        ? Buffer.from(data.buffer, data.byteOffset, data.byteLength)
        : null;
  if (!zip) return { ok: false, reason: "artifact download returned no data" };
  if (zip.length > LIMITS.artifactBytes)
    return { ok: false, reason: `artifact larger than ${LIMITS.artifactBytes} bytes` };
  try {
    const entry =
      readZipEntry(zip, (n) => /(^|\/)(lambda-guard-)?report\.json$/.test(n), LIMITS.reportBytes) ??
      readZipEntry(zip, (n) => n.endsWith(".json") && !n.includes("/"), LIMITS.reportBytes);
    if (!entry) return { ok: false, reason: `artifact ${name} has no report JSON file` };
    args.log.debug({ entry: entry.name, bytes: entry.data.length, runId }, "report artifact read");
    return { ok: true, text: entry.data.toString("utf8"), runId };
  } catch (err) {
    return { ok: false, reason: `artifact ${name}: ${(err as Error).message}` };
  }
}
