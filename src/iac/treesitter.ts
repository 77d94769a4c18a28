import { Language, Parser, type Node, type Tree } from "web-tree-sitter";
import { wasmPath, type WasmFile } from "./wasm.js";

export type { Node, Tree };
export type Grammar = "terraform" | "typescript" | "tsx" | "python";

const GRAMMAR_FILES: Record<Grammar, WasmFile> = {
  terraform: "tree-sitter-terraform.wasm",
  typescript: "tree-sitter-typescript.wasm",
  tsx: "tree-sitter-tsx.wasm",
  python: "tree-sitter-python.wasm",
};

let initialized: Promise<void> | undefined;
const parsers = new Map<Grammar, Promise<Parser>>();

function init(): Promise<void> {
  initialized ??= Parser.init({
    locateFile: (name: string) => (name === "tree-sitter.wasm" ? wasmPath("tree-sitter.wasm") : name),
  });
  return initialized;
}

/** A cached parser for a grammar (web-tree-sitter is single-threaded; parsers are reused). */
export function getParser(grammar: Grammar): Promise<Parser> {
  let p = parsers.get(grammar);
  if (!p) {
    p = (async () => {
      await init();
      const lang = await Language.load(wasmPath(GRAMMAR_FILES[grammar]));
      const parser = new Parser();
      parser.setLanguage(lang);
      return parser;
    })();
    parsers.set(grammar, p);
  }
  return p;
}

/** Parses text; the caller must `tree.delete()` when done (wasm memory is not garbage collected). */
export async function parse(grammar: Grammar, text: string): Promise<Tree> {
  const parser = await getParser(grammar);
  const tree = parser.parse(text);
  if (!tree) throw new Error(`tree-sitter failed to parse (${grammar})`);
  return tree;
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
