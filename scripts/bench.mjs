// Bundles the benchmarks (and the CLI the emulator child runs) the way dist/ is built, then runs them on
// plain node: measured processes then carry no TypeScript loader (tsx adds ~150 MB of RSS by itself).
import { build } from "esbuild";
import { spawn } from "node:child_process";
import { copyFile, mkdir, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { WASM } from "./wasm-files.mjs";

const root = new URL("..", import.meta.url).pathname;
const out = join(root, ".tmp/bench");
const require = createRequire(join(root, "package.json"));
await rm(out, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { run: "bench/run.ts", cli: "src/cli/index.ts" },
  outdir: out,
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  mainFields: ["module", "main"],
  logLevel: "warning",
  banner: {
    js: "import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);",
  },
});
await mkdir(join(out, "wasm"), { recursive: true });
for (const w of WASM) {
  await copyFile(require.resolve(w), join(out, "wasm", w.split("/").pop()));
}
const child = spawn(process.execPath, [join(out, "run.js"), ...process.argv.slice(2)], { stdio: "inherit" });
child.on("exit", (code) => (process.exitCode = code ?? 1));
