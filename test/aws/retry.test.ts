import { createServer, type Server, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { ListFunctionsCommand } from "@aws-sdk/client-lambda";
import { LookupEventsCommand } from "@aws-sdk/client-cloudtrail";
import { AwsClients } from "../../src/aws/clients.js";
import { TokenBucket } from "../../src/aws/ratelimit.js";
import {
  backoffDelay,
  CallDeadlineError,
  classifyError,
  parseRetryAfter,
  ScanTimeoutError,
  withRetry,
  AttemptTimeoutError,
} from "../../src/aws/retry.js";
import { startEmulator, type EmulatorHandle } from "../../src/emulator/index.js";
import { baseState, credentials } from "../emulator/helpers.js";
import { VirtualClock } from "../helpers/virtual-clock.js";

const aws = (name: string, status?: number, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(`${name} happened`), { name, $metadata: { httpStatusCode: status }, ...extra });
const net = (code: string, name = "Error", message = "boom") =>
  Object.assign(new Error(message), { code, name });

describe("classifyError", () => {
  it.each([
    [aws("ThrottlingException", 400), "throttling", true],
    [aws("TooManyRequestsException", 429), "throttling", true],
    [aws("Throttling", 400), "throttling", true],
    [aws("RequestLimitExceeded", 503), "throttling", true],
    [aws("SomethingNew", 429), "throttling", true],
    [aws("ServiceUnavailableException", 503), "server", true],
    [aws("ServiceException", 500), "server", true],
    [aws("InternalFailure", 500), "server", true],
    [aws("UnknownError", 502), "server", true],
    [net("ECONNRESET", "TimeoutError", "socket hang up"), "network", true],
    [net("ECONNREFUSED"), "network", true],
    [net("EPIPE"), "network", true],
    [net("ETIMEDOUT", "TimeoutError"), "timeout", true],
    [new AttemptTimeoutError(20_000), "timeout", true],
    [
      Object.assign(new SyntaxError("Unexpected end of JSON input"), { $metadata: { httpStatusCode: 200 } }),
      "malformed",
      true,
    ],
    [
      Object.assign(
        new Error("Unexpected token '<', \"<html>\" is not valid JSON\n  Deserialization error: …"),
        { name: "SyntaxError" },
      ),
      "malformed",
      true,
    ],
    [aws("AccessDeniedException", 403), "denied", false],
    [aws("AccessDenied", 403), "denied", false],
    [aws("UnauthorizedOperation", 403), "denied", false],
    [aws("UnrecognizedClientException", 403), "credentials-refused", false],
    [aws("InvalidClientTokenId", 403), "credentials-refused", false],
    [aws("ResourceNotFoundException", 404), "not-found", false],
    [aws("NoSuchEntity", 404), "not-found", false],
    [aws("ValidationException", 400), "client", false],
    [aws("NotImplemented", 501), "client", false],
    [new TypeError("x is not a function"), "client", false],
    [net("ENOTFOUND"), "client", false],
    [new ScanTimeoutError(), "cancelled", false],
  ] as const)("%s → %s (retry %s)", (err, kind, retry) => {
    expect(classifyError(err)).toEqual({ kind, retry });
  });
});

describe("backoffDelay and Retry-After", () => {
  it("is full jitter under an exponential ceiling, capped, never below Retry-After", () => {
    const p = { baseDelayMs: 100, maxDelayMs: 10_000 };
    expect(backoffDelay(0, p, 0.999)).toBe(99);
    expect(backoffDelay(3, p, 0.5)).toBe(400);
    expect(backoffDelay(20, p, 0.999)).toBe(9990);
    expect(backoffDelay(2, p, 0)).toBe(0);
    expect(backoffDelay(2, p, 0, 2000)).toBe(2000);
  });
  it("parses seconds and HTTP dates", () => {
    expect(parseRetryAfter("2")).toBe(2000);
    expect(parseRetryAfter("100000")).toBe(300_000);
    expect(parseRetryAfter("Wed, 02 Dec 2026 10:00:05 GMT", Date.parse("2026-12-02T10:00:00Z"))).toBe(5000);
    expect(parseRetryAfter("soon")).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
  });
});

describe("withRetry (simulated clock)", () => {
  const policy = { callTimeoutMs: 60_000, attemptTimeoutMs: 5_000, baseDelayMs: 100, maxDelayMs: 10_000 };

  it("retries transient failures with growing jittered waits until one succeeds", async () => {
    const clock = new VirtualClock(() => 0.5);
    let calls = 0;
    const out = await clock.run(
      withRetry(
        async () => {
          if (++calls < 4) throw aws("ServiceUnavailableException", 503);
          return "ok";
        },
        { label: "lambda:ListFunctions", policy, clock },
      ),
    );
    expect(out).toBe("ok");
    expect(calls).toBe(4);
    // One attempt timer per attempt plus the backoffs 50, 100, 200 (random 0.5 × 100·2^n).
    expect(clock.sleeps.filter((s) => s !== 5_000)).toEqual([50, 100, 200]);
  });

  it("honours Retry-After from the raw response", async () => {
    const clock = new VirtualClock(() => 0);
    let calls = 0;
    const throttle = aws("TooManyRequestsException", 429, { $response: { headers: { "retry-after": "3" } } });
    await clock.run(
      withRetry(
        async () => {
          if (++calls < 2) throw throttle;
          return 1;
        },
        { label: "x", policy, clock },
      ),
    );
    expect(clock.t).toBeGreaterThanOrEqual(3000);
  });

  it("never retries a denial, not-found or refused credentials", async () => {
    for (const err of [
      aws("AccessDeniedException", 403),
      aws("ResourceNotFoundException", 404),
      aws("UnrecognizedClientException", 403),
    ]) {
      const clock = new VirtualClock();
      let calls = 0;
      await expect(
        clock.run(
          withRetry(
            async () => {
              calls++;
              throw err;
            },
            { label: "x", policy, clock },
          ),
        ),
      ).rejects.toBe(err);
      expect(calls).toBe(1);
    }
  });

  it("gives up only at the call's deadline, naming the call and the last error", async () => {
    const clock = new VirtualClock(() => 1);
    let calls = 0;
    const err = await clock
      .run(
        withRetry(
          async () => {
            calls++;
            throw aws("ServiceException", 500);
          },
          { label: "lambda:GetPolicy in eu-west-1", policy, clock },
        ),
      )
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CallDeadlineError);
    expect((err as Error).message).toMatch(
      /^lambda:GetPolicy in eu-west-1 still failing after \d+ attempts in \d+ s \(last: ServiceException: ServiceException happened\)$/,
    );
    // Close to the 60 s deadline, not after it, and many attempts (backoff capped at 10 s).
    expect(clock.t).toBeLessThanOrEqual(60_000);
    expect(clock.t).toBeGreaterThan(45_000);
    expect(calls).toBeGreaterThanOrEqual(8);
  });

  it("bounds each attempt: a hung attempt times out and the next one runs", async () => {
    const clock = new VirtualClock(() => 0);
    let calls = 0;
    const signals: AbortSignal[] = [];
    const out = await clock.run(
      withRetry(
        (signal) => {
          signals.push(signal);
          return ++calls === 1 ? new Promise<never>(() => {}) : Promise.resolve("second");
        },
        { label: "x", policy, clock },
      ),
    );
    expect(out).toBe("second");
    expect(signals[0]!.aborted).toBe(true);
    expect(signals[0]!.reason).toBeInstanceOf(AttemptTimeoutError);
    expect(clock.t).toBe(5_000);
  });

  it("takes a token per attempt and slows the bucket on throttling", async () => {
    const clock = new VirtualClock(() => 0);
    const bucket = new TokenBucket(10, undefined, clock);
    let calls = 0;
    await clock.run(
      withRetry(
        async () => {
          if (++calls <= 2) throw aws("ThrottlingException", 400);
          return 1;
        },
        { label: "x", policy, clock, pacer: bucket },
      ),
    );
    expect(bucket.stats.taken).toBe(3);
    expect(bucket.stats.throttles).toBe(2);
    expect(bucket.rate).toBeLessThan(10);
  });

  it("the scan-wide signal ends waits at once with ScanTimeoutError", async () => {
    const clock = new VirtualClock(() => 1);
    const scan = new AbortController();
    const p = withRetry(
      async () => {
        throw aws("ServiceException", 500);
      },
      { label: "x", policy, clock, signal: scan.signal },
    );
    clock.setTimeout(() => scan.abort(), 1_000);
    await expect(clock.run(p)).rejects.toBeInstanceOf(ScanTimeoutError);
    expect(clock.t).toBe(1_000);
  });
});

