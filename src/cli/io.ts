/** The CLI's streams, injectable so tests can drive `main()` without a subprocess. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** stderr is a terminal: live progress is worth drawing. */
  errIsTTY: boolean;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export function processIo(): Io {
  return {
    out: (t) => void process.stdout.write(t),
    err: (t) => void process.stderr.write(t),
    // A getter: touching process.stderr builds its stream (net or tty), a cost only `scan` progress needs.
    get errIsTTY() {
      return Boolean(process.stderr.isTTY) && !process.env.CI;
    },
    cwd: process.cwd(),
    env: process.env,
  };
}
