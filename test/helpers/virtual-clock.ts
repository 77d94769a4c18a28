import type { BucketTimers } from "../../src/aws/ratelimit.js";
import type { RetryClock } from "../../src/aws/retry.js";

const flush = () => new Promise<void>((r) => setImmediate(r));

/**
 * Simulated time for the retry policy and the token buckets: timers fire in order of their due time, and
 * `run` advances the clock only when nothing else can happen, so tests take no real time.
 */
export class VirtualClock implements RetryClock, BucketTimers {
  t = 0;
  private seq = 0;
  private timers: { at: number; id: number; fn: () => void }[] = [];
  /** Sleeps requested, in order (to check backoff). */
  readonly sleeps: number[] = [];

  constructor(private readonly rand: () => number = () => 0.5) {}

  now = (): number => this.t;
  random = (): number => this.rand();
  setTimeout = (fn: () => void, ms: number): number => {
    const id = ++this.seq;
    this.timers.push({ at: this.t + Math.max(0, ms), id, fn });
    return id;
  };
  clearTimeout = (h: unknown): void => {
    this.timers = this.timers.filter((x) => x.id !== h);
  };
  sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason as Error);
      this.sleeps.push(ms);
      const onAbort = () => {
        this.clearTimeout(id);
        reject(signal!.reason as Error);
      };
      const id = this.setTimeout(() => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      }, ms);
      signal?.addEventListener("abort", onAbort, { once: true });
    });

  /** Settles `p`, advancing simulated time whenever everything is waiting on a timer. */
  async run<T>(p: Promise<T>, maxSteps = 100_000): Promise<T> {
    let done = false;
    p.then(
      () => (done = true),
      () => (done = true),
    );
    for (let i = 0; i < maxSteps; i++) {
      await flush();
      if (done) return p;
      if (this.timers.length === 0) throw new Error("deadlock: nothing pending and the promise is unsettled");
      this.timers.sort((a, b) => a.at - b.at || a.id - b.id);
      const next = this.timers.shift()!;
      this.t = Math.max(this.t, next.at);
      next.fn();
    }
    throw new Error("too many steps");
  }
}
