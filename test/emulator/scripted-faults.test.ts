import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GetPolicyCommand, ListFunctionsCommand } from "@aws-sdk/client-lambda";
import { startEmulator, parseEmulatorState, type EmulatorHandle } from "../../src/emulator/index.js";
import type { Fault } from "../../src/emulator/state.js";
import { AWS_CLI } from "../helpers/aws-cli.js";
import { baseState, baseStateJson, credentials, lambda, rejection } from "./helpers.js";

const exec = promisify(execFile);
let h: EmulatorHandle;
const functions = () => baseState().functions;

beforeAll(async () => {
  h = await startEmulator(baseState());
});
afterAll(async () => h.close());
beforeEach(() => {
  h.state.behaviour.faults = [];
  h.state.behaviour.quotas = "unlimited";
  h.state.functions = functions();
});
const SIGNED =
  "AWS4-HMAC-SHA256 Credential=AKIDEMULATOR/20260101/us-east-1/lambda/aws4_request, SignedHeaders=host, Signature=x";
const fault = (f: Partial<Fault> & { error: string }): Fault => ({ rate: 1, ...f });

/** The AWS CLI v2 against the emulator: a client we did not write. */
async function cli(args: string[], timeoutMs = 20_000) {
  return exec(AWS_CLI, [...args, "--endpoint-url", h.url, "--region", "us-east-1", "--output", "json"], {
    timeout: timeoutMs,
    env: {
      ...process.env,
      AWS_ACCESS_KEY_ID: credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      AWS_MAX_ATTEMPTS: "1",
      AWS_RETRY_MODE: "standard",
      AWS_PAGER: "",
      AWS_CONFIG_FILE: "/dev/null",
      AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
    },
  });
}

describe("behaviour.quotas", () => {
  it('"unlimited" as the whole value turns pacing off for every bucket', async () => {
    const s = parseEmulatorState({ ...baseStateJson(), behaviour: { quotas: "unlimited" } }, "s.json");
    expect(s.behaviour.quotas).toBe("unlimited");
    const results = await Promise.allSettled(
      Array.from({ length: 60 }, () => lambda(h).send(new ListFunctionsCommand({}))),
    );
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
  });

  it("rejects another string with a fix", () => {
    expect(() => parseEmulatorState({ ...baseStateJson(), behaviour: { quotas: "none" } }, "s.json")).toThrow(
      /s\.json: field "behaviour\.quotas": .*/,
    );
  });
});

describe("scripted faults", () => {
  it("latency delays matching operations only", async () => {
    h.state.behaviour.faults = [fault({ operation: "GetPolicy", error: "latency", latencyMs: 300 })];
    let t = performance.now();
    await lambda(h).send(new ListFunctionsCommand({}));
    expect(performance.now() - t).toBeLessThan(250);
    t = performance.now();
    const out = await lambda(h).send(new GetPolicyCommand({ FunctionName: "webhook" }));
    expect(performance.now() - t).toBeGreaterThanOrEqual(290);
    expect(out.Policy).toContain("FunctionURLAllowPublicAccess");
  });

  it("hang: the connection is accepted and never answered; other operations still answer", async () => {
    h.state.behaviour.faults = [fault({ operation: "ListFunctions", error: "hang" })];
    const err = await rejection(
      fetch(`${h.url}/2015-03-31/functions/`, {
        headers: { authorization: SIGNED },
        signal: AbortSignal.timeout(500),
      }),
    );
    expect(err.name).toBe("TimeoutError");
    const ok = await lambda(h).send(new GetPolicyCommand({ FunctionName: "webhook" }));
    expect(ok.Policy).toContain("FunctionURLAllowPublicAccess");
  });

  it("wrongProtocol: a 200 HTML page the SDK cannot parse", async () => {
    h.state.behaviour.faults = [fault({ operation: "ListFunctions", error: "wrongProtocol" })];
    const res = await fetch(`${h.url}/2015-03-31/functions/`, {
      headers: {
        authorization: SIGNED,
      },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    const err = await rejection(lambda(h).send(new ListFunctionsCommand({})));
    expect(err.name).toBe("SyntaxError");
  });

  it("Throttling sends the configured Retry-After", async () => {
    h.state.behaviour.faults = [
      fault({ operation: "ListFunctions", error: "Throttling", retryAfterSeconds: 7 }),
    ];
    const res = await fetch(`${h.url}/2015-03-31/functions/`, {
      headers: {
        authorization: SIGNED,
      },
    });
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("7");
  });

  it("deleteFunction after N calls: the function is gone from then on, for every client", async () => {
    h.state.behaviour.faults = [fault({ functionName: "webhook", error: "deleteFunction", after: 2 })];
    await lambda(h).send(new GetPolicyCommand({ FunctionName: "webhook" }));
    await lambda(h).send(new GetPolicyCommand({ FunctionName: "webhook" }));
    const err = await rejection(lambda(h).send(new GetPolicyCommand({ FunctionName: "webhook" })));
    expect(err.name).toBe("ResourceNotFoundException");
    const listed = JSON.parse((await cli(["lambda", "list-functions"])).stdout) as {
      Functions: { FunctionName: string }[];
    };
    expect(listed.Functions.map((f) => f.FunctionName)).toEqual(["internal"]);
  });
});
