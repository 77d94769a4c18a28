/**
 * Unified diffs for proposed patches.
 *
 * Written here rather than taken from a package: no diff library is installed (package.json is not ours
 * to change), and what we need is small — a line-level Myers O(ND) shortest edit script (Myers 1986,
 * "An O(ND) Difference Algorithm and Its Variations") plus `diff -u` style hunks. Patches are minimal
 * edits, so D is tiny and the search ends after a few diagonals even on large files.
 */

type Op = { kind: " " | "-" | "+"; line: string };

function splitLines(text: string): { lines: string[]; finalNewline: boolean } {
  if (text === "") return { lines: [], finalNewline: true };
  const finalNewline = text.endsWith("\n");
  const lines = (finalNewline ? text.slice(0, -1) : text).split("\n");
  return { lines, finalNewline };
}

/** A short edit script between two line arrays (the shortest one when they differ in one region). */
export function diffLines(a: readonly string[], b: readonly string[]): Op[] {
  // Common prefix and suffix first: they are most of the file for a minimal patch.
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf])
    suf++;
  const A = a.slice(pre, a.length - suf);
  const B = b.slice(pre, b.length - suf);
  const mid = A.length + B.length > ANCHOR_ABOVE ? anchored(A, B) : myers(A, B);
  return [
    ...a.slice(0, pre).map((line) => ({ kind: " " as const, line })),
    ...mid,
    ...a.slice(a.length - suf).map((line) => ({ kind: " " as const, line })),
  ];
}

/** Above this many lines between the first and last change, the diff is cut at anchors first. */
const ANCHOR_ABOVE = 2000;

/**
 * Patience-style anchoring: lines that occur exactly once on each side, kept in an order both sides agree
 * on (longest increasing subsequence), split the texts into small gaps diffed one by one. Myers costs
 * O((N+M)·D) time and, with its saved trace, as much memory; a file patched in thousands of places has
 * a large D over the whole file but a tiny one in each gap. When there is no anchor, Myers runs as is.
 */
function anchored(A: readonly string[], B: readonly string[]): Op[] {
  const count = new Map<string, [number, number, number]>(); // [count in A, count in B, index in A]
  A.forEach((l, i) => {
    const c = count.get(l);
    if (c) c[0]++;
    else count.set(l, [1, 0, i]);
  });
  const pairs: [number, number][] = [];
  for (const l of B) {
    const c = count.get(l);
    if (c) c[1]++;
  }
  B.forEach((l, j) => {
    const c = count.get(l);
    if (c && c[0] === 1 && c[1] === 1) pairs.push([c[2], j]);
  });
  const lis = longestIncreasing(pairs);
  if (lis.length === 0) return myers(A, B);
  const out: Op[] = [];
  let i = 0;
  let j = 0;
  const gap = (a: readonly string[], b: readonly string[]) => {
    for (const op of diffLines(a, b)) out.push(op);
  };
  for (const [ai, bj] of lis) {
    gap(A.slice(i, ai), B.slice(j, bj));
    out.push({ kind: " ", line: A[ai]! });
    i = ai + 1;
    j = bj + 1;
  }
  gap(A.slice(i), B.slice(j));
  return out;
}

/** Longest subsequence of pairs (sorted by their second index) whose first index increases (patience sort). */
function longestIncreasing(pairs: readonly [number, number][]): [number, number][] {
  const tails: number[] = []; // index into pairs of the smallest tail of each length
  const prev = new Int32Array(pairs.length).fill(-1);
  for (let k = 0; k < pairs.length; k++) {
    const x = pairs[k]![0];
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const midIdx = (lo + hi) >> 1;
      if (pairs[tails[midIdx]!]![0] < x) lo = midIdx + 1;
      else hi = midIdx;
    }
    if (lo > 0) prev[k] = tails[lo - 1]!;
    tails[lo] = k;
  }
  const out: [number, number][] = [];
  for (let k = tails.length ? tails[tails.length - 1]! : -1; k >= 0; k = prev[k]!) out.push(pairs[k]!);
  return out.reverse();
}

/** Myers' shortest edit script of two line arrays (forward greedy with a saved trace). */
function myers(A: readonly string[], B: readonly string[]): Op[] {
  const n = A.length;
  const m = B.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = n === 0 && m === 0;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x: number;
      if (k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!)) x = v[offset + k + 1]!;
      else x = v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && A[x] === B[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  // Backtrack through the trace to recover the script.
  const mid: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0 && (x > 0 || y > 0); d--) {
    const vd = trace[d]!;
    const k = x - y;
    let prevK: number;
    if (k === -d || (k !== d && vd[offset + k - 1]! < vd[offset + k + 1]!)) prevK = k + 1;
    else prevK = k - 1;
    const prevX = vd[offset + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      mid.push({ kind: " ", line: A[--x]! });
      y--;
    }
    if (d > 0) {
      if (x === prevX) mid.push({ kind: "+", line: B[--y]! });
      else mid.push({ kind: "-", line: A[--x]! });
    }
  }
  while (x > 0 && y > 0) {
    mid.push({ kind: " ", line: A[--x]! });
    y--;
  }
  return mid.reverse();
}

const C_ESCAPES: Record<number, string> = {
  7: "a",
  8: "b",
  9: "t",
  10: "n",
  11: "v",
  12: "f",
  13: "r",
  34: '"',
  92: "\\",
};

