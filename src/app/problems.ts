import { createHash } from "node:crypto";
import { issueTitle, text } from "./body.js";
import type { Repo } from "./git.js";
import { renderMarker } from "./markers.js";
import type { Log, Octokit } from "./octokit.js";
import { listOwnItems } from "./own-items.js";
import { commentOnce } from "./pull-request.js";

export interface Problem {
  /** One line: what went wrong. */
  title: string;
  /** What to do about it; plain text (escaped here: it may quote repository content). */
  lines: string[];
}

/**
 * Puts a problem the repository's people must see (an invalid `.github/lambda-guard.yml`, a delivery
 * that kept failing) in the check's tracking issue: a comment on the open one (once per problem), or a
 * new issue. The issue's marker lists no findings, so the next good report updates or closes it.
 */
export async function reportProblem(
  octokit: Octokit,
  args: { repo: Repo; check: string; botLogin: string; headSha: string; problem: Problem; log: Log },
): Promise<void> {
  const { repo: r, check, problem, log } = args;
  const digest = createHash("sha256")
    .update(JSON.stringify([check, problem.title, problem.lines]))
    .digest("hex")
    .slice(0, 32);
  const lines = [
    `**${text(problem.title, 300)}**`,
    "",
    ...problem.lines.slice(0, 20).map((l) => text(l, 600)),
  ];
  const own = await listOwnItems(octokit, r, check, args.botLogin);
  const open = own.issues.find((i) => i.state === "open");
  if (open?.marker.digest === digest) {
    log.info({ issue: open.number }, `already reported in the tracking issue: ${problem.title}`);
    return;
  }
  if (open) {
    await commentOnce(octokit, r, open.number, digest, log, lines);
    log.warn({ issue: open.number }, `reported in the tracking issue: ${problem.title}`);
    return;
  }
  const body = [
    renderMarker("issue", { check, digest, fingerprints: [] }),
    "",
    `lambda-guard could not act on the \`${text(check, 80)}\` check on \`${args.headSha.slice(0, 12)}\`.`,
    "",
    ...lines,
    "",
    "<sub>Maintained by lambda-guard: updated or closed by the next report it can act on.</sub>",
  ].join("\n");
  const { data } = await octokit.rest.issues.create({ ...r, title: issueTitle(check), body });
  log.warn({ issue: data.number }, `opened a tracking issue: ${problem.title}`);
}
