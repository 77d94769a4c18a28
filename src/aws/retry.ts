/**
 * The one retry policy for every AWS call the scan makes (the SDK's own retries are off: `maxAttempts: 1`).
 *
 * - Exponential backoff with full jitter (delay = random × min(cap, base × 2^attempt)), never less than the
 *   server's `Retry-After`.
 * - Retries throttling, 5xx, connection resets/refusals, timeouts, and bodies that do not parse (truncated or
 *   another protocol, e.g. a proxy's HTML page). Never retries denials, "not found", refused credentials (an
 *   opt-in region that is not enabled) or other 4xx: those are answers, not turbulence.
 * - Gives up only when the call's deadline (covering every attempt) would pass, then throws
 *   `CallDeadlineError`, which names the call, the attempts and the last error.
 * - Each attempt is bounded on its own (`attemptTimeoutMs`) so one hung connection costs one attempt, and the
 *   scan-wide `signal` (scan --timeout) cancels waits and attempts at once with `ScanTimeoutError`.
 *
 * `clients.ts` applies this to every SDK client it builds (an SDK middleware), so a new client created there is
 * covered automatically. Code that talks to something other than an SDK client calls `withRetry` directly.
 */
import { awsErrorCode } from "./errors.js";

/** Time, sleeping and randomness, injectable so tests run on a simulated clock. */
export interface RetryClock {
  now(): number;
  /** Resolves after `ms`; rejects (with the signal's reason) when `signal` aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  random(): number;
}

export const realClock: RetryClock = {
  now: () => performance.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason as Error);
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal!.reason as Error);
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      }, ms);
      signal?.addEventListener("abort", onAbort, { once: true });
    }),
  random: () => Math.random(),
};

/** What a pacing bucket offers the retry loop (src/aws/ratelimit.ts `TokenBucket`). */
export interface Pacer {
  take(signal?: AbortSignal): Promise<void>;
  /** AWS throttled a call paced by this bucket: slow down. */
  throttled(): void;
  /** A call succeeded: speed back up towards the configured rate. */
  succeeded(): void;
}

export interface RetryPolicy {
  /** Deadline for one call, all attempts and waits included. */
  callTimeoutMs: number;
  /** Bound on one attempt (connect, send, response, body). */
  attemptTimeoutMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  callTimeoutMs: 120_000,
  attemptTimeoutMs: 20_000,
  baseDelayMs: 100,
  maxDelayMs: 10_000,
};

export interface RetryOptions {
  /** Names the call in errors and coverage, e.g. "lambda:GetPolicy". */
  label: string;
  policy?: Partial<RetryPolicy>;
  clock?: RetryClock;
  /** Token bucket taken before every attempt; told about throttles and successes (AIMD). */
  pacer?: Pacer;
  /** Scan-wide cancellation (scan --timeout). */
  signal?: AbortSignal;
  /** Retry-After of a failed attempt (ms); default: the SDK error's raw response header. */
  retryAfterMs?: (err: unknown) => number | undefined;
  /** Every failed attempt, retried or not (statistics). */
  onAttemptError?: (err: unknown, kind: ErrorKind) => void;
}

export type ErrorKind =
  | "throttling"
  | "server"
  | "network"
  | "timeout"
  | "malformed"
  | "denied"
  | "not-found"
  | "credentials-refused"
  | "client"
  | "cancelled";

const THROTTLING_CODES = new Set([
  "ThrottlingException",
  "Throttling",
  "TooManyRequestsException",
  "RequestLimitExceeded",
  "RequestThrottled",
  "RequestThrottledException",
  "SlowDown",
  "ProvisionedThroughputExceededException",
  "PriorRequestNotComplete",
  "EC2ThrottledException",
  "BandwidthLimitExceeded",
]);
const SERVER_CODES = new Set([
  "ServiceException",
  "ServiceUnavailable",
  "ServiceUnavailableException",
  "InternalError",
  "InternalFailure",
  "InternalServerError",
  "InternalServiceError",
  "InternalServiceException",
  "BadGateway",
  "GatewayTimeout",
  "RequestTimeout",
  "RequestTimeoutException",
]);
const DENIED_CODES = new Set(["AccessDeniedException", "AccessDenied", "UnauthorizedOperation"]);
const REFUSED_CODES = new Set(["UnrecognizedClientException", "InvalidClientTokenId", "AuthFailure"]);
const NOT_FOUND_CODES = new Set(["ResourceNotFoundException", "NoSuchEntity", "NotFoundException"]);
const NETWORK_CODES = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "ECONNABORTED",
  "EPIPE",
  "ETIMEDOUT",
  "ESOCKETTIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENETDOWN",
  "EAI_AGAIN",
  "ERR_STREAM_PREMATURE_CLOSE",
  "UND_ERR_SOCKET",
]);

