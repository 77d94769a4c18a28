/**
 * Terraform JSON syntax (`*.tf.json`, `*.tfvars.json`) read into the same `Block`/`Attr` model as HCL.
 *
 * JSON syntax is schema-dependent: whether `"statement": [...]` is an attribute or a list of nested blocks
 * depends on the resource type. The keys below are the nested block types the analysis reads; every other
 * key is an attribute whose value is a `JsonExpr` (strings are templates: `"${var.x}"`).
 */
import type { Node as JsonNode } from "jsonc-parser";
import { parseJson } from "../json-edit.js";
import type { SourceFile, TextEdit } from "../types.js";
import { type Attr, type Block, JsonExpr, positionAt } from "./hcl.js";

const NESTED_BLOCKS = new Set([
  "statement",
  "principals",
  "not_principals",
  "condition",
  "inline_policy",
  "cors",
  "lifecycle",
]);

/** Block types whose two labels nest as `{"type": {"name": {…}}}`; one label: `{"name": {…}}`. */
const LABELS: Record<string, number> = {
  resource: 2,
  data: 2,
  module: 1,
  variable: 1,
  output: 1,
  provider: 1,
};

function lineOfOffset(file: SourceFile, offset: number): number {
  return positionAt(file, offset).row + 1;
}

function props(obj: JsonNode): { key: string; keyNode: JsonNode; value: JsonNode; prop: JsonNode }[] {
  if (obj.type !== "object") return [];
  const out: { key: string; keyNode: JsonNode; value: JsonNode; prop: JsonNode }[] = [];
  for (const p of obj.children ?? []) {
    const k = p.children?.[0];
    const v = p.children?.[1];
    if (p.type === "property" && k && v && typeof k.value === "string")
      out.push({ key: k.value, keyNode: k, value: v, prop: p });
  }
  return out;
}

/** A JSON object (the body of a block) as a Block; `node` spans the `"name": {…}` property when given. */
function jsonBlock(
  file: SourceFile,
  type: string,
  labels: string[],
  body: JsonNode,
  span: JsonNode,
  path: (string | number)[],
): Block {
  const attrs = new Map<string, Attr>();
  const blocks: Block[] = [];
  for (const p of props(body)) {
    if (p.key === "//") continue; // Terraform JSON comment property
    if (NESTED_BLOCKS.has(p.key) && (p.value.type === "object" || p.value.type === "array")) {
      const items = p.value.type === "array" ? (p.value.children ?? []) : [p.value];
      items.forEach((it, i) => {
        if (it.type !== "object") return;
        const sub = p.value.type === "array" ? [...path, p.key, i] : [...path, p.key];
        blocks.push(jsonBlock(file, p.key, [], it, it, sub));
      });
      continue;
    }
    attrs.set(p.key, {
      name: p.key,
      node: new JsonExpr(p.prop, file),
      expr: new JsonExpr(p.value, file),
      line: lineOfOffset(file, p.prop.offset),
    });
  }
  return {
    file,
    node: new JsonExpr(span, file),
    type,
    labels,
    attrs,
    blocks,
    startLine: lineOfOffset(file, span.offset),
    endLine: lineOfOffset(file, span.offset + span.length),
    body: null,
    json: { path },
  };
}

export interface ParsedTfJson {
  blocks: Block[];
  attrs: Map<string, Attr>;
  /** First syntax error line, when the file is not valid JSON. */
  errorLine?: number;
}

/** Reads a `.tf.json` (blocks) or `.tfvars.json` (top-level attributes) file. */
export function readTfJson(file: SourceFile, tfvars: boolean): ParsedTfJson {
  const src = parseJson(file.text);
  const root = src.root;
  const out: ParsedTfJson = { blocks: [], attrs: new Map() };
  if (src.errors.length > 0) out.errorLine = src.errors[0]!.line;
  if (!root || root.type !== "object" || out.errorLine !== undefined) return out;
  if (tfvars) {
    for (const p of props(root))
      out.attrs.set(p.key, {
        name: p.key,
        node: new JsonExpr(p.prop, file),
        expr: new JsonExpr(p.value, file),
        line: lineOfOffset(file, p.prop.offset),
      });
    return out;
  }
  for (const top of props(root)) {
    const type = top.key;
    // A block type may be an object or a list of objects ({"resource": [{…}, {…}]}).
    const groups =
      top.value.type === "array"
        ? (top.value.children ?? []).map((g, i) => ({ node: g, path: [type, i] as (string | number)[] }))
        : [{ node: top.value, path: [type] as (string | number)[] }];
    for (const g of groups) {
      if (type === "locals") {
        if (g.node.type === "object")
          out.blocks.push(jsonBlock(file, "locals", [], g.node, top.prop, g.path));
        continue;
      }
      const n = LABELS[type];
      if (!n) continue;
      for (const l1 of props(g.node)) {
        if (n === 1) {
          if (l1.value.type === "object")
            out.blocks.push(jsonBlock(file, type, [l1.key], l1.value, l1.prop, [...g.path, l1.key]));
          continue;
        }
        for (const l2 of props(l1.value)) {
          const bodies = l2.value.type === "array" ? (l2.value.children ?? []) : [l2.value];
          for (const body of bodies) {
            if (body.type !== "object") continue;
            out.blocks.push(
              jsonBlock(file, type, [l1.key, l2.key], body, l2.prop, [...g.path, l1.key, l2.key]),
            );
          }
        }
      }
    }
  }
  return out;
}

