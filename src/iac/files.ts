import { constants } from "node:fs";
import { lstat, open, opendir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Coverage } from "../model/report.js";
import type { SourceFile } from "./types.js";

export const MAX_FILE_BYTES = 1024 * 1024;

/** Directories that never hold source IaC (build output, dependencies, tool caches). */
const SKIP_DIRS = new Set([
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
  ".pytest_cache",
]);

/** File names the detectors may claim. Everything else is never opened. */
export function isCandidate(name: string): boolean {
  const n = name.toLowerCase();
  if (n.endsWith(".d.ts")) return false;
  return /\.(tf|tfvars|tf\.json|tfvars\.json|hcl|tpl|tftpl|json|ya?ml|template|toml|ts|mts|py)$/.test(n);
}

function looksBinary(buf: Buffer): boolean {
  // A native search: a JavaScript loop over every byte of every file was hot enough to be optimised.
  return buf.subarray(0, 8000).includes(0);
}

const decoder = new TextDecoder("utf-8", { fatal: true });

/** Whether the bytes start with a UTF-8 byte order mark (EF BB BF), which editors on Windows write. */
export function hasUtf8Bom(buf: Uint8Array): boolean {
  return buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
}

/**
 * Strict UTF-8 decoding; a byte order mark is dropped (parsers and offsets see the text only) and put back
 * when a patched file is written. Throws on bytes that are not UTF-8.
 */
export function decodeUtf8(buf: Uint8Array): string {
  return decoder.decode(buf);
}

/** `./infra/` → `infra`; empty for the repository root. Rejects prefixes that climb out. */
export function normalizePrefix(prefix: string | undefined): string {
  const p = (prefix ?? "").split(/[\\/]+/).filter((s) => s !== "" && s !== ".");
  if (p.includes("..")) throw new Error(`path prefix ${prefix} must not contain ..`);
  return p.join("/");
}

/**
 * Reads the IaC candidates under `root`: never follows symbolic links (files or directories), skips
 * files over `maxBytes` and binary files with a coverage note, and returns paths relative to `root`
 * (behind `prefix` when given) with forward slashes, sorted.
 */
export async function readIacTree(
  root: string,
  opts: { maxBytes?: number; prefix?: string } = {},
): Promise<{ files: SourceFile[]; coverage: Coverage[] }> {
  const maxBytes = opts.maxBytes ?? MAX_FILE_BYTES;
  const st = await lstat(root);
  if (!st.isDirectory()) throw new Error(`${root} is not a directory`);
  const coverage: Coverage[] = [];
  const candidates: { abs: string; rel: string }[] = [];

  const walk = async (absDir: string, relDir: string): Promise<void> => {
    let dir;
    try {
      dir = await opendir(absDir);
    } catch (err) {
      coverage.push({
        scope: relDir || ".",
        status: "skipped",
        detail: `cannot read directory: ${(err as NodeJS.ErrnoException).code ?? String(err)}`,
      });
      return;
    }
    const subdirs: [string, string][] = [];
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
  // With a prefix, paths are named from the repository root (e.g. `infra/main.tf` when scanning `infra`),
  // so locations and fingerprints agree with a scan of the whole repository.
  await walk(root, normalizePrefix(opts.prefix));

  const files: SourceFile[] = [];
  let next = 0;
  const worker = async () => {
    while (next < candidates.length) {
      const c = candidates[next++]!;
      const f = await readOne(c.abs, c.rel, maxBytes, coverage);
      if (f) files.push(f);
    }
  };
  await Promise.all(Array.from({ length: Math.min(32, candidates.length) }, worker));
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  coverage.sort((a, b) => (a.scope < b.scope ? -1 : a.scope > b.scope ? 1 : 0));
  return { files, coverage };
}

async function readOne(
  abs: string,
  rel: string,
  maxBytes: number,
  coverage: Coverage[],
): Promise<SourceFile | null> {
  try {
    // lstat again right before reading: the entry must still be a regular file, not a link swapped in.
    const st = await lstat(abs);
    if (!st.isFile()) {
      coverage.push({ scope: rel, status: "skipped", detail: "not a regular file" });
      return null;
    }
    if (st.size > maxBytes) {
      coverage.push({
        scope: rel,
        status: "skipped",
        detail: `larger than ${maxBytes} bytes (${st.size}): not scanned`,
      });
      return null;
    }
    // O_NOFOLLOW: a symbolic link swapped in after the lstat fails instead of being followed.
    const fh = await open(abs, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
    let buf: Buffer;
    try {
      buf = await readFile(fh);
    } finally {
      await fh.close();
    }
    if (looksBinary(buf)) {
      coverage.push({ scope: rel, status: "skipped", detail: "binary file: not scanned" });
      return null;
    }
    let text: string;
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
      detail: `cannot read: ${(err as NodeJS.ErrnoException).code ?? String(err)}`,
    });
    return null;
  }
}
