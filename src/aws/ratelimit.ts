/**
 * A token bucket per (region, quota bucket). The scan runs at the documented quota times --api-budget and
 * no faster, so AWS never has to throttle us; the SDK's retries stay a safety net, not the pacing.
 *
 * Tokens are handed out in FIFO order to waiters, so concurrency above the rate only queues work instead
 * of bursting. `burst` defaults to one second's worth of tokens (at least 1).
 */
export interface BucketStats {
  taken: number;
  waitedMs: number;
  /** How many takes had to wait for a token. */
  waits: number;
}

export class TokenBucket {
  readonly rate: number;
  readonly burst: number;
  private tokens: number;
  private last: number;
  private queue: (() => void)[] = [];
  private timer: NodeJS.Timeout | null = null;
  readonly stats: BucketStats = { taken: 0, waitedMs: 0, waits: 0 };

  constructor(
    ratePerSecond: number,
    burst?: number,
    private readonly clock: () => number = () => performance.now(),
  ) {
    if (!(ratePerSecond > 0)) throw new RangeError(`rate must be positive, got ${ratePerSecond}`);
    this.rate = ratePerSecond;
    this.burst = Math.max(1, burst ?? Math.floor(ratePerSecond));
    // Start with one token, not a full burst: a scan that starts with a burst of `rate` calls on top of
    // a steady `rate` would exceed the quota within the first second.
    this.tokens = 1;
    this.last = this.clock();
  }

  private refill(): void {
    const now = this.clock();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.rate);
    this.last = now;
  }

  /** Resolves when a token is available; waiters are served in arrival order. */
  take(): Promise<void> {
    this.refill();
    if (this.queue.length === 0 && this.tokens >= 1) {
      this.tokens -= 1;
      this.stats.taken++;
      return Promise.resolve();
    }
    const start = this.clock();
    this.stats.waits++;
    return new Promise((resolve) => {
      this.queue.push(() => {
        this.stats.taken++;
        this.stats.waitedMs += this.clock() - start;
        resolve();
      });
      this.schedule();
    });
  }

  /** Waiting callers (for progress output: "throttling waits"). */
  get pending(): number {
    return this.queue.length;
  }

  private schedule(): void {
    if (this.timer) return;
    this.refill();
    while (this.queue.length > 0 && this.tokens >= 1) {
      this.tokens -= 1;
      this.queue.shift()!();
    }
    if (this.queue.length === 0) return;
    const waitMs = Math.max(1, ((1 - this.tokens) / this.rate) * 1000);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.schedule();
    }, waitMs);
  }
}
