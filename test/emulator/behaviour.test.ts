import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  GetFunctionCommand,
  GetPolicyCommand,
  ListFunctionsCommand,
  TooManyRequestsException,
} from "@aws-sdk/client-lambda";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { DescribeRegionsCommand } from "@aws-sdk/client-ec2";
import { ListRegionsCommand } from "@aws-sdk/client-account";
import { startEmulator, type EmulatorHandle } from "../../src/emulator/index.js";
import type { Fault } from "../../src/emulator/state.js";
import { account, baseState, ec2, lambda, rejection, sts } from "./helpers.js";

let h: EmulatorHandle;
const lines: string[] = [];

beforeAll(async () => {
  h = await startEmulator(baseState(), { log: (l) => lines.push(l) });
});
afterAll(async () => h.close());
beforeEach(() => {
  h.state.behaviour.faults = [];
  h.state.behaviour.quotas = { "lambda:control-plane": "unlimited", "lambda:GetPolicy": "unlimited" };
  h.state.behaviour.latencyMs = 0;
});

const fault = (f: Partial<Fault> & { error: string }): Fault => ({ rate: 1, ...f });
const status = (e: Record<string, unknown>) => (e.$metadata as { httpStatusCode?: number }).httpStatusCode;

describe("region routing", () => {
  it("serves each region's own functions", async () => {
    const us = await lambda(h, "us-east-1").send(new ListFunctionsCommand({}));
    const eu = await lambda(h, "eu-west-1").send(new ListFunctionsCommand({}));
    expect(us.Functions!.map((f) => f.FunctionName).sort()).toEqual(["internal", "webhook"]);
    expect(eu.Functions!.map((f) => f.FunctionName)).toEqual(["eu-only"]);
    expect(eu.Functions![0]!.FunctionArn).toContain(":eu-west-1:");
    const none = await lambda(h, "af-south-1").send(new ListFunctionsCommand({}));
    expect(none.Functions).toEqual([]);
  });

  it("rejects disabled and unknown regions like AWS, but not global services", async () => {
    for (const region of ["ap-east-1", "sa-east-1"]) {
      const err = await rejection(lambda(h, region).send(new ListFunctionsCommand({})));
      expect(err.name).toBe("UnrecognizedClientException");
      expect(err.message).toBe("The security token included in the request is invalid.");
      expect(status(err)).toBe(403);
    }
    const who = await sts(h, "ap-east-1").send(new GetCallerIdentityCommand({}));
    expect(who.Account).toBe("111122223333");
  });

  it("rejects requests without SigV4 credentials", async () => {
    const res = await fetch(`${h.url}/2015-03-31/functions/`);
    expect(res.status).toBe(403);
    expect(res.headers.get("x-amzn-errortype")).toBe("MissingAuthenticationTokenException");
    expect(await res.json()).toEqual({ message: "Missing Authentication Token" });

    const q = await fetch(h.url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "Action=GetCallerIdentity&Version=2011-06-15",
    });
    expect(q.status).toBe(403);
    expect(await q.text()).toContain("<Code>MissingAuthenticationToken</Code>");

    const bad = await fetch(`${h.url}/2015-03-31/functions/`, {
      headers: { authorization: "AWS4-HMAC-SHA256 nope" },
    });
    expect(bad.status).toBe(403);
    expect(bad.headers.get("x-amzn-errortype")).toBe("IncompleteSignatureException");
  });

  it("accepts a presigned X-Amz-Credential", async () => {
    const cred = encodeURIComponent("AKIDEMULATOR/20250101/eu-west-1/lambda/aws4_request");
    const res = await fetch(`${h.url}/2015-03-31/functions?X-Amz-Credential=${cred}`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { Functions: unknown[] }).Functions).toHaveLength(1);
  });
});

describe("quotas", () => {
  it("throttles Lambda beyond the quota with 429 TooManyRequestsException and Retry-After", async () => {
    (h.state.behaviour.quotas as Record<string, number>)["lambda:control-plane"] = 2;
    const before = h.stats().throttled["lambda:ListFunctions"] ?? 0;
    const client = lambda(h);
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => client.send(new ListFunctionsCommand({}))),
    );
    const ok = results.filter((r) => r.status === "fulfilled");
    const failed = results.flatMap((r) =>
      r.status === "rejected" ? [r.reason as TooManyRequestsException] : [],
    );
    expect(ok.length).toBeGreaterThanOrEqual(2);
    expect(ok.length).toBeLessThanOrEqual(4);
    expect(failed.length).toBe(10 - ok.length);
    const err = failed[0]!;
    expect(err).toBeInstanceOf(TooManyRequestsException);
    expect(err.$metadata.httpStatusCode).toBe(429);
    expect(err.Reason).toBe("CallerRateLimitExceeded");
    expect(err.message).toBe("Rate exceeded");
    expect(Number(err.retryAfterSeconds)).toBeGreaterThanOrEqual(1);
    expect(h.stats().throttled["lambda:ListFunctions"]! - before).toBe(failed.length);
  });

  it("meters GetPolicy and GetFunction in their own buckets", async () => {
    h.state.behaviour.quotas = { "lambda:control-plane": 1, "lambda:GetPolicy": 1, "lambda:GetFunction": 1 };
    const client = lambda(h);
    await client.send(new GetPolicyCommand({ FunctionName: "webhook" }));
    await client.send(new GetFunctionCommand({ FunctionName: "webhook" }));
    const err = await rejection(client.send(new GetPolicyCommand({ FunctionName: "webhook" })));
    expect(err.name).toBe("TooManyRequestsException");
  });

  it("throttles Query and EC2 services in their own shapes", async () => {
    h.state.behaviour.quotas = { sts: 1, ec2: 1 };
    const s = sts(h);
    await s.send(new GetCallerIdentityCommand({}));
    const e1 = await rejection(s.send(new GetCallerIdentityCommand({})));
    expect(e1.name).toBe("Throttling");
    expect(status(e1)).toBe(400);
    const e = ec2(h, "eu-west-1");
    await e.send(new DescribeRegionsCommand({}));
    const e2 = await rejection(e.send(new DescribeRegionsCommand({})));
    expect(e2.name).toBe("RequestLimitExceeded");
  });

  it("refills at the quota rate", async () => {
    h.state.behaviour.quotas = { account: 5 };
    const a = account(h);
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => a.send(new ListRegionsCommand({}))),
    );
    const failed = results.flatMap((r) => (r.status === "rejected" ? [r.reason as Error] : []));
    expect(failed.length).toBeGreaterThanOrEqual(4);
    expect(failed[0]!.name).toBe("TooManyRequestsException");
    await new Promise((r) => setTimeout(r, 250));
    await a.send(new ListRegionsCommand({}));
  });
});

