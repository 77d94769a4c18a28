import type { FileChange } from "../iac/types.js";
import { httpStatus, type Log, type Octokit } from "./octokit.js";

export interface Repo {
  owner: string;
  repo: string;
}

/**
 * One commit with every file change, through the Git Data API: a tree on `base_tree` with the new
 * contents inline, and a commit with no author or committer so GitHub signs it as the app.
 */
export async function createFixCommit(
  octokit: Octokit,
  r: Repo,
  args: {
    baseCommit: string;
    baseTree: string;
    changes: FileChange[];
    modes: ReadonlyMap<string, string>;
    /** Paths whose original starts with a UTF-8 byte order mark (kept, as `fix --write` keeps it). */
    bom?: ReadonlySet<string>;
    message: string;
  },
): Promise<string> {
  // Inline `content` for each changed file (text, by construction): one request for the whole tree
  // instead of one blob per file.
  const { data: tree } = await octokit.rest.git.createTree({
    ...r,
    base_tree: args.baseTree,
    tree: args.changes.map((c) => ({
      path: c.path,
      mode: (args.modes.get(c.path) === "100755" ? "100755" : "100644") as "100644" | "100755",
      type: "blob" as const,
      content: args.bom?.has(c.path) ? `\uFEFF${c.after}` : c.after,
    })),
  });
  const { data: commit } = await octokit.rest.git.createCommit({
    ...r,
    message: args.message,
    tree: tree.sha,
    parents: [args.baseCommit],
  });
  return commit.sha;
}

/**
 * Whether anyone but the app committed to `branch` (commits on it that are not on `base`). A commit
 * is the app's when the app's bot authored it and the bot or GitHub (`web-flow`, which signs API
 * commits) committed it. A missing branch counts as untouched.
 */
export async function branchTouchedByOthers(
  octokit: Octokit,
  r: Repo,
  args: { base: string; branch: string; botLogin: string },
): Promise<{ exists: boolean; touched: boolean; by: string[] }> {
  try {
    const { data } = await octokit.rest.repos.compareCommitsWithBasehead({
      ...r,
      basehead: `${args.base}...${args.branch}`,
      per_page: 100,
    });
    const by = new Set<string>();
    for (const c of data.commits) {
      const author = c.author?.login;
      const committer = c.committer?.login;
      const ours = author === args.botLogin && (committer === args.botLogin || committer === "web-flow");
      if (!ours) by.add(author ?? c.commit.author?.name ?? "unknown");
    }
    // More commits than listed means someone kept working on it: treat as touched.
    if (data.total_commits > data.commits.length) by.add("(more commits than listed)");
    return { exists: true, touched: by.size > 0, by: [...by] };
  } catch (err) {
    if (httpStatus(err) === 404) return { exists: false, touched: false, by: [] };
    throw err;
  }
}

export async function deleteBranch(octokit: Octokit, r: Repo, branch: string, log: Log): Promise<void> {
  try {
    await octokit.rest.git.deleteRef({ ...r, ref: `heads/${branch}` });
    log.info({ branch }, "deleted branch");
  } catch (err) {
    // Already deleted (GitHub's "automatically delete head branches", or a human).
    if (httpStatus(err) === 422 || httpStatus(err) === 404) return;
    throw err;
  }
}
