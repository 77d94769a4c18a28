// Bundles the three entry points into dist/ (committed; .ci/run rebuilds and diffs it), copies the
// tree-sitter wasm files the IaC engine loads at run time, and writes dist/licenses.txt. Fails when a
// bundled package is copyleft: the project is MIT and ships dist/.
import { build } from "esbuild";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { chmod, copyFile, mkdir, rm, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { createRequire } from "node:module";
import { WASM } from "./wasm-files.mjs";

const root = new URL("..", import.meta.url).pathname;
const require = createRequire(join(root, "package.json"));
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
// LG_BUILD_OUTDIR builds elsewhere (benchmarks and experiments measure a bundle without touching dist/).
const dist = process.env.LG_BUILD_OUTDIR ? resolve(root, process.env.LG_BUILD_OUTDIR) : join(root, "dist");

const ENTRIES = {
  cli: "src/cli/index.ts",
  "action/index": "src/action/index.ts",
  "action/post": "src/action/post.ts",
  "action/start": "src/action/start.ts",
  "app/index": "src/app/index.ts",
  "app/lambda": "src/app/lambda.ts",
  "app/server": "src/app/server.ts",
};

const COPYLEFT = /\b(A?GPL|LGPL|SSPL|EUPL|OSL|CC-BY-SA)/i;

await rm(dist, { recursive: true, force: true });
const entryPoints = Object.fromEntries(
  Object.entries(ENTRIES).filter(([, src]) => existsSync(join(root, src))),
);
const missing = Object.keys(ENTRIES).filter((k) => !(k in entryPoints));
if (missing.length && process.env.LG_BUILD_ALLOW_MISSING !== "1") {
  console.error(`build: missing entry points: ${missing.map((k) => ENTRIES[k]).join(", ")}`);
  process.exit(1);
}

// zod re-exports every locale (370 kB, a third of the code each command loads at start-up) as `z.locales`;
// lambda-guard speaks English only (zod's default, which zod imports from locales/en.js itself).
const zodEnglishOnly = {
  name: "zod-english-only",
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/](classic|core)$/.test(dirname(args.importer))
        ? // Relative to the root: the stub's name is printed in the bundle, which must not depend on the checkout's path.
          {
            path: relative(root, join(dirname(args.importer), "../locales/en.js")),
            namespace: "zod-english-only",
          }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "zod-english-only" }, (args) => ({
      contents: `export { default as en } from "./en.js";`,
      resolveDir: join(root, dirname(args.path)),
    }));
  },
};

// yaml's "node" export is its CommonJS build: esbuild must keep every one of its modules, each wrapped to run
// on first require. Its ESM build (the "default" export, the same sources) lets esbuild drop what nothing
// reaches: 53 kB less for every command that reads YAML. The builds differ only where they touch the
// environment: warnings go to console.warn instead of process.emitWarning (stderr either way), and a
// YAML 1.1 !!binary scalar becomes a Uint8Array instead of a Buffer (no CloudFormation, Serverless or config
// file uses one).
const yamlEsm = {
  name: "yaml-esm",
  setup(b) {
    const esm = join(dirname(require.resolve("yaml/package.json")), "browser/index.js");
    b.onResolve({ filter: /^yaml$/ }, () => ({ path: esm }));
  },
};

const result = await build({
  plugins: [zodEnglishOnly, yamlEsm],
  absWorkingDir: root,
  entryPoints,
  outdir: dist,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  chunkNames: "chunks/[name]-[hash]",
  legalComments: "none",
  // jsonc-parser's default (UMD) build require()s its own files at run time; its ESM build bundles.
  mainFields: ["module", "main"],
  metafile: true,
  logLevel: "warning",
  write: false,
  define: { __LAMBDA_GUARD_VERSION__: JSON.stringify(pkg.version) },
  // CommonJS dependencies inside an ESM bundle still call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);",
  },
});

// esbuild escapes non-ASCII characters (charset "ascii", its default) everywhere but in comments, which it
// keeps. One curly quote in a comment costs every run: Node decodes a file with a non-ASCII byte on its slow
// path and V8 holds and scans it as a two-byte string, twice the memory. An escape reads as well in a comment.
for (const f of result.outputFiles) {
  await mkdir(dirname(f.path), { recursive: true });
  if (!f.path.endsWith(".js")) {
    await writeFile(f.path, f.contents);
    continue;
  }
  const text = f.text.replace(/[^\0-\x7f]/gu, (c) => `\\u{${c.codePointAt(0).toString(16)}}`);
  await writeFile(f.path, text);
  if (text.startsWith("#!")) await chmod(f.path, 0o755); // the CLI's bin, as esbuild itself writes it
}

