import { createHash } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { crc32, deflateRawSync, gzipSync } from "node:zlib";

/**
 * A small, stateful stand-in for the parts of GitHub's REST API that lambda-guard's app uses: git
 * data (blobs, trees, commits, refs), branches, compare, contents (raw), pulls, issues, comments,
 * labels, Actions runs and artifacts, and app installation tokens. Requests are recorded in `calls`.
 * It serves both nock interceptors (`handle`) and a real HTTP server (`listen`, behind Prism in the
 * end-to-end test). Only the fields the app reads are modelled faithfully.
 */

export interface Call {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
}

export interface FakeResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

interface TreeEntry {
  path: string;
  mode: string;
  type: "blob";
  sha: string;
}

interface Commit {
  sha: string;
  tree: string;
  parents: string[];
  message: string;
  author: string;
  committer: string;
}

export interface Pull {
  number: number;
  state: "open" | "closed";
  title: string;
  body: string;
  head: string;
  headSha: string;
  base: string;
  user: string;
  merged_at: string | null;
  labels: string[];
  reviewers: string[];
}

export interface Issue {
  number: number;
  state: "open" | "closed";
  state_reason: string | null;
  title: string;
  body: string;
  user: string;
  labels: string[];
}

export interface Comment {
  id: number;
  issue: number;
  body: string;
  user: string;
}

export interface Artifact {
  id: number;
  runId: number;
  name: string;
  zip: Buffer;
  expired?: boolean;
}

const sha1 = (s: string | Buffer) => createHash("sha1").update(s).digest("hex");

export class FakeGitHub {
  readonly owner: string;
  readonly repo: string;
  readonly defaultBranch: string;
  readonly botLogin: string;
  baseUrl = "https://api.github.com";
  /** Where the tarball redirect points (codeload.github.com on GitHub); defaults to `baseUrl`. */
  codeloadUrl: string | null = null;
  calls: Call[] = [];
  blobs = new Map<string, Buffer>();
  trees = new Map<string, TreeEntry[]>();
  commits = new Map<string, Commit>();
  refs = new Map<string, string>();
  pulls: Pull[] = [];
  issues: Issue[] = [];
  comments: Comment[] = [];
  artifacts: Artifact[] = [];
  runs = new Map<number, { id: number; head_sha: string; head_branch: string; check_suite_id?: number }>();
  /** `.github/lambda-guard.yml` at the default branch; null = absent (404). */
  config: string | null = null;
  /** Called before a request is handled; return a response to override it (races, errors). */
  intercept: ((method: string, path: string, body: unknown) => FakeResponse | undefined) | null = null;
  #number = 0;
  #commentId = 1000;
  #clock = Date.parse("2026-11-23T10:00:00Z");

  constructor(
    opts: {
      owner?: string;
      repo?: string;
      defaultBranch?: string;
      appSlug?: string;
      files?: Record<string, string>;
    } = {},
  ) {
    this.owner = opts.owner ?? "Codertocat";
    this.repo = opts.repo ?? "Hello-World";
    this.defaultBranch = opts.defaultBranch ?? "main";
    this.botLogin = `${opts.appSlug ?? "lambda-guard"}[bot]`;
    const tree = this.#writeTree([], Object.entries(opts.files ?? { "README.md": "# hello\n" }));
    const sha = this.#commit(tree, [], "initial", "Codertocat", "Codertocat");
    this.refs.set(this.defaultBranch, sha);
  }

  // ---- state helpers for tests -------------------------------------------------------------------

  head(branch = this.defaultBranch): string {
    const sha = this.refs.get(branch);
    if (!sha) throw new Error(`no branch ${branch}`);
    return sha;
  }

  /** The files of a branch (path → text). */
  files(branch = this.defaultBranch): Record<string, string> {
    const commit = this.commits.get(this.head(branch))!;
    return Object.fromEntries(
      this.trees.get(commit.tree)!.map((e) => [e.path, this.blobs.get(e.sha)!.toString("utf8")]),
    );
  }

