import { describe, expect, it } from "vitest";
import { DeliveryQueue } from "../../src/app/queue.js";

const tick = () => new Promise((r) => setImmediate(r));

describe("delivery queue", () => {
  it("background: run() returns before the job runs; jobs of one repository run one after the other", async () => {
    const q = new DeliveryQueue({ background: true, sleep: async () => {} });
    const log: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    await q.run(
      "a",
      async () => {
        log.push("a1 start");
        await gate;
        log.push("a1 end");
      },
      async () => {},
    );
    await q.run(
      "a",
      async () => void log.push("a2"),
      async () => {},
    );
    await q.run(
      "b",
      async () => void log.push("b1"),
      async () => {},
    );
    await tick();
    expect(log).toEqual(["a1 start", "b1"]); // acknowledged; b is not held up by a
    release();
    await q.idle();
    expect(log).toEqual(["a1 start", "b1", "a1 end", "a2"]);
  });

  it("retries with the configured backoff, then gives up with the last error", async () => {
    const waits: number[] = [];
    const q = new DeliveryQueue({
      background: false,
      attempts: 3,
      backoffMs: [5, 50],
      sleep: async (ms) => void waits.push(ms),
    });
    let calls = 0;
    const gaveUp: unknown[] = [];
    await q.run(
      "a",
      async () => {
        calls++;
        throw new Error(`boom ${calls}`);
      },
      async (err, attempts) => void gaveUp.push([(err as Error).message, attempts]),
    );
    expect(calls).toBe(3);
    expect(waits).toEqual([5, 50]);
    expect(gaveUp).toEqual([["boom 3", 3]]);
  });

  it("a job that succeeds on a retry is not given up", async () => {
    const q = new DeliveryQueue({ background: false, sleep: async () => {} });
    let calls = 0;
    let gaveUp = false;
    await q.run(
      "a",
      async () => {
        if (++calls < 2) throw new Error("once");
      },
      async () => void (gaveUp = true),
    );
    expect(calls).toBe(2);
    expect(gaveUp).toBe(false);
  });

  it("refuses more waiting jobs per repository than its bound", async () => {
    const q = new DeliveryQueue({ background: true, maxPending: 2, sleep: async () => {} });
    const never = new Promise<void>(() => {});
    await q.run(
      "a",
      () => never,
      async () => {},
    );
    await q.run(
      "a",
      async () => {},
      async () => {},
    );
    await expect(
      q.run(
        "a",
        async () => {},
        async () => {},
      ),
    ).rejects.toThrow(/more than 2 deliveries/);
    await q.run(
      "b",
      async () => {},
      async () => {},
    ); // other repositories are not affected
  });
});