describe("AwsClients: the policy on every SDK call (emulator)", () => {
  let emu: EmulatorHandle | undefined;
  let clients: AwsClients | undefined;
  let server: Server | undefined;
  const sockets: Socket[] = [];
  afterEach(async () => {
    clients?.destroy();
    await emu?.close();
    if (server) {
      // The hung server keeps its sockets: drop them so close() returns.
      const s = server;
      await new Promise((r) => {
        s.close(r);
        for (const sock of sockets) sock.destroy();
      });
    }
    sockets.length = 0;
    emu = clients = server = undefined;
  });
  const fast = { baseDelayMs: 1, maxDelayMs: 20, attemptTimeoutMs: 2_000, callTimeoutMs: 20_000 };

  // Throttling answers Retry-After: 1 (s), honoured in real time here: fewer faults for that one.
  it.each([
    ["ServiceUnavailable", 0.5],
    ["ServiceException", 0.5],
    ["reset", 0.5],
    ["malformed", 0.5],
    ["Throttling", 0.15],
  ] as const)("rides out calls failing with %s (rate %s)", async (error, rate) => {
    emu = await startEmulator(
      baseState((j) => {
        (j.behaviour as Record<string, unknown>).seed = 7;
        (j.behaviour as Record<string, unknown>).faults = [{ service: "lambda", error, rate }];
      }),
    );
    clients = new AwsClients({ endpointUrl: emu.url, apiBudget: 100, credentials, retry: fast });
    for (let i = 0; i < 10; i++) {
      const out = await clients.lambda("us-east-1").send(new ListFunctionsCommand({}));
      expect(out.Functions!.map((f) => f.FunctionName).sort()).toEqual(["internal", "webhook"]);
    }
    expect(emu.stats().faults).toBeGreaterThan(0);
    expect(Object.values(clients.attemptErrors).reduce((a, b) => a + b, 0)).toBe(emu.stats().faults);
  });

  it("does not retry AccessDenied: one request reaches the emulator", async () => {
    emu = await startEmulator(
      baseState((j) => {
        (j.behaviour as Record<string, unknown>).faults = [
          { operation: "LookupEvents", error: "AccessDeniedException" },
        ];
      }),
    );
    clients = new AwsClients({ endpointUrl: emu.url, apiBudget: 100, credentials, retry: fast });
    await expect(clients.cloudtrail("us-east-1").send(new LookupEventsCommand({}))).rejects.toMatchObject({
      name: "AccessDeniedException",
    });
    expect(emu.stats().requests["cloudtrail:LookupEvents"]).toBe(1);
  });

  it("a server that accepts and never answers: the call ends at its deadline, not never", async () => {
    server = createServer((sock) => void sockets.push(sock));
    await new Promise<void>((r) => server!.listen(0, "127.0.0.1", r));
    const port = (server.address() as { port: number }).port;
    clients = new AwsClients({
      endpointUrl: `http://127.0.0.1:${port}`,
      apiBudget: 1,
      credentials,
      retry: { baseDelayMs: 1, maxDelayMs: 10, attemptTimeoutMs: 200, callTimeoutMs: 700 },
    });
    const t0 = performance.now();
    const err = await clients
      .sts()
      .send(new GetCallerIdentityCommand({}))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CallDeadlineError);
    expect((err as Error).message).toMatch(/^sts:GetCallerIdentity still failing after [2-9] attempts/);
    expect(performance.now() - t0).toBeLessThan(5_000);
  });
});
