import type { Config } from "../model/index.js";
import { issueTitle, renderIssueBody, type IssueItem, type Source } from "./body.js";
import type { Repo } from "./git.js";
import { findingsDigest, replaceMarker, type Marker } from "./markers.js";
import type { Log, Octokit } from "./octokit.js";
import type { OwnIssue } from "./own-items.js";

export type IssueOutcome = {
  action: "created" | "updated" | "reopened" | "unchanged" | "dismissed" | "closed" | "none";
  number?: number;
};

export interface IssueInput extends Source {
  repo: Repo;
  botLogin: string;
  config: Config;
  items: IssueItem[];
  resolvable: boolean;
  /** The app's tracking issues for this check, newest first (listOwnItems). */
  issues: OwnIssue[];
  log: Log;
}

/** Reconciles the one tracking issue per check name: created, updated in place, reopened or closed. */
export async function reconcileIssue(octokit: Octokit, i: IssueInput): Promise<IssueOutcome> {
  const { repo: r, log } = i;
  const fingerprints = i.items.map((x) => x.finding.fingerprint).sort();
  const digest = findingsDigest(i.check, fingerprints);
  const marker: Marker = { check: i.check, digest, fingerprints };
  const issues = i.issues;
  const existing = issues.find((x) => x.state === "open") ?? issues[0];

  if (i.items.length === 0) {
    if (existing?.state === "open" && i.resolvable) {
      await octokit.rest.issues.createComment({
        ...r,
        issue_number: existing.number,
        body: `A complete scan (${i.check} on \`${i.headSha.slice(0, 12)}\`) no longer reports these findings. Closing.`,
      });
      await octokit.rest.issues.update({
        ...r,
        issue_number: existing.number,
        state: "closed",
        state_reason: "completed",
        body: replaceMarker("issue", existing.body, { ...existing.marker, resolved: true }),
      });
      log.info({ issue: existing.number }, "closed resolved tracking issue");
      return { action: "closed", number: existing.number };
    }
    return { action: "none" };
  }

  const body = renderIssueBody({ ...i, marker });
  const title = issueTitle(i.check);
  if (existing?.state === "open") {
    if (existing.marker.digest === digest) return { action: "unchanged", number: existing.number };
    if (!i.resolvable && fingerprints.every((fp) => existing.marker.fingerprints.includes(fp))) {
      log.info({ issue: existing.number }, "incomplete report: keeping the issue's larger list");
      return { action: "unchanged", number: existing.number };
    }
    await octokit.rest.issues.update({ ...r, issue_number: existing.number, title, body });
    log.info({ issue: existing.number, digest }, "updated tracking issue");
    return { action: "updated", number: existing.number };
  }
  if (existing) {
    if (!existing.marker.resolved && fingerprints.every((fp) => existing.marker.fingerprints.includes(fp))) {
      log.info(
        { issue: existing.number },
        "these findings were dismissed (issue closed by a person); not reopening",
      );
      return { action: "dismissed", number: existing.number };
    }
    await octokit.rest.issues.update({ ...r, issue_number: existing.number, title, body, state: "open" });
    log.info({ issue: existing.number, digest }, "reopened tracking issue");
    return { action: "reopened", number: existing.number };
  }
  const { data } = await octokit.rest.issues.create({
    ...r,
    title,
    body,
    ...(i.config.issues.labels.length ? { labels: i.config.issues.labels } : {}),
  });
  log.info({ issue: data.number, digest }, "opened tracking issue");
  return { action: "created", number: data.number };
}
