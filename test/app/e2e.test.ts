import { createHmac } from "node:crypto";
import type { Server as HttpServer } from "node:http";
import nock from "nock";
import type { Server } from "probot";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app/index.js";
import { DeliveryQueue } from "../../src/app/queue.js";
import { createLambdaHandler } from "../../src/app/lambda.js";
import { startServer } from "../../src/app/server.js";
import { FakeGitHub } from "../helpers/github-fake.js";
import { startPrismProxy, type PrismProxy } from "../helpers/github-openapi.js";
import {
  TF_MAIN,
  TestOctokit,
  checkRunEvent,
  fakeEngine,
  newProbot,
  outputText,
  principalFinding,
  privateKey,
  report,
  urlFinding,
} from "./helpers.js";

// End to end: a signed webhook over HTTP to the running app (Probot's server, as `npm run app`
// runs it, and the Lambda handler), GitHub API calls through Prism validating them against GitHub's
// OpenAPI description, into a stateful GitHub stand-in.

const SECRET = "e2e-secret";
let fake: FakeGitHub;
let upstream: HttpServer;
let prism: PrismProxy;
let app: { server: Server; url: string };
const queue = new DeliveryQueue({ background: true, sleep: async () => {} });
let releaseEngine!: () => void;
const engineGate = new Promise<void>((r) => (releaseEngine = r));

const sign = (body: string) => `sha256=${createHmac("sha256", SECRET).update(body).digest("hex")}`;

beforeAll(async () => {
  nock.restore();
  fake = new FakeGitHub({ files: { "infra/main.tf": TF_MAIN } });
  const listening = await fake.listen();
  upstream = listening.server;
  prism = await startPrismProxy(listening.url);
  fake.baseUrl = prism.url;
  // The tarball redirect goes to codeload, another host: straight to the stand-in, not through Prism.
  fake.codeloadUrl = listening.url;
  app = await startServer({
    port: 0,
    host: "127.0.0.1",
    probot: {
      appId: 123,
      privateKey,
      secret: SECRET,
      baseUrl: prism.url,
      // The tarball answer is a redirect to a binary archive; Prism follows redirects itself and decodes
      // the body as text, so that one request goes straight to the stand-in (the spec has nothing to
      // validate in a gzip body anyway). Everything else goes through Prism.
      Octokit: TestOctokit.defaults({
        request: {
          fetch: (url: string | URL, init?: RequestInit) => {
            const u = String(url);
            return fetch(/\/tarball\//.test(u) ? u.replace(prism.url, listening.url) : u, init);
          },
        },
      }),
      logLevel: "fatal",
    },
    // The server's own queue (background): the webhook is answered before the work runs.
    app: createApp({
      planFixes: async (files, opts) => {
        await engineGate;
        return fakeEngine()(files, opts);
      },
      queue,
    }),
  });
}, 120_000);

afterAll(async () => {
  await app?.server.stop();
  await prism?.stop();
  await new Promise((r) => upstream?.close(r));
  // nock is process-wide: the next test file in this worker expects it intercepting again.
  nock.activate();
});

describe("end to end (Prism validating against GitHub's OpenAPI description)", () => {
  it("a signed check_run webhook over HTTP opens the PR and the issue with valid API calls", async () => {
    const event = checkRunEvent(fake, {
      text: outputText(report([urlFinding("webhook", "infra/main.tf", 7), principalFinding("ci")])),
    });
    const body = JSON.stringify(event.payload);
    const res = await fetch(`${app.url}/api/github/webhooks`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-github-event": "check_run",
        "x-github-delivery": "e2e-1",
        "x-hub-signature-256": sign(body),
      },
      body,
    });
    expect(res.status).toBe(200);
    // Acknowledged while the fix engine is still held: nothing written yet.
    expect(fake.pulls).toHaveLength(0);
    releaseEngine();
    await queue.idle();
    expect(prism.violations()).toEqual([]);
    expect(fake.pulls).toHaveLength(1);
    expect(fake.files("lambda-guard/lambda-guard")["infra/main.tf"]).toContain("AWS_IAM");
    expect(fake.issues).toHaveLength(1);
    const paths = fake.calls.map((c) => `${c.method} ${c.path}`);
    expect(paths).toContain("POST /repos/Codertocat/Hello-World/git/commits");
    // Every call went through Prism but the two archive requests (the tarball and its redirect).
    const archive = fake.calls.filter((c) => /\/tarball\/|^\/_codeload\//.test(c.path)).length;
    expect(archive).toBe(2);
    expect(prism.requests().length).toBeGreaterThanOrEqual(fake.calls.length - archive);
  });

  it("refuses a webhook with a wrong signature without calling GitHub", async () => {
    const before = fake.calls.length;
    const body = JSON.stringify(checkRunEvent(fake, { text: outputText(report([])) }).payload);
    const res = await fetch(`${app.url}/api/github/webhooks`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-github-event": "check_run",
        "x-github-delivery": "e2e-2",
        "x-hub-signature-256": sign(`${body} `),
      },
      body,
    });
    expect([400, 401]).toContain(res.status);
    expect(fake.calls.length).toBe(before);
  });

  it("the Lambda handler verifies the raw body, then resolves a fixed report (close PR and issue)", async () => {
    const probot = await newProbot({ planFixes: fakeEngine() }, prism.url);
    const handler = createLambdaHandler({ probot: async () => probot, secret: () => SECRET });
    const body = JSON.stringify(checkRunEvent(fake, { text: outputText(report([])) }).payload);
    const event = (signature: string) => ({
      body: Buffer.from(body).toString("base64"),
      isBase64Encoded: true,
      requestContext: { http: { method: "POST" } },
      headers: {
        "X-GitHub-Event": "check_run",
        "X-GitHub-Delivery": "e2e-3",
        "X-Hub-Signature-256": signature,
      },
    });
    const before = fake.calls.length;
    expect((await handler(event(sign("tampered")))).statusCode).toBe(401);
    expect(fake.calls.length).toBe(before);
    const ok = await handler(event(sign(body)));
    expect(ok.statusCode).toBe(200);
    expect(prism.violations()).toEqual([]);
    expect(fake.pulls[0]!.state).toBe("closed");
    expect(fake.issues[0]).toMatchObject({ state: "closed", state_reason: "completed" });
    expect(fake.refs.has("lambda-guard/lambda-guard")).toBe(false);
  });
});

describe("the validator itself", () => {
  it("reports a request GitHub's description refuses (sanity check of the e2e's oracle)", async () => {
    const res = await fetch(`${prism.url}/repos/Codertocat/Hello-World/git/blobs`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ encoding: "base64" }),
    });
    expect(res.status).toBe(201); // forwarded to the stand-in…
    await new Promise((r) => setTimeout(r, 200));
    expect(prism.violations().join("\n")).toMatch(/required property 'content'/); // …but flagged
  });
});