// `lambda-guard --help` and `iac` must not load what only other commands use: the AWS SDK, the emulator, the
// IaC parsers and zod stay in chunks the CLI imports lazily (`import()` in src/cli/main.ts), and the `iac`
// command's own chunks (the IaC engine and the renderers) do without zod (src/model/index.ts says why) and
// load the tree-sitter runtime only for a flavour that needs it (src/iac/treesitter.ts).
const outputs = result.metafile.outputs;
/** Inputs of the chunks that loading `entry` loads before its code runs (static imports, transitively). */
function loadedWith(entry) {
  const start = Object.keys(outputs).filter((o) => outputs[o].entryPoint === entry);
  if (start.length === 0) {
    console.error(`build: no output is built from ${entry} — update the start-up check below`);
    process.exit(1);
  }
  const seen = new Set();
  for (const stack = [...start]; stack.length > 0;) {
    const o = stack.pop();
    if (seen.has(o)) continue;
    seen.add(o);
    for (const i of outputs[o].imports)
      if (i.kind === "import-statement" && outputs[i.path]) stack.push(i.path);
  }
  return [...seen].flatMap((o) => Object.keys(outputs[o].inputs));
}
const NOT_AT_START_UP = [
  {
    what: "the CLI would load at start-up",
    entries: [ENTRIES.cli],
    lazy: [
      /node_modules\/@aws-sdk\//,
      /node_modules\/@smithy\//,
      /node_modules\/web-tree-sitter\//,
      /node_modules\/zod\//,
      /node_modules\/yaml\//,
    ],
  },
  {
    what: "`lambda-guard iac` would load before it knows which flavours are present",
    entries: ["src/iac/scan.ts", "src/report/index.ts"],
    lazy: [
      /node_modules\/@aws-sdk\//,
      /node_modules\/@smithy\//,
      /node_modules\/zod\//,
      /node_modules\/web-tree-sitter\//,
    ],
  },
];
for (const { what, entries, lazy } of NOT_AT_START_UP) {
  const loaded = entries.flatMap(loadedWith).filter((i) => lazy.some((r) => r.test(i)));
  if (loaded.length) {
    console.error(
      `build: ${what}: ${[...new Set(loaded.map((i) => i.split("/").slice(0, 3).join("/")))].join(", ")}`,
    );
    process.exit(1);
  }
}

await mkdir(join(dist, "wasm"), { recursive: true });
for (const w of WASM) await copyFile(require.resolve(w), join(dist, "wasm", w.split("/").pop()));

// Licence inventory from the bundle's real inputs.
const packages = new Map();
for (const input of Object.keys(result.metafile.inputs)) {
  if (input.startsWith("zod-english-only:")) continue; // a stub; the file it re-exports is an input itself
  const m = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//g);
  if (!m) continue;
  const dirRel = input.slice(0, input.lastIndexOf(m[m.length - 1]) + m[m.length - 1].length);
  const pkgDir = join(root, dirRel);
  if (packages.has(pkgDir)) continue;
  const meta = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8"));
  packages.set(pkgDir, meta);
}
for (const w of WASM) {
  // Some packages do not export ./package.json: walk up from the wasm file instead.
  let pkgDir = dirname(require.resolve(w));
  while (!existsSync(join(pkgDir, "package.json"))) pkgDir = dirname(pkgDir);
  packages.set(pkgDir, JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8")));
}

const entries = [...packages.entries()]
  .map(([dir, meta]) => {
    const license = typeof meta.license === "string" ? meta.license : (meta.license?.type ?? "UNKNOWN");
    const file = readdirSync(dir).find((f) => /^(licen[sc]e|copying)(\.|$)/i.test(f));
    return {
      name: meta.name,
      version: meta.version,
      license,
      text: file ? readFileSync(join(dir, file), "utf8").trim() : "",
    };
  })
  .sort((a, b) => (a.name === b.name ? a.version.localeCompare(b.version) : a.name < b.name ? -1 : 1));

const dedup = entries.filter(
  (e, i) => i === 0 || e.name !== entries[i - 1].name || e.version !== entries[i - 1].version,
);
const bad = dedup.filter((e) => COPYLEFT.test(e.license) && !/\bOR\b.*\b(MIT|Apache|BSD)/i.test(e.license));
if (bad.length) {
  console.error(
    `build: copyleft packages would be bundled: ${bad.map((e) => `${e.name} (${e.license})`).join(", ")}`,
  );
  process.exit(1);
}
const text = [
  `Packages bundled into dist/ by lambda-guard ${pkg.version} (${dedup.length}).`,
  "",
  ...dedup.map(
    (e) =>
      `${e.name}@${e.version}\nLicense: ${e.license}\n${e.text ? `\n${e.text}\n` : ""}\n${"-".repeat(72)}`,
  ),
].join("\n");
await writeFile(join(dist, "licenses.txt"), `${text}\n`);
console.log(`build: ${Object.keys(entryPoints).length} entry points, ${dedup.length} bundled packages`);
