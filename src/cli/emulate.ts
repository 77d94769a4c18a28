import { loadEmulatorState, startEmulator } from "../emulator/index.js";
import { InputError } from "../model/index.js";
import type { Io } from "./io.js";
import { parsePort } from "./options.js";

/** Serves an emulated account until SIGINT/SIGTERM; the first stdout line is the contract's `listening on …`. */
export async function runEmulate(io: Io, v: Record<string, string | boolean | undefined>): Promise<number> {
  if (!v.state)
    throw new InputError(
      "--state FILE is required (an emulator state JSON file; format: README, 'The emulator')",
      "emulate",
    );
  const state = await loadEmulatorState(v.state as string);
  // Per-request lines only with --verbose: at benchmark rates they cost the emulator real CPU.
  const handle = await startEmulator(state, {
    port: parsePort(v.port as string | undefined),
    ...(v.verbose ? { log: (l: string) => io.err(`${l}\n`) } : {}),
  });
  io.out(`listening on ${handle.url}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  await handle.close();
  return 0;
}
