import type { Config } from "../model/config.js";
import type { Finding, Report } from "../model/report.js";
import { unifiedDiff } from "./diff.js";
import { scanIacFiles, type IacScanResult } from "./engine.js";
import { locateReport } from "./locate.js";
import { dropTrailingCommas, trailingCommas } from "./json-edit.js";
import { syntaxError, syntaxKind } from "./reparse.js";
import { parseEdited } from "./treesitter.js";
import type { Detector, FileChange, FixPlan, IacFinding, SourceFile, TextEdit } from "./types.js";

interface Target {
  source: IacFinding;
  /** The findings this change fixes as the user knows them (live findings for `fix --report`). */
  reportAs: Finding[];
}

function editKey(e: TextEdit): string {
  return `${e.path}\u0000${e.start}\u0000${e.end}\u0000${e.newText}`;
}

/** Whether every line of the text ends with CRLF (a mixed file keeps what each edit writes). */
export function usesCrlf(text: string): boolean {
  const lf = text.split("\n").length - 1;
  return lf > 0 && text.split("\r\n").length - 1 === lf;
}

/**
 * Applies one file's edits and tidies what only the combination of edits shows: in JSON, removing the last
 * members of an object or array leaves the comma of the member before them (see `jsonRemove`).
 */
export function patchFile(path: string, text: string, edits: readonly TextEdit[]): string {
  const out = spliceEdits(text, fileEdits(text, edits));
  if (syntaxKind(path, text) === "json" && trailingCommas(text).length === 0) return dropTrailingCommas(out);
  return out;
}

/**
 * The edits as they apply to one file: in its line endings (a CRLF file keeps CRLF: front ends write "\n" in
 * what they insert), identical ones once, overlapping deletions merged; sorted, non-overlapping.
 */
function fileEdits(text: string, edits: readonly TextEdit[]): TextEdit[] {
  const own = usesCrlf(text)
    ? edits.map((e) => ({ ...e, newText: e.newText.replace(/\r?\n/g, "\r\n") }))
    : edits;
  return mergeEdits(text, own);
}

/** Applies edits to one text; identical edits count once; overlapping different edits are a conflict. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return spliceEdits(text, mergeEdits(text, edits));
}

function mergeEdits(text: string, edits: readonly TextEdit[]): TextEdit[] {
  const unique = [...new Map(edits.map((e) => [editKey(e), e])).values()].sort(
    (a, b) => a.start - b.start || a.end - b.end,
  );
  // Overlapping deletions (two removed blocks sharing a blank line) merge into one deletion.
  const merged: TextEdit[] = [];
  for (const e of unique) {
    const last = merged[merged.length - 1];
    if (last && last.newText === "" && e.newText === "" && e.start <= last.end) {
      merged[merged.length - 1] = { ...last, end: Math.max(last.end, e.end) };
    } else merged.push(e);
  }
  // A deletion that reaches the end of the file also takes the blank line before it (no trailing blank line).
  const tail = merged[merged.length - 1];
  if (tail && tail.newText === "" && tail.end >= text.length) {
    let start = tail.start;
    while (start >= 2 && text[start - 1] === "\n" && text[start - 2] === "\n") start--;
    merged[merged.length - 1] = { ...tail, start };
  }
  return merged;
}

/** One pass over sorted edits: linear in the text, whatever the number of edits. */
function spliceEdits(text: string, merged: readonly TextEdit[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const e of merged) {
    if (e.start < at) throw new Error(`overlapping edits at offset ${e.start}`);
    parts.push(text.slice(at, e.start), e.newText);
    at = e.end;
  }
  parts.push(text.slice(at));
  return parts.join("");
}

/** Whether two edits cannot both apply: they overlap, unless identical or both deletions (which merge). */
function clash(a: TextEdit, b: TextEdit): boolean {
  if (a.newText === "" && b.newText === "") return false;
  if (a.start === b.start && a.end === b.end && a.newText === b.newText) return false;
  return a.start < b.end && b.start < a.end;
}

