import { spawn, type ChildProcess } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { EmulatorState } from "../src/emulator/state.js";

/**
 * The emulator runs in its own process during benchmarks, so its CPU does not count against the scanner
 * on a 2-core machine and the scanner's peak RSS is its own.
 */
export async function startEmulatorProcess(state: EmulatorState): Promise<{ url: string; stop: () => void }> {
  const file = join(tmpdir(), `lg-bench-state-${process.pid}-${Date.now()}.json`);
  await writeFile(file, JSON.stringify(state));
  const cli = fileURLToPath(new URL("../src/cli/index.ts", import.meta.url));
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", cli, "emulate", "--state", file, "--port", "0"],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let buf = "";
    child.stdout!.on("data", (d: Buffer) => {
      buf += d.toString();
      const m = buf.match(/listening on (http:\/\/\S+)/);
      if (m) resolve(m[1]!);
    });
    child.once("exit", (code) => reject(new Error(`emulator exited with ${code}`)));
  });
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
