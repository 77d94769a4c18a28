import { lstat, readFile, realpath, writeFile } from "node:fs/promises";
import { isAbsolute, relative, resolve, sep } from "node:path";
import { decodeUtf8, hasUtf8Bom, normalizePrefix } from "./files.js";
import type { FixPlan } from "./types.js";

export type * from "./types.js";
export type { IacScanResult } from "./engine.js";
export { readIacTree } from "./files.js";
export { scanIacFiles } from "./engine.js";
export { planFixes, applyEdits } from "./fix.js";
export { unifiedDiff } from "./diff.js";
export { locateReport, type Located } from "./locate.js";
export { repoPrefix, scanIac } from "./scan.js";

/**
 * Writes a plan's changes under `root`. Refuses any path that is absolute, climbs out of root, or goes
 * through a symbolic link, and any file whose content changed since the plan was made (never clobbers).
 */
export async function writeFixes(root: string, plan: FixPlan, opts: { prefix?: string } = {}): Promise<void> {
  const base = await realpath(root);
  const prefix = normalizePrefix(opts.prefix);
  const targets: { abs: string; after: string }[] = [];
  for (const c of plan.changes) {
    if (isAbsolute(c.path) || c.path.split(/[\\/]/).includes("..") || c.path.includes("\0")) {
      throw new Error(`refusing to write ${c.path}: not a path inside ${root}`);
    }
    if (prefix && !c.path.startsWith(`${prefix}/`)) {
      throw new Error(`refusing to write ${c.path}: not under ${prefix}/`);
    }
    const abs = resolve(base, prefix ? c.path.slice(prefix.length + 1) : c.path);
    if (!abs.startsWith(base + sep)) throw new Error(`refusing to write ${c.path}: outside ${root}`);
    // Every component must be a real directory/file, not a link that could point elsewhere.
    let cur = base;
    for (const part of relative(base, abs).split(sep)) {
      cur = resolve(cur, part);
      const st = await lstat(cur);
      if (st.isSymbolicLink())
        throw new Error(`refusing to write ${c.path}: ${relative(base, cur)} is a symbolic link`);
    }
    // Read as readIacTree reads (a UTF-8 byte order mark is not part of the text) and put the mark back.
    const raw = await readFile(abs);
    const bom = hasUtf8Bom(raw);
    if (decodeUtf8(raw) !== c.before)
      throw new Error(`refusing to write ${c.path}: it changed since the fix was planned; run fix again`);
    targets.push({ abs, after: bom ? `\uFEFF${c.after}` : c.after });
  }
  for (const t of targets) await writeFile(t.abs, t.after, "utf8");
}
