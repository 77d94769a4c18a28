import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  loadEmulatorState,
  startEmulator
} from "./chunk-QUCYZBLC.js";
import "./chunk-LSF6AO4J.js";
import {
  parsePort
} from "./chunk-L76ACB3Q.js";
import "./chunk-Y22KSWV4.js";
import "./chunk-RZOBS62O.js";
import "./chunk-NXJRENZE.js";
import "./chunk-KOHQH5XZ.js";
import "./chunk-CMKO3ROG.js";
import "./chunk-SYCOQQ3O.js";
import "./chunk-P2NUQOZL.js";
import {
  InputError
} from "./chunk-JAJAJYEP.js";
import "./chunk-4GMCL7QT.js";
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
