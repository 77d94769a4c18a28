/**
 * One source tree for YAML and JSON templates: maps, sequences and scalars with their offsets, and an editor
 * that turns "replace this scalar / remove this entry / add this item" into minimal text edits in the file's
 * own syntax. CloudFormation intrinsics are recognized in both short (`!Ref X`) and long (`Ref: X`,
 * `{"Fn::If": …}`) form.
 */
import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap, type YAMLSeq, type Scalar } from "yaml";
import type { SourceFile, TextEdit } from "../types.js";
import {
  jsonAppendString,
  jsonInsertProperty,
  jsonPathOf,
  jsonRemove,
  jsonReplaceRaw,
  jsonReplaceValue,
  parseJson,
  type JsonNode,
  type JsonSource,
} from "../json-edit.js";
import {
  lineAt,
  parseYaml,
  yamlAppendToSeq,
  yamlInsertPair,
  yamlRemovePair,
  yamlRemoveSeqItem,
  yamlReplaceNode,
  yamlReplaceScalar,
  yamlScalarToSeq,
  type RangeEdit,
  type SourceProblem,
  type YamlSource,
} from "../yaml-edit.js";

export type TNode = TScalar | TMap | TSeq;

interface TBase {
  start: number;
  /** End of the value text (exclusive). */
  end: number;
  /** YAML tag (`!Ref`, …) when present. */
  tag?: string;
  parent?: TMap | TSeq;
}

export interface TScalar extends TBase {
  kind: "scalar";
  value: string | number | boolean | null;
  raw: Scalar | JsonNode;
}

export interface TEntry {
  key: string;
  keyStart: number;
  value: TNode;
  raw: Pair | JsonNode;
}

export interface TMap extends TBase {
  kind: "map";
  entries: TEntry[];
  flow: boolean;
  raw: YAMLMap | JsonNode;
}

export interface TSeq extends TBase {
  kind: "seq";
  items: TNode[];
  flow: boolean;
  raw: YAMLSeq | JsonNode;
}

export interface SourceDoc {
  format: "yaml" | "json";
  file: SourceFile;
  root: TNode | undefined;
  errors: SourceProblem[];
  yaml?: YamlSource;
  json?: JsonSource;
  /** Keys repeated in one mapping: the last one counts, as CloudFormation deploys it (cfn-lint: E0000). */
  duplicates: DuplicateKey[];
}

export interface DuplicateKey {
  key: string;
  /** 1-based line of the occurrence that counts (the last) and of the first one. */
  line: number;
  firstLine: number;
}

/** Offsets of repeated keys found while building a tree: [key, first occurrence, last occurrence]. */
type DupSink = [string, number, number][];

/** Adds an entry; a repeated key replaces the earlier entry in place (last wins) and is recorded. */
function addEntry(m: TMap, e: TEntry, dups: DupSink): void {
  const i = m.entries.findIndex((x) => x.key === e.key);
  if (i < 0) {
    m.entries.push(e);
    return;
  }
  dups.push([e.key, m.entries[i]!.keyStart, e.keyStart]);
  m.entries[i] = e;
}

// ---------------------------------------------------------------- building

function fromYaml(node: unknown, dups: DupSink, parent?: TMap | TSeq): TNode | undefined {
  if (isScalar(node)) {
    const r = node.range ?? [0, 0, 0];
    const v = node.value;
    const value =
      typeof v === "string" || typeof v === "number" || typeof v === "boolean" || v === null ? v : String(v);
    return { kind: "scalar", value, start: r[0], end: r[1], raw: node, parent, ...tagOf(node) };
  }
  if (isMap(node)) {
    const r = node.range ?? [0, 0, 0];
    const m: TMap = {
      kind: "map",
      entries: [],
      flow: !!node.flow,
      start: r[0],
      end: r[1],
      raw: node,
      parent,
    };
    Object.assign(m, tagOf(node));
    for (const pair of node.items) {
      if (!isScalar(pair.key)) continue;
      const keyStart = pair.key.range?.[0] ?? r[0];
      const value = fromYaml(pair.value, dups, m) ?? nullScalar(pair, m);
      addEntry(m, { key: String(pair.key.value), keyStart, value, raw: pair }, dups);
    }
    return m;
  }
  if (isSeq(node)) {
    const r = node.range ?? [0, 0, 0];
    const s: TSeq = { kind: "seq", items: [], flow: !!node.flow, start: r[0], end: r[1], raw: node, parent };
    Object.assign(s, tagOf(node));
    for (const it of node.items) {
      const t = fromYaml(it, dups, s);
      if (t) s.items.push(t);
    }
    return s;
  }
  return undefined;
}

