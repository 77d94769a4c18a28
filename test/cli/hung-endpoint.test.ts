import { execFile } from "node:child_process";
import { createServer, type Server, type Socket } from "node:net";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ReportSchema } from "../../src/model/index.js";
import { buildDist } from "../helpers/build-dist.js";

const exec = promisify(execFile);
let server: Server;
const sockets: Socket[] = [];
let url = "";
let cli = "";

beforeAll(async () => {
  cli = join(await buildDist(), "cli.js");
  // The repro: a TCP server that accepts connections and never answers.
  server = createServer((s) => void sockets.push(s));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise((r) => server.close(r));
});

describe("scan against an endpoint that never answers (the real CLI process)", () => {
  it("returns at --timeout with a report that says so, exit 3, and the process exits", async () => {
    const t0 = performance.now();
    const out = await exec(
      process.execPath,
      [cli, "scan", "--endpoint-url", url, "--timeout", "1s", "--format", "json"],
      {
        timeout: 60_000,
        env: {
          PATH: process.env.PATH ?? "",
          AWS_ACCESS_KEY_ID: "AKIATESTTESTTEST0000",
          AWS_SECRET_ACCESS_KEY: "test",
          AWS_REGION: "us-east-1",
          AWS_CONFIG_FILE: "/dev/null",
          AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
        },
      },
    ).catch((e: { code: number; stdout: string; stderr: string }) => e);
    const seconds = (performance.now() - t0) / 1000;
    expect("code" in out ? out.code : 0).toBe(3);
    const report = ReportSchema.parse(JSON.parse(out.stdout));
    expect(report.coverage).toEqual([
      {
        scope: "global/sts",
        status: "timed-out",
        detail:
          "the scan's --timeout 1s was reached before sts:GetCallerIdentity answered; nothing was scanned",
      },
    ]);
    expect(report.target).toMatchObject({ kind: "aws-account", accountId: "unknown" });
    // 1 s of scan plus process start-up; never the minutes a hung socket would take.
    expect(seconds).toBeLessThan(30);
  });
});
