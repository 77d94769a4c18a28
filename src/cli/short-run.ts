/**
 * `iac` and `fix` usually finish in a few hundred milliseconds. V8 hands a function to its optimising
 * compiler once it has run some 66 kB of bytecode (--interrupt-budget) and compiles it on background
 * threads: on a six-file project that was eleven functions (the YAML lexer, Node's URL-to-path conversion
 * for every chunk loaded, web-tree-sitter's node marshalling) and ~50 ms of the run's CPU, for code that had
 * mostly finished running when its optimised version was ready. With a budget eight times as large a short
 * run optimises nothing, and a long one still optimises what stays hot, a little later: `lambda-guard iac`
 * on bench/iac.ts's 5,000-file repository took no more CPU with it (best of four, 8.1 s against 8.7 s).
 *
 * Changing V8 flags at run time is a blunt tool; this one only moves when tiering up happens, and only the
 * executable sets it, for these two commands (the Action and the app are long-lived or scan accounts).
 */
export async function tuneForShortRun(): Promise<void> {
  const { setFlagsFromString } = await import("node:v8");
  setFlagsFromString(`--interrupt-budget=${8 * 67_584}`);
}
