/**
 * Position-preserving JSON helpers on `jsonc-parser`: parse to a tree with offsets, find nodes by path, and
 * compute minimal text edits. Nothing is re-serialized except the value being written.
 */
import {
  createScanner,
  findNodeAtLocation,
  modify,
  parseTree,
  printParseErrorCode,
  type FormattingOptions,
  type Node as JsonNode,
  type ParseError,
} from "jsonc-parser";
import { appendAfterLast } from "./list-insert.js";
import { applyRangeEdits, lineAt, lineStart, type RangeEdit, type SourceProblem } from "./yaml-edit.js";

export type { JsonNode };

export interface JsonSource {
  text: string;
  root: JsonNode | undefined;
  errors: SourceProblem[];
}

export function parseJson(text: string): JsonSource {
  const errs: ParseError[] = [];
  const root = parseTree(text, errs, { allowTrailingComma: true, disallowComments: false });
  const errors = errs.map((e) => {
    const ls = lineStart(text, e.offset);
    return { message: printParseErrorCode(e.error), line: lineAt(text, e.offset), column: e.offset - ls + 1 };
  });
  return { text, root, errors };
}

export function jsonNodeAt(src: JsonSource, path: readonly (string | number)[]): JsonNode | undefined {
  return src.root ? findNodeAtLocation(src.root, [...path]) : undefined;
}

/** Path of a node from the root (property names and array indexes). */
export function jsonPathOf(node: JsonNode): (string | number)[] {
  const path: (string | number)[] = [];
  let n: JsonNode | undefined = node;
  while (n?.parent) {
    const p: JsonNode = n.parent;
    if (p.type === "property") {
      const key = p.children?.[0]?.value;
      if (p.children?.[1] === n) path.unshift(String(key));
      n = p.parent;
    } else if (p.type === "array") {
      path.unshift(p.children?.indexOf(n) ?? 0);
      n = p;
    } else {
      n = p;
    }
  }
  return path;
}

/** Indentation of the document (spaces or tabs, size) and end of line, guessed from its first indented line. */
export function detectJsonFormatting(text: string): FormattingOptions {
  const m = /\n([ \t]+)\S/.exec(text);
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  if (!m?.[1]) return { insertSpaces: true, tabSize: 2, eol };
  if (m[1].startsWith("\t")) return { insertSpaces: false, tabSize: 1, eol };
  return { insertSpaces: true, tabSize: m[1].length, eol };
}

/** Replace a value with a JSON-serialized new value. */
export function jsonReplaceValue(node: JsonNode, value: unknown): RangeEdit {
  return { start: node.offset, end: node.offset + node.length, newText: JSON.stringify(value) };
}

/** Replace a value with raw text. */
export function jsonReplaceRaw(node: JsonNode, newText: string): RangeEdit {
  return { start: node.offset, end: node.offset + node.length, newText };
}

function single(
  text: string,
  edits: { offset: number; length: number; content: string }[],
): RangeEdit | undefined {
  if (edits.length === 0) return undefined;
  const start = Math.min(...edits.map((e) => e.offset));
  const end = Math.max(...edits.map((e) => e.offset + e.length));
  let chunk = text.slice(start, end);
  for (const e of [...edits].sort((a, b) => b.offset - a.offset)) {
    chunk = chunk.slice(0, e.offset - start) + e.content + chunk.slice(e.offset - start + e.length);
  }
  return { start, end, newText: chunk };
}

/**
 * Remove a property or array item by path, with its separator. When it sits on lines of its own, exactly
 * those lines go; otherwise its text and one comma. Removing the last member leaves the comma of the member
 * before it: apply removals with `applyJsonEdits` (or `dropTrailingCommas`), which drops it. Two removals of
 * neighbours compose that way (each edit alone cannot know which comma is left over once both apply).
 */
