import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);

// src/iac/files.ts
import { constants } from "node:fs";
import { lstat, open, opendir, readFile } from "node:fs/promises";
import { join } from "node:path";
var MAX_FILE_BYTES = 1024 * 1024;
var SKIP_DIRS = /* @__PURE__ */ new Set([
  ".git",
  "node_modules",
  ".terraform",
  "cdk.out",
  ".serverless",
  ".aws-sam",
  "__pycache__",
  ".venv",
  "venv",
  ".tox",
  ".mypy_cache",
  ".pytest_cache"
]);
function isCandidate(name) {
  const n = name.toLowerCase();
  if (n.endsWith(".d.ts")) return false;
  return /\.(tf|tfvars|tf\.json|tfvars\.json|hcl|tpl|tftpl|json|ya?ml|template|toml|ts|mts|py)$/.test(n);
}
function looksBinary(buf) {
  return buf.subarray(0, 8e3).includes(0);
}
var decoder = new TextDecoder("utf-8", { fatal: true });
function hasUtf8Bom(buf) {
  return buf.length >= 3 && buf[0] === 239 && buf[1] === 187 && buf[2] === 191;
}
function decodeUtf8(buf) {
  return decoder.decode(buf);
}
function normalizePrefix(prefix) {
  const p = (prefix ?? "").split(/[\\/]+/).filter((s) => s !== "" && s !== ".");
  if (p.includes("..")) throw new Error(`path prefix ${prefix} must not contain ..`);
  return p.join("/");
}
async function readIacTree(root, opts = {}) {
  const maxBytes = opts.maxBytes ?? MAX_FILE_BYTES;
  const st = await lstat(root);
  if (!st.isDirectory()) throw new Error(`${root} is not a directory`);
  const coverage = [];
  const candidates = [];
  const walk = async (absDir, relDir) => {
    let dir;
    try {
      dir = await opendir(absDir);
    } catch (err) {
      coverage.push({
        scope: relDir || ".",
        status: "skipped",
        detail: `cannot read directory: ${err.code ?? String(err)}`
      });
      return;
    }
    const subdirs = [];
    for await (const ent of dir) {
      const rel = relDir ? `${relDir}/${ent.name}` : ent.name;
      const abs = join(absDir, ent.name);
      if (ent.isSymbolicLink()) {
        if (isCandidate(ent.name) || !ent.name.includes(".")) {
          coverage.push({ scope: rel, status: "skipped", detail: "symbolic link: not followed" });
        }
        continue;
      }
      if (ent.isDirectory()) {
        if (!SKIP_DIRS.has(ent.name)) subdirs.push([abs, rel]);
      } else if (ent.isFile() && isCandidate(ent.name)) {
        candidates.push({ abs, rel });
      }
    }
    for (const [a, r] of subdirs) await walk(a, r);
  };
  await walk(root, normalizePrefix(opts.prefix));
  const files = [];
  let next = 0;
  const worker = async () => {
    while (next < candidates.length) {
      const c = candidates[next++];
      const f = await readOne(c.abs, c.rel, maxBytes, coverage);
      if (f) files.push(f);
    }
  };
  await Promise.all(Array.from({ length: Math.min(32, candidates.length) }, worker));
  files.sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  coverage.sort((a, b) => a.scope < b.scope ? -1 : a.scope > b.scope ? 1 : 0);
  return { files, coverage };
}
async function readOne(abs, rel, maxBytes, coverage) {
  try {
    const st = await lstat(abs);
    if (!st.isFile()) {
      coverage.push({ scope: rel, status: "skipped", detail: "not a regular file" });
      return null;
    }
    if (st.size > maxBytes) {
      coverage.push({
        scope: rel,
        status: "skipped",
        detail: `larger than ${maxBytes} bytes (${st.size}): not scanned`
      });
      return null;
    }
    const fh = await open(abs, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
    let buf;
    try {
      buf = await readFile(fh);
    } finally {
      await fh.close();
    }
    if (looksBinary(buf)) {
      coverage.push({ scope: rel, status: "skipped", detail: "binary file: not scanned" });
      return null;
    }
    let text;
    try {
      text = decodeUtf8(buf);
    } catch {
      coverage.push({ scope: rel, status: "skipped", detail: "not valid UTF-8: not scanned" });
      return null;
    }
    return { path: rel, text };
  } catch (err) {
    coverage.push({
      scope: rel,
      status: "skipped",
      detail: `cannot read: ${err.code ?? String(err)}`
    });
    return null;
  }
}

export {
  hasUtf8Bom,
  decodeUtf8,
  normalizePrefix,
  readIacTree
};