function nullScalar(pair: Pair, parent: TMap): TScalar {
  const k = (pair.key as Node).range ?? [0, 0, 0];
  return { kind: "scalar", value: null, start: k[1], end: k[1], raw: pair.key as Scalar, parent };
}

function tagOf(node: Node): { tag?: string } {
  return node.tag && node.tag.startsWith("!") && !node.tag.startsWith("!!") ? { tag: node.tag } : {};
}

function fromJson(node: JsonNode | undefined, dups: DupSink, parent?: TMap | TSeq): TNode | undefined {
  if (!node) return undefined;
  const start = node.offset;
  const end = node.offset + node.length;
  if (node.type === "object") {
    const m: TMap = { kind: "map", entries: [], flow: true, start, end, raw: node, parent };
    for (const prop of node.children ?? []) {
      const k = prop.children?.[0];
      const v = fromJson(prop.children?.[1], dups, m);
      if (!k || !v) continue;
      addEntry(m, { key: String(k.value), keyStart: k.offset, value: v, raw: prop }, dups);
    }
    return m;
  }
  if (node.type === "array") {
    const s: TSeq = { kind: "seq", items: [], flow: true, start, end, raw: node, parent };
    for (const c of node.children ?? []) {
      const t = fromJson(c, dups, s);
      if (t) s.items.push(t);
    }
    return s;
  }
  const value = node.value as string | number | boolean | null;
  return { kind: "scalar", value: value ?? null, start, end, raw: node, parent };
}

export function isJsonPath(path: string): boolean {
  return /\.json$/i.test(path);
}

