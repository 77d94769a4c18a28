// The app's cost per fix pull request: a 2,000-file repository, 20 Terraform files with a public function
// URL, one check_run.completed with the Action's real hand-off; the app (real fix engine) against the local
// GitHub stand-in over HTTP. Prints the GitHub API calls it made and the time from delivery to PR.
import { generateKeyPairSync } from "node:crypto";
import { Probot, ProbotOctokit } from "probot";
import { createApp } from "../src/app/index.js";
import { DeliveryQueue } from "../src/app/queue.js";
import { enginePlanFixes } from "../src/app/deps.js";
import { scanIacFiles } from "../src/iac/index.js";
import { buildReport, defaultConfig, VERSION } from "../src/model/index.js";
import { checkRunText } from "../src/report/check-run.js";
import { FakeGitHub } from "../test/helpers/github-fake.js";

const FIXED = 20;
const TOTAL = 2_000;

function tf(i: number): string {
  return `resource "aws_lambda_function" "fn${i}" {
  function_name = "fn${i}"
  role          = "arn:aws:iam::111122223333:role/fn${i}"
  handler       = "index.handler"
  runtime       = "nodejs22.x"
  filename      = "fn${i}.zip"
}

resource "aws_lambda_function_url" "fn${i}" {
  function_name      = aws_lambda_function.fn${i}.function_name
  authorization_type = "NONE"
}
`;
}

/** 20 exposed services, 300 clean Terraform modules, and the rest of a repository (code, docs, config). */
function repository(): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < FIXED; i++) files[`services/svc${i}/infra/main.tf`] = tf(i);
  for (let i = 0; Object.keys(files).length < FIXED + 300; i++)
    files[`modules/m${i}/main.tf`] = `variable "name${i}" {\n  type = string\n}\n`;
  for (let i = 0; Object.keys(files).length < TOTAL - 1; i++) {
    const kind = i % 4;
    if (kind === 0)
      files[`src/pkg${i % 50}/file${i}.go`] = `package pkg\n\nfunc F${i}() int { return ${i} }\n`;
    else if (kind === 1) files[`docs/page${i}.md`] = `# Page ${i}\n\n${"text ".repeat(40)}\n`;
    else if (kind === 2) files[`web/src/component${i}.tsx`] = `export const C${i} = () => null;\n`;
    else files[`assets/data${i}.csv`] = `a,b\n${i},${i * 2}\n`;
  }
  files[".github/lambda-guard.yml"] = "failOn: high\n";
  return files;
}

export async function benchApp(): Promise<Record<string, string | number>> {
  const files = repository();
  const fake = new FakeGitHub({ files });
  const { url, server } = await fake.listen();
  fake.baseUrl = url;
  try {
    // The Action's hand-off, from the real IaC scan of the exposed files (what `mode: iac` reports).
    const sources = Object.entries(files)
      .filter(([p]) => p.startsWith("services/"))
      .map(([path, text]) => ({ path, text }));
    const scan = await scanIacFiles(sources, { config: defaultConfig() });
    const report = buildReport({
      version: VERSION,
      target: { kind: "iac", root: ".", repository: `${fake.owner}/${fake.repo}`, commit: fake.head() },
      coverage: [{ scope: "iac", status: "complete" }],
      findings: scan.findings.map((f) => f.finding),
      now: new Date(),
    });
    const text = checkRunText(report, { repository: `${fake.owner}/${fake.repo}`, commit: fake.head() }).text;

    const probot = new Probot({
      appId: 1,
      privateKey: generateKeyPairSync("rsa", {
        modulusLength: 2048,
        privateKeyEncoding: { type: "pkcs8", format: "pem" },
        publicKeyEncoding: { type: "spki", format: "pem" },
      }).privateKey,
      secret: "bench",
      baseUrl: url,
      logLevel: "fatal",
      // Octokit's write pacing (about one write a second, for GitHub's secondary rate limits) is left out
      // of the app's time and reported separately below.
      Octokit: ProbotOctokit.defaults((o: Record<string, unknown>) => ({
        ...o,
        retry: { enabled: false },
        throttle: { enabled: false },
      })),
    });
    // The work inline (as the Lambda handler runs it): the server's default queue answers the delivery first
    // and works after, which would time only the acknowledgement.
    await probot.load(
      createApp({
        planFixes: enginePlanFixes,
        botLogin: async () => "lambda-guard[bot]",
        queue: new DeliveryQueue({ background: false }),
      }),
    );

    const sha = fake.head();
    const payload = {
      action: "completed",
      check_run: {
        id: 1,
        name: "Lambda Guard",
        head_sha: sha,
        status: "completed",
        conclusion: "failure",
        details_url: null,
        html_url: `https://github.com/${fake.owner}/${fake.repo}/runs/1`,
        completed_at: new Date().toISOString(),
        output: { title: "", summary: "", text },
        app: { slug: "github-actions" },
        check_suite: { id: 1, head_branch: "main", head_sha: sha },
      },
      repository: {
        name: fake.repo,
        full_name: `${fake.owner}/${fake.repo}`,
        owner: { login: fake.owner },
        default_branch: "main",
      },
      installation: { id: 1 },
    };
    fake.calls = [];
    const t0 = performance.now();
    await probot.receive({ id: "bench", name: "check_run", payload } as never);
    const ms = performance.now() - t0;
    const calls = fake.apiCalls().filter((c) => !c.path.startsWith("/_codeload/"));
    const downloads = fake.apiCalls().length - calls.length;
    const pr = fake.pulls[0];
    if (!pr) throw new Error("no pull request was opened");
    const changed = Object.entries(fake.files(pr.head)).filter(([p, t]) => files[p] !== t).length;
    const writes = calls.filter((c) => c.method !== "GET").length;
    return {
      "repository files": TOTAL,
      "files changed in the fix PR": changed,
      "GitHub API calls (target ≤ 8)": calls.length,
      "  of which writes": writes,
      "archive downloads (the tarball redirect to codeload)": downloads,
      "calls in order": calls
        .map((c) => `${c.method} ${c.path.replace(/^\/repos\/[^/]+\/[^/]+/, "")}`)
        .join(", "),
      "app time, delivery to PR (target < 3 s)": `${(ms / 1000).toFixed(2)} s`,
      "Octokit's write pacing on top (≈1 s per write after the first)": `≈ ${Math.max(0, writes - 1)} s`,
    };
  } finally {
    await new Promise((r) => server.close(r));
  }
}
