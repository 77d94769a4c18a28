import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  loadEmulatorState,
  startEmulator
} from "./chunk-UVV55U2O.js";
import {
  parsePort
} from "./chunk-MV5H2QQN.js";
import "./chunk-LSF6AO4J.js";
import "./chunk-OFTK4NJN.js";
import "./chunk-RZOBS62O.js";
import "./chunk-PV244DXT.js";
import "./chunk-KOHQH5XZ.js";
import "./chunk-U77EMO3I.js";
import "./chunk-SYCOQQ3O.js";
import "./chunk-W3QIMY3E.js";
import {
  InputError
} from "./chunk-4XFV4NQT.js";
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
