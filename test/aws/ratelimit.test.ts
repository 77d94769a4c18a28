import { describe, expect, it } from "vitest";
import { TokenBucket } from "../../src/aws/ratelimit.js";
import { mapLimit } from "../../src/model/concurrency.js";

describe("TokenBucket", () => {
  it("never exceeds burst + rate over any window (simulated clock)", async () => {
    let now = 0;
    // burst 1: any 1-second window holds at most 1 + 10 takes, however late the timers fire.
    const bucket = new TokenBucket(10, 1, () => now);
    const times: number[] = [];
    const takes = Array.from({ length: 35 }, () => bucket.take().then(() => times.push(now)));
    // Drive the clock forward; timers fire in real time but read the simulated clock.
    while (times.length < 35) {
      now += 10;
      await new Promise((r) => setTimeout(r, 1));
    }
    await Promise.all(takes);
    // 35 takes at 10/s starting with one token need at least 3.4 s.
    for (const t of times) {
      const inWindow = times.filter((x) => x >= t && x < t + 1000).length;
      expect(inWindow).toBeLessThanOrEqual(11);
    }
    expect(times[34]!).toBeGreaterThanOrEqual(3300);
    expect(bucket.stats.taken).toBe(35);
    expect(bucket.stats.waits).toBeGreaterThan(0);
  });

  it("serves waiters in arrival order", async () => {
    const bucket = new TokenBucket(200);
    const order: number[] = [];
    await Promise.all(Array.from({ length: 20 }, (_, i) => bucket.take().then(() => order.push(i))));
    expect(order).toEqual([...order].sort((a, b) => a - b));
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
