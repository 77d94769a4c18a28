import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { EmulatorState } from "../src/emulator/state.js";

/**
 * How to start a child running the CLI or the bench runner. `npm run bench` runs a bundle (scripts/bench.mjs)
 * on plain node, with cli.js beside run.js, so child processes are bundles too; from source they run under tsx.
 * Either way no TypeScript loader sits in a measured process.
 */
function nodeArgs(which: "cli" | "run"): string[] {
  const bundled = fileURLToPath(new URL(`./${which}.js`, import.meta.url));
  if (existsSync(bundled)) return [bundled];
  const src = which === "cli" ? "../src/cli/index.ts" : "./run.ts";
  return ["--import", "tsx", fileURLToPath(new URL(src, import.meta.url))];
}

/** Runs the bench runner with `args` in a child; resolves with its stdout. */
export async function runChild(args: string[]): Promise<string> {
  const child = spawn(process.execPath, [...nodeArgs("run"), ...args], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`bench child ${args[0]} exited with ${code}`);
  return out;
}

/**
 * The emulator runs in its own process during benchmarks, so its CPU does not count against the scanner
 * on a 2-core machine and the scanner's peak RSS is its own.
 */
export async function startEmulatorProcess(
  stateOrFile: EmulatorState | string,
): Promise<{ url: string; stop: () => void }> {
  let file = stateOrFile as string;
  if (typeof stateOrFile !== "string") {
    file = join(tmpdir(), `lg-bench-state-${process.pid}-${Date.now()}.json`);
    await writeFile(file, JSON.stringify(stateOrFile));
  }
  const child: ChildProcess = spawn(
    process.execPath,
    [...nodeArgs("cli"), "emulate", "--state", file, "--port", "0"],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let buf = "";
    child.stdout!.on("data", (d: Buffer) => {
      buf += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(buf);
      if (m) resolve(m[1]!);
    });
    child.once("exit", (code) => reject(new Error(`emulator exited with ${code}`)));
  });
  child.stdout!.resume();
  return { url, stop: () => void child.kill("SIGTERM") };
}

export function peakRssSampler(): { stop: () => number } {
  let peak = process.memoryUsage().rss;
  const t = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
  return {
    stop: () => {
      clearInterval(t);
      return Math.max(peak, process.resourceUsage().maxRSS * 1024);
    },
  };
}
