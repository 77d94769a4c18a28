import type { Node, Parser, Tree } from "web-tree-sitter";
import { wasmPath, type WasmFile } from "./wasm.js";

export type { Node, Tree };
export type Grammar = "terraform" | "typescript" | "tsx" | "python";

const GRAMMAR_FILES: Record<Grammar, WasmFile> = {
  terraform: "tree-sitter-terraform.wasm",
  typescript: "tree-sitter-typescript.wasm",
  tsx: "tree-sitter-tsx.wasm",
  python: "tree-sitter-python.wasm",
};

let runtime: Promise<typeof import("web-tree-sitter")> | undefined;
const parsers = new Map<Grammar, Promise<Parser>>();

/**
 * web-tree-sitter, loaded and initialised on first use: its 150 kB of JavaScript and its own wasm module are
 * for Terraform, CDK TypeScript and CDK Python only, and a project of templates alone never loads them.
 */
function treeSitter(): Promise<typeof import("web-tree-sitter")> {
  runtime ??= (async () => {
    const { setFlagsFromString } = await import("node:v8");
    // The grammars are large wasm modules (TypeScript's alone is 1.4 MB). V8 compiles them with its baseline
    // compiler and then recompiles hot functions with its optimizing one on background threads, which costs a
    // short run (a six-file project) about as much CPU as the scan itself while parsing no faster on the files
    // we see (measured: bench/iac.ts). Baseline code only; set before the first wasm module is compiled.
    setFlagsFromString("--liftoff-only");
    const lib = await import("web-tree-sitter");
    await lib.Parser.init({
      locateFile: (name: string) => (name === "tree-sitter.wasm" ? wasmPath("tree-sitter.wasm") : name),
    });
    return lib;
  })();
  return runtime;
}

/** A cached parser for a grammar (web-tree-sitter is single-threaded; parsers are reused). */
export function getParser(grammar: Grammar): Promise<Parser> {
  let p = parsers.get(grammar);
  if (!p) {
    p = (async () => {
      const { Language, Parser } = await treeSitter();
      const lang = await Language.load(wasmPath(GRAMMAR_FILES[grammar]));
      const parser = new Parser();
      parser.setLanguage(lang);
      return parser;
    })();
    parsers.set(grammar, p);
  }
  return p;
}

/**
 * The last few big trees per grammar, kept so that `fix` parses a file once where it reads the same text
 * twice (scan, then the syntax check before patching; the syntax check of the patched text, then its
 * re-scan), and can parse a patched file incrementally (`parseEdited`). Trees are immutable here (only
 * copies are edited), so a shallow copy is as good as a parse.
 */
const KEPT_PER_GRAMMAR = 4;
const KEEP_FROM_CHARS = 64 * 1024;
const kept = new Map<Grammar, { text: string; tree: Tree }[]>();

function keptTree(grammar: Grammar, text: string): Tree | undefined {
  return kept.get(grammar)?.find((k) => k.text === text)?.tree;
}

function keep(grammar: Grammar, text: string, tree: Tree): void {
  const list = kept.get(grammar) ?? [];
  list.push({ text, tree });
  while (list.length > KEPT_PER_GRAMMAR) list.shift()!.tree.delete();
  kept.set(grammar, list);
}

/** Parses text; the caller must `tree.delete()` when done (wasm memory is not garbage collected). */
export async function parse(grammar: Grammar, text: string): Promise<Tree> {
  const hit = keptTree(grammar, text);
  if (hit) return hit.copy();
  const parser = await getParser(grammar);
  const tree = parser.parse(text);
  if (!tree) throw new Error(`tree-sitter failed to parse (${grammar})`);
  if (text.length >= KEEP_FROM_CHARS) keep(grammar, text, tree.copy());
  return tree;
}

/** Start offsets of the lines of a text. */
function lineStarts(text: string): Int32Array {
  let n = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  const out = new Int32Array(n);
  let k = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) out[k++] = i + 1;
  return out;
}

/** 0-based row and column of `offset`, given the offsets where lines start (binary search). */
export function pointAt(starts: ArrayLike<number>, offset: number): { row: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { row: lo, column: offset - starts[lo]! };
}

function pointAfter(
  start: { row: number; column: number },
  inserted: string,
): { row: number; column: number } {
  const nl = inserted.lastIndexOf("\n");
  if (nl < 0) return { row: start.row, column: start.column + inserted.length };
  let rows = 0;
  for (let i = 0; i <= nl; i++) if (inserted.charCodeAt(i) === 10) rows++;
  return { row: start.row + rows, column: inserted.length - nl - 1 };
}

/**
 * Tells the parser that `after` is `before` with `edits` applied (non-overlapping, offsets into `before`).
 * When a tree of `before` is kept, `after` is parsed incrementally from it: a file
 * patched in thousands of places re-parses only around the edits, and the next `parse(grammar, after)` (the
 * syntax check, then the re-scan) gets that tree.
 */
export async function parseEdited(
  grammar: Grammar,
  before: string,
  after: string,
  edits: readonly { start: number; end: number; newText: string }[],
): Promise<void> {
  const base = keptTree(grammar, before);
  if (!base || keptTree(grammar, after)) return;
  const old = base.copy();
  const starts = lineStarts(before);
  // From the end backwards: each edit's offsets still hold in the partly edited tree.
  for (const e of [...edits].sort((a, b) => b.start - a.start)) {
    const startPosition = pointAt(starts, e.start);
    old.edit({
      startIndex: e.start,
      oldEndIndex: e.end,
      newEndIndex: e.start + e.newText.length,
      startPosition,
      oldEndPosition: pointAt(starts, e.end),
      newEndPosition: pointAfter(startPosition, e.newText),
    });
  }
  const parser = await getParser(grammar);
  const tree = parser.parse(after, old);
  old.delete();
  if (tree) keep(grammar, after, tree);
}

/** First ERROR or MISSING node, depth first, or null when the tree is clean. */
export function firstError(root: Node): Node | null {
  if (!root.hasError) return null;
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.isError || n.isMissing) return n;
    if (!n.hasError && !n.isMissing) continue;
    const kids = n.children;
    for (let i = kids.length - 1; i >= 0; i--) {
      const k = kids[i];
      if (k) stack.push(k);
    }
  }
  return root;
}

/** Named children of a node, without nulls. */
export function named(n: Node): Node[] {
  return n.namedChildren.filter((c): c is Node => c !== null);
}

/** 1-based line of a node's start. */
export function lineOf(n: Node): number {
  return n.startPosition.row + 1;
}

/** 1-based line of a node's end (a node ending at column 0 ends on the previous line). */
export function endLineOf(n: Node): number {
  return n.endPosition.column === 0 && n.endPosition.row > n.startPosition.row
    ? n.endPosition.row
    : n.endPosition.row + 1;
}