interface ErrLike {
  name?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
  $response?: { statusCode?: number };
  $fault?: string;
  cause?: unknown;
}

/** Which kind of failure `err` is, and so whether it is worth another attempt. Pure: table-tested. */
export function classifyError(err: unknown): { kind: ErrorKind; retry: boolean } {
  const e = (err && typeof err === "object" ? err : {}) as ErrLike;
  const code = awsErrorCode(err);
  const status = e.$metadata?.httpStatusCode ?? e.$response?.statusCode;
  const kind = ((): ErrorKind => {
    if (err instanceof ScanTimeoutError) return "cancelled";
    // Before the timeout check: the SDK names a reset connection "TimeoutError" (code ECONNRESET).
    if (NETWORK_CODES.has(e.code ?? "") && e.code !== "ETIMEDOUT") return "network";
    if (err instanceof AttemptTimeoutError || e.name === "TimeoutError") return "timeout";
    if (THROTTLING_CODES.has(code) || status === 429) return "throttling";
    if (DENIED_CODES.has(code)) return "denied";
    if (REFUSED_CODES.has(code)) return "credentials-refused";
    if (NOT_FOUND_CODES.has(code)) return "not-found";
    if (SERVER_CODES.has(code)) return "server";
    if (NETWORK_CODES.has(e.code ?? "") || NETWORK_CODES.has(code)) return "network";
    // "socket hang up", "aborted": the connection died mid-response.
    if (/socket hang up|^aborted$|premature close|other side closed/i.test(e.message ?? "")) return "network";
    // A body that does not parse (truncated JSON/XML, an HTML page from a proxy): the SDK's deserializer
    // throws a SyntaxError-like error, or an error without a modelled code carrying the raw response.
    if (
      e.name === "SyntaxError" ||
      /Deserialization error|Unexpected end of|Expected .* but/i.test(e.message ?? "")
    )
      return "malformed";
    if (status !== undefined && status >= 500 && status !== 501) return "server";
    if (status === 408) return "timeout";
    return "client";
  })();
  const retry =
    kind === "throttling" ||
    kind === "server" ||
    kind === "network" ||
    kind === "timeout" ||
    kind === "malformed";
  return { kind, retry };
}

/** Retry-After in seconds (what AWS sends) or an HTTP date, capped at 5 minutes. */
export function parseRetryAfter(value: string | undefined, nowMs = Date.now()): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds, 300) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.min(Math.max(0, at - nowMs), 300_000);
}

/** The Retry-After header of the raw response an SDK error carries (`$response`), in ms. */
export function retryAfterOf(err: unknown): number | undefined {
  const headers = (err as { $response?: { headers?: Record<string, string> } } | undefined)?.$response
    ?.headers;
  if (!headers) return undefined;
  return parseRetryAfter(headers["retry-after"] ?? headers["Retry-After"]);
}

/** Full-jitter exponential backoff for `attempt` (0-based), at least `retryAfterMs`. Pure. */
export function backoffDelay(
  attempt: number,
  policy: Pick<RetryPolicy, "baseDelayMs" | "maxDelayMs">,
  random: number,
  retryAfterMs = 0,
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(attempt, 30));
  return Math.max(retryAfterMs, Math.floor(random * ceiling));
}

