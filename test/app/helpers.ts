import { generateKeyPairSync } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import nock from "nock";
import { Probot, ProbotOctokit } from "probot";
import { createApp, type AppDeps } from "../../src/app/index.js";
import { DeliveryQueue } from "../../src/app/queue.js";
import type { FixPlan, SourceFile } from "../../src/iac/types.js";
import { buildReport, fingerprint, type Coverage, type Finding, type Report } from "../../src/model/index.js";
import { checkRunText } from "../../src/report/check-run.js";
import { DEFAULT_CHECK_NAME } from "../../src/report/handoff.js";
import type { FakeGitHub } from "../helpers/github-fake.js";

export const privateKey = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  privateKeyEncoding: { type: "pkcs8", format: "pem" },
  publicKeyEncoding: { type: "spki", format: "pem" },
}).privateKey;

export type WebhookEvent = Parameters<Probot["receive"]>[0];

/**
 * Retries and throttling off. The object form `defaults({ throttle: { enabled: false } })` does not
 * survive Probot's own defaults (its throttle options replace the object shallowly, and the write
 * limiter then spaces POSTs a second apart), so the options are forced in the function form.
 */
export const TestOctokit = ProbotOctokit.defaults((options: Record<string, unknown>) => ({
  ...options,
  retry: { enabled: false },
  throttle: { enabled: false },
}));

/** A new Probot per test, retries and throttling off, with the app loaded. */
export async function newProbot(
  deps: Partial<AppDeps> & { queue?: DeliveryQueue } = {},
  baseUrl?: string,
): Promise<Probot> {
  const probot = new Probot({
    appId: 123,
    privateKey,
    secret: "test-secret",
    Octokit: TestOctokit,
    logLevel: (process.env.LOG_LEVEL as "fatal" | undefined) ?? "fatal",
    ...(baseUrl ? { baseUrl } : {}),
  });
  // Inline: `await probot.receive()` returns once the delivery's work is done; retries without waiting.
  await probot.load(
    createApp({ queue: new DeliveryQueue({ background: false, sleep: async () => {} }), ...deps }),
  );
  return probot;
}

/** Routes every request to api.github.com into the stateful fake through nock. */
export function routeToFake(fake: FakeGitHub): void {
  for (const method of ["GET", "POST", "PATCH", "PUT", "DELETE"] as const) {
    nock("https://api.github.com")
      .persist()
      .intercept(/.*/, method)
      .reply(function (uri, body) {
        let parsed: unknown = body;
        if (typeof body === "string" && body) {
          try {
            parsed = JSON.parse(body);
          } catch {
            parsed = body;
          }
        }
        const out = fake.handle(method, uri, parsed === "" ? undefined : parsed);
        return [out.status, out.body as nock.Body, out.headers];
      });
  }
}

const require = createRequire(import.meta.url);
const examples = JSON.parse(
  readFileSync(require.resolve("@octokit/webhooks-examples/api.github.com/index.json"), "utf8"),
) as { name: string; examples: Record<string, unknown>[] }[];