  /** A commit by a person on `branch` (the default branch, or an app branch a human touched). */
  humanCommit(branch: string, files: Record<string, string>, login = "octocat"): string {
    const parent = this.commits.get(this.head(branch))!;
    const tree = this.#writeTree(this.trees.get(parent.tree)!, Object.entries(files));
    const sha = this.#commit(tree, [parent.sha], "edit", login, login);
    this.refs.set(branch, sha);
    return sha;
  }

  addRun(
    id: number,
    headSha: string,
    artifact?: { name: string; zip: Buffer; expired?: boolean },
    opts: { checkSuiteId?: number } = {},
  ): void {
    this.runs.set(id, {
      id,
      head_sha: headSha,
      head_branch: this.defaultBranch,
      ...(opts.checkSuiteId ? { check_suite_id: opts.checkSuiteId } : {}),
    });
    if (artifact) this.artifacts.push({ id: id * 10, runId: id, ...artifact });
  }

  openPulls(): Pull[] {
    return this.pulls.filter((p) => p.state === "open");
  }

  apiCalls(): Call[] {
    return this.calls.filter((c) => !/^\/app\/installations\/\d+\/access_tokens$/.test(c.path));
  }

  writes(): Call[] {
    return this.apiCalls().filter((c) => c.method !== "GET");
  }

  // ---- git model -------------------------------------------------------------------------------

