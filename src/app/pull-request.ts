import type { FileChange } from "../iac/types.js";
import { VERSION, type Config, type Finding } from "../model/index.js";
import { prTitle, renderPrBody, type Source } from "./body.js";
import { branchTouchedByOthers, createFixCommit, deleteBranch, type Repo } from "./git.js";
import type { RepoSnapshot } from "./iac-files.js";
import { branchName, patchDigest, readMarker, renderMarker, replaceMarker, type Marker } from "./markers.js";
import { httpStatus, isAlreadyExists, type Log, type Octokit } from "./octokit.js";
import { listOwnItems, type OwnPr } from "./own-items.js";
import { decidePr, type PrDecision } from "./plan.js";

export type PrOutcome = {
  action: "created" | "updated" | "unchanged" | "dismissed" | "blocked" | "closed" | "none";
  number?: number;
};

export type { OwnPr } from "./own-items.js";

export { dismissedFingerprints } from "./plan.js";

export interface PrInput extends Source {
  repo: Repo;
  defaultBranch: string;
  botLogin: string;
  config: Config;
  snapshot: RepoSnapshot | null;
  changes: FileChange[];
  fixed: { finding: Finding; notes: string[] }[];
  unfixed: { finding: Finding; reason: string }[];
  /** Findings left out of the fix because a closed, unmerged pull request dismissed them. */
  dismissed: { finding: Finding; pr: number }[];
  /** The app's pull requests for this check, as listed before the engine ran (newest first). */
  prs: OwnPr[];
  /** Fingerprints of every active finding in the report, to tell a PR's findings are gone. */
  reported: ReadonlySet<string>;
  /** Complete, error-free report: may close what it no longer reports. */
  resolvable: boolean;
  issueNumber?: number | undefined;
  log: Log;
}

function commitMessage(fixed: PrInput["fixed"]): string {
  const lines = fixed
    .slice(0, 50)
    .map(
      ({ finding: f }) => `- ${f.rule} ${(f.resource.iac?.address ?? f.resource.arn ?? "").slice(0, 150)}`,
    );
  return `fix(lambda-guard): ${fixed.length} Lambda exposure finding${fixed.length === 1 ? "" : "s"}\n\n${lines.join("\n")}\n`;
}

