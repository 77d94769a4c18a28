import { LIMITS } from "./limits.js";
import type { Log, Octokit } from "./octokit.js";
import { readZipEntry } from "./zip.js";

export type ArtifactResult = { ok: true; text: string; runId: number } | { ok: false; reason: string };

/**
 * Downloads the report artifact of the workflow run behind a check run (Actions: read). The run must
 * belong to this repository and be for the check run's commit.
 */
export async function downloadReportArtifact(
  octokit: Octokit,
  args: { owner: string; repo: string; runId: number | null; name: string; headSha: string; log: Log },
): Promise<ArtifactResult> {
  const { owner, repo, name } = args;
  let runIds: number[];
  if (args.runId !== null) {
    const { data: run } = await octokit.rest.actions.getWorkflowRun({ owner, repo, run_id: args.runId });
    if (run.head_sha !== args.headSha) {
      return {
        ok: false,
        reason: `workflow run ${args.runId} is for commit ${run.head_sha}, not ${args.headSha}`,
      };
    }
    runIds = [run.id];
  } else {
    // The check run does not name its workflow run: look at this commit's runs, newest first.
    const { data } = await octokit.rest.actions.listWorkflowRunsForRepo({
      owner,
      repo,
      head_sha: args.headSha,
      per_page: 5,
    });
    runIds = data.workflow_runs.filter((w) => w.head_sha === args.headSha).map((w) => w.id);
    if (runIds.length === 0) return { ok: false, reason: `no workflow run for commit ${args.headSha}` };
  }
  let artifact: { id: number; size_in_bytes: number } | undefined;
  let runId = runIds[0]!;
  for (const id of runIds) {
    const { data: list } = await octokit.rest.actions.listWorkflowRunArtifacts({
      owner,
      repo,
      run_id: id,
      name,
      per_page: 10,
    });
    artifact = list.artifacts.find((a) => a.name === name && !a.expired);
    if (artifact) {
      runId = id;
      break;
    }
  }
  if (!artifact)
    return { ok: false, reason: `no unexpired artifact named ${name} for commit ${args.headSha}` };
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
