// Writes examples/emulator-state.json from the demo account, so `lambda-guard emulate --state` has a
// ready example; a test fails when the two drift apart.
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { demoAccount } from "../src/emulator/demo/account.js";

const file = fileURLToPath(new URL("../examples/emulator-state.json", import.meta.url));
await writeFile(file, `${JSON.stringify(demoAccount(), null, 2)}\n`);
console.log(`wrote ${file}`);