/** Parses a YAML (with CloudFormation tags) or JSON file into a source tree. */
export function loadSource(file: SourceFile): SourceDoc {
  const dups: DupSink = [];
  if (isJsonPath(file.path) || /^\s*\{/.test(file.text)) {
    const json = parseJson(file.text);
    const root = fromJson(json.root, dups);
    const duplicates = dups.map(([key, first, last]) => ({
      key,
      line: lineAt(file.text, last),
      firstLine: lineAt(file.text, first),
    }));
    return { format: "json", file, root, errors: json.errors, json, duplicates };
  }
  const yaml = parseYaml(file.text, { cloudformation: true });
  const root = fromYaml(yaml.doc.contents, dups);
  const line = (o: number) => yaml.lineCounter.linePos(o).line;
  const duplicates = dups.map(([key, first, last]) => ({ key, line: line(last), firstLine: line(first) }));
  return { format: "yaml", file, root, errors: yaml.errors, yaml, duplicates };
}

/**
 * The coverage note for repeated keys, naming each line. CloudFormation accepts such a template and deploys
 * the last value, so that is what the file was analysed (and is patched) with; cfn-lint rejects it (E0000).
 */
export function duplicateKeyNote(doc: SourceDoc): string | undefined {
  if (doc.duplicates.length === 0) return undefined;
  const each = doc.duplicates
    .slice(0, 10)
    .map(
      (d) =>
        `${doc.file.path}:${d.line}: duplicate key ${JSON.stringify(d.key)} (first at line ${d.firstLine})`,
    );
  const more = doc.duplicates.length > 10 ? `; and ${doc.duplicates.length - 10} more` : "";
  return `${each.join("; ")}${more}: analysed with the last value, which is what CloudFormation deploys (cfn-lint reports E0000); remove the duplicate`;
}

// ---------------------------------------------------------------- reading

export function get(node: TNode | undefined, key: string): TNode | undefined {
  if (node?.kind !== "map") return undefined;
  return node.entries.find((e) => e.key === key)?.value;
}

export function entry(node: TNode | undefined, key: string): TEntry | undefined {
  if (node?.kind !== "map") return undefined;
  return node.entries.find((e) => e.key === key);
}

export function getIn(node: TNode | undefined, path: readonly (string | number)[]): TNode | undefined {
  let n = node;
  for (const p of path) {
    if (!n) return undefined;
    n = typeof p === "number" ? (n.kind === "seq" ? n.items[p] : undefined) : get(n, p);
  }
  return n;
}

/** A literal string value (numbers and booleans as text); undefined for maps, sequences, tags, null. */
export function str(node: TNode | undefined): string | undefined {
  if (node?.kind !== "scalar" || node.tag || node.value === null) return undefined;
  return String(node.value);
}

export function isTrue(node: TNode | undefined): boolean {
  const s = str(node);
  return s !== undefined && s.toLowerCase() === "true";
}

/** Items of a sequence, or the node itself as a one-item list. */
export function listOf(node: TNode | undefined): TNode[] {
  if (!node) return [];
  if (node.kind === "seq" && !node.tag) return node.items;
  return [node];
}

export interface Intrinsic {
  fn: string;
  arg: TNode;
}

const SHORT_TO_LONG: Record<string, string> = { "!Ref": "Ref", "!Condition": "Condition" };

/** `!Ref X` / `Ref: X` / `{"Ref": "X"}` → {fn: "Ref", arg}; `!If […]` / `Fn::If: […]` → {fn: "Fn::If", arg}. */
export function intrinsic(node: TNode | undefined): Intrinsic | undefined {
  if (!node) return undefined;
  if (node.tag) {
    const fn = SHORT_TO_LONG[node.tag] ?? `Fn::${node.tag.slice(1)}`;
    return { fn, arg: { ...node, tag: undefined } as TNode };
  }
  if (node.kind === "map" && node.entries.length === 1) {
    const e = node.entries[0]!;
    if (e.key === "Ref" || e.key === "Condition" || e.key.startsWith("Fn::"))
      return { fn: e.key, arg: e.value };
  }
  return undefined;
}

export function lineOf(doc: SourceDoc, offset: number): number {
  if (doc.yaml) return doc.yaml.lineCounter.linePos(offset).line;
  return lineAt(doc.file.text, offset);
}

/** Lines of a map entry, from its key to the last line of its value. */
export function entryLines(doc: SourceDoc, e: TEntry): { startLine: number; endLine: number } {
  return { startLine: lineOf(doc, e.keyStart), endLine: lastLine(doc, e.value) };
}

export function nodeLines(doc: SourceDoc, n: TNode): { startLine: number; endLine: number } {
  return { startLine: lineOf(doc, n.start), endLine: lastLine(doc, n) };
}

function lastLine(doc: SourceDoc, n: TNode): number {
  const text = doc.file.text;
  let e = n.end;
  while (e > n.start + 1 && /\s/.test(text[e - 1] ?? "")) e--;
  return lineOf(doc, Math.max(n.start, e - 1));
}

// ---------------------------------------------------------------- editing

function withPath(doc: SourceDoc, e: RangeEdit | undefined): TextEdit | undefined {
  return e ? { path: doc.file.path, start: e.start, end: e.end, newText: e.newText } : undefined;
}

/** Replace a scalar (keeping YAML quoting; JSON strings stay strings). */
export function editReplaceScalar(doc: SourceDoc, node: TScalar, value: string): TextEdit {
  if (doc.format === "json") return withPath(doc, jsonReplaceValue(node.raw as JsonNode, value))!;
  return withPath(doc, yamlReplaceScalar(doc.file.text, node.raw as Scalar, value))!;
}

/** Replace any value with raw text in the file's syntax (`yamlText` or `jsonText`). */
export function editReplaceRaw(doc: SourceDoc, node: TNode, yamlText: string, jsonText: string): TextEdit {
  if (doc.format === "json") return withPath(doc, jsonReplaceRaw(node.raw as JsonNode, jsonText))!;
  return withPath(doc, yamlReplaceNode(node.raw as Node, yamlText))!;
}

/** Replace a value with a reference to a pseudo parameter or resource (`!Ref X` / `{"Ref": "X"}`). */
export function editReplaceWithRef(doc: SourceDoc, node: TNode, name: string): TextEdit {
  return editReplaceRaw(doc, node, `!Ref ${name}`, JSON.stringify({ Ref: name }));
}

/** Remove an entry of a mapping (its whole lines in block YAML; with its comma in JSON). */
export function editRemoveEntry(doc: SourceDoc, map: TMap, key: string): TextEdit | undefined {
  const e = entry(map, key);
  if (!e) return undefined;
  if (doc.format === "json")
    return withPath(doc, jsonRemove(doc.json!, [...jsonPathOf(map.raw as JsonNode), key]));
  return withPath(doc, yamlRemovePair(doc.file.text, map.raw as YAMLMap, e.raw as Pair));
}

export function editRemoveItem(doc: SourceDoc, seq: TSeq, index: number): TextEdit | undefined {
  if (doc.format === "json") {
    const item = seq.items[index];
    return item ? withPath(doc, jsonRemove(doc.json!, jsonPathOf(item.raw as JsonNode))) : undefined;
  }
  return withPath(doc, yamlRemoveSeqItem(doc.file.text, seq.raw as YAMLSeq, index));
}

/**
 * Add a string to the value of `map[key]`: appended to a sequence, or a scalar becomes a sequence of the
 * old value and the new one.
 */
export function editAddString(doc: SourceDoc, map: TMap, key: string, value: string): TextEdit | undefined {
  const e = entry(map, key);
  if (!e) return undefined;
  const v = e.value;
  if (v.tag) return undefined;
  if (doc.format === "json") {
    return withPath(doc, jsonAppendString(doc.json!, v.raw as JsonNode, value));
  }
  if (v.kind === "seq") return withPath(doc, yamlAppendToSeq(doc.file.text, v.raw as YAMLSeq, value));
  if (v.kind === "scalar") {
    return withPath(doc, yamlScalarToSeq(doc.yaml!, map.raw as YAMLMap, e.raw as Pair, value));
  }
  return undefined;
}

/** Insert `key: value` at the end of a mapping (value is a plain string). */
export function editInsertEntry(doc: SourceDoc, map: TMap, key: string, value: string): TextEdit | undefined {
  if (doc.format === "json") {
    const path = jsonPathOf(map.raw as JsonNode);
    return withPath(doc, jsonInsertProperty(doc.json!, path, key, value));
  }
  return withPath(doc, yamlInsertPair(doc.file.text, map.raw as YAMLMap, key, value));
}

/** Apply edits to a text (non-overlapping; identical duplicates are applied once). */
export function applyTextEdits(
  text: string,
  edits: readonly Pick<TextEdit, "start" | "end" | "newText">[],
): string {
  const seen = new Set<string>();
  const unique = edits.filter((e) => {
    const k = `${e.start}:${e.end}:${e.newText}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  const sorted = [...unique].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  let bound = Number.POSITIVE_INFINITY;
  for (const e of sorted) {
    if (e.end > bound) throw new Error(`overlapping edits at offset ${e.start}`);
    out = out.slice(0, e.start) + e.newText + out.slice(e.end);
    bound = e.start;
  }
  return out;
}
