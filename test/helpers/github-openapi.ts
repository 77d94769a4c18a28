import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

/**
 * Prism (`@stoplight/prism-cli`) in proxy mode in front of a GitHub stand-in: every request is
 * validated against GitHub's OpenAPI description (`@octokit/openapi`, api.github.com) — path, method,
 * parameters and request body. With `--errors`, an invalid request is answered 422 by Prism and not
 * forwarded; every violation is also collected from Prism's log. Responses are not held to the
 * description (the stand-in only models the fields the code reads).
 */
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const GITHUB_OPENAPI = `${ROOT}node_modules/@octokit/openapi/generated/api.github.com.json`;
const PRISM = `${ROOT}node_modules/.bin/prism`;

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

export async function startPrismProxy(upstream: string, timeoutMs = 90_000): Promise<PrismProxy> {
  const port = await freePort();
  const started = Date.now();
  const child: ChildProcess = spawn(
    PRISM,
    ["proxy", GITHUB_OPENAPI, upstream, "--port", String(port), "--host", "127.0.0.1", "--cors", "false"],
    { stdio: ["ignore", "pipe", "pipe"] },
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
        const force = setTimeout(() => child.kill("SIGKILL"), 3_000);
        child.once("exit", () => {
          clearTimeout(force);
          resolve();
        });
        child.kill("SIGTERM");
      }),
  };
}
