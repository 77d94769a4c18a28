/**
 * Serialises work per key inside one process, so two concurrent deliveries for the same repository
 * and check run one after the other (the second then finds the first's PR). Across processes the
 * Git refs API is the arbiter: a 422 "already exists" makes the loser re-read and update.
 */
export class KeyedLock {
  readonly #tails = new Map<string, Promise<unknown>>();

  async run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const prev = this.#tails.get(key) ?? Promise.resolve();
    const result = prev.then(fn, fn);
    const tail = result.catch(() => undefined);
    this.#tails.set(key, tail);
    try {
      return await result;
    } finally {
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    }
  }
}
