import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readMarker } from "../../src/app/markers.js";
import { fingerprint } from "../../src/model/index.js";
import { FakeGitHub, makeZip } from "../helpers/github-fake.js";
import {
  TF_MAIN,
  checkRunEvent,
  fakeEngine,
  issueClosedEvent,
  newProbot,
  outputText,
  principalFinding,
  pullRequestClosedEvent,
  report,
  routeToFake,
  urlFinding,
} from "./helpers.js";

const TF_API = TF_MAIN.replace(/webhook/g, "api");
let fake: FakeGitHub;

beforeEach(() => {
  nock.disableNetConnect();
  fake = new FakeGitHub({
    files: { "infra/main.tf": TF_MAIN, "infra/api.tf": TF_API, "README.md": "# hi\n" },
  });
  routeToFake(fake);
});

afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

const webhook = () => urlFinding("webhook", "infra/main.tf", 7);
const api = () => urlFinding("api", "infra/api.tf", 7);

describe("pull requests", () => {
  it("keeps a file's UTF-8 byte order mark in the fix commit", async () => {
    nock.cleanAll();
    fake = new FakeGitHub({ files: { "infra/main.tf": `\uFEFF${TF_MAIN}`, "infra/api.tf": TF_API } });
    routeToFake(fake);
    const probot = await newProbot({ planFixes: fakeEngine() });
    await probot.receive(checkRunEvent(fake, { text: outputText(report([webhook(), api()])) }));
    const tree = fake.calls.find((c) => c.path.endsWith("/git/trees") && c.method === "POST")!.body as {
      tree: { path: string; content: string }[];
    };
    const byPath = Object.fromEntries(tree.tree.map((e) => [e.path, e.content]));
    expect(byPath["infra/main.tf"]).toBe(`\uFEFF${TF_MAIN.replace('"NONE"', '"AWS_IAM"')}`);
    expect(byPath["infra/api.tf"]!.startsWith("\uFEFF")).toBe(false);
  });

  it("happy path: one PR, one signed commit with every change, body with evidence and next steps", async () => {
    const probot = await newProbot({ planFixes: fakeEngine() });
    const r = report([webhook(), api()]);
    await probot.receive(checkRunEvent(fake, { text: outputText(r) }));

    expect(fake.pulls).toHaveLength(1);
    const pr = fake.pulls[0]!;
    expect(pr).toMatchObject({ head: "lambda-guard/lambda-guard", base: "main", state: "open" });
    const files = fake.files(pr.head);
    expect(files["infra/main.tf"]).toContain('authorization_type = "AWS_IAM"');
    expect(files["infra/api.tf"]).toContain('authorization_type = "AWS_IAM"');
    expect(fake.files("main")["infra/main.tf"]).toContain('"NONE"');
    const commit = fake.commits.get(fake.head(pr.head))!;
    expect(commit.parents).toEqual([fake.head("main")]);
    expect(commit.author).toBe("lambda-guard[bot]");
    // Git Data API: one tree on base_tree with the new contents inline, one commit without
    // author/committer, one ref.
    const writes = fake.writes().map((c) => `${c.method} ${c.path.replace(/^\/repos\/[^/]+\/[^/]+/, "")}`);
    expect(writes).toEqual(["POST /git/trees", "POST /git/commits", "POST /git/refs", "POST /pulls"]);
    const tree = fake.calls.find((c) => c.path.endsWith("/git/trees") && c.method === "POST")!.body as {
      base_tree: string;
      tree: { path: string; mode: string; content: string }[];
    };
    expect(tree.base_tree).toBe(fake.commits.get(fake.head("main"))!.tree);
    expect(tree.tree.map((e) => [e.path, e.mode])).toEqual([
      ["infra/api.tf", "100644"],
      ["infra/main.tf", "100644"],
    ]);
    expect(tree.tree[1]!.content).toBe(TF_MAIN.replace('"NONE"', '"AWS_IAM"'));
    const createCommit = fake.calls.find((c) => c.method === "POST" && c.path.endsWith("/git/commits"))!;
    expect(createCommit.body).not.toHaveProperty("author");
    expect(createCommit.body).not.toHaveProperty("committer");
    // The IaC was read in one archive download of main's head, no blob by blob.
    const reads = fake
      .apiCalls()
      .filter((c) => c.method === "GET")
      .map((c) => c.path.replace(/^\/repos\/[^/]+\/[^/]+/, ""));
    expect(reads.filter((p) => p.startsWith("/tarball/"))).toEqual([`/tarball/${fake.head("main")}`]);
    expect(reads.some((p) => p.includes("/git/blobs") || p.includes("/git/trees"))).toBe(false);

    expect(readMarker("pr", pr.body)?.fingerprints.sort()).toEqual(
      r.findings.map((f) => f.fingerprint).sort(),
    );
    expect(pr.body).toContain("## What lambda-guard found");
    expect(pr.body).toContain("`infra/main.tf:7`");
    expect(pr.body).toContain(
      "aws lambda remove-permission --function-name webhook --statement-id FunctionURLAllowPublicAccess",
    );
    expect(fake.issues).toHaveLength(0);
  });

  it("redelivery of the same delivery is a no-op; a changed report updates the same PR", async () => {
    const probot = await newProbot({ planFixes: fakeEngine() });
    const first = checkRunEvent(fake, { text: outputText(report([webhook()])) });
    await probot.receive(first);
    const head = fake.head("lambda-guard/lambda-guard");
    const writes = fake.writes().length;

    await probot.receive(first);
    expect(fake.writes()).toHaveLength(writes);
    expect(fake.head("lambda-guard/lambda-guard")).toBe(head);

    await probot.receive(checkRunEvent(fake, { text: outputText(report([webhook(), api()])) }));
    expect(fake.pulls).toHaveLength(1);
    expect(fake.head("lambda-guard/lambda-guard")).not.toBe(head);
    expect(fake.files("lambda-guard/lambda-guard")["infra/api.tf"]).toContain("AWS_IAM");
    expect(readMarker("pr", fake.pulls[0]!.body)?.fingerprints).toHaveLength(2);
    const patch = fake.calls.find((c) => c.method === "PATCH" && c.path.includes("/git/refs/"))!;
    expect(patch.body).toMatchObject({ force: true });
  });

  it("the same findings with a different patch (the base moved) update the open PR", async () => {
    const probot = await newProbot({ planFixes: fakeEngine() });
    await probot.receive(checkRunEvent(fake, { text: outputText(report([webhook()])) }));
    const digest = readMarker("pr", fake.pulls[0]!.body)!.digest;
    fake.humanCommit("main", { "infra/main.tf": `# owned by payments\n${TF_MAIN}` });
    await probot.receive(checkRunEvent(fake, { text: outputText(report([webhook()])) }));
    expect(fake.pulls).toHaveLength(1);
    expect(readMarker("pr", fake.pulls[0]!.body)!.digest).not.toBe(digest);
    expect(fake.files("lambda-guard/lambda-guard")["infra/main.tf"]).toMatch(/^# owned by payments\n/);
    expect(fake.files("lambda-guard/lambda-guard")["infra/main.tf"]).toContain("AWS_IAM");
  });

  it("the PR body keeps what the detector said: its message, evidence, fix and commands", async () => {
    const probot = await newProbot({ planFixes: fakeEngine() });
    const f = {
      ...webhook(),
      message: "var.public_url in infra/prod.tfvars:3 sets authorization_type NONE",
      remediation: { summary: "Set public_url = false in infra/prod.tfvars", commands: [] },
      evidence: { variable: "public_url", tfvars: "infra/prod.tfvars:3" },
    };
    await probot.receive(checkRunEvent(fake, { text: outputText(report([f])) }));
    const body = fake.pulls[0]!.body;
    expect(body).toContain("var.public\\_url in infra/prod.tfvars:3 sets authorization\\_type NONE");
    expect(body).toContain("Set public\\_url = false in infra/prod.tfvars");
    expect(body).toContain("`infra/prod.tfvars:3`");
  });

  it("two concurrent deliveries produce one PR (same process)", async () => {
    const probot = await newProbot({ planFixes: fakeEngine() });
    const text = outputText(report([webhook()]));
    await Promise.all([
      probot.receive(checkRunEvent(fake, { text })),
      probot.receive({ ...checkRunEvent(fake, { text }), id: "delivery-2" }),
    ]);
    expect(fake.pulls).toHaveLength(1);
    expect(fake.calls.filter((c) => c.method === "POST" && c.path.endsWith("/pulls"))).toHaveLength(1);
  });

  it("two concurrent deliveries produce one PR (two processes racing on the ref)", async () => {
    const a = await newProbot({ planFixes: fakeEngine() });
    const b = await newProbot({ planFixes: fakeEngine() });
    const text = outputText(report([webhook()]));
    await Promise.all([a.receive(checkRunEvent(fake, { text })), b.receive(checkRunEvent(fake, { text }))]);
    expect(fake.pulls).toHaveLength(1);
    expect(fake.openPulls()).toHaveLength(1);
  });

  it("a 422 'Reference already exists' makes it re-read and update the existing PR", async () => {
    const probot = await newProbot({ planFixes: fakeEngine() });
    await probot.receive(checkRunEvent(fake, { text: outputText(report([webhook()])) }));
    // Another process created the PR between our read and our write: hide it from the first list.
    let hidden = true;
    fake.intercept = (method, path) => {
      if (hidden && method === "GET" && path.endsWith("/pulls")) {
        hidden = false;
        return { status: 200, headers: { "content-type": "application/json; charset=utf-8" }, body: [] };
      }
      return undefined;
    };
    await probot.receive(checkRunEvent(fake, { text: outputText(report([webhook(), api()])) }));
    expect(fake.pulls).toHaveLength(1);
    expect(readMarker("pr", fake.pulls[0]!.body)?.fingerprints).toHaveLength(2);
    expect(fake.files("lambda-guard/lambda-guard")["infra/api.tf"]).toContain("AWS_IAM");
  });

  it("a PR closed unmerged is a dismissal: not recreated for the same findings", async () => {
    const probot = await newProbot({ planFixes: fakeEngine() });
    const event = checkRunEvent(fake, { text: outputText(report([webhook()])) });
    await probot.receive(event);
    fake.pulls[0]!.state = "closed";
    await probot.receive(pullRequestClosedEvent(fake, 1, { merged: false }));
    expect(fake.comments.at(-1)?.body).toContain("dismissal");

    const before = fake.writes().length;
    await probot.receive(event);
    expect(fake.writes()).toHaveLength(before);
    expect(fake.openPulls()).toHaveLength(0);

    // New findings are not dismissed: a new PR is opened.
    await probot.receive(checkRunEvent(fake, { text: outputText(report([webhook(), api()])) }));
    expect(fake.openPulls()).toHaveLength(1);
    expect(fake.pulls).toHaveLength(2);
  });

  it("leaves findings dismissed by a closed PR out of a later PR's patch and lists them in its body", async () => {
    const seen: string[][] = [];
    const engine = fakeEngine();
    const probot = await newProbot({
      planFixes: async (files, opts) => {
        seen.push((opts.report?.findings ?? []).map((f) => f.fingerprint));
        return engine(files, opts);
      },
    });
    await probot.receive(checkRunEvent(fake, { text: outputText(report([webhook()])) }));
    fake.pulls[0]!.state = "closed";
    await probot.receive(pullRequestClosedEvent(fake, 1, { merged: false }));

    const from = fake.calls.length;
    await probot.receive(checkRunEvent(fake, { text: outputText(report([webhook(), api()])) }));
    // The engine is given only the new finding.
    expect(seen).toEqual([[webhook().fingerprint], [api().fingerprint]]);
    const calls = fake.calls.slice(from).filter((c) => !c.path.endsWith("/access_tokens"));
    expect(calls.map((c) => `${c.method} ${c.path.replace(/^\/repos\/[^/]+\/[^/]+/, "")}`)).toEqual([
      "GET /contents/.github/lambda-guard.yml",
      "GET /contents/.github/lambda-guard.yml",
      `GET /compare/main...${fake.head()}`,
      "GET /issues", // the one list: the app's PRs (open one, dismissals) and its issues
      `GET /tarball/${fake.head()}`,
      expect.stringMatching(/^GET \/_codeload\//), // the redirect to the archive
      "POST /git/trees",
      "POST /git/commits",
      "POST /git/refs", // 422: the dismissed PR's branch is still there
      "GET /issues",
      "GET /compare/main...lambda-guard/lambda-guard",
      "PATCH /git/refs/heads/lambda-guard/lambda-guard",
      "POST /pulls",
    ]);
    expect(calls.find((c) => c.method === "GET" && c.path.endsWith("/issues"))!.query).toMatchObject({
      creator: "lambda-guard[bot]",
      state: "all",
      per_page: "100",
      page: "1",
    });
    // The commit changes infra/api.tf only, on top of main.
    const tree = calls.find((c) => c.method === "POST" && c.path.endsWith("/git/trees"))!.body as {
      tree: { path: string; content: string }[];
    };
    expect(tree.tree.map((e) => e.path)).toEqual(["infra/api.tf"]);
    expect(tree.tree[0]!.content).toBe(TF_API.replace('"NONE"', '"AWS_IAM"'));
    expect(fake.pulls).toHaveLength(2);
    const pr = fake.pulls[1]!;
    expect(pr.state).toBe("open");
    const files = fake.files(pr.head);
    expect(files["infra/api.tf"]).toContain('authorization_type = "AWS_IAM"');
    expect(files["infra/main.tf"]).toBe(TF_MAIN);
    expect(fake.commits.get(pr.headSha)!.parents).toEqual([fake.head("main")]);

    const created = calls.find((c) => c.method === "POST" && c.path.endsWith("/pulls"))!.body as {
      title: string;
      body: string;
    };
    expect(created.title).toBe("lambda-guard: fix 1 Lambda exposure finding");
    expect(readMarker("pr", created.body)?.fingerprints).toEqual([api().fingerprint]);
    const [fixedPart, dismissedPart] = created.body.split("## Dismissed earlier (not changed here)");
    expect(fixedPart).toContain("`aws_lambda_function_url.api`");
    expect(fixedPart).not.toContain("url.webhook");
    expect(dismissedPart).toContain("- LG001 `aws_lambda_function_url.webhook` (critical): dismissed in #1");
    expect(fake.issues).toHaveLength(0);

    // Only the dismissed finding left: no engine run, no write.
    const writes = fake.writes().length;
    pr.state = "closed";
    fake.merge(2);
    await probot.receive(checkRunEvent(fake, { text: outputText(report([webhook()])) }));
    expect(seen).toHaveLength(2);
    expect(fake.writes()).toHaveLength(writes);
    expect(fake.openPulls()).toHaveLength(0);
  });

  it("never force-pushes a branch a person committed to: comments once instead", async () => {
    const probot = await newProbot({ planFixes: fakeEngine() });
    await probot.receive(checkRunEvent(fake, { text: outputText(report([webhook()])) }));
    const human = fake.humanCommit("lambda-guard/lambda-guard", { "infra/main.tf": "# my own fix\n" });

    const update = checkRunEvent(fake, { text: outputText(report([webhook(), api()])) });
    await probot.receive(update);
    await probot.receive(update);
    expect(fake.head("lambda-guard/lambda-guard")).toBe(human);
    expect(fake.calls.filter((c) => c.method === "PATCH" && c.path.includes("/git/refs/"))).toHaveLength(0);
    const comments = fake.comments.filter((c) => c.issue === 1);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain("octocat");
    expect(comments[0]!.body).toContain("will not overwrite");
  });

  it("adds configured labels and reviewers", async () => {
    fake.config =
      "pullRequests:\n  labels: [security]\n  reviewers: [octocat, acme/platform]\nissues:\n  labels: [security]\n";
    const probot = await newProbot({ planFixes: fakeEngine() });
    await probot.receive(checkRunEvent(fake, { text: outputText(report([webhook()])) }));
    expect(fake.pulls[0]!.labels).toEqual(["security"]);
    const rr = fake.calls.find((c) => c.path.endsWith("/requested_reviewers"))!;
    expect(rr.body).toEqual({ reviewers: ["octocat"], team_reviewers: ["platform"] });
  });

  it("deletes the branch of a merged PR when only the app committed to it", async () => {
    const probot = await newProbot({ planFixes: fakeEngine() });
    await probot.receive(checkRunEvent(fake, { text: outputText(report([webhook()])) }));
    fake.merge(1);
    await probot.receive(pullRequestClosedEvent(fake, 1, { merged: true }));
    expect(fake.refs.has("lambda-guard/lambda-guard")).toBe(false);
  });
});

describe("tracking issue", () => {
  const outside = () => principalFinding("ci-deployer");
  const unlocated = () => urlFinding("legacy");

  it("collects findings with no IaC location and LG004 principals outside the repo, updated in place", async () => {
    fake.config = "issues:\n  labels: [security, lambda]\n";
    const probot = await newProbot({ planFixes: fakeEngine() });
    const event = checkRunEvent(fake, { text: outputText(report([outside(), unlocated()])) });
    await probot.receive(event);
    expect(fake.pulls).toHaveLength(0);
    expect(fake.issues).toHaveLength(1);
    const issue = fake.issues[0]!;
    expect(issue.labels).toEqual(["security", "lambda"]);
    expect(issue.body).toContain("Principals defined outside this repository");
    expect(issue.body).toContain("arn:aws:iam::111122223333:role/ci-deployer");
    expect(issue.body).toContain("Findings with no location");

    const writes = fake.writes().length;
    await probot.receive(event);
    expect(fake.writes()).toHaveLength(writes);

    await probot.receive(checkRunEvent(fake, { text: outputText(report([outside()])) }));
    expect(fake.issues).toHaveLength(1);
    expect(fake.issues[0]!.body).not.toContain("Findings with no location");
  });

  it("lists intended exposure past its expiry date (allow entry in the repo config)", async () => {
    fake.config = [
      "allow:",
      "  - rule: LG001",
      "    resource: arn:aws:lambda:us-east-1:111122223333:function:webhook",
      "    reason: Stripe signs every request",
      "    expires: 2026-01-31",
    ].join("\n");
    const engineCalls: unknown[] = [];
    const probot = await newProbot({
      planFixes: fakeEngine(engineCalls as never),
      now: () => new Date("2026-11-23T00:00:00Z"),
    });
    await probot.receive(checkRunEvent(fake, { text: outputText(report([webhook()])) }));
    expect(fake.pulls).toHaveLength(0);
    expect(engineCalls).toHaveLength(0);
    expect(fake.issues[0]!.body).toContain("Intended exposure past its expiry date");
    expect(fake.issues[0]!.body).toContain("2026-01-31");
  });

  it("an issue closed by a person is not reopened for the same findings, and never duplicated", async () => {
    const probot = await newProbot({ planFixes: fakeEngine() });
    const event = checkRunEvent(fake, { text: outputText(report([outside()])) });
    await probot.receive(event);
    Object.assign(fake.issues[0]!, { state: "closed", state_reason: "not_planned" });
    await probot.receive(issueClosedEvent(fake, 1));
    expect(fake.comments.at(-1)?.body).toContain("will not reopen");
    await probot.receive(event);
    expect(fake.issues[0]!.state).toBe("closed");

    await probot.receive(
      checkRunEvent(fake, { text: outputText(report([outside(), principalFinding("other")])) }),
    );
    expect(fake.issues).toHaveLength(1);
    expect(fake.issues[0]!.state).toBe("open");
    expect(fake.issues[0]!.body).toContain("role/other");
  });
});

describe("fix engine errors", () => {
  it("an engine that throws opens no PR, lists its findings in the issue with the reason, and resolves", async () => {
    let broken = true;
    const engine = fakeEngine();
    const probot = await newProbot({
      planFixes: async (files, opts) => {
        if (broken) throw new SyntaxError("Unexpected token } in infra/main.tf\n    at parse (hcl.js:1:1)");
        return engine(files, opts);
      },
    });
    const event = checkRunEvent(fake, { text: outputText(report([webhook(), api()])) });
    await expect(probot.receive(event)).resolves.toBeUndefined();

    const calls = fake.apiCalls().map((c) => `${c.method} ${c.path.replace(/^\/repos\/[^/]+\/[^/]+/, "")}`);
    expect(calls).toEqual([
      "GET /contents/.github/lambda-guard.yml",
      "GET /contents/.github/lambda-guard.yml",
      `GET /compare/main...${fake.head()}`,
      "GET /app", // the bot login, once per process
      "GET /issues",
      `GET /tarball/${fake.head()}`,
      expect.stringMatching(/^GET \/_codeload\//),
      "POST /issues",
    ]);
    expect(fake.pulls).toHaveLength(0);
    expect(fake.refs.has("lambda-guard/lambda-guard")).toBe(false);
    const created = fake.apiCalls().at(-1)!.body as { title: string; body: string };
    expect(created.title).toBe("lambda-guard: findings that need action outside the code");
    expect(readMarker("issue", created.body)?.fingerprints.sort()).toEqual(
      [webhook().fingerprint, api().fingerprint].sort(),
    );
    expect(created.body).toContain("## Findings the fix engine could not patch");
    const reason =
      "the fix engine could not patch the code: SyntaxError: Unexpected token } in infra/main.tf at parse (hcl.js:1:1)";
    expect(created.body.split(reason)).toHaveLength(3); // once per finding
    expect(created.body).toContain("`aws_lambda_function_url.webhook`");
    expect(created.body).toContain("`aws_lambda_function_url.api`");
    expect(fake.issues).toHaveLength(1);

    // A redelivery changes nothing; once the engine works, the PR opens and the issue closes.
    const writes = fake.writes().length;
    await probot.receive(event);
    expect(fake.writes()).toHaveLength(writes);
    broken = false;
    await probot.receive(event);
    expect(fake.openPulls()).toHaveLength(1);
    expect(readMarker("pr", fake.pulls[0]!.body)?.fingerprints).toHaveLength(2);
    expect(fake.issues[0]).toMatchObject({ state: "closed", state_reason: "completed" });
  });

  it("an engine failure updates an existing tracking issue in place", async () => {
    const probot = await newProbot({
      planFixes: async () => {
        throw "x".repeat(500);
      },
    });
    await probot.receive(checkRunEvent(fake, { text: outputText(report([principalFinding("ci")])) }));
    expect(fake.issues).toHaveLength(1);
    const from = fake.calls.length;
    await probot.receive(
      checkRunEvent(fake, { text: outputText(report([principalFinding("ci"), webhook()])) }),
    );
    const writes = fake.calls
      .slice(from)
      .filter((c) => c.method !== "GET" && !c.path.endsWith("/access_tokens"));
    expect(writes.map((c) => `${c.method} ${c.path.replace(/^\/repos\/[^/]+\/[^/]+/, "")}`)).toEqual([
      "PATCH /issues/1",
    ]);
    const body = (writes[0]!.body as { body: string }).body;
    expect(readMarker("issue", body)?.fingerprints).toHaveLength(2);
    expect(body).toContain(`the fix engine could not patch the code: ${"x".repeat(199)}…`);
    expect(body).not.toContain("x".repeat(200));
    expect(fake.pulls).toHaveLength(0);
  });
});

describe("resolution", () => {
  it("closes PRs and issues only after a complete, error-free scan no longer reports them", async () => {
    const probot = await newProbot({ planFixes: fakeEngine() });
    await probot.receive(
      checkRunEvent(fake, { text: outputText(report([webhook(), principalFinding("ci")])) }),
    );
    expect(fake.openPulls()).toHaveLength(1);
    expect(fake.issues[0]!.state).toBe("open");

    await probot.receive(checkRunEvent(fake, { text: outputText(report([], { complete: false })) }));
    expect(fake.openPulls()).toHaveLength(1);
    expect(fake.issues[0]!.state).toBe("open");

    await probot.receive(checkRunEvent(fake, { text: outputText(report([])) }));
    expect(fake.openPulls()).toHaveLength(0);
    expect(fake.pulls[0]!.state).toBe("closed");
    expect(readMarker("pr", fake.pulls[0]!.body)?.resolved).toBe(true);
    expect(fake.refs.has("lambda-guard/lambda-guard")).toBe(false);
    expect(fake.issues[0]).toMatchObject({ state: "closed", state_reason: "completed" });
    expect(fake.comments.filter((c) => c.body.includes("no longer reports"))).toHaveLength(2);

    // A finding that comes back after resolution gets a PR again (resolved ≠ dismissed).
    await probot.receive(checkRunEvent(fake, { text: outputText(report([webhook()])) }));
    expect(fake.openPulls()).toHaveLength(1);
  });

  it("keeps the branch when closing a resolved PR someone committed to", async () => {
    const probot = await newProbot({ planFixes: fakeEngine() });
    await probot.receive(checkRunEvent(fake, { text: outputText(report([webhook()])) }));
    fake.humanCommit("lambda-guard/lambda-guard", { "notes.md": "wip\n" });
    await probot.receive(checkRunEvent(fake, { text: outputText(report([])) }));
    expect(fake.pulls[0]!.state).toBe("closed");
    expect(fake.refs.has("lambda-guard/lambda-guard")).toBe(true);
  });
});

describe("trust", () => {
  it("ignores check runs from other apps, names outside a configured list and unfinished runs with zero API calls", async () => {
    const probot = await newProbot({ planFixes: fakeEngine(), checkNames: ["lambda guard*"] });
    const text = outputText(report([webhook()]));
    await probot.receive(checkRunEvent(fake, { text, slug: "octocoders-linter" }));
    await probot.receive(checkRunEvent(fake, { text, name: "build" }));
    await probot.receive(checkRunEvent(fake, { text, status: "in_progress", action: "created" }));
    await probot.receive(checkRunEvent(fake, { text: "no marker here" }));
    expect(fake.calls).toEqual([]);
  });

  it("at the defaults, acts on any check run with the marker: a matrix name like 'Lambda Guard (prod)'", async () => {
    const probot = await newProbot({ planFixes: fakeEngine() });
    await probot.receive(
      checkRunEvent(fake, { text: outputText(report([webhook()])), name: "Lambda Guard (prod)" }),
    );
    expect(fake.pulls).toHaveLength(1);
    expect(fake.pulls[0]!).toMatchObject({ head: "lambda-guard/lambda-guard-prod" });
    expect(fake.pulls[0]!.title).toContain("(Lambda Guard (prod))");
  });

  it("rejects path traversal, absolute paths, unknown rules and wrong schemas before any API call", async () => {
    const probot = await newProbot({ planFixes: fakeEngine() });
    const good = outputText(report([webhook()]));
    const variants = [
      good.replace('"path":"infra/main.tf"', '"path":"../../etc/passwd"'),
      good.replace('"path":"infra/main.tf"', '"path":"/etc/passwd"'),
      good.replace('"path":"infra/main.tf"', '"path":"infra/../../x.tf"'),
      good.replace('"rule":"LG001"', '"rule":"LG999"'),
      good.replace('"truncated":false', '"truncated":"no"'),
      good.replace('"findings":[', '"findings":{"x":['),
      `<!-- lambda-guard:report@1 ${"x".repeat(70_000)} -->`,
    ];
    for (const text of variants) await probot.receive(checkRunEvent(fake, { text }));
    expect(fake.calls).toEqual([]);
    expect(fake.pulls).toHaveLength(0);
  });

  it("rejects a report for another repository or commit", async () => {
    const probot = await newProbot({ planFixes: fakeEngine() });
    const r = report([webhook()]);
    await probot.receive(checkRunEvent(fake, { text: outputText(r, { repository: "evil/other" }) }));
    await probot.receive(checkRunEvent(fake, { text: outputText(r, { commit: "0".repeat(40) }) }));
    expect(fake.calls).toEqual([]);
  });

  it("acts only for the default branch or configured branches, and only for commits on them", async () => {
    const probot = await newProbot({ planFixes: fakeEngine() });
    const text = outputText(report([webhook()]));
    await probot.receive(checkRunEvent(fake, { text, headBranch: "feature" }));
    await probot.receive(checkRunEvent(fake, { text, headBranch: null }));
    // A commit that is not on main, claiming to be.
    fake.refs.set("side", fake.head());
    const side = fake.humanCommit("side", { "x.tf": "" });
    await probot.receive(checkRunEvent(fake, { text, headSha: side }));
    expect(fake.writes()).toEqual([]);

    fake.config = "branches: [release]\n";
    fake.refs.set("release", side);
    await probot.receive(checkRunEvent(fake, { text, headBranch: "release", headSha: side }));
    expect(fake.pulls).toHaveLength(1);
    expect(fake.pulls[0]!.base).toBe("main");
  });

  it("an invalid repository config: no PR, and the tracking issue says what is wrong (once)", async () => {
    fake.config = "pullRequests: yes please\n";
    const probot = await newProbot({ planFixes: fakeEngine() });
    await probot.receive(checkRunEvent(fake, { text: outputText(report([webhook()])) }));
    expect(fake.pulls).toHaveLength(0);
    expect(fake.refs.has("lambda-guard/lambda-guard")).toBe(false);
    expect(fake.issues).toHaveLength(1);
    expect(fake.issues[0]!.body).toContain(".github/lambda-guard.yml is invalid");
    expect(fake.issues[0]!.body).toContain("pullRequests");
    // A redelivery does not repeat it; a second problem is a comment on the same issue.
    await probot.receive(checkRunEvent(fake, { text: outputText(report([webhook()])) }));
    expect(fake.issues).toHaveLength(1);
    expect(fake.comments).toHaveLength(0);
    fake.config = "failOn: sometimes\n";
    await probot.receive(checkRunEvent(fake, { text: outputText(report([webhook()])) }));
    expect(fake.comments).toHaveLength(1);
    expect(fake.comments[0]!.body).toContain("failOn");
    // Fixed: the next report is acted on and the issue is updated in place with the findings.
    fake.config = null;
    await probot.receive(checkRunEvent(fake, { text: outputText(report([webhook()])) }));
    expect(fake.pulls).toHaveLength(1);
  });

  it("a delivery that keeps failing after the acknowledgement is retried, then reported in the tracking issue", async () => {
    let compares = 0;
    fake.intercept = (method, path) =>
      method === "GET" && path.includes("/compare/") && ++compares <= 3
        ? { status: 502, headers: {}, body: { message: "Server Error" } }
        : undefined;
    const probot = await newProbot({ planFixes: fakeEngine() });
    await probot.receive(checkRunEvent(fake, { text: outputText(report([webhook()])) }));
    expect(compares).toBe(3); // three attempts
    expect(fake.pulls).toHaveLength(0);
    expect(fake.issues).toHaveLength(1);
    expect(fake.issues[0]!.body).toContain("could not finish acting on this report (3 attempts)");
    // The next delivery succeeds and takes over the same issue.
    await probot.receive(checkRunEvent(fake, { text: outputText(report([webhook()])) }));
    expect(fake.pulls).toHaveLength(1);
    expect(fake.issues).toHaveLength(1);
  });

  it("drops engine changes to files it was not given", async () => {
    const probot = await newProbot({
      planFixes: async (files, opts) => ({
        changes: [{ path: ".github/workflows/x.yml", before: "", after: "evil", diff: "" }],
        fixed: opts.report!.findings.map((finding) => ({ finding, notes: [] })),
        unfixed: [],
      }),
    });
    await probot.receive(checkRunEvent(fake, { text: outputText(report([webhook()])) }));
    expect(fake.calls.filter((c) => c.method === "POST" && c.path.includes("/git/"))).toEqual([]);
    expect(fake.pulls).toHaveLength(0);
    expect(fake.issues[0]!.body).toContain("no change could be made safely");
  });
});

describe("truncated hand-off: the report artifact", () => {
  const many = () =>
    Array.from({ length: 400 }, (_, i) => ({
      ...urlFinding(`fn${i}`),
      fingerprint: fingerprint("LG001", `arn:aws:lambda:us-east-1:111122223333:function:fn${i}`),
    }));

  it("downloads lambda-guard-report from the workflow run and acts on the full report", async () => {
    const full = report([webhook(), ...many()]);
    const text = outputText(full, { maxLength: 4_000 });
    expect(text).toContain('"truncated":true');
    fake.addRun(77, fake.head(), {
      name: "lambda-guard-report",
      zip: makeZip({ "report.json": JSON.stringify(full) }),
    });
    const probot = await newProbot({ planFixes: fakeEngine() });
    await probot.receive(
      checkRunEvent(fake, {
        text,
        detailsUrl: `https://github.com/Codertocat/Hello-World/actions/runs/77/job/1`,
      }),
    );
    expect(fake.pulls).toHaveLength(1);
    expect(fake.issues[0]!.body).toContain("fn150"); // only in the artifact
  });

  it("without details_url: finds the run of the check suite (GET /actions/runs?check_suite_id=)", async () => {
    const full = report([webhook(), ...many()]);
    // Another workflow's run on the same commit, newer: must not be picked.
    fake.addRun(79, fake.head(), { name: "lambda-guard-report", zip: makeZip({ "report.json": "{}" }) });
    fake.addRun(
      78,
      fake.head(),
      {
        name: "lambda-guard-report",
        zip: makeZip({ "lambda-guard-report.json": JSON.stringify(full) }, false),
      },
      { checkSuiteId: 5555 },
    );
    const probot = await newProbot({ planFixes: fakeEngine() });
    await probot.receive(
      checkRunEvent(fake, {
        text: outputText(full, { maxLength: 4_000 }),
        detailsUrl: null,
        checkSuiteId: 5555,
      }),
    );
    expect(fake.pulls).toHaveLength(1);
    expect(fake.apiCalls().find((c) => c.path.endsWith("/actions/runs"))?.query).toMatchObject({
      check_suite_id: "5555",
    });
    expect(fake.apiCalls().some((c) => c.path.includes("/runs/79/"))).toBe(false);
  });

  it("without details_url or a suite run: uses the run id the Action wrote in the marker", async () => {
    const full = report([webhook(), ...many()]);
    fake.addRun(80, fake.head(), {
      name: "lambda-guard-report",
      zip: makeZip({ "report.json": JSON.stringify(full) }),
    });
    const probot = await newProbot({ planFixes: fakeEngine() });
    const text = outputText(full, { maxLength: 4_000, run: { id: 80 } });
    await probot.receive(checkRunEvent(fake, { text, detailsUrl: null, checkSuiteId: 1 }));
    expect(fake.pulls).toHaveLength(1);
    expect(fake.apiCalls().some((c) => c.path.endsWith("/actions/runs/80"))).toBe(true);
  });

  it("refuses to guess: no run id, no suite run, no details_url → no artifact, nothing written", async () => {
    const full = report([webhook(), ...many()]);
    fake.addRun(81, fake.head(), {
      name: "lambda-guard-report",
      zip: makeZip({ "report.json": JSON.stringify(full) }),
    });
    const probot = await newProbot({ planFixes: fakeEngine() });
    await probot.receive(
      checkRunEvent(fake, {
        text: outputText(full, { maxLength: 4_000 }),
        detailsUrl: null,
        checkSuiteId: 2,
      }),
    );
    expect(fake.writes()).toEqual([]);
    expect(fake.apiCalls().some((c) => c.path.includes("/artifacts"))).toBe(false);
  });

  it("rejects an artifact report with a path traversal, an unknown rule or the wrong schema", async () => {
    const full = report([webhook(), ...many()]);
    const text = outputText(full, { maxLength: 4_000 });
    const bad = [
      JSON.stringify(full).replace('"path":"infra/main.tf"', '"path":"../secrets.tf"'),
      JSON.stringify(full).replace('"rule":"LG001"', '"rule":"LG042"'),
      JSON.stringify({ ...full, schema: "lambda-guard/report@2" }),
      JSON.stringify({ ...full, target: { ...full.target, repository: "evil/other" } }),
    ];
    const probot = await newProbot({ planFixes: fakeEngine() });
    for (const [i, json] of bad.entries()) {
      fake.addRun(100 + i, fake.head(), {
        name: "lambda-guard-report",
        zip: makeZip({ "report.json": json }),
      });
      await probot.receive(
        checkRunEvent(fake, { text, detailsUrl: `https://github.com/x/y/actions/runs/${100 + i}` }),
      );
    }
    expect(fake.writes()).toEqual([]);
  });
});
