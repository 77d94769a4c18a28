/**
 * A local AWS endpoint for the demo, tests and benchmarks: Lambda, STS, Account, EC2 (and the services in
 * ./services/index.ts) over their real wire protocols, routed by SigV4 credential scope.
 */
import { startServer, type EmulatorHandle, type EmulatorOptions } from "./server.js";
import { SERVICES } from "./services/index.js";
import type { EmulatorState } from "./state.js";

export type { EmulatorHandle, EmulatorOptions, EmulatorStats } from "./server.js";
export { loadEmulatorState, parseEmulatorState } from "./load.js";
export type { EmulatorState } from "./state.js";
export { EMULATOR_STATE_SCHEMA_ID, EmulatorStateSchema } from "./state.js";

/** Serve `state` on 127.0.0.1 (a random port unless `opts.port`); the handle's `url` is the endpoint. */
export async function startEmulator(state: EmulatorState, opts?: EmulatorOptions): Promise<EmulatorHandle> {
  return startServer(state, SERVICES, opts);
}