/** A call that kept failing transiently until its deadline. The message names the call and the last error. */
export class CallDeadlineError extends Error {
  override readonly name = "CallDeadlineExceeded";
  constructor(
    readonly label: string,
    readonly attempts: number,
    readonly elapsedMs: number,
    readonly last: unknown,
  ) {
    super(
      `${label} still failing after ${attempts} attempt${attempts === 1 ? "" : "s"} in ${Math.round(elapsedMs / 1000)} s (last: ${describeLast(last)})`,
    );
  }
}

/** The scan-wide deadline (scan --timeout) passed while this call was waiting or running. */
export class ScanTimeoutError extends Error {
  override readonly name = "ScanTimedOut";
  constructor(message = "the scan's --timeout was reached") {
    super(message);
  }
}

/** One attempt took longer than `attemptTimeoutMs` (a connection that never answers). */
export class AttemptTimeoutError extends Error {
  override readonly name = "TimeoutError";
  constructor(ms: number) {
    super(`no complete response within ${Math.round(ms / 1000)} s`);
  }
}

function describeLast(err: unknown): string {
  const code = awsErrorCode(err);
  const msg = (err instanceof Error ? err.message : String(err)).split("\n")[0] ?? "";
  return (msg && msg !== code ? `${code}: ${msg}` : code).slice(0, 300);
}

/** Cancels an attempt's timer once the attempt has settled. */
const ATTEMPT_SETTLED = Object.freeze({ settled: true });

/** Rejects when `signal` aborts; never resolves otherwise. */
function whenAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(signal.reason as Error);
    else signal.addEventListener("abort", () => reject(signal.reason as Error), { once: true });
  });
}

/**
 * Runs `attempt` under the retry policy. `attempt` gets a signal that aborts when that attempt times out or
 * the scan is cancelled; pass it on to the transport so the socket is released too.
 */
export async function withRetry<T>(
  attempt: (signal: AbortSignal) => Promise<T>,
  opts: RetryOptions,
): Promise<T> {
  const policy = { ...DEFAULT_RETRY_POLICY, ...opts.policy };
  const clock = opts.clock ?? realClock;
  const start = clock.now();
  const deadline = start + policy.callTimeoutMs;
  const scan = opts.signal;
  const cancelled = () => new ScanTimeoutError();
  let last: unknown;
  for (let n = 0; ; n++) {
    if (scan?.aborted) throw cancelled();
    const ctl = new AbortController();
    const onScanAbort = () => ctl.abort(cancelled());
    scan?.addEventListener("abort", onScanAbort, { once: true });
    try {
      if (opts.pacer) await Promise.race([opts.pacer.take(ctl.signal), whenAborted(ctl.signal)]);
      // The attempt's own bound starts once it holds a token: queueing behind our pacing is not a timeout.
      const budget = Math.max(1, Math.min(policy.attemptTimeoutMs, deadline - clock.now()));
      const timer = new AbortController();
      clock.sleep(budget, timer.signal).then(
        () => ctl.abort(new AttemptTimeoutError(budget)),
        () => undefined,
      );
      try {
        const out = await Promise.race([attempt(ctl.signal), whenAborted(ctl.signal)]);
        opts.pacer?.succeeded();
        return out;
      } finally {
        // A preallocated reason: abort() without one builds a DOMException (and its stack) on every call.
        timer.abort(ATTEMPT_SETTLED);
      }
    } catch (caught) {
      if (caught instanceof ScanTimeoutError || scan?.aborted) throw cancelled();
      // The transport may reject with its own AbortError when our attempt timer fired: report the timeout.
      const err = ctl.signal.reason instanceof AttemptTimeoutError ? ctl.signal.reason : caught;
      const { kind, retry } = classifyError(err);
      opts.onAttemptError?.(err, kind);
      if (kind === "throttling") opts.pacer?.throttled();
      if (!retry) throw err;
      last = err;
    } finally {
      scan?.removeEventListener("abort", onScanAbort);
    }
    const wait = backoffDelay(n, policy, clock.random(), (opts.retryAfterMs ?? retryAfterOf)(last));
    if (clock.now() + wait >= deadline) {
      throw new CallDeadlineError(opts.label, n + 1, clock.now() - start, last);
    }
    try {
      await clock.sleep(wait, scan);
    } catch {
      throw cancelled();
    }
  }
}