/**
 * A file name for a `---`/`+++` line, quoted the way `git diff` quotes it (quote_c_style with core.quotePath):
 * a name with a control character, `"`, `\\` or a non-ASCII byte is written in double quotes with C escapes
 * and octal UTF-8 bytes, so a hostile name can never start a header or hunk line of its own. Like git, a name
 * with a space gets a tab after it.
 */
export function diffHeaderName(prefix: string, path: string): string {
  const bytes = new TextEncoder().encode(prefix + path);
  let quoted = false;
  let out = "";
  for (const b of bytes) {
    const esc = C_ESCAPES[b];
    if (esc) {
      out += `\\${esc}`;
      quoted = true;
    } else if (b < 0x20 || b >= 0x7f) {
      out += `\\${b.toString(8).padStart(3, "0")}`;
      quoted = true;
    } else out += String.fromCharCode(b);
  }
  const name = quoted ? `"${out}"` : out;
  return path.includes(" ") ? `${name}\t` : name;
}

/** A unified diff (`--- a/path`, `+++ b/path`, hunks with `context` lines around changes); "" when equal. */
export function unifiedDiff(path: string, before: string, after: string, context = 3): string {
  if (before === after) return "";
  const A = splitLines(before);
  const B = splitLines(after);
  const ops = diffLines(A.lines, B.lines);
  // Index of the last line of each side, to place "\ No newline at end of file".
  const lastA = A.lines.length - 1;
  const lastB = B.lines.length - 1;
  const out: string[] = [`--- ${diffHeaderName("a/", path)}`, `+++ ${diffHeaderName("b/", path)}`];
  const changed = ops.map((o) => o.kind !== " ");
  // When only the final newline differs, the last line counts as changed on both sides.
  if (A.finalNewline !== B.finalNewline && ops.length > 0) {
    const last = ops.length - 1;
    if (ops[last]!.kind === " ") {
      ops.splice(last, 1, { kind: "-", line: ops[last]!.line }, { kind: "+", line: ops[last]!.line });
      changed.splice(last, 1, true, true);
    }
  }
  let i = 0;
  while (i < ops.length) {
    if (!changed[i]) {
      i++;
      continue;
    }
    let start = Math.max(0, i - context);
    let end = i;
    // Extend the hunk while the next change is within 2*context lines.
    for (;;) {
      while (end < ops.length && changed[end]) end++;
      let j = end;
      while (j < ops.length && !changed[j] && j - end < 2 * context) j++;
      if (j < ops.length && changed[j] && j - end < 2 * context + 1) {
        end = j;
        continue;
      }
      break;
    }
    const stop = Math.min(ops.length, end + context);
    // Line numbers at `start`.
    let aLine = 0;
    let bLine = 0;
    for (let k = 0; k < start; k++) {
      if (ops[k]!.kind !== "+") aLine++;
      if (ops[k]!.kind !== "-") bLine++;
    }
    let aCount = 0;
    let bCount = 0;
    const body: string[] = [];
    for (let k = start; k < stop; k++) {
      const o = ops[k]!;
      body.push(`${o.kind}${o.line}`);
      const lastOfA = o.kind !== "+" && aLine + aCount === lastA;
      const lastOfB = o.kind !== "-" && bLine + bCount === lastB;
      if ((o.kind !== "+" && lastOfA && !A.finalNewline) || (o.kind === "+" && lastOfB && !B.finalNewline)) {
        body.push("\\ No newline at end of file");
      }
      if (o.kind !== "+") aCount++;
      if (o.kind !== "-") bCount++;
    }
    const range = (line: number, count: number) =>
      count === 0 ? `${line},0` : count === 1 ? `${line + 1}` : `${line + 1},${count}`;
    out.push(`@@ -${range(aLine, aCount)} +${range(bLine, bCount)} @@`, ...body);
    start = stop;
    i = stop;
  }
  return out.join("\n") + "\n";
}

/** Applies a unified diff produced by `unifiedDiff` to `before` (used by tests to prove the diff is faithful). */
export function applyUnifiedDiff(before: string, diff: string): string {
  const { lines, finalNewline } = splitLines(before);
  const out: string[] = [];
  let pos = 0;
  let newFinal = finalNewline;
  const dl = diff.split("\n");
  for (let i = 0; i < dl.length; i++) {
    const h = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(dl[i]!);
    if (!h) continue;
    const aStart = Number(h[1]) - (h[2] === "0" ? 0 : 1);
    while (pos < aStart) out.push(lines[pos++]!);
    for (i++; i < dl.length && !dl[i]!.startsWith("@@"); i++) {
      const l = dl[i]!;
      if (l.startsWith("\\")) {
        const prev = dl[i - 1]!;
        if (prev.startsWith("+") || prev.startsWith(" ")) newFinal = false;
        continue;
      }
      if (l.startsWith(" ")) {
        out.push(lines[pos++]!);
        newFinal = true;
      } else if (l.startsWith("-")) pos++;
      else if (l.startsWith("+")) {
        out.push(l.slice(1));
        newFinal = true;
      }
    }
    i--;
  }
  const tailStart = pos;
  while (pos < lines.length) out.push(lines[pos++]!);
  if (tailStart < lines.length) newFinal = finalNewline;
  if (out.length === 0) return "";
  return out.join("\n") + (newFinal ? "\n" : "");
}
