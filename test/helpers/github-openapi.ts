import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Prism (`@stoplight/prism-cli`) in proxy mode in front of a GitHub stand-in: every request is
 * validated against GitHub's OpenAPI description (`@octokit/openapi`, api.github.com) — path, method,
 * parameters and request body. With `errors`, an invalid request is answered 422 by Prism and not
 * forwarded; every violation is also collected from Prism's log. Responses are not held to the
 * description (the stand-in only models the fields the code reads).
 */
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const GITHUB_OPENAPI = `${ROOT}node_modules/@octokit/openapi/generated/api.github.com.json`;
const PRISM = `${ROOT}node_modules/.bin/prism`;

/**
 * The API families the Action and the app call. Prism dereferences the whole description it is given, and
 * GitHub's (13 MB, 800+ paths) costs it ~15 s of CPU per start; these paths, with every schema they
 * reference, cost a third of that and validate exactly as before. A call outside them is a violation
 * (NO_PATH_MATCHED), so code that starts using another endpoint fails here until the family is listed.
 */
const USED_PATHS =
  /^\/repos\/\{owner\}\/\{repo\}(\/(check-runs|check-suites|git|pulls|issues|actions|contents|tarball|commits|branches|compare|labels|installation)(\/|$)|$)|^\/app(\/|$)|^\/installation(\/|$)/;

type Json = Record<string, unknown>;

/** GitHub's description cut to USED_PATHS and the components they reference (transitively). Cached by hash. */
export function githubOpenapiSubset(): string {
  const text = readFileSync(GITHUB_OPENAPI, "utf8");
  const hash = createHash("sha256").update(text).update(USED_PATHS.source).digest("hex").slice(0, 16);
  const dir = join(tmpdir(), "lambda-guard-test");
  const file = join(dir, `github-openapi-${hash}.json`);
  if (existsSync(file)) return file;
  const spec = JSON.parse(text) as Json & { paths: Json; components: Record<string, Json> };
  const paths = Object.fromEntries(Object.entries(spec.paths).filter(([p]) => USED_PATHS.test(p)));
  const components: Record<string, Json> = {};
  const seen = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (!v || typeof v !== "object") return;
    for (const [k, x] of Object.entries(v)) {
      if (k !== "$ref" || typeof x !== "string") {
        walk(x);
        continue;
      }
      if (seen.has(x)) continue;
      seen.add(x);
      const m = /^#\/components\/([^/]+)\/([^/]+)$/.exec(x);
      if (!m) throw new Error(`unexpected $ref ${x} in GitHub's description`);
      const target = spec.components[m[1]!]?.[m[2]!];
      (components[m[1]!] ??= {})[m[2]!] = target;
      walk(target);
    }
  };
  walk(paths);
  const { ["x-webhooks"]: _webhooks, ...rest } = spec;
  mkdirSync(dir, { recursive: true });
  // Written aside and renamed: two test files may build it at once.
  const part = `${file}.${process.pid}`;
  writeFileSync(part, JSON.stringify({ ...rest, paths, components }));
  renameSync(part, file);
  return file;
}

export interface PrismProxy {
  url: string;
  /** Request violations (and unknown paths or methods) Prism reported, each prefixed by its request. */
  violations(): string[];
  /** Response violations (the stand-in's answers are deliberately minimal). */
  responseViolations(): string[];
  /** Every request line Prism logged (method and path). */
  requests(): string[];
  startupMs: number;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

// eslint-disable-next-line no-control-regex
const strip = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, "");

/** Prefixes each validator line with the request it belongs to. */
function tagged(lines: string[]): string[] {
  let current = "";
  const out: string[] = [];
  for (const l of lines) {
    const m = /\[HTTP SERVER\] (\w+ \S+)/.exec(l);
    if (m) current = m[1]!;
    else if (/\[VALIDATOR\]|Request terminated|NO_PATH_MATCHED|NO_METHOD_MATCHED/.test(l))
      out.push(`${current}: ${l.replace(/^.*\[VALIDATOR\]\s*/, "")}`);
  }
  return out;
}

export async function startPrismProxy(
  upstream: string,
  opts: { errors?: boolean; timeoutMs?: number } = {},
): Promise<PrismProxy> {
  const timeoutMs = opts.timeoutMs ?? 90_000;
  const port = await freePort();
  const started = Date.now();
  const child: ChildProcess = spawn(
    PRISM,
    [
      "proxy",
      githubOpenapiSubset(),
      upstream,
      "--port",
      String(port),
      "--host",
      "127.0.0.1",
      "--cors",
      "false",
      ...(opts.errors ? ["--errors"] : []),
    ],
    // Its own process group, so stop() ends prism and anything it forked.
    { stdio: ["ignore", "pipe", "pipe"], detached: true },
  );
  const lines: string[] = [];
  let buffer = "";
  const onData = (chunk: Buffer) => {
    buffer += chunk.toString("utf8");
    const parts = buffer.split("\n");
    buffer = parts.pop() ?? "";
    for (const p of parts) lines.push(strip(p));
  };
  child.stdout!.on("data", onData);
  child.stderr!.on("data", onData);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`prism did not start in ${timeoutMs} ms:\n${lines.slice(-20).join("\n")}`)),
      timeoutMs,
    );
    const poll = setInterval(() => {
      if (lines.some((l) => l.includes("Prism is listening"))) {
        clearTimeout(timer);
        clearInterval(poll);
        resolve();
      }
    }, 100);
    child.once("exit", (code) => {
      clearTimeout(timer);
      clearInterval(poll);
      reject(new Error(`prism exited with ${code}:\n${lines.slice(-20).join("\n")}`));
    });
  });
  const startupMs = Date.now() - started;
  const since = lines.length;
  return {
    url: `http://127.0.0.1:${port}`,
    startupMs,
    violations: () =>
      tagged(lines.slice(since)).filter((l) =>
        /Violation: request|NO_PATH_MATCHED|NO_METHOD_MATCHED|Request terminated/.test(l),
      ),
    responseViolations: () => tagged(lines.slice(since)).filter((l) => /Violation: response/.test(l)),
    requests: () => lines.slice(since).filter((l) => /\[HTTP SERVER\] (get|post|patch|put|delete) /i.test(l)),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const signal = (sig: NodeJS.Signals) => {
          try {
            process.kill(-child.pid!, sig);
          } catch {
            child.kill(sig);
          }
        };
        const force = setTimeout(() => signal("SIGKILL"), 3_000);
        child.once("exit", () => {
          clearTimeout(force);
          resolve();
        });
        signal("SIGTERM");
      }),
  };
}
