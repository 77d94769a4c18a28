/**
 * A token bucket per (region, quota bucket). The scan runs at the documented quota times --api-budget and
 * no faster, so AWS should not have to throttle us. When it does anyway (someone else uses the same quota, or
 * the quota is lower than documented), the bucket halves its rate (at most once per second, so one burst of
 * throttles counts once, and never below `minRate`) and creeps back up with every success (+1 % of the rate, at
 * least 0.02 req/s): slow probing, fast retreat, as TCP does, so the scan stops competing instead of hammering.
 *
 * Halving alone is slow to find a quota far below the configured rate (10× takes four halvings, four seconds
 * of mostly throttled calls), so a throttle also caps the rate at what AWS actually granted over the last
 * second, the calls that succeeded in it: the goodput is the best measure of the quota we have. The cap only
 * applies when that second saw successes; a throttle after an idle spell just halves.
 *
 * Tokens are handed out in FIFO order to waiters, so concurrency above the rate only queues work instead
 * of bursting. `burst` defaults to one second's worth of tokens (at least 1).
 */
import type { Pacer } from "./retry.js";

export interface BucketStats {
  taken: number;
  waitedMs: number;
  /** How many takes had to wait for a token. */
  waits: number;
  /** Throttles reported by AWS for calls paced here. */
  throttles: number;
  /** Lowest rate the bucket fell to (requests/s). */
  minRate: number;
}

/** Timers, injectable so tests drive the bucket on a simulated clock. */
export interface BucketTimers {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: BucketTimers = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

interface Waiter {
  grant: () => void;
}

export class TokenBucket implements Pacer {
  /** The configured (ceiling) rate. */
  readonly maxRate: number;
  /** The current rate: lower than maxRate after throttling. */
  rate: number;
  private readonly maxBurst: number;
  private tokens: number;
  private last: number;
  private lastDecrease = -Infinity;
  /** When the calls of the last second succeeded (bounded: entries older than 1 s are dropped on push). */
  private successes: number[] = [];
  private queue: Waiter[] = [];
  private timer: unknown = null;
  private readonly timers: BucketTimers;
  readonly stats: BucketStats;

  /** Throttling never slows the bucket below this (requests/s). */
  readonly minRate: number;

  constructor(
    ratePerSecond: number,
    burst?: number,
    timers: Partial<BucketTimers> = {},
    minRate = Math.min(ratePerSecond, 0.1),
  ) {
    if (!(ratePerSecond > 0)) throw new RangeError(`rate must be positive, got ${ratePerSecond}`);
    this.timers = { ...realTimers, ...timers };
    this.maxRate = ratePerSecond;
    this.minRate = Math.min(ratePerSecond, Math.max(0.01, minRate));
    this.rate = ratePerSecond;
    this.maxBurst = Math.max(1, burst ?? Math.floor(ratePerSecond));
    // Start with one token, not a full burst: a scan that starts with a burst of `rate` calls on top of
    // a steady `rate` would exceed the quota within the first second.
    this.tokens = 1;
    this.last = this.timers.now();
    this.stats = { taken: 0, waitedMs: 0, waits: 0, throttles: 0, minRate: ratePerSecond };
  }

  get burst(): number {
    return Math.max(1, Math.min(this.maxBurst, Math.floor(this.rate)));
  }

  private refill(): void {
    const now = this.timers.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.rate);
    this.last = now;
  }

  /** Resolves when a token is available; waiters are served in arrival order. An aborted wait leaves the queue. */
  take(signal?: AbortSignal): Promise<void> {
    this.refill();
    if (this.queue.length === 0 && this.tokens >= 1) {
      this.tokens -= 1;
      this.stats.taken++;
      return Promise.resolve();
    }
    const start = this.timers.now();
    this.stats.waits++;
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        grant: () => {
          signal?.removeEventListener("abort", onAbort);
          this.stats.taken++;
          this.stats.waitedMs += this.timers.now() - start;
          resolve();
        },
      };
      const onAbort = () => {
        const i = this.queue.indexOf(waiter);
        if (i >= 0) this.queue.splice(i, 1);
        reject(signal!.reason as Error);
      };
      if (signal?.aborted) return onAbort();
      signal?.addEventListener("abort", onAbort, { once: true });
      this.queue.push(waiter);
      this.schedule();
    });
  }

  /** Multiplicative decrease: halve the rate, at most once per second. */
  throttled(): void {
    this.stats.throttles++;
    // AWS's bucket is empty: so is ours, whatever it had saved up, or the next burst is throttled too.
    this.refill();
    this.tokens = Math.min(this.tokens, 0);
    const now = this.timers.now();
    if (now - this.lastDecrease < 1000) return;
    this.lastDecrease = now;
    this.refill();
    this.pruneSuccesses(now);
    const granted = this.successes.length;
    const halved = this.rate / 2;
    this.rate = Math.max(this.minRate, granted > 0 ? Math.min(halved, granted) : halved);
    this.tokens = Math.min(this.tokens, this.burst);
    this.stats.minRate = Math.min(this.stats.minRate, this.rate);
  }

  /** Slow probing back up: +1 % per success (at least +0.02 req/s), so a quota we just hit is approached
   * again over tens of calls rather than a few, keeping throttled calls a small fraction. */
  succeeded(): void {
    const now = this.timers.now();
    this.successes.push(now);
    this.pruneSuccesses(now);
    if (this.rate >= this.maxRate) return;
    this.refill();
    this.rate = Math.min(this.maxRate, this.rate + Math.max(0.02, this.rate * 0.01));
  }

  private pruneSuccesses(now: number): void {
    let drop = 0;
    while (drop < this.successes.length && this.successes[drop]! <= now - 1000) drop++;
    if (drop > 0) this.successes.splice(0, drop);
  }

  /** Waiting callers (for progress output: "throttling waits"). */
  get pending(): number {
    return this.queue.length;
  }

  private schedule(): void {
    if (this.timer !== null) return;
    this.refill();
    while (this.queue.length > 0 && this.tokens >= 1) {
      this.tokens -= 1;
      this.queue.shift()!.grant();
    }
    if (this.queue.length === 0) return;
    const waitMs = Math.max(1, ((1 - this.tokens) / this.rate) * 1000);
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      this.schedule();
    }, waitMs);
  }
}
