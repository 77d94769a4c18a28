import type { Node as JsonNode } from "jsonc-parser";
import type { Node } from "../treesitter.js";
import { lineOf, named, pointAt } from "../treesitter.js";
import type { SourceFile } from "../types.js";

const lineStarts = new WeakMap<SourceFile, number[]>();

/** 0-based row and column of an offset in a file (line starts cached per file). */
export function positionAt(file: SourceFile, offset: number): { row: number; column: number } {
  let starts = lineStarts.get(file);
  if (!starts) {
    starts = [0];
    for (let i = 0; i < file.text.length; i++) if (file.text.charCodeAt(i) === 10) starts.push(i + 1);
    lineStarts.set(file, starts);
  }
  return pointAt(starts, offset);
}

/**
 * A value in Terraform JSON syntax (`*.tf.json`, `*.tfvars.json`): a jsonc-parser node in `file`. It exposes
 * the few position fields the analysis reads from tree-sitter nodes (text, offsets, start row), so blocks
 * from either syntax flow through the same code.
 */
export class JsonExpr {
  constructor(
    readonly json: JsonNode,
    readonly file: SourceFile,
  ) {}
  get text(): string {
    return this.file.text.slice(this.json.offset, this.json.offset + this.json.length);
  }
  get startIndex(): number {
    return this.json.offset;
  }
  get endIndex(): number {
    return this.json.offset + this.json.length;
  }
  get startPosition(): { row: number; column: number } {
    return positionAt(this.file, this.json.offset);
  }
  get hasError(): boolean {
    return false;
  }
}

/** An expression: a tree-sitter HCL `expression` node or a Terraform JSON value. */
export type Expr = Node | JsonExpr;

export function isJsonExpr(e: unknown): e is JsonExpr {
  return e instanceof JsonExpr;
}