/**
 * Deletes resources written in JSON syntax: their `"name": {…}` properties, or the whole `"type": {…}` when
 * every resource of that type goes, so the file stays valid JSON with its layout. `"resource"` itself stays.
 */
export function deleteJsonBlocks(blocks: Block[]): TextEdit[] | null {
  const out: TextEdit[] = [];
  const byFile = new Map<string, Block[]>();
  for (const b of blocks) {
    if (!b.json) return null;
    byFile.set(b.file.path, [...(byFile.get(b.file.path) ?? []), b]);
  }
  for (const [path, list] of byFile) {
    const file = list[0]!.file;
    const src = parseJson(file.text);
    if (!src.root) return null;
    const root = src.root;
    const key = (p: (string | number)[]) => JSON.stringify(p);
    let removed = new Map(list.map((b) => [key(b.json!.path), b.json!.path]));
    // Collapse: a parent all of whose members go is removed itself.
    for (let changed = true; changed;) {
      changed = false;
      const byParent = new Map<string, (string | number)[][]>();
      for (const p of removed.values()) {
        const k = key(p.slice(0, -1));
        byParent.set(k, [...(byParent.get(k) ?? []), p]);
      }
      for (const [k, ps] of byParent) {
        const parentPath = JSON.parse(k) as (string | number)[];
        const parent = findAt(root, parentPath);
        if (parentPath.length > 1 && parent && (parent.children ?? []).length === ps.length) {
          for (const p of ps) removed.delete(key(p));
          removed.set(k, parentPath);
          changed = true;
        }
      }
      removed = new Map(removed);
    }
    const byParent = new Map<string, Set<number>>();
    for (const p of removed.values()) {
      const parentPath = p.slice(0, -1);
      const parent = findAt(root, parentPath);
      if (!parent) return null;
      const last = p[p.length - 1]!;
      const idx =
        typeof last === "number"
          ? last
          : (parent.children ?? []).findIndex(
              (c) => c.type === "property" && c.children?.[0]?.value === last,
            );
      if (idx < 0) return null;
      const k = key(parentPath);
      byParent.set(k, (byParent.get(k) ?? new Set<number>()).add(idx));
    }
    for (const [k, idxs] of byParent) {
      const parent = findAt(root, JSON.parse(k) as (string | number)[])!;
      const items = (parent.children ?? []).map((c) => ({ start: c.offset, end: c.offset + c.length }));
      out.push(...removeListItems(path, file.text, items, idxs));
    }
  }
  return out;
}

export function deleteJsonBlock(b: Block): TextEdit | null {
  const e = deleteJsonBlocks([b]);
  return e && e.length === 1 ? e[0]! : null;
}

function findAt(root: JsonNode, path: (string | number)[]): JsonNode | undefined {
  let n: JsonNode | undefined = root;
  for (const seg of path) {
    if (!n) return undefined;
    if (typeof seg === "number") n = n.type === "array" ? n.children?.[seg] : undefined;
    else n = props(n).find((p) => p.key === seg)?.value;
  }
  return n;
}

/**
 * Edits that remove the items `removed` (indexes) of a list (HCL tuple or JSON array) whose items sit at
 * `items` offsets: each run of removed items goes with the separators around it, whole lines when the items
 * sit on lines of their own, and a run at the end takes the comma after the last kept item (valid JSON).
 */
export function removeListItems(
  path: string,
  text: string,
  items: { start: number; end: number }[],
  removed: Set<number>,
): TextEdit[] {
  const ls = (o: number) => text.lastIndexOf("\n", o - 1) + 1;
  const own = (o: number) => /^[ \t]*$/.test(text.slice(ls(o), o));
  const edits: TextEdit[] = [];
  for (let i = 0; i < items.length; i++) {
    if (!removed.has(i)) continue;
    let j = i;
    while (removed.has(j + 1) && j + 1 < items.length) j++;
    const first = items[i]!;
    const last = items[j]!;
    const next = items[j + 1];
    const prev = items[i - 1];
    if (next) {
      edits.push(
        own(first.start) && own(next.start)
          ? { path, start: ls(first.start), end: ls(next.start), newText: "" }
          : { path, start: first.start, end: next.start, newText: "" },
      );
    } else if (prev) {
      edits.push({ path, start: prev.end, end: last.end, newText: "" });
    } else {
      const nl = text.indexOf("\n", last.end);
      const blankAfter = nl >= 0 && /^[ \t,]*$/.test(text.slice(last.end, nl));
      edits.push(
        own(first.start) && blankAfter
          ? { path, start: ls(first.start), end: nl + 1, newText: "" }
          : { path, start: first.start, end: last.end, newText: "" },
      );
    }
    i = j;
  }
  return edits;
}