/** A webhook example payload from @octokit/webhooks-examples (deep copy). */
export function example(
  name: string,
  action: string,
  pick: (p: Record<string, unknown>) => boolean = () => true,
) {
  const e = examples.find((x) => x.name === name)?.examples.find((p) => p.action === action && pick(p));
  if (!e) throw new Error(`no example ${name}.${action}`);
  return structuredClone(e) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function repositoryFor(fake: FakeGitHub, base: Record<string, any>): Record<string, unknown> {
  return {
    ...base,
    name: fake.repo,
    full_name: `${fake.owner}/${fake.repo}`,
    owner: { ...base.owner, login: fake.owner },
    default_branch: fake.defaultBranch,
  };
}

export interface CheckRunOpts {
  text?: string | null;
  name?: string;
  slug?: string;
  status?: string;
  headBranch?: string | null;
  headSha?: string;
  action?: "created" | "completed";
  /** null: no details_url at all (GitHub may drop it for check runs created with the workflow token). */
  detailsUrl?: string | null;
  checkSuiteId?: number;
}

/** `check_run.completed` (webhooks-examples) as the lambda-guard Action's check run would look. */
export function checkRunEvent(fake: FakeGitHub, o: CheckRunOpts = {}) {
  const p = example("check_run", o.action ?? "completed");
  const sha = o.headSha ?? fake.head();
  p.action = o.action ?? "completed";
  p.check_run.name = o.name ?? DEFAULT_CHECK_NAME;
  p.check_run.status = o.status ?? "completed";
  p.check_run.conclusion = "failure";
  p.check_run.head_sha = sha;
  p.check_run.app.slug = o.slug ?? "github-actions";
  p.check_run.output = {
    ...p.check_run.output,
    title: "lambda-guard",
    summary: "findings",
    text: o.text ?? null,
  };
  p.check_run.check_suite.head_branch = o.headBranch === undefined ? fake.defaultBranch : o.headBranch;
  p.check_run.check_suite.head_sha = sha;
  p.check_run.completed_at = "2026-11-23T10:00:00Z";
  p.check_run.details_url =
    o.detailsUrl === undefined ? `https://github.com/${fake.owner}/${fake.repo}/runs/1` : o.detailsUrl;
  if (o.checkSuiteId !== undefined) p.check_run.check_suite.id = o.checkSuiteId;
  p.repository = repositoryFor(fake, p.repository);
  p.installation = { id: 42, node_id: "x" };
  return { id: "delivery-1", name: "check_run", payload: p } as unknown as WebhookEvent;
}

export function pullRequestClosedEvent(
  fake: FakeGitHub,
  number: number,
  opts: { merged: boolean; sender?: string },
) {
  const p = example("pull_request", "closed");
  const pr = fake.pulls.find((x) => x.number === number)!;
  p.number = number;
  p.pull_request = {
    ...p.pull_request,
    number,
    state: "closed",
    merged: opts.merged,
    merged_at: opts.merged ? "2026-11-24T00:00:00Z" : null,
    body: pr.body,
    user: { ...p.pull_request.user, login: pr.user, type: "Bot" },
    head: {
      ...p.pull_request.head,
      ref: pr.head,
      sha: pr.headSha,
      repo: { ...p.pull_request.head.repo, full_name: `${fake.owner}/${fake.repo}` },
    },
    base: { ...p.pull_request.base, ref: pr.base },
  };
  p.repository = repositoryFor(fake, p.repository);
  p.sender = { ...p.sender, login: opts.sender ?? "octocat", type: "User" };
  p.installation = { id: 42, node_id: "x" };
  return { id: "delivery-pr", name: "pull_request", payload: p } as unknown as WebhookEvent;
}

export function issueClosedEvent(
  fake: FakeGitHub,
  number: number,
  opts: { sender?: string; reason?: string } = {},
) {
  const p = example("issues", "opened");
  const issue = fake.issues.find((x) => x.number === number)!;
  p.action = "closed";
  p.issue = {
    ...p.issue,
    number,
    state: "closed",
    state_reason: opts.reason ?? "not_planned",
    body: issue.body,
    user: { ...p.issue.user, login: issue.user, type: "Bot" },
  };
  p.repository = repositoryFor(fake, p.repository);
  p.sender = { ...p.sender, login: opts.sender ?? "octocat", type: "User" };
  p.installation = { id: 42, node_id: "x" };
  return { id: "delivery-issue", name: "issues", payload: p } as unknown as WebhookEvent;
}

// ---- findings and reports ---------------------------------------------------------------------------

export const ACCOUNT = "111122223333";

export function urlFinding(name: string, path?: string, line = 5): Finding {
  const arn = `arn:aws:lambda:us-east-1:${ACCOUNT}:function:${name}`;
  return {
    fingerprint: fingerprint("LG001", arn, null),
    rule: "LG001",
    severity: "critical",
    title: "Function URL is public",
    message: "AuthType NONE and a public policy",
    resource: {
      kind: "function-url",
      arn,
      region: "us-east-1",
      functionName: name,
      qualifier: null,
      ...(path ? { iac: { address: `aws_lambda_function_url.${name}` } } : {}),
    },
    ...(path ? { location: { path, startLine: line, endLine: line } } : {}),
    evidence: { authType: "NONE", statements: ["FunctionURLAllowPublicAccess"] },
    remediation: {
      summary: "Set AWS_IAM",
      commands: [
        `aws lambda remove-permission --function-name ${name} --statement-id FunctionURLAllowPublicAccess`,
      ],
    },
  };
}

export function principalFinding(role: string): Finding {
  const arn = `arn:aws:iam::${ACCOUNT}:role/${role}`;
  return {
    fingerprint: fingerprint("LG004", arn),
    rule: "LG004",
    severity: "medium",
    title: "GetFunction caller is not allowed lambda:ListTags",
    message: "…",
    resource: { kind: "principal", arn },
    evidence: { calls: 12 },
    remediation: { summary: "Grant lambda:ListTags" },
  };
}

export function report(
  findings: Finding[],
  opts: { complete?: boolean; repository?: string; commit?: string } = {},
): Report {
  const coverage: Coverage[] =
    opts.complete === false
      ? [{ scope: "eu-west-1/lambda", status: "failed", detail: "AccessDeniedException" }]
      : [{ scope: "us-east-1/lambda", status: "complete" }];
  return buildReport({
    version: "0.1.0",
    target: {
      kind: "aws-account",
      accountId: ACCOUNT,
      partition: "aws",
      regions: ["us-east-1"],
      ...(opts.repository ? { repository: opts.repository } : {}),
      ...(opts.commit ? { commit: opts.commit } : {}),
    },
    coverage,
    findings,
    now: new Date("2026-11-23T10:00:00Z"),
  });
}

/** The check run `output.text` the Action writes for `r` (the real renderer). */
export function outputText(
  r: Report,
  opts: { maxLength?: number; repository?: string; commit?: string; run?: { id: number } } = {},
): string {
  return checkRunText(r, opts).text;
}

// ---- a fake engine: flips authorization_type NONE → AWS_IAM on the finding's line -------------------

export const TF_MAIN = `resource "aws_lambda_function" "webhook" {
  function_name = "webhook"
}

resource "aws_lambda_function_url" "webhook" {
  function_name      = aws_lambda_function.webhook.function_name
  authorization_type = "NONE"
}
`;

export function fakeEngine(calls: SourceFile[][] = []): AppDeps["planFixes"] {
  return async (files, opts): Promise<FixPlan> => {
    calls.push(files);
    const plan: FixPlan = { changes: [], fixed: [], unfixed: [] };
    const after = new Map<string, string>();
    for (const f of opts.report?.findings ?? []) {
      const file = f.location ? files.find((x) => x.path === f.location!.path) : undefined;
      const text = file ? (after.get(file.path) ?? file.text) : undefined;
      if (!file || text === undefined || !text.includes('authorization_type = "NONE"')) {
        plan.unfixed.push({
          finding: f,
          reason:
            f.rule === "LG004" ? "the principal is not defined in this repository" : "not found in the IaC",
        });
        continue;
      }
      after.set(file.path, text.replace('authorization_type = "NONE"', 'authorization_type = "AWS_IAM"'));
      plan.fixed.push({
        finding: f,
        notes: [
          `The AWS provider added the public statements itself, so they stay in the live policy after this change until you run: aws lambda remove-permission --function-name ${f.resource.functionName} --statement-id FunctionURLAllowPublicAccess (and, where present, --statement-id FunctionURLAllowInvokeAction).`,
        ],
      });
    }
    for (const [path, text] of after) {
      const before = files.find((x) => x.path === path)!.text;
      plan.changes.push({ path, before, after: text, diff: `--- a/${path}\n+++ b/${path}\n` });
    }
    return plan;
  };
}
