import type { Io } from "../../src/cli/io.js";

export function fakeIo(cwd = process.cwd()): Io & { stdout: () => string; stderr: () => string } {
  let out = "";
  let err = "";
  return {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    errIsTTY: false,
    cwd,
    env: {},
    stdout: () => out,
    stderr: () => err,
  };
}