/**
 * Which owners' edits clash with which (per file, a sweep over edits sorted by offset: only edits still open
 * at an offset are compared, so the cost follows the number of edits, not its square).
 */
function conflictGraph<T>(edits: readonly { e: TextEdit; t: T }[]): Map<T, Set<T>> {
  const graph = new Map<T, Set<T>>();
  const link = (a: T, b: T) => {
    graph.set(a, (graph.get(a) ?? new Set()).add(b));
    graph.set(b, (graph.get(b) ?? new Set()).add(a));
  };
  const byFile = new Map<string, { e: TextEdit; t: T }[]>();
  for (const x of edits) {
    const l = byFile.get(x.e.path);
    if (l) l.push(x);
    else byFile.set(x.e.path, [x]);
  }
  for (const list of byFile.values()) {
    list.sort((a, b) => a.e.start - b.e.start || a.e.end - b.e.end);
    let open: { e: TextEdit; t: T }[] = [];
    for (const x of list) {
      open = open.filter((o) => o.e.end > x.e.start);
      for (const o of open) if (clash(o.e, x.e)) link(o.t, x.t);
      open.push(x);
    }
  }
  return graph;
}

function describe(f: Finding): string {
  return `${f.rule} ${f.resource.iac?.address ?? f.resource.arn ?? f.resource.functionName ?? ""}`.trim();
}

/**
 * Plans patches. Without a report: every unsuppressed static finding that carries a fix. With a report:
 * the report's findings located in the code (locate.ts). Each patched file must re-parse and the whole
 * set must re-scan without the fixed findings and without new ones, or the offending change is dropped
 * with its reason in `unfixed`.
 */