/** Reconciles the one pull request per repository and check with the findings the engine fixed. */
export async function reconcilePr(octokit: Octokit, i: PrInput): Promise<PrOutcome> {
  const { repo: r, log } = i;
  const branch = branchName(i.check);
  const fingerprints = i.fixed.map((f) => f.finding.fingerprint).sort();
  const digest = patchDigest(i.check, fingerprints, i.changes, VERSION);
  const marker: Marker = { check: i.check, digest, fingerprints };
  const title = prTitle(i.check, i.fixed.length);
  const body = () => renderPrBody({ ...i, marker, changes: i.changes, skipped: i.snapshot?.skipped ?? [] });

  let prs = i.prs;
  let open: OwnPr | undefined;
  const decide = () =>
    decidePr({
      prs,
      hasPatch: i.changes.length > 0 && i.snapshot !== null,
      digest,
      fingerprints,
      reported: i.reported,
      resolvable: i.resolvable,
      dismissedCount: i.dismissed.length,
      firstDismissedPr: i.dismissed[0]?.pr,
      otherFindings: i.fixed.length + i.unfixed.length,
    });
  const first = decide();
  switch (first.kind) {
    case "close-resolved":
      await closeResolved(octokit, i, first.pr, branch);
      return { action: "closed", number: first.pr.number };
    case "keep-open":
      log.info({ pr: first.pr.number }, "no fix to propose; leaving the open pull request as it is");
      return { action: "none" };
    case "none":
      return { action: "none" };
    case "dismissed":
      log.info(
        { pr: first.number, dismissed: i.dismissed.length },
        "only dismissed findings to fix (pull request closed unmerged); not recreating it",
      );
      return { action: "dismissed", ...(first.number !== undefined ? { number: first.number } : {}) };
  }
  if (!i.snapshot) return { action: "none" };
  const snapshot = i.snapshot;

  const writeCommit = () =>
    createFixCommit(octokit, r, {
      baseCommit: snapshot.commitSha,
      baseTree: snapshot.treeSha,
      changes: i.changes,
      modes: snapshot.modes,
      bom: snapshot.bom,
      message: commitMessage(i.fixed),
    });

  const updateOpen = async (pr: OwnPr, d: PrDecision): Promise<PrOutcome> => {
    if (d.kind === "unchanged") {
      log.info(
        { pr: pr.number, digest },
        d.why === "same-digest"
          ? "pull request already proposes these fixes"
          : "incomplete report: keeping the pull request's larger set of fixes",
      );
      return { action: "unchanged", number: pr.number };
    }
    const touched = await branchTouchedByOthers(octokit, r, {
      base: i.defaultBranch,
      branch,
      botLogin: i.botLogin,
    });
    if (touched.touched) {
      await commentOnce(octokit, r, pr.number, digest, log, [
        `lambda-guard has an updated fix for this pull request (${fingerprints.length} finding(s)), but ${touched.by.map((b) => `\`${b.replace(/`/g, "")}\``).join(", ")} committed to \`${branch}\`, so it will not overwrite the branch.`,
        "",
        "Run `lambda-guard fix` locally to get the patch, or delete the branch and close this pull request to let lambda-guard open a fresh one.",
      ]);
      log.warn(
        { pr: pr.number, by: touched.by },
        "branch has commits by others; commented instead of updating",
      );
      return { action: "blocked", number: pr.number };
    }
    const sha = await writeCommit();
    await octokit.rest.git.updateRef({ ...r, ref: `heads/${branch}`, sha, force: true });
    await octokit.rest.pulls.update({ ...r, pull_number: pr.number, title, body: body() });
    log.info({ pr: pr.number, digest }, "updated pull request");
    return { action: "updated", number: pr.number };
  };

  if (first.kind === "update" || first.kind === "unchanged") return updateOpen(first.pr, first);
  const sha = await writeCommit();
  try {
    await octokit.rest.git.createRef({ ...r, ref: `refs/heads/${branch}`, sha });
  } catch (err) {
    if (!isAlreadyExists(err)) throw err;
    // Someone got there first (a concurrent delivery, or a stale branch): re-read and update.
    log.info({ branch }, "branch already exists; re-reading");
    prs = (await listOwnItems(octokit, r, i.check, i.botLogin)).prs;
    const again = decide();
    if (again.kind === "update" || again.kind === "unchanged") return updateOpen(again.pr, again);
    const touched = await branchTouchedByOthers(octokit, r, {
      base: i.defaultBranch,
      branch,
      botLogin: i.botLogin,
    });
    if (touched.touched) {
      log.warn(
        { branch, by: touched.by },
        "branch exists with commits by others and no pull request; leaving it alone",
      );
      return { action: "blocked" };
    }
    await octokit.rest.git.updateRef({ ...r, ref: `heads/${branch}`, sha, force: true });
  }

  let number: number;
  try {
    const { data } = await octokit.rest.pulls.create({
      ...r,
      title,
      head: branch,
      base: i.defaultBranch,
      body: body(),
      maintainer_can_modify: false,
    });
    number = data.number;
  } catch (err) {
    if (!isAlreadyExists(err)) throw err;
    log.info({ branch }, "pull request already exists; re-reading");
    prs = (await listOwnItems(octokit, r, i.check, i.botLogin)).prs;
    open = prs.find((p) => p.state === "open");
    if (!open) throw err;
    if (open.marker.digest !== digest) {
      await octokit.rest.pulls.update({ ...r, pull_number: open.number, title, body: body() });
      return { action: "updated", number: open.number };
    }
    return { action: "unchanged", number: open.number };
  }
  log.info({ pr: number, digest }, "opened pull request");
  if (i.config.pullRequests.labels.length) {
    await octokit.rest.issues.addLabels({ ...r, issue_number: number, labels: i.config.pullRequests.labels });
  }
  if (i.config.pullRequests.reviewers.length) {
    const reviewers = i.config.pullRequests.reviewers.filter((x) => !x.includes("/"));
    const team_reviewers = i.config.pullRequests.reviewers
      .filter((x) => x.includes("/"))
      .map((x) => x.split("/")[1]!);
    try {
      await octokit.rest.pulls.requestReviewers({ ...r, pull_number: number, reviewers, team_reviewers });
    } catch (err) {
      // A reviewer who is not a collaborator must not fail the whole delivery.
      if (httpStatus(err) !== 422) throw err;
      log.warn({ pr: number }, "could not request reviewers (not collaborators?)");
    }
  }
  return { action: "created", number };
}

async function closeResolved(octokit: Octokit, i: PrInput, pr: OwnPr, branch: string): Promise<void> {
  const r = i.repo;
  await octokit.rest.issues.createComment({
    ...r,
    issue_number: pr.number,
    body: `A complete scan (${i.check} on \`${i.headSha.slice(0, 12)}\`) no longer reports the findings this pull request fixes. Closing it.`,
  });
  await octokit.rest.pulls.update({
    ...r,
    pull_number: pr.number,
    state: "closed",
    body: replaceMarker("pr", pr.body, { ...pr.marker, resolved: true }),
  });
  const touched = await branchTouchedByOthers(octokit, r, {
    base: i.defaultBranch,
    branch,
    botLogin: i.botLogin,
  });
  if (touched.exists && !touched.touched) await deleteBranch(octokit, r, branch, i.log);
  i.log.info({ pr: pr.number }, "closed resolved pull request");
}

/** Comments once per digest (a hidden marker in the comment), so redeliveries do not repeat it. */
export async function commentOnce(
  octokit: Octokit,
  r: Repo,
  issueNumber: number,
  digest: string,
  log: Log,
  lines: string[],
): Promise<void> {
  const { data } = await octokit.rest.issues.listComments({ ...r, issue_number: issueNumber, per_page: 100 });
  if (data.some((c) => readMarker("comment", c.body)?.digest === digest)) {
    log.debug({ issue: issueNumber }, "already commented for this digest");
    return;
  }
  const marker = renderMarker("comment", { check: "", digest, fingerprints: [] });
  await octokit.rest.issues.createComment({
    ...r,
    issue_number: issueNumber,
    body: `${marker}\n${lines.join("\n")}`,
  });
}