export function jsonRemove(src: JsonSource, path: readonly (string | number)[]): RangeEdit | undefined {
  const value = jsonNodeAt(src, path);
  if (!value) return undefined;
  const node = value.parent?.type === "property" ? value.parent : value;
  const parent = node.parent;
  if (!parent) return undefined;
  const text = src.text;
  const siblings = parent.children ?? [];
  const idx = siblings.indexOf(node);
  const prev = idx > 0 ? siblings[idx - 1] : undefined;
  const next = siblings[idx + 1];
  const start = node.offset;
  let end = node.offset + node.length;
  let j = end;
  while (j < text.length && (text[j] === " " || text[j] === "\t")) j++;
  if (text[j] === ",") end = j + 1;
  const ls = lineStart(text, start);
  const nl = text.indexOf("\n", end);
  const restOfLine = text.slice(end, nl < 0 ? text.length : nl);
  // A trailing comment on the member's own line goes with it; a member that shares a line does not own it.
  const ownLines =
    /^[ \t]*$/.test(text.slice(ls, start)) && /^\s*(?:\/\/.*|\/\*.*\*\/\s*)?$/.test(restOfLine);
  if (ownLines) return { start: ls, end: nl < 0 ? text.length : nl + 1, newText: "" };
  if (next) return { start, end: next.offset, newText: "" };
  if (prev) return { start: prev.offset + prev.length, end, newText: "" };
  return { start, end, newText: "" };
}

// jsonc-parser declares SyntaxKind as an ambient const enum, which isolated modules cannot read: its values.
const SyntaxKind = {
  CloseBraceToken: 2,
  CloseBracketToken: 4,
  CommaToken: 5,
  LineCommentTrivia: 12,
  BlockCommentTrivia: 13,
  LineBreakTrivia: 14,
  Trivia: 15,
  EOF: 17,
} as const;

/**
 * Offsets of commas directly followed (after whitespace and comments) by `}` or `]`. Scanned with
 * jsonc-parser's tokenizer, so commas inside strings and comments never count.
 */
export function trailingCommas(text: string): number[] {
  const scanner = createScanner(text, false);
  const out: number[] = [];
  let comma = -1;
  for (let t: number = scanner.scan(); t !== SyntaxKind.EOF; t = scanner.scan()) {
    if (t === SyntaxKind.Trivia || t === SyntaxKind.LineBreakTrivia) continue;
    if (t === SyntaxKind.LineCommentTrivia || t === SyntaxKind.BlockCommentTrivia) continue;
    if ((t === SyntaxKind.CloseBraceToken || t === SyntaxKind.CloseBracketToken) && comma >= 0)
      out.push(comma);
    comma = t === SyntaxKind.CommaToken ? scanner.getTokenOffset() : -1;
  }
  return out;
}

/**
 * Drops the commas that removals left before a closing bracket (with the blanks between the comma and a
 * bracket on the same line, so `[a, ]` becomes `[a]`). Only for a text whose original had none: a document
 * that already used trailing commas (JSONC) keeps its style.
 */
export function dropTrailingCommas(text: string): string {
  const commas = trailingCommas(text);
  if (commas.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  for (const c of commas) {
    let e = c + 1;
    while (text[e] === " " || text[e] === "\t") e++;
    if (text[e] !== "}" && text[e] !== "]") e = c + 1;
    parts.push(text.slice(at, c));
    at = e;
  }
  parts.push(text.slice(at));
  return parts.join("");
}

/** Applies edits to a JSON text and drops the commas removals left dangling (see `jsonRemove`). */
export function applyJsonEdits(text: string, edits: readonly RangeEdit[]): string {
  const out = applyRangeEdits(text, edits);
  return trailingCommas(text).length === 0 ? dropTrailingCommas(out) : out;
}

/** Insert a property at the end of an object (value serialized with the document's indentation). */
export function jsonInsertProperty(
  src: JsonSource,
  objectPath: readonly (string | number)[],
  key: string,
  value: unknown,
): RangeEdit | undefined {
  const edits = modify(src.text, [...objectPath, key], value, {
    formattingOptions: detectJsonFormatting(src.text),
  });
  return single(src.text, edits);
}

/**
 * Append a string to an array, or turn a string into an array of [old, new]. Inline (`["a", "b"]`) when
 * the array or scalar sits on one line; otherwise a new line at the last item's indentation.
 */
export function jsonAppendString(src: JsonSource, node: JsonNode, value: string): RangeEdit | undefined {
  const text = src.text;
  if (node.type === "string") {
    const old = text.slice(node.offset, node.offset + node.length);
    return jsonReplaceRaw(node, `[${old}, ${JSON.stringify(value)}]`);
  }
  if (node.type !== "array") return undefined;
  const items = node.children ?? [];
  const last = items[items.length - 1];
  if (!last) return jsonReplaceRaw(node, `[${JSON.stringify(value)}]`);
  const multiLine = lineAt(text, node.offset) !== lineAt(text, last.offset);
  return appendAfterLast(
    text,
    { start: last.offset, end: last.offset + last.length, multiLine },
    JSON.stringify(value),
  );
}
