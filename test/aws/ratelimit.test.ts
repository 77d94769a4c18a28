import { describe, expect, it } from "vitest";
import { TokenBucket } from "../../src/aws/ratelimit.js";
import { mapLimit } from "../../src/model/concurrency.js";
import { VirtualClock } from "../helpers/virtual-clock.js";

describe("TokenBucket", () => {
  it("never exceeds burst + rate over any window (simulated clock)", async () => {
    const clock = new VirtualClock();
    // burst 1: any 1-second window holds at most 1 + 10 takes.
    const bucket = new TokenBucket(10, 1, clock);
    const times: number[] = [];
    const takes = Array.from({ length: 35 }, () => bucket.take().then(() => times.push(clock.now())));
    await clock.run(Promise.all(takes));
    for (const t of times) {
      const inWindow = times.filter((x) => x >= t && x < t + 1000).length;
      expect(inWindow).toBeLessThanOrEqual(11);
    }
    // 35 takes at 10/s starting with one token need at least 3.4 s of simulated time.
    expect(times[34]!).toBeGreaterThanOrEqual(3400);
    expect(times[34]!).toBeLessThan(3500);
    expect(bucket.stats.taken).toBe(35);
    expect(bucket.stats.waits).toBeGreaterThan(0);
  });

  it("serves waiters in arrival order", async () => {
    const clock = new VirtualClock();
    const bucket = new TokenBucket(200, undefined, clock);
    const order: number[] = [];
    await clock.run(
      Promise.all(Array.from({ length: 20 }, (_, i) => bucket.take().then(() => order.push(i)))),
    );
    expect(order).toEqual([...Array(20).keys()]);
  });

  it("halves its rate on throttling at most once a second, then recovers additively", async () => {
    const clock = new VirtualClock();
    const bucket = new TokenBucket(16, undefined, clock);
    bucket.throttled();
    bucket.throttled(); // same second: one burst of throttles counts once
    expect(bucket.rate).toBe(8);
    clock.t += 1000;
    bucket.throttled();
    expect(bucket.rate).toBe(4);
    expect(bucket.stats.throttles).toBe(3);
    expect(bucket.stats.minRate).toBe(4);
    // +1 % per success: tens of calls to regain the rate, never above the ceiling.
    let successes = 0;
    while (bucket.rate < 16) {
      bucket.succeeded();
      successes++;
    }
    expect(bucket.rate).toBe(16);
    expect(successes).toBeGreaterThan(60);
    expect(successes).toBeLessThan(200);
  });

  it.each([
    // [configured rate, successes in the last second before the throttle, rate after it]
    [20, 2, 2], // configured 10× the quota: one throttle finds the quota, not four halvings
    [20, 15, 10], // goodput above half the rate: plain halving
    [20, 0, 10], // throttled after an idle second: no measure, plain halving
    [20, 1, 1],
  ])(
    "a throttle caps the rate at the last second's goodput (rate %d, %d granted → %d)",
    (rate, granted, after) => {
      const clock = new VirtualClock();
      const bucket = new TokenBucket(rate, undefined, clock, 0.5);
      // Successes older than one second do not count.
      for (let i = 0; i < 50; i++) bucket.succeeded();
      clock.t += 1500;
      for (let i = 0; i < granted; i++) {
        bucket.succeeded();
        clock.t += 10;
      }
      bucket.throttled();
      expect(bucket.rate).toBe(after);
    },
  );

  it("never slows below its floor", () => {
    const clock = new VirtualClock();
    const bucket = new TokenBucket(16, undefined, clock, 3);
    for (let i = 0; i < 10; i++) {
      bucket.throttled();
      clock.t += 1000;
    }
    expect(bucket.rate).toBe(3);
  });

  it("paces at the lowered rate after a throttle", async () => {
    const clock = new VirtualClock();
    const bucket = new TokenBucket(10, 1, clock);
    bucket.throttled();
    const times: number[] = [];
    await clock.run(
      Promise.all(Array.from({ length: 11 }, () => bucket.take().then(() => times.push(clock.now())))),
    );
    // 5/s: the 11th token comes after 2 s, not 1 s.
    expect(times[10]!).toBeGreaterThanOrEqual(2000);
  });

  it("an aborted wait leaves the queue without a token", async () => {
    const clock = new VirtualClock();
    const bucket = new TokenBucket(1, 1, clock);
    await bucket.take();
    const ctl = new AbortController();
    const waiting = bucket.take(ctl.signal);
    expect(bucket.pending).toBe(1);
    ctl.abort(new Error("cancelled"));
    await expect(waiting).rejects.toThrow("cancelled");
    expect(bucket.pending).toBe(0);
    expect(bucket.stats.taken).toBe(1);
  });

  it("rejects a non-positive rate", () => {
    expect(() => new TokenBucket(0)).toThrow(RangeError);
  });
});

describe("mapLimit", () => {
  it("keeps order and never exceeds the limit", async () => {
    let active = 0;
    let peak = 0;
    const out = await mapLimit([5, 1, 4, 2, 3], 2, async (x) => {
      active++;
      peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, x));
      active--;
      return x * 2;
    });
    expect(out).toEqual([10, 2, 8, 4, 6]);
    expect(peak).toBe(2);
  });
});