/** The traversal a Terraform JSON string holds when it is exactly one `${a.b.c}` interpolation. */
export function jsonTraversal(e: JsonExpr): string[] | null {
  if (e.json.type !== "string" || typeof e.json.value !== "string") return null;
  const m = /^\$\{\s*([A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*|\[\d+\]|\["[^"]*"\])*)\s*\}$/.exec(e.json.value);
  if (!m) return null;
  return m[1]!.match(/[A-Za-z_][\w-]*|\[\d+\]|\["[^"]*"\]/g) ?? null;
}

/** A block (`resource "t" "n" { … }`) with its attributes and nested blocks, as tree-sitter nodes. */
export interface Block {
  file: SourceFile;
  node: Node | JsonExpr;
  type: string;
  labels: string[];
  attrs: Map<string, Attr>;
  blocks: Block[];
  startLine: number;
  endLine: number;
  /** The body node (between the braces); null for an empty block or a JSON block. */
  body: Node | null;
  /** Terraform JSON syntax: the path of this block's object in the file, for JSON-aware edits. */
  json?: { path: (string | number)[] };
}

export interface Attr {
  name: string;
  node: Node | JsonExpr;
  /** The value expression node. */
  expr: Expr;
  line: number;
}

/** Unescapes an HCL quoted-template literal segment. */
export function unescapeHcl(s: string): string {
  return s.replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)|\$\$\{|%%\{/g, (m, e: string | undefined) => {
    if (m === "$${") return "${";
    if (m === "%%{") return "%{";
    if (!e) return m;
    switch (e[0]) {
      case "n":
        return "\n";
      case "t":
        return "\t";
      case "r":
        return "\r";
      case '"':
        return '"';
      case "\\":
        return "\\";
      case "u":
      case "U":
        return String.fromCodePoint(parseInt(e.slice(1), 16));
      default:
        return m;
    }
  });
}

/** The string value of a `string_lit` node (no interpolation). */
export function stringLitValue(n: Node): string {
  return named(n)
    .filter((c) => c.type === "template_literal")
    .map((c) => unescapeHcl(c.text))
    .join("");
}

/** Reads a body node into attributes and blocks. */
export function readBody(file: SourceFile, body: Node | null): { attrs: Map<string, Attr>; blocks: Block[] } {
  const attrs = new Map<string, Attr>();
  const blocks: Block[] = [];
  if (!body) return { attrs, blocks };
  for (const c of named(body)) {
    if (c.type === "attribute") {
      // One crossing into wasm per node: the child list is read once.
      const kids = named(c);
      const id = kids[0];
      const expr = kids.find((x) => x.type === "expression");
      if (id && expr) attrs.set(id.text, { name: id.text, node: c, expr, line: lineOf(c) });
    } else if (c.type === "block") {
      const b = readBlock(file, c);
      if (b) blocks.push(b);
    }
  }
  return { attrs, blocks };
}

export function readBlock(file: SourceFile, n: Node): Block | null {
  const kids = named(n);
  const id = kids[0];
  if (!id || id.type !== "identifier") return null;
  const labels: string[] = [];
  let body: Node | null = null;
  for (const k of kids.slice(1)) {
    if (k.type === "string_lit") labels.push(stringLitValue(k));
    else if (k.type === "identifier") labels.push(k.text);
    else if (k.type === "body") body = k;
  }
  const { attrs, blocks } = readBody(file, body);
  return {
    file,
    node: n,
    type: id.text,
    labels,
    attrs,
    blocks,
    startLine: lineOf(n),
    endLine: n.endPosition.row + 1,
    body,
  };
}

/** Top-level blocks and attributes of a parsed file (attributes: tfvars). */
export function readFile(file: SourceFile, root: Node): { blocks: Block[]; attrs: Map<string, Attr> } {
  const body = named(root).find((c) => c.type === "body") ?? null;
  return readBody(file, body);
}

/** The first meaningful child of an `expression` (unwrapping parentheses), and the traversal after it. */
export function exprParts(expr: Expr): { head: Node | null; rest: Node[] } {
  if (expr instanceof JsonExpr) return { head: null, rest: [] };
  let e: Node = expr;
  for (;;) {
    const kids = named(e);
    if (e.type === "expression" && kids.length === 1 && kids[0]!.type === "expression") {
      e = kids[0]!;
      continue;
    }
    if (e.type !== "expression") return { head: e, rest: [] };
    return { head: kids[0] ?? null, rest: kids.slice(1) };
  }
}

/** `var.x`, `local.y`, `aws_lambda_function.f.arn`, `module.m.out`: the dotted traversal, or null. */
export function traversal(expr: Expr): string[] | null {
  if (expr instanceof JsonExpr) return jsonTraversal(expr);
  const { head, rest } = exprParts(expr);
  if (!head || head.type !== "variable_expr") return null;
  const parts = [head.text];
  for (const r of rest) {
    if (r.type === "get_attr") {
      const id = named(r)[0];
      if (!id) return null;
      parts.push(id.text);
    } else if (r.type === "index" || r.type === "splat") {
      parts.push(r.text);
    } else return null;
  }
  return parts;
}

/** Object elements of an HCL `object` node: key text, key node, value expression, element node. */
export function objectEntries(obj: Node): { key: string; keyNode: Node; value: Node; elem: Node }[] {
  const out: { key: string; keyNode: Node; value: Node; elem: Node }[] = [];
  for (const el of named(obj)) {
    if (el.type !== "object_elem") continue;
    const exprs = named(el).filter((x) => x.type === "expression");
    const k = exprs[0];
    const v = exprs[1];
    if (!k || !v) continue;
    const { head } = exprParts(k);
    let key = k.text;
    if (head?.type === "variable_expr") key = head.text;
    else if (head?.type === "literal_value" && head.namedChildren[0]?.type === "string_lit")
      key = stringLitValue(head.namedChildren[0]);
    else if (head?.type === "template_expr") key = k.text.replace(/^"|"$/g, "");
    out.push({ key, keyNode: k, value: v, elem: el });
  }
  return out;
}

/** The collection node (tuple/object) of an expression, if it is one. */
export function collectionOf(expr: Expr): Node | null {
  if (expr instanceof JsonExpr) return null;
  const { head, rest } = exprParts(expr);
  if (!head || rest.length > 0 || head.type !== "collection_value") return null;
  return head.namedChildren[0] ?? null;
}

/** Elements (expression nodes) of a tuple node. */
export function tupleElements(tuple: Node): Node[] {
  return named(tuple).filter((x) => x.type === "expression");
}

/** Items of a list expression (HCL tuple or JSON array), or null when it is not a literal list. */
export function listItems(expr: Expr): Expr[] | null {
  if (expr instanceof JsonExpr) {
    if (expr.json.type !== "array") return null;
    return (expr.json.children ?? []).map((c) => new JsonExpr(c, expr.file));
  }
  const c = collectionOf(expr);
  return c?.type === "tuple" ? tupleElements(c) : null;
}