describe("faults", () => {
  it.each([
    ["AccessDeniedException", "AccessDeniedException", 403],
    ["ResourceNotFoundException", "ResourceNotFoundException", 404],
    ["ServiceException", "ServiceException", 500],
    ["ServiceUnavailable", "ServiceUnavailableException", 503],
    ["Throttling", "TooManyRequestsException", 429],
    ["KMSAccessDeniedException", "KMSAccessDeniedException", 400],
  ])("%s → %s %d on Lambda", async (kind, name, code) => {
    h.state.behaviour.faults = [fault({ region: "eu-west-1", operation: "GetPolicy", error: kind })];
    const err = await rejection(
      lambda(h, "eu-west-1").send(new GetPolicyCommand({ FunctionName: "eu-only" })),
    );
    expect(err.name).toBe(name);
    expect(status(err)).toBe(code);
    // the filter: other regions and operations are untouched
    await lambda(h, "us-east-1").send(new GetPolicyCommand({ FunctionName: "webhook" }));
    await lambda(h, "eu-west-1").send(new ListFunctionsCommand({}));
  });

  it("renders AccessDenied in the Query shape for STS", async () => {
    h.state.behaviour.faults = [fault({ service: "sts", error: "AccessDeniedException" })];
    const err = await rejection(sts(h).send(new GetCallerIdentityCommand({})));
    expect(err.name).toBe("AccessDenied");
    expect(err.message).toContain("sts:GetCallerIdentity");
    expect(status(err)).toBe(403);
  });

  it("filters by function name", async () => {
    h.state.behaviour.faults = [fault({ functionName: "internal", error: "AccessDeniedException" })];
    await lambda(h).send(new GetFunctionCommand({ FunctionName: "webhook" }));
    const err = await rejection(lambda(h).send(new GetFunctionCommand({ FunctionName: "internal" })));
    expect(err.name).toBe("AccessDeniedException");
    expect(err.message).toContain("function:internal");
  });

  it("resets the connection", async () => {
    h.state.behaviour.faults = [fault({ operation: "ListFunctions", error: "reset" })];
    const err = await rejection(lambda(h).send(new ListFunctionsCommand({})));
    expect((err.$metadata as { httpStatusCode?: number }).httpStatusCode).toBeUndefined();
    expect(`${err.name} ${err.message} ${String(err.code)}`).toMatch(
      /ECONNRESET|socket hang up|other side closed/i,
    );
  });

  it("sends a 200 with an unparseable body", async () => {
    h.state.behaviour.faults = [fault({ operation: "ListFunctions", error: "malformed" })];
    const err = await rejection(lambda(h).send(new ListFunctionsCommand({})));
    expect(status(err)).toBe(200);
    h.state.behaviour.faults = [fault({ service: "sts", error: "malformed" })];
    await rejection(sts(h).send(new GetCallerIdentityCommand({})));
  });

  it("samples rate deterministically from the seed and counts faults", async () => {
    const run = async () => {
      h.state.behaviour.faults = [fault({ operation: "GetFunction", error: "ServiceException", rate: 0.5 })];
      const out: boolean[] = [];
      for (let i = 0; i < 40; i++) {
        out.push(
          await lambda(h)
            .send(new GetFunctionCommand({ FunctionName: "webhook" }))
            .then(
              () => true,
              () => false,
            ),
        );
      }
      return out;
    };
    h.state.behaviour.seed = 7;
    const faultsBefore = h.stats().faults;
    const a = await run();
    const failures = a.filter((x) => !x).length;
    expect(failures).toBeGreaterThan(5);
    expect(failures).toBeLessThan(35);
    expect(h.stats().faults - faultsBefore).toBe(failures);
    // same seed, fresh emulator → same sequence
    const h2 = await startEmulator(baseState((j) => ((j.behaviour as Record<string, unknown>).seed = 7)));
    const saved = h;
    h = h2;
    try {
      expect(await run()).toEqual(a);
    } finally {
      h = saved;
      await h2.close();
    }
  });
});

describe("latency and stats", () => {
  it("adds latencyMs to every response and counts requests by service:Operation", async () => {
    h.state.behaviour.latencyMs = 150;
    const before = h.stats().requests["lambda:GetPolicy"] ?? 0;
    const t0 = Date.now();
    await lambda(h).send(new GetPolicyCommand({ FunctionName: "webhook" }));
    await rejection(lambda(h).send(new GetPolicyCommand({ FunctionName: "internal" })));
    expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
    expect(h.stats().requests["lambda:GetPolicy"]).toBe(before + 2);
    expect(lines.some((l) => l.includes("lambda:GetPolicy 404"))).toBe(true);
  });
});
