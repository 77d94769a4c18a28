import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import nock from "nock";
import { githubSpec, validateCheckRequest } from "./openapi.js";

/**
 * A stateful stand-in for the part of GitHub's Checks API the Action uses. Every request body is
 * validated against GitHub's OpenAPI description first; an invalid one gets GitHub's 422 and is
 * recorded in `invalid`, so a test can insist there were none. Responses are built from the spec's own
 * check-run example, so they are valid too (prism --errors checks them in the end-to-end test).
 */

export interface RecordedRequest {
  method: string;
  path: string;
  body: Record<string, unknown>;
  status: number;
}

export interface CheckRunRecord {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  started_at: string | null;
  completed_at: string | null;
  details_url: string | null;
  external_id: string | null;
  output: { title: string | null; summary: string | null; text: string | null };
  annotations: Record<string, unknown>[];
  /** Annotation counts per request, in order. */
  batches: number[];
}

export class FakeGitHub {
  readonly runs = new Map<number, CheckRunRecord>();
  readonly requests: RecordedRequest[] = [];
  readonly invalid: { request: RecordedRequest; errors: string[] }[] = [];
  /** Simulates a read-only token (a fork's pull request): 403 on every write. */
  forbidWrites = false;
  private nextId = 1000;

  constructor(
    readonly owner = "octo-org",
    readonly repo = "payments",
  ) {}

  handle(method: string, url: string, body: Record<string, unknown>): { status: number; body: unknown } {
    const path = url.split("?")[0]!;
    const rec: RecordedRequest = { method, path, body, status: 0 };
    this.requests.push(rec);
    const reply = (status: number, b: unknown) => {
      rec.status = status;
      return { status, body: b };
    };
    const list = /^\/repos\/([^/]+)\/([^/]+)\/commits\/([^/]+)\/check-runs$/.exec(path);
    if (list && method === "GET") {
      if (this.forbidWrites)
        return reply(403, { message: "Resource not accessible by integration", status: "403" });
      const q = new URLSearchParams(url.split("?")[1] ?? "");
      const runs = [...this.runs.values()].filter(
        (r) =>
          r.head_sha === list[3] &&
          (!q.get("check_name") || r.name === q.get("check_name")) &&
          (!q.get("status") || r.status === q.get("status")),
      );
      return reply(200, { total_count: runs.length, check_runs: runs.map((r) => this.response(r)) });
    }
    const create = path === `/repos/${this.owner}/${this.repo}/check-runs` && method === "POST";
    const m = /^\/repos\/([^/]+)\/([^/]+)\/check-runs\/(\d+)$/.exec(path);
    if (!create && !(m && method === "PATCH")) return reply(404, { message: "Not Found", status: "404" });
    if (this.forbidWrites) {
      return reply(403, {
        message: "Resource not accessible by integration",
        documentation_url: "https://docs.github.com/rest/checks/runs#create-a-check-run",
        status: "403",
      });
    }
    const errors = validateCheckRequest(create ? "POST" : "PATCH", body);
    if (errors.length > 0) {
      this.invalid.push({ request: rec, errors });
      return reply(422, {
        message: "Invalid request.",
        errors,
        documentation_url: "https://docs.github.com/rest/checks/runs",
        status: "422",
      });
    }
    const output = (body.output ?? {}) as Record<string, unknown>;
    const annotations = (output.annotations as Record<string, unknown>[] | undefined) ?? [];
    let run: CheckRunRecord;
    if (create) {
      run = {
        id: this.nextId++,
        name: body.name as string,
        head_sha: body.head_sha as string,
        status: (body.status as string) ?? "queued",
        conclusion: null,
        started_at: (body.started_at as string) ?? new Date().toISOString(),
        completed_at: null,
        details_url: (body.details_url as string) ?? null,
        external_id: (body.external_id as string) ?? null,
        output: { title: null, summary: null, text: null },
        annotations: [],
        batches: [],
      };
      this.runs.set(run.id, run);
    } else {
      const found = this.runs.get(Number(m![3]));
      if (!found) return reply(404, { message: "Not Found", status: "404" });
      run = found;
    }
    if (body.status) run.status = body.status as string;
    if (body.conclusion) {
      run.conclusion = body.conclusion as string;
      run.status = "completed";
    }
    if (body.completed_at) run.completed_at = body.completed_at as string;
    if (run.status === "completed" && !run.completed_at) run.completed_at = new Date().toISOString();
    if (output.title !== undefined) run.output.title = output.title as string;
    if (output.summary !== undefined) run.output.summary = output.summary as string;
    if (output.text !== undefined) run.output.text = output.text as string;
    if (annotations.length > 0) {
      run.annotations.push(...annotations);
      run.batches.push(annotations.length);
    }
    return reply(create ? 201 : 200, this.response(run));
  }