  #blob(content: Buffer): string {
    const sha = sha1(Buffer.concat([Buffer.from(`blob ${content.length}\0`), content]));
    this.blobs.set(sha, content);
    return sha;
  }

  #writeTree(
    base: TreeEntry[],
    changes: [string, string | null][],
    modes: Record<string, string> = {},
  ): string {
    const map = new Map(base.map((e) => [e.path, e]));
    for (const [path, text] of changes) {
      if (text === null) map.delete(path);
      else
        map.set(path, {
          path,
          mode: modes[path] ?? "100644",
          type: "blob",
          sha: this.#blob(Buffer.from(text)),
        });
    }
    return this.#storeTree([...map.values()]);
  }

  #storeTree(entries: TreeEntry[]): string {
    entries.sort((a, b) => (a.path < b.path ? -1 : 1));
    const sha = sha1(`tree ${JSON.stringify(entries)}`);
    this.trees.set(sha, entries);
    return sha;
  }

  #commit(tree: string, parents: string[], message: string, author: string, committer: string): string {
    const sha = sha1(`commit ${tree} ${parents.join(",")} ${message} ${author} ${this.#clock++}`);
    this.commits.set(sha, { sha, tree, parents, message, author, committer });
    return sha;
  }

  #ancestors(sha: string): Set<string> {
    const seen = new Set<string>();
    const stack = [sha];
    while (stack.length) {
      const s = stack.pop()!;
      if (seen.has(s)) continue;
      seen.add(s);
      stack.push(...(this.commits.get(s)?.parents ?? []));
    }
    return seen;
  }

  #resolve(ref: string): string | undefined {
    if (this.commits.has(ref)) return ref;
    return this.refs.get(ref.replace(/^refs\/heads\/|^heads\//, ""));
  }

  // ---- HTTP -----------------------------------------------------------------------------------------

  handle(method: string, url: string, body: unknown): FakeResponse {
    const u = new URL(url, "http://fake");
    const path = u.pathname.replace(/^\/api\/v3/, "");
    const query = Object.fromEntries(u.searchParams);
    this.calls.push({ method, path: decodeURIComponent(path), query, body });
    const over = this.intercept?.(method, decodeURIComponent(path), body);
    if (over) return over;
    try {
      return this.#route(method, path, query, (body ?? {}) as Record<string, unknown>);
    } catch (err) {
      return json(500, { message: String(err) });
    }
  }

  #route(
    method: string,
    rawPath: string,
    q: Record<string, string>,
    b: Record<string, unknown>,
  ): FakeResponse {
    const seg = rawPath.split("/").filter(Boolean).map(decodeURIComponent);
    if (seg[0] === "app") {
      if (seg[1] === "installations" && seg[3] === "access_tokens" && method === "POST") {
        return json(201, {
          token: "ghs_test",
          expires_at: "2099-01-01T00:00:00Z",
          permissions: {},
          repository_selection: "all",
        });
      }
      if (seg.length === 1 && method === "GET") {
        return json(200, {
          id: 1,
          slug: this.botLogin.replace("[bot]", ""),
          name: "lambda-guard",
          owner: null,
        });
      }
    }
    if (seg[0] === "_codeload" && method === "GET") {
      const sha = (seg[1] ?? "").replace(/\.tar\.gz$/, "");
      const commit = this.commits.get(sha);
      if (!commit) return json(404, { message: "Not Found" });
      const files = this.trees.get(commit.tree)!.map((e) => ({
        path: e.path,
        mode: e.mode,
        data: this.blobs.get(e.sha)!,
      }));
      return {
        status: 200,
        headers: { "content-type": "application/x-gzip" },
        body: makeTarGz(`${this.owner}-${this.repo}-${sha.slice(0, 7)}`, sha, files),
      };
    }
    if (seg[0] === "downloads" && seg[1] === "artifact") {
      const a = this.artifacts.find((x) => x.id === Number(seg[2]));
      return a
        ? { status: 200, headers: { "content-type": "application/zip" }, body: a.zip }
        : json(404, { message: "Not Found" });
    }
    if (seg[0] !== "repos") return json(404, { message: "Not Found" });
    if (seg[1] !== this.owner || seg[2] !== this.repo) return json(404, { message: "Not Found" });
    const rest = seg.slice(3);
    const key = `${method} ${rest[0] ?? ""}`;
    switch (key) {
      case "GET contents": {
        const path = rest.slice(1).join("/");
        if (path === ".github/lambda-guard.yml" && this.config !== null) {
          return { status: 200, headers: { "content-type": "text/plain; charset=utf-8" }, body: this.config };
        }
        const files = this.files();
        if (path in files)
          return { status: 200, headers: { "content-type": "text/plain; charset=utf-8" }, body: files[path] };
        return json(404, { message: "Not Found" });
      }
      case "GET branches": {
        const name = rest.slice(1).join("/");
        const sha = this.refs.get(name);
        if (!sha) return json(404, { message: "Branch not found" });
        const c = this.commits.get(sha)!;
        return json(200, {
          name,
          commit: { sha, commit: { tree: { sha: c.tree }, message: c.message } },
          protected: false,
        });
      }
      case "GET compare": {
        const [base, head] = rest.slice(1).join("/").split("...");
        const bs = this.#resolve(base ?? "");
        const hs = this.#resolve(head ?? "");
        if (!bs || !hs) return json(404, { message: "Not Found" });
        const ba = this.#ancestors(bs);
        const ha = this.#ancestors(hs);
        const ahead = [...ha].filter((s) => !ba.has(s));
        const behind = [...ba].filter((s) => !ha.has(s));
        const status =
          bs === hs
            ? "identical"
            : behind.length === 0
              ? "ahead"
              : ahead.length === 0
                ? "behind"
                : "diverged";
        const commits = ahead.map((s) => {
          const c = this.commits.get(s)!;
          return {
            sha: s,
            commit: { message: c.message, author: { name: c.author }, committer: { name: c.committer } },
            author: { login: c.author },
            committer: { login: c.committer },
          };
        });
        const baseCommit = this.commits.get(bs)!;
        return json(200, {
          status,
          base_commit: { sha: bs, commit: { message: baseCommit.message, tree: { sha: baseCommit.tree } } },
          ahead_by: ahead.length,
          behind_by: behind.length,
          total_commits: ahead.length,
          commits,
          files: [],
        });
      }
      case "GET git":
        return this.#gitGet(rest.slice(1), q);
      case "POST git":
        return this.#gitPost(rest.slice(1), b);
      case "PATCH git": {
        const name =
          rest.slice(3).join("/") ||
          rest
            .slice(2)
            .join("/")
            .replace(/^heads\//, "");
        const branch = name.replace(/^heads\//, "");
        const cur = this.refs.get(branch);
        if (!cur) return json(422, { message: "Reference does not exist" });
        const sha = String(b.sha);
        if (!b.force && !this.#ancestors(sha).has(cur))
          return json(422, { message: "Update is not a fast forward" });
        this.refs.set(branch, sha);
        this.#syncPulls(branch);
        return json(200, { ref: `refs/heads/${branch}`, object: { sha, type: "commit" } });
      }
      case "DELETE git": {
        const branch = rest
          .slice(2)
          .join("/")
          .replace(/^heads\//, "");
        if (!this.refs.delete(branch)) return json(422, { message: "Reference does not exist" });
        return { status: 204, headers: {}, body: "" };
      }
      case "GET pulls":
        if (rest.length === 1) {
          const head = q.head?.split(":")[1];
          const list = this.pulls
            .filter(
              (p) => (!head || p.head === head) && (q.state === "all" || p.state === (q.state ?? "open")),
            )
            .sort((a, b) => b.number - a.number);
          return json(
            200,
            list.map((p) => this.#pullJson(p)),
          );
        }
        break;
      case "POST pulls": {
        if (rest.length === 1) {
          const head = String(b.head);
          if (!this.refs.has(head))
            return json(422, { message: "Validation Failed", errors: [{ field: "head", code: "invalid" }] });
          if (this.pulls.some((p) => p.state === "open" && p.head === head)) {
            return json(422, {
              message: "Validation Failed",
              errors: [
                {
                  resource: "PullRequest",
                  code: "custom",
                  message: `A pull request already exists for ${this.owner}:${head}.`,
                },
              ],
            });
          }
          const p: Pull = {
            number: ++this.#number,
            state: "open",
            title: String(b.title),
            body: String(b.body ?? ""),
            head,
            headSha: this.refs.get(head)!,
            base: String(b.base),
            user: this.botLogin,
            merged_at: null,
            labels: [],
            reviewers: [],
          };
          this.pulls.push(p);
          return json(201, this.#pullJson(p));
        }
        if (rest[2] === "requested_reviewers") {
          const p = this.pulls.find((x) => x.number === Number(rest[1]));
          if (!p) return json(404, { message: "Not Found" });
          p.reviewers.push(...((b.reviewers as string[]) ?? []));
          return json(201, this.#pullJson(p));
        }
        break;
      }
      case "PATCH pulls": {
        const p = this.pulls.find((x) => x.number === Number(rest[1]));
        if (!p) return json(404, { message: "Not Found" });
        if (typeof b.title === "string") p.title = b.title;
        if (typeof b.body === "string") p.body = b.body;
        if (b.state === "closed" || b.state === "open") p.state = b.state;
        return json(200, this.#pullJson(p));
      }
      case "GET issues": {
        if (rest.length === 1) {
          const all: ({ pull_request?: object } & Record<string, unknown>)[] = [
            ...this.issues.map((i) => this.#issueJson(i)),
            ...this.pulls.map((p) => ({
              ...this.#issueJson({ ...p, state_reason: null }),
              pull_request: { url: "", merged_at: p.merged_at },
            })),
          ];
          const list = all
            .filter(
              (i) =>
                (!q.creator || (i.user as { login: string }).login === q.creator) &&
                (q.state === "all" || i.state === (q.state ?? "open")),
            )
            .sort((a, b) => Number(b.number) - Number(a.number));
          const per = Number(q.per_page ?? 30);
          const page = Number(q.page ?? 1);
          return json(200, list.slice((page - 1) * per, page * per));
        }
        if (rest[2] === "comments") {
          return json(
            200,
            this.comments.filter((c) => c.issue === Number(rest[1])).map((c) => this.#commentJson(c)),
          );
        }
        break;
      }
      case "POST issues": {
        if (rest.length === 1) {
          const i: Issue = {
            number: ++this.#number,
            state: "open",
            state_reason: null,
            title: String(b.title),
            body: String(b.body ?? ""),
            user: this.botLogin,
            labels: ((b.labels as string[]) ?? []).map(String),
          };
          this.issues.push(i);
          return json(201, this.#issueJson(i));
        }
        const n = Number(rest[1]);
        if (rest[2] === "comments") {
          const c: Comment = { id: ++this.#commentId, issue: n, body: String(b.body), user: this.botLogin };
          this.comments.push(c);
          return json(201, this.#commentJson(c));
        }
        if (rest[2] === "labels") {
          const target = this.issues.find((x) => x.number === n) ?? this.pulls.find((x) => x.number === n);
          if (!target) return json(404, { message: "Not Found" });
          target.labels.push(...((b.labels as string[]) ?? []));
          return json(
            200,
            target.labels.map((name) => ({ name })),
          );
        }
        break;
      }
      case "PATCH issues": {
        const i = this.issues.find((x) => x.number === Number(rest[1]));
        if (!i) return json(404, { message: "Not Found" });
        if (typeof b.title === "string") i.title = b.title;
        if (typeof b.body === "string") i.body = b.body;
        if (b.state === "closed") {
          i.state = "closed";
          i.state_reason = typeof b.state_reason === "string" ? b.state_reason : "completed";
        } else if (b.state === "open") {
          i.state = "open";
          i.state_reason = "reopened";
        }
        return json(200, this.#issueJson(i));
      }
      case "GET actions":
        return this.#actions(rest.slice(1), q);
      case "GET tarball": {
        // GitHub answers with a redirect to codeload, which serves `git archive --format=tar.gz`.
        const sha = this.#resolve(rest.slice(1).join("/"));
        if (!sha) return json(404, { message: "Not Found" });
        const host = this.codeloadUrl ?? this.baseUrl;
        return { status: 302, headers: { location: `${host}/_codeload/${sha}.tar.gz` }, body: "" };
      }
    }
    return json(404, { message: `Not Found (fake: ${method} ${rawPath})` });
  }

  #gitGet(rest: string[], q: Record<string, string>): FakeResponse {
    if (rest[0] === "trees") {
      const entries = this.trees.get(rest[1] ?? "");
      if (!entries) return json(404, { message: "Not Found" });
      const tree = entries.map((e) => ({ ...e, size: this.blobs.get(e.sha)!.length, url: "" }));
      return json(200, {
        sha: rest[1],
        url: "",
        tree: q.recursive ? tree : tree.filter((e) => !e.path.includes("/")),
        truncated: false,
      });
    }
    if (rest[0] === "blobs") {
      const blob = this.blobs.get(rest[1] ?? "");
      if (!blob) return json(404, { message: "Not Found" });
      return json(200, {
        sha: rest[1],
        node_id: "",
        url: "",
        size: blob.length,
        encoding: "base64",
        content: blob.toString("base64"),
      });
    }
    if (rest[0] === "ref") {
      const sha = this.refs.get(
        rest
          .slice(1)
          .join("/")
          .replace(/^heads\//, ""),
      );
      return sha
        ? json(200, { ref: `refs/${rest.slice(1).join("/")}`, object: { sha, type: "commit" } })
        : json(404, { message: "Not Found" });
    }
    return json(404, { message: "Not Found" });
  }

  #gitPost(rest: string[], b: Record<string, unknown>): FakeResponse {
    switch (rest[0]) {
      case "blobs": {
        const content = Buffer.from(String(b.content), b.encoding === "base64" ? "base64" : "utf8");
        return json(201, { sha: this.#blob(content), url: "" });
      }
      case "trees": {
        const base = b.base_tree ? this.trees.get(String(b.base_tree)) : [];
        if (!base) return json(422, { message: "Invalid base_tree" });
        const map = new Map(base.map((e) => [e.path, e]));
        for (const e of b.tree as { path: string; mode: string; sha: string | null; content?: string }[]) {
          if (e.sha === null) map.delete(e.path);
          else if (e.content !== undefined)
            map.set(e.path, {
              path: e.path,
              mode: e.mode,
              type: "blob",
              sha: this.#blob(Buffer.from(e.content)),
            });
          else {
            if (!this.blobs.has(e.sha)) return json(422, { message: `Invalid sha ${e.sha}` });
            map.set(e.path, { path: e.path, mode: e.mode, type: "blob", sha: e.sha });
          }
        }
        const sha = this.#storeTree([...map.values()]);
        return json(201, { sha, url: "", tree: this.trees.get(sha), truncated: false });
      }
      case "commits": {
        if (!this.trees.has(String(b.tree))) return json(422, { message: "Tree not found" });
        const parents = (b.parents as string[]) ?? [];
        if (parents.some((p) => !this.commits.has(p))) return json(422, { message: "Parent not found" });
        // No author/committer: GitHub attributes the commit to the app's bot and signs it (web-flow).
        const author = b.author ? String((b.author as { name?: string }).name) : this.botLogin;
        const sha = this.#commit(
          String(b.tree),
          parents,
          String(b.message),
          author,
          b.author ? author : "web-flow",
        );
        return json(201, {
          sha,
          url: "",
          html_url: "",
          message: b.message,
          tree: { sha: b.tree, url: "" },
          parents: parents.map((p) => ({ sha: p, url: "" })),
          verification: { verified: !b.author, reason: b.author ? "unsigned" : "valid" },
        });
      }
      case "refs": {
        const branch = String(b.ref).replace(/^refs\/heads\//, "");
        if (this.refs.has(branch)) return json(422, { message: "Reference already exists" });
        if (!this.commits.has(String(b.sha))) return json(422, { message: "Object does not exist" });
        this.refs.set(branch, String(b.sha));
        return json(201, { ref: b.ref, object: { sha: b.sha, type: "commit" } });
      }
    }
    return json(404, { message: "Not Found" });
  }

  #actions(rest: string[], q: Record<string, string>): FakeResponse {
    if (rest[0] === "runs" && rest.length === 1) {
      const runs = [...this.runs.values()].filter(
        (r) =>
          (!q.head_sha || r.head_sha === q.head_sha) &&
          (!q.check_suite_id || r.check_suite_id === Number(q.check_suite_id)),
      );
      return json(200, {
        total_count: runs.length,
        workflow_runs: runs.map((r) => ({ ...r, repository: { full_name: `${this.owner}/${this.repo}` } })),
      });
    }
    if (rest[0] === "runs" && rest.length === 2) {
      const r = this.runs.get(Number(rest[1]));
      return r
        ? json(200, { ...r, repository: { full_name: `${this.owner}/${this.repo}` } })
        : json(404, { message: "Not Found" });
    }
    if (rest[0] === "runs" && rest[2] === "artifacts") {
      const list = this.artifacts.filter(
        (a) => a.runId === Number(rest[1]) && (!q.name || a.name === q.name),
      );
      return json(200, {
        total_count: list.length,
        artifacts: list.map((a) => ({
          id: a.id,
          name: a.name,
          size_in_bytes: a.zip.length,
          expired: Boolean(a.expired),
          archive_download_url: "",
        })),
      });
    }
    if (rest[0] === "artifacts" && rest[2] === "zip") {
      const a = this.artifacts.find((x) => x.id === Number(rest[1]));
      if (!a) return json(404, { message: "Not Found" });
      return { status: 302, headers: { location: `${this.baseUrl}/downloads/artifact/${a.id}` }, body: "" };
    }
    return json(404, { message: "Not Found" });
  }

  #pullJson(p: Pull) {
    return {
      number: p.number,
      state: p.state,
      title: p.title,
      body: p.body,
      user: { login: p.user, type: "Bot" },
      head: { ref: p.head, sha: p.headSha, repo: { full_name: `${this.owner}/${this.repo}` } },
      base: { ref: p.base },
      merged_at: p.merged_at,
      labels: p.labels.map((name) => ({ name })),
      html_url: `https://github.com/${this.owner}/${this.repo}/pull/${p.number}`,
    };
  }

  #issueJson(i: Omit<Issue, "labels"> & { labels: string[] }) {
    return {
      number: i.number,
      state: i.state,
      state_reason: i.state_reason,
      title: i.title,
      body: i.body,
      user: { login: i.user, type: i.user.endsWith("[bot]") ? "Bot" : "User" },
      labels: i.labels.map((name) => ({ name })),
    };
  }

  #commentJson(c: Comment) {
    return { id: c.id, body: c.body, user: { login: c.user, type: "Bot" } };
  }

  #syncPulls(branch: string): void {
    for (const p of this.pulls)
      if (p.head === branch && p.state === "open") p.headSha = this.refs.get(branch)!;
  }

  /** A person merges a PR (fast-forwards the base branch to the PR's head). */
  merge(number: number): void {
    const p = this.pulls.find((x) => x.number === number)!;
    p.state = "closed";
    p.merged_at = "2026-11-24T00:00:00Z";
    this.refs.set(p.base, this.refs.get(p.head)!);
  }

  /** A real HTTP server around `handle` (the end-to-end test runs it behind Prism). */
  async listen(): Promise<{ url: string; server: Server }> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        let body: unknown = undefined;
        if (text) {
          try {
            body = JSON.parse(text);
          } catch {
            body = text;
          }
        }
        const out = this.handle(req.method ?? "GET", req.url ?? "/", body);
        const payload = Buffer.isBuffer(out.body)
          ? out.body
          : typeof out.body === "string"
            ? Buffer.from(out.body)
            : Buffer.from(JSON.stringify(out.body));
        res.writeHead(out.status, { ...out.headers, "content-length": String(payload.length) });
        res.end(payload);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return { url, server };
  }
}

function json(status: number, body: unknown): FakeResponse {
  return { status, headers: { "content-type": "application/json; charset=utf-8" }, body };
}

/** A zip archive with stored or deflated entries (what upload-artifact produces), for tests. */
export function makeZip(entries: Record<string, string | Buffer>, deflate = true): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content);
    const body = deflate ? deflateRawSync(data) : data;
    const crc = crc32(data);
    const nameBuf = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(deflate ? 8 : 0, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    locals.push(local, nameBuf, body);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(deflate ? 8 : 0, 10);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(body.length, 20);
    c.writeUInt32LE(data.length, 24);
    c.writeUInt16LE(nameBuf.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, nameBuf);
    offset += 30 + nameBuf.length + body.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/**
 * A gzipped tar as `git archive` writes it (what GitHub's tarball endpoint serves): a pax global header
 * with the commit id, a top directory, ustar entries, and pax `path` records for names over 100 bytes.
 */
export function makeTarGz(
  top: string,
  commit: string,
  files: { path: string; mode: string; data: Buffer }[],
): Buffer {
  const blocks: Buffer[] = [];
  const header = (name: string, size: number, type: string, mode: number) => {
    const h = Buffer.alloc(512);
    h.write(name.slice(0, 100), 0, "utf8");
    h.write(mode.toString(8).padStart(7, "0"), 100);
    h.write("0000000", 108);
    h.write("0000000", 116);
    h.write(size.toString(8).padStart(11, "0"), 124);
    h.write("00000000000", 136);
    h.write("        ", 148);
    h.write(type, 156);
    h.write("ustar\u000000", 257);
    let sum = 0;
    for (const b of h) sum += b;
    h.write(`${sum.toString(8).padStart(6, "0")}\u0000 `, 148);
    return h;
  };
  const pad = (b: Buffer) => Buffer.concat([b, Buffer.alloc((512 - (b.length % 512)) % 512)]);
  const pax = (key: string, value: string) => {
    const body = ` ${key}=${value}\n`;
    let len = body.length + 1;
    while (`${len}${body}`.length !== len) len = `${len}${body}`.length;
    return Buffer.from(`${len}${body}`);
  };
  const g = pax("comment", commit);
  blocks.push(header("pax_global_header", g.length, "g", 0o666), pad(g));
  blocks.push(header(`${top}/`, 0, "5", 0o775));
  for (const f of files) {
    const name = `${top}/${f.path}`;
    if (Buffer.byteLength(name) > 100) {
      const x = pax("path", name);
      blocks.push(header("PaxHeader", x.length, "x", 0o666), pad(x));
    }
    blocks.push(header(name, f.data.length, "0", f.mode === "100755" ? 0o775 : 0o664), pad(f.data));
  }
  blocks.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(blocks));
}
