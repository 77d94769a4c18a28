/** Token buckets: `rate` requests per second with a burst of one second's worth. */

export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    readonly rate: number,
    now: number,
  ) {
    this.tokens = rate;
    this.last = now;
  }

  /** Take one token; returns 0 when granted, else the milliseconds until one will be available. */
  take(now: number): number {
    const burst = Math.max(1, this.rate);
    this.tokens = Math.min(burst, this.tokens + ((now - this.last) / 1000) * this.rate);
    this.last = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - this.tokens) / this.rate) * 1000);
  }
}

export type QuotaValue = number | "unlimited";

/** Buckets keyed by scope ("us-east-1" or "account") and bucket name; re-created when the quota changes. */
export class Throttler {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(private readonly clock: () => number) {}

  /** 0 when the request may proceed, else milliseconds until it could. */
  take(scope: string, bucket: string, quota: QuotaValue): number {
    if (quota === "unlimited") return 0;
    const key = `${scope}\u0000${bucket}`;
    const now = this.clock();
    let b = this.buckets.get(key);
    if (!b || b.rate !== quota) {
      b = new TokenBucket(quota, now);
      this.buckets.set(key, b);
    }
    return b.take(now);
  }
}