  /** A check-run object as GitHub returns it: the spec's example with this run's fields. */
  response(run: CheckRunRecord): Record<string, unknown> {
    const example = structuredClone(
      (
        githubSpec().components.examples!["check-run-example-of-in-progress-conclusion"] as {
          value: Record<string, unknown>;
        }
      ).value,
    );
    const api = `https://api.github.com/repos/${this.owner}/${this.repo}`;
    return {
      ...example,
      id: run.id,
      node_id: Buffer.from(`CheckRun${run.id}`).toString("base64"),
      head_sha: run.head_sha,
      name: run.name,
      url: `${api}/check-runs/${run.id}`,
      html_url: `https://github.com/${this.owner}/${this.repo}/runs/${run.id}`,
      details_url: run.details_url,
      external_id: run.external_id,
      status: run.status,
      conclusion: run.conclusion,
      started_at: run.started_at,
      completed_at: run.completed_at,
      output: {
        title: run.output.title,
        summary: run.output.summary,
        text: run.output.text,
        annotations_count: run.annotations.length,
        annotations_url: `${api}/check-runs/${run.id}/annotations`,
      },
      pull_requests: [],
    };
  }

  only(): CheckRunRecord {
    const all = [...this.runs.values()];
    if (all.length !== 1) throw new Error(`expected one check run, found ${all.length}`);
    return all[0]!;
  }
}

/** Serves a FakeGitHub over HTTP (the end-to-end test points GITHUB_API_URL, or prism, at it). */
export async function serveFake(
  fake: FakeGitHub,
): Promise<{ url: string; close: () => Promise<void>; server: Server }> {
  const server = createServer((req, res) => {
    let raw = "";
    req.setEncoding("utf8");
    req.on("data", (c: string) => (raw += c));
    req.on("end", () => {
      let body: Record<string, unknown> = {};
      try {
        body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      } catch {
        res
          .writeHead(400, { "content-type": "application/json" })
          .end(JSON.stringify({ message: "Problems parsing JSON" }));
        return;
      }
      const out = fake.handle(req.method ?? "GET", req.url ?? "/", body);
      res
        .writeHead(out.status, { "content-type": "application/json; charset=utf-8" })
        .end(JSON.stringify(out.body));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** Routes api.github.com through nock to the fake (in-process tests). */
export function nockFake(fake: FakeGitHub, base = "https://api.github.com"): nock.Scope {
  const handler = function (this: nock.ReplyFnContext, uri: string, body: nock.Body) {
    const b =
      typeof body === "string"
        ? body
          ? (JSON.parse(body) as Record<string, unknown>)
          : {}
        : (body as Record<string, unknown>);
    const out = fake.handle(this.req.method, uri, b);
    return [out.status, out.body] as [number, nock.Body];
  };
  return nock(base)
    .persist()
    .post(/\/repos\/.*/)
    .reply(handler)
    .patch(/\/repos\/.*/)
    .reply(handler)
    .get(/\/repos\/.*/)
    .reply(handler);
}
