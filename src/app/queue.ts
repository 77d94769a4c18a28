/**
 * Where deliveries do their work. GitHub gives a webhook 10 s and then marks it failed; a fix PR can
 * take longer (reads, the engine, paced writes). In `background` mode (the Node server) the handler
 * only enqueues and returns, so the webhook is acknowledged at once; the work runs after the response,
 * one job at a time per repository (the same serialisation the handlers relied on). In `inline` mode
 * (the Lambda's deferred invocation, tests) the handler waits for the job. Either way a job that throws
 * is retried with backoff, and a job that still fails is handed to `onGiveUp` (the tracking issue), so
 * nothing is lost silently.
 */
export interface QueueOptions {
  background: boolean;
  /** Attempts per job, the first included. */
  attempts?: number;
  /** Wait before attempt 2, 3, …; the last value repeats. */
  backoffMs?: readonly number[];
  sleep?: (ms: number) => Promise<void>;
  /** Jobs waiting per repository; more are refused (a flood of deliveries must not grow memory). */
  maxPending?: number;
}

export type GiveUp = (err: unknown, attempts: number) => Promise<void>;

export class DeliveryQueue {
  readonly background: boolean;
  readonly #attempts: number;
  readonly #backoff: readonly number[];
  readonly #sleep: (ms: number) => Promise<void>;
  readonly #maxPending: number;
  readonly #tails = new Map<string, { tail: Promise<void>; pending: number }>();

  constructor(opts: QueueOptions) {
    this.background = opts.background;
    this.#attempts = Math.max(1, opts.attempts ?? 3);
    this.#backoff = opts.backoffMs ?? [2_000, 10_000];
    this.#sleep = opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.#maxPending = opts.maxPending ?? 100;
  }

  /**
   * Runs `job` after the repository's earlier jobs. Background: resolves once queued (rejects only when
   * the repository's queue is full). Inline: resolves when the job is done or given up.
   */
  async run(key: string, job: () => Promise<unknown>, onGiveUp: GiveUp): Promise<void> {
    const slot = this.#tails.get(key) ?? { tail: Promise.resolve(), pending: 0 };
    if (slot.pending >= this.#maxPending)
      throw new Error(`more than ${this.#maxPending} deliveries waiting for ${key}; refusing this one`);
    slot.pending++;
    const done = slot.tail.then(() => this.#attempt(job, onGiveUp));
    slot.tail = done.finally(() => {
      slot.pending--;
      if (slot.pending === 0 && this.#tails.get(key) === slot) this.#tails.delete(key);
    });
    this.#tails.set(key, slot);
    if (!this.background) await done;
  }

  /** Resolves when every queued job has finished (tests, graceful shutdown). */
  async idle(): Promise<void> {
    while (this.#tails.size > 0) await Promise.all([...this.#tails.values()].map((s) => s.tail));
  }

  async #attempt(job: () => Promise<unknown>, onGiveUp: GiveUp): Promise<void> {
    let last: unknown;
    for (let i = 1; i <= this.#attempts; i++) {
      try {
        await job();
        return;
      } catch (err) {
        last = err;
        if (i < this.#attempts)
          await this.#sleep(this.#backoff[Math.min(i - 1, this.#backoff.length - 1)] ?? 0);
      }
    }
    try {
      await onGiveUp(last, this.#attempts);
    } catch {
      // Reporting failed too (GitHub down): the log line from onGiveUp's caller is all that is left.
    }
  }
}
