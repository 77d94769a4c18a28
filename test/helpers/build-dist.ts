import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "../..");

/** Every input of the build: the sources, the build scripts and the locked dependencies. */
function buildInputsHash(): string {
  const h = createHash("sha256");
  const files = [
    ...readdirSync(join(ROOT, "src"), { recursive: true, encoding: "utf8" }).map((f) => join("src", f)),
    "scripts/build.mjs",
    "scripts/wasm-files.mjs",
    "package-lock.json",
  ].sort();
  for (const f of files) {
    const abs = join(ROOT, f);
    if (!statSync(abs).isFile()) continue;
    h.update(f).update("\0").update(readFileSync(abs)).update("\0");
  }
  return h.digest("hex").slice(0, 16);
}

/**
 * Builds dist/ with the project's own build (scripts/build.mjs: the same entries, chunks and wasm files as the
 * release) into a temp dir with no node_modules above it, so a test runs what users run: `node dist/cli.js`,
 * or `node dist/action/<entry>.js` as action.yml does. One build per content of the sources, shared by every test file (and
 * worker) that asks: the build is built aside and renamed into place, so concurrent askers never see half.
 * Returns the dist directory; it is shared, so callers must not delete it.
 */
export async function buildDist(): Promise<string> {
  const cache = join(tmpdir(), "lambda-guard-test");
  const out = join(cache, `dist-${buildInputsHash()}`);
  if (existsSync(join(out, "action", "index.js"))) return out;
  mkdirSync(cache, { recursive: true });
  // Builds of older sources (an hour old: no test run still uses them) would pile up, ~10 MB each.
  for (const old of readdirSync(cache))
    if (/^dist-/.test(old) && statSync(join(cache, old)).mtimeMs < Date.now() - 3_600_000)
      rmSync(join(cache, old), { recursive: true, force: true });
  const part = mkdtempSync(join(cache, "building-"));
  const code = await new Promise<number | null>((done) => {
    const child = spawn(process.execPath, [join(ROOT, "scripts/build.mjs")], {
      cwd: ROOT,
      env: { ...process.env, LG_BUILD_OUTDIR: part },
      stdio: ["ignore", "ignore", "inherit"],
    });
    child.on("exit", done);
  });
  if (code !== 0) throw new Error(`scripts/build.mjs exited with ${code}`);
  try {
    renameSync(part, out);
  } catch (err) {
    // Another worker finished the same build first: use theirs.
    rmSync(part, { recursive: true, force: true });
    if (!existsSync(join(out, "action", "index.js"))) throw err;
  }
  return out;
}
