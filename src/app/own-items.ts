import type { Repo } from "./git.js";
import { readMarker, type Marker } from "./markers.js";
import type { Octokit } from "./octokit.js";

/** One of the app's pull requests for a check, as the issues list shows it. */
export interface OwnPr {
  number: number;
  state: string;
  merged: boolean;
  body: string;
  marker: Marker;
}

/** One of the app's tracking issues for a check. */
export interface OwnIssue {
  number: number;
  state: string;
  body: string;
  marker: Marker;
}

export interface OwnItems {
  /** Newest first. */
  prs: OwnPr[];
  issues: OwnIssue[];
}

/** Pages of 100 read when looking for the app's items (newest first). */
export const OWN_ITEM_PAGES = 3;

/**
 * "Find mine": the app's pull requests and tracking issues for `check`, in one listing. GitHub's
 * issues list returns pull requests too (with `pull_request.merged_at`), filtered by creator, so one
 * request usually answers both questions. An item is the app's when the bot created it and its hidden
 * marker names this check; bodies are untrusted (a person can edit them) and parsed as such.
 */
export async function listOwnItems(
  octokit: Octokit,
  r: Repo,
  check: string,
  botLogin: string,
): Promise<OwnItems> {
  const out: OwnItems = { prs: [], issues: [] };
  for (let page = 1; page <= OWN_ITEM_PAGES; page++) {
    const { data } = await octokit.rest.issues.listForRepo({
      ...r,
      creator: botLogin,
      state: "all",
      sort: "created",
      direction: "desc",
      per_page: 100,
      page,
    });
    for (const item of data) {
      if (item.user?.login !== botLogin) continue;
      const body = item.body ?? "";
      if (item.pull_request) {
        const marker = readMarker("pr", body);
        if (marker?.check !== check) continue;
        const merged = Boolean((item.pull_request as { merged_at?: string | null }).merged_at);
        out.prs.push({ number: item.number, state: item.state, merged, body, marker });
      } else {
        const marker = readMarker("issue", body);
        if (marker?.check !== check) continue;
        out.issues.push({ number: item.number, state: item.state, body, marker });
      }
    }
    if (data.length < 100) break;
  }
  return out;
}