export async function planFixes(
  files: SourceFile[],
  opts: { config: Config; report?: Report; now?: Date; detectors?: readonly Detector[] },
): Promise<FixPlan> {
  const scan = await scanIacFiles(files, opts);
  const unfixed: FixPlan["unfixed"] = [];
  const targets = new Map<string, Target>();
  const addTarget = (src: IacFinding, as: Finding) => {
    const t = targets.get(src.finding.fingerprint);
    if (t) {
      if (!t.reportAs.includes(as)) t.reportAs.push(as);
    } else targets.set(src.finding.fingerprint, { source: src, reportAs: [as] });
  };
  const consider = (src: IacFinding, as: Finding) => {
    if (src.finding.suppression) {
      unfixed.push({
        finding: as,
        reason: `suppressed (${src.finding.suppression.source}: ${src.finding.suppression.reason}) — intended exposure, not patched`,
      });
    } else if (!src.fix || src.fix.edits.length === 0) {
      unfixed.push({ finding: as, reason: src.unfixable ?? "no safe automatic patch for this code" });
    } else addTarget(src, as);
  };

  if (opts.report) {
    for (const loc of locateReport(opts.report, scan)) {
      if (loc.match) consider(loc.match, loc.finding);
      else unfixed.push({ finding: loc.finding, reason: loc.reason });
    }
  } else {
    for (const f of scan.findings) consider(f, f.finding);
  }

  const byPath = new Map(files.map((f) => [f.path, f]));
  // Insertion-ordered: earlier findings win a conflict, as they always did.
  const active = new Set(targets.values());
  const drop = (t: Target, reason: string) => {
    active.delete(t);
    for (const f of t.reportAs) unfixed.push({ finding: f, reason });
  };

  // A file that does not parse before patching is never patched: the result could not be checked.
  const brokenBefore = new Map<string, string | null>();
  for (const t of [...active]) {
    for (const p of new Set(t.source.fix!.edits.map((e) => e.path))) {
      const f = byPath.get(p);
      if (!f) continue;
      if (!brokenBefore.has(p)) brokenBefore.set(p, await syntaxError(p, f.text));
      const err = brokenBefore.get(p);
      if (err && active.has(t))
        drop(t, `the file does not parse before patching (${err}); fix the syntax first`);
    }
  }

  for (let round = 0; round < 5 && active.size > 0; round++) {
    let conflict = false;
    for (const t of [...active]) {
      const bad = t.source.fix!.edits.find((e) => !byPath.has(e.path));
      if (bad) {
        drop(t, `the patch touches ${bad.path}, which was not read`);
        conflict = true;
      }
    }
    // A finding whose edits overlap an earlier finding's edits is dropped (greedy, in finding order).
    const order = new Map([...active].map((t, i) => [t, i]));
    const loser = new Set<Target>();
    const beaten = conflictGraph([...active].flatMap((t) => t.source.fix!.edits.map((e) => ({ e, t }))));
    for (const t of active) {
      const others = beaten.get(t);
      if (!others) continue;
      // Edits of one finding that overlap each other cannot be applied either.
      if (others.has(t) || [...others].some((o) => order.get(o)! < order.get(t)! && !loser.has(o)))
        loser.add(t);
    }
    for (const t of loser) {
      drop(t, "its patch overlaps another finding's patch; run fix again after applying this one");
      conflict = true;
    }
    if (conflict) continue;
    const perFile = new Map<string, TextEdit[]>();
    const owners = new Map<string, Set<Target>>();
    for (const t of active) {
      for (const e of t.source.fix!.edits) {
        const list = perFile.get(e.path);
        if (list) list.push(e);
        else perFile.set(e.path, [e]);
        owners.set(e.path, (owners.get(e.path) ?? new Set()).add(t));
      }
    }

    const patched = new Map<string, string>();
    let unapplied = false;
    for (const [p, edits] of perFile) {
      const before = byPath.get(p)!.text;
      let after: string;
      try {
        after = patchFile(p, before, edits);
      } catch (err) {
        // The sweep above sees the edits as written; merging deletions can still make two of them meet.
        for (const t of owners.get(p) ?? [])
          drop(t, `its patch cannot be combined with the others in ${p} (${String(err)}); run fix again`);
        unapplied = true;
        continue;
      }
      patched.set(p, after);
      // Tree-sitter flavours: parse the patched file incrementally from the tree of the original, once; the
      // syntax check and the re-scan below reuse that tree.
      const kind = syntaxKind(p, before);
      if (kind !== null && kind !== "json" && kind !== "yaml")
        await parseEdited(kind, before, after, fileEdits(before, edits));
    }

    if (unapplied) continue;

    // 1. Every patched file re-parses.
    let dropped = false;
    for (const [p, text] of patched) {
      const err = await syntaxError(p, text);
      if (err) {
        for (const t of owners.get(p) ?? [])
          drop(t, `the patched file would not parse (${err}); not offered`);
        dropped = true;
      }
    }
    if (dropped) continue;

    // 2. The patched tree re-scans without the fixed findings and without new ones.
    const after = files.map((f) => (patched.has(f.path) ? { path: f.path, text: patched.get(f.path)! } : f));
    const rescan: IacScanResult = await scanIacFiles(after, opts);
    const before = new Set(scan.findings.map((f) => f.finding.fingerprint));
    const remaining = new Map(
      rescan.findings.filter((f) => !f.finding.suppression).map((f) => [f.finding.fingerprint, f]),
    );
    for (const t of [...active]) {
      if (remaining.has(t.source.finding.fingerprint)) {
        drop(t, "a re-scan of the patched code still finds it; not offered");
        dropped = true;
      }
    }
    for (const f of rescan.findings) {
      if (f.finding.suppression || before.has(f.finding.fingerprint)) continue;
      const p = f.finding.location?.path;
      const culprits = [...(p ? (owners.get(p) ?? []) : active)];
      for (const t of culprits) {
        if (active.has(t)) {
          drop(t, `the patched code would raise a new finding (${describe(f.finding)}); not offered`);
          dropped = true;
        }
      }
    }
    if (dropped) continue;

    const changes: FileChange[] = [...patched]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([path, after]) => {
        const before = byPath.get(path)!.text;
        return { path, before, after, diff: unifiedDiff(path, before, after) };
      });
    const fixed = [...active].flatMap((t) =>
      t.reportAs.map((finding) => ({ finding, notes: t.source.fix!.notes })),
    );
    return { changes, fixed, unfixed };
  }
  return { changes: [], fixed: [], unfixed };
}
