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
  args: { owner: string; repo: string; runId: number; name: string; headSha: string; log: Log },
): Promise<ArtifactResult> {
  const { owner, repo, runId, name } = args;
  const { data: run } = await octokit.rest.actions.getWorkflowRun({ owner, repo, run_id: runId });
  if (run.head_sha !== args.headSha) {
    return { ok: false, reason: `workflow run ${runId} is for commit ${run.head_sha}, not ${args.headSha}` };
  }
  if (run.repository && run.repository.full_name.toLowerCase() !== `${owner}/${repo}`.toLowerCase()) {
    return { ok: false, reason: `workflow run ${runId} belongs to ${run.repository.full_name}` };
  }
  const { data: list } = await octokit.rest.actions.listWorkflowRunArtifacts({
    owner,
    repo,
    run_id: runId,
    name,
    per_page: 10,
  });
  const artifact = list.artifacts.find((a) => a.name === name && !a.expired);
  if (!artifact) return { ok: false, reason: `workflow run ${runId} has no unexpired artifact named ${name}` };
  if (artifact.size_in_bytes > LIMITS.artifactBytes) {
    return { ok: false, reason: `artifact ${name} is ${artifact.size_in_bytes} bytes (limit ${LIMITS.artifactBytes})` };
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
      : typeof data === "string"
        ? Buffer.from(data, "binary")
        : null;
  if (!zip) return { ok: false, reason: "artifact download returned no data" };
  if (zip.length > LIMITS.artifactBytes) return { ok: false, reason: `artifact larger than ${LIMITS.artifactBytes} bytes` };
  try {
    const entry =
      readZipEntry(zip, (n) => /(^|\/)(lambda-guard-)?report\.json$/.test(n), LIMITS.reportBytes) ??
      readZipEntry(zip, (n) => n.endsWith(".json") && !n.includes("/"), LIMITS.reportBytes);
    if (!entry) return { ok: false, reason: `artifact ${name} has no report JSON file` };
    args.log.debug({ entry: entry.name, bytes: entry.data.length }, "report artifact read");
    return { ok: true, text: entry.data.toString("utf8"), runId };
  } catch (err) {
    return { ok: false, reason: `artifact ${name}: ${(err as Error).message}` };
  }
}
