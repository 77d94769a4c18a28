import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  loadEmulatorState,
  startEmulator
} from "./chunk-YALDIWRT.js";
import "./chunk-LSF6AO4J.js";
import {
  parsePort
} from "./chunk-M4YSDQS2.js";
import "./chunk-UN2YP2GD.js";
import {
  InputError
} from "./chunk-KZI3EHBT.js";
import "./chunk-LYD5ERHY.js";

// src/cli/emulate.ts
async function runEmulate(io, v) {
  if (!v.state)
    throw new InputError(
      "--state FILE is required (an emulator state JSON file; format: README, 'The emulator')",
      "emulate"
    );
  const state = await loadEmulatorState(v.state);
  const handle = await startEmulator(state, {
    port: parsePort(v.port),
    ...v.verbose ? { log: (l) => io.err(`${l}
`) } : {}
  });
  io.out(`listening on ${handle.url}
`);
  await new Promise((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  await handle.close();
  return 0;
}
export {
  runEmulate
};
