/**
 * Position-preserving YAML helpers: parse with source ranges, find nodes by path, and compute minimal text
 * edits (replace a scalar, remove a mapping entry or sequence item with its whole lines, append to a sequence,
 * turn a scalar into a sequence, insert a mapping entry). The document is never re-serialized: every edit is
 * a splice of the original text, so comments, ordering and alignment elsewhere stay byte-identical.
 */
import {
  LineCounter,
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  parseDocument,
  visit,
  type Document,
  type Node,
  type Pair,
  type Scalar,
  type ScalarTag,
  type CollectionTag,
  type YAMLMap,
  type YAMLSeq,
} from "yaml";
import { lineAt } from "./lines.js";

export { lineAt };

/** An edit on the original text without a file path (UTF-16 offsets). */
export interface RangeEdit {
  start: number;
  end: number;
  newText: string;
}

export interface SourceProblem {
  message: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

export interface YamlSource {
  text: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  errors: SourceProblem[];
}

/** CloudFormation short-form intrinsic functions (`!Ref`, `!Sub`, …). */
export const CLOUDFORMATION_TAG_NAMES = [
  "!Ref",
  "!Sub",
  "!If",
  "!GetAtt",
  "!Equals",
  "!Join",
  "!Select",
  "!Split",
  "!FindInMap",
  "!Base64",
  "!Cidr",
  "!ImportValue",
  "!GetAZs",
  "!And",
  "!Or",
  "!Not",
  "!Condition",
  "!Transform",
  "!Length",
  "!ToJsonString",
  "!ForEach",
] as const;

function cloudformationTags(): (ScalarTag | CollectionTag)[] {
  const out: (ScalarTag | CollectionTag)[] = [];
  for (const tag of CLOUDFORMATION_TAG_NAMES) {
    out.push({ tag, resolve: (s: string) => s } as ScalarTag);
    out.push({ tag, collection: "seq", resolve: (v: unknown) => v } as unknown as CollectionTag);
    out.push({ tag, collection: "map", resolve: (v: unknown) => v } as unknown as CollectionTag);
  }
  return out;
}

let CFN_TAGS: (ScalarTag | CollectionTag)[] | undefined;

/**
 * Parses YAML keeping source ranges. With `cloudformation`, the short-form intrinsic tags are registered so
 * they parse without warnings; each tagged node keeps its `tag` (e.g. `!Ref`).
 */
export function parseYaml(text: string, options: { cloudformation?: boolean } = {}): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    keepSourceTokens: true,
    lineCounter,
    prettyErrors: false,
    uniqueKeys: false,
    ...(options.cloudformation ? { customTags: (CFN_TAGS ??= cloudformationTags()) } : {}),
  });
  const errors = doc.errors.map((e) => {
    const pos = lineCounter.linePos(e.pos[0]);
    return { message: e.message.split("\n")[0] ?? e.message, line: pos.line, column: pos.col };
  });
  return { text, doc, lineCounter, errors };
}

/** Offset of the start of the line containing `offset`. */
export function lineStart(text: string, offset: number): number {
  const i = text.lastIndexOf("\n", offset - 1);
  return i < 0 ? 0 : i + 1;
}

/** Offset just past the newline ending the line containing `offset` (or the end of the text). */
export function lineEndInclusive(text: string, offset: number): number {
  const i = text.indexOf("\n", offset);
  return i < 0 ? text.length : i + 1;
}

/** The node at `path` (keys and sequence indexes), or undefined. */
export function yamlNodeAt(src: YamlSource, path: readonly (string | number)[]): Node | undefined {
  const n: unknown = src.doc.getIn(path as unknown[], true);
  return isNode(n) ? n : undefined;
}

/** The mapping pair whose key is the last element of `path`. */
export function yamlPairAt(src: YamlSource, path: readonly (string | number)[]): Pair | undefined {
  if (path.length === 0) return undefined;
  const parent = path.length === 1 ? src.doc.contents : yamlNodeAt(src, path.slice(0, -1));
  if (!isMap(parent)) return undefined;
  const key = path[path.length - 1];
  return parent.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key));
}

/** Source span of a node: [start, valueEnd). */
export function nodeSpan(node: Node): { start: number; end: number } {
  const r = node.range ?? [0, 0, 0];
  return { start: r[0], end: r[1] };
}

/** 1-based start and end lines of a node (or a pair, from its key to the end of its value). */
export function yamlLines(
  src: Pick<YamlSource, "text">,
  node: Node | Pair,
): { startLine: number; endLine: number } {
  const span = isPair(node) ? pairSpan(node) : nodeSpan(node);
  // A block collection's range includes its final newline: end on the last content line.
  let e = span.end;
  while (e > span.start + 1 && /\s/.test(src.text[e - 1] ?? "")) e--;
  return { startLine: lineAt(src.text, span.start), endLine: lineAt(src.text, Math.max(span.start, e - 1)) };
}

function pairSpan(pair: Pair): { start: number; end: number } {
  const k = isNode(pair.key) ? pair.key.range : undefined;
  const v = isNode(pair.value) ? pair.value.range : undefined;
  const start = k?.[0] ?? v?.[0] ?? 0;
  const end = v?.[1] ?? k?.[1] ?? start;
  return { start, end: Math.max(start, end) };
}

/** Quote `value` like `like` is quoted in the source (plain, single or double). */
export function formatScalarLike(text: string, like: Scalar | undefined, value: string): string {
  const first = like?.range ? text[like.range[0]] : undefined;
  if (first === '"' || like?.type === "QUOTE_DOUBLE") return JSON.stringify(value);
  if (first === "'" || like?.type === "QUOTE_SINGLE") return `'${value.replace(/'/g, "''")}'`;
  return needsQuotes(value) ? JSON.stringify(value) : value;
}

function needsQuotes(value: string): boolean {
  return (
    value === "" ||
    /^[\s\-?:,[\]{}#&*!|>'"%@`]/.test(value) ||
    /: |\s#|\s$/.test(value) ||
    /^(true|false|null|yes|no|on|off|~|[-+]?[0-9.]+)$/i.test(value)
  );
}

/** Replace a scalar's value, keeping its quoting style (and any tag or comment around it). */
export function yamlReplaceScalar(text: string, node: Scalar, value: string): RangeEdit {
  const { start, end } = nodeSpan(node);
  return { start, end, newText: formatScalarLike(text, node, value) };
}

/** Replace a node's source text (value only: the key, tag and trailing comment stay). */
export function yamlReplaceNode(node: Node, newText: string): RangeEdit {
  const { start, end } = nodeSpan(node);
  return { start, end, newText };
}

/** End offset (exclusive) of the last content line of a node: just past that line's newline. */
function lastContentLineEnd(text: string, node: Node | Pair): number {
  const span = isPair(node) ? pairSpan(node) : nodeSpan(node);
  let e = span.end;
  // step back over whitespace/newlines that a block collection's range may include
  while (e > span.start && /\s/.test(text[e - 1] ?? "")) e--;
  return lineEndInclusive(text, Math.max(span.start, e - 1));
}

function removeFlowItem(
  text: string,
  items: readonly { start: number; end: number }[],
  index: number,
): RangeEdit | undefined {
  const it = items[index];
  if (!it) return undefined;
  const next = items[index + 1];
  const prev = items[index - 1];
  if (next) return { start: it.start, end: next.start, newText: "" };
  if (prev) return { start: prev.end, end: it.end, newText: "" };
  return { start: it.start, end: it.end, newText: "" };
}

/** Remove a mapping entry: in a block mapping, its whole lines (key line to last value line). */
export function yamlRemovePair(text: string, map: YAMLMap, pair: Pair): RangeEdit {
  if (map.flow) {
    const spans = map.items.map((p) => pairSpan(p));
    const edit = removeFlowItem(text, spans, map.items.indexOf(pair));
    if (edit) return edit;
  }
  const span = pairSpan(pair);
  const start = withLeadingComments(text, lineStart(text, span.start), columnOf(text, span.start));
  return eatBlankLine(text, { start, end: lastContentLineEnd(text, pair), newText: "" });
}

/** Extends a whole-line removal upwards over comment-only lines directly above it at the same indentation. */
function withLeadingComments(text: string, start: number, column: number): number {
  let s = start;
  while (s > 0) {
    const prev = lineStart(text, s - 1);
    const line = text.slice(prev, s).replace(/\r?\n$/, "");
    const m = /^([ \t]*)#/.exec(line);
    if (!m || m[1]!.length !== column || /lambda-guard:allow|checkov:skip/i.test(line)) break;
    s = prev;
  }
  return s;
}

/** When whole lines are removed between two blank lines, take one blank line with them. */
function eatBlankLine(text: string, e: RangeEdit): RangeEdit {
  const prevLineStart = e.start > 0 ? lineStart(text, e.start - 1) : -1;
  const prevBlank = prevLineStart >= 0 && /^[ \t]*\r?\n$/.test(text.slice(prevLineStart, e.start));
  const nextEnd = lineEndInclusive(text, e.end);
  const nextBlank = e.end < text.length && /^[ \t]*\r?\n$/.test(text.slice(e.end, nextEnd));
  return prevBlank && nextBlank ? { ...e, end: nextEnd } : e;
}

/** Remove a sequence item: in a block sequence, its whole lines (from the `-` line). */
export function yamlRemoveSeqItem(text: string, seq: YAMLSeq, index: number): RangeEdit | undefined {
  const item = seq.items[index];
  if (!isNode(item)) return undefined;
  if (seq.flow) {
    return removeFlowItem(
      text,
      seq.items.map((i) => (isNode(i) ? nodeSpan(i) : { start: 0, end: 0 })),
      index,
    );
  }
  const span = nodeSpan(item);
  return eatBlankLine(text, {
    start: lineStart(text, span.start),
    end: lastContentLineEnd(text, item),
    newText: "",
  });
}

/** The document's line ending. */
export function eolOf(text: string): string {
  return text.includes("\r\n") ? "\r\n" : "\n";
}

function columnOf(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

/** Column of the `-` that introduces a block sequence item (searching back from the item's start). */
function dashColumn(text: string, item: Node): number {
  const s = nodeSpan(item).start;
  const ls = lineStart(text, s);
  const before = text.slice(ls, s);
  const i = before.lastIndexOf("-");
  return i >= 0 ? i : columnOf(text, s);
}

/**
 * How far this document indents block sequence items under their key: 2 (`key:\n  - a`) or 0 (`key:\n- a`).
 * Taken from the first block sequence that is a mapping value; 2 when there is none.
 */
export function sequenceIndent(src: YamlSource): number {
  let found: number | undefined;
  visit(src.doc, {
    Pair(_, pair) {
      if (found !== undefined) return visit.BREAK;
      if (isSeq(pair.value) && !pair.value.flow && isNode(pair.key) && pair.value.items.length > 0) {
        const first = pair.value.items[0];
        if (isNode(first) && pair.key.range) {
          found = dashColumn(src.text, first) - columnOf(src.text, pair.key.range[0]);
        }
      }
      return undefined;
    },
  });
  return found !== undefined && found >= 0 ? found : 2;
}

function itemLike(text: string, seq: YAMLSeq, value: string): string {
  const last = [...seq.items].reverse().find((i) => isScalar(i));
  return formatScalarLike(text, last as Scalar | undefined, value);
}

/** Append `value` to a sequence, in its style (a new `- item` line, or `, item` in a flow sequence). */
export function yamlAppendToSeq(text: string, seq: YAMLSeq, value: string): RangeEdit | undefined {
  const last = seq.items[seq.items.length - 1];
  const item = itemLike(text, seq, value);
  if (seq.flow) {
    if (!isNode(last)) {
      const { start, end } = nodeSpan(seq);
      return { start, end, newText: `[${item}]` };
    }
    const e = nodeSpan(last).end;
    return { start: e, end: e, newText: `, ${item}` };
  }
  if (!isNode(last)) return undefined;
  const col = dashColumn(text, last);
  const at = lastContentLineEnd(text, last);
  const eol = eolOf(text);
  const nl = text[at - 1] === "\n" ? "" : eol;
  return { start: at, end: at, newText: `${nl}${" ".repeat(col)}- ${item}${nl ? "" : eol}` };
}

/**
 * Turn the scalar value of `pair` into a sequence of the old value plus `value`. Block style
 * (`key:\n  - old\n  - new`) unless the mapping is a flow mapping, a sibling value is a flow sequence, or
 * `style` says otherwise. The old value keeps its quoting; the new one is quoted alike.
 */
export function yamlScalarToSeq(
  src: YamlSource,
  map: YAMLMap,
  pair: Pair,
  value: string,
  style?: "flow" | "block",
): RangeEdit | undefined {
  const text = src.text;
  const scalar = pair.value;
  if (!isScalar(scalar) || !isNode(pair.key) || !pair.key.range || !scalar.range) return undefined;
  if (scalar.type === "BLOCK_LITERAL" || scalar.type === "BLOCK_FOLDED") return undefined;
  if (lineAt(text, scalar.range[0]) !== lineAt(text, scalar.range[1])) return undefined;
  const oldText = text.slice(scalar.range[0], scalar.range[1]);
  const newItem = formatScalarLike(text, scalar, value);
  const siblingsFlow = map.items.some((p) => isSeq(p.value) && p.value.flow);
  const useFlow = style ? style === "flow" : map.flow || siblingsFlow || scalar.tag !== undefined;
  if (useFlow) return { start: scalar.range[0], end: scalar.range[1], newText: `[${oldText}, ${newItem}]` };
  const keyCol = columnOf(text, pair.key.range[0]);
  const indent = " ".repeat(keyCol + sequenceIndent(src));
  const colon = text.indexOf(":", pair.key.range[1]);
  if (colon < 0 || colon > scalar.range[0]) return undefined;
  // Keep whatever follows the value on its line (a comment) with the old item.
  const nl = text.indexOf("\n", scalar.range[1]);
  const lineEnd = nl < 0 ? text.length : text[nl - 1] === "\r" ? nl - 1 : nl;
  const rest = text.slice(scalar.range[1], lineEnd);
  const eol = text[nl - 1] === "\r" ? "\r\n" : "\n";
  return {
    start: colon + 1,
    end: lineEnd,
    newText: `${eol}${indent}- ${oldText}${rest}${eol}${indent}- ${newItem}`,
  };
}

/** Insert `key: value` (value already YAML text) as the last entry of a mapping, at its indentation. */
export function yamlInsertPair(
  text: string,
  map: YAMLMap,
  key: string,
  valueText: string,
): RangeEdit | undefined {
  const last = map.items[map.items.length - 1];
  const first = map.items[0];
  if (map.flow) {
    if (!last) {
      const { start, end } = nodeSpan(map);
      return { start, end, newText: `{ ${key}: ${valueText} }` };
    }
    const e = pairSpan(last).end;
    return { start: e, end: e, newText: `, ${key}: ${valueText}` };
  }
  if (!last || !first || !isNode(first.key) || !first.key.range) return undefined;
  const col = columnOf(text, first.key.range[0]);
  const at = lastContentLineEnd(text, last);
  const eol = eolOf(text);
  const nl = text[at - 1] === "\n" ? "" : eol;
  return { start: at, end: at, newText: `${nl}${" ".repeat(col)}${key}: ${valueText}${nl ? "" : eol}` };
}

/** Apply range edits to a text (edits must not overlap). */
export function applyRangeEdits(text: string, edits: readonly RangeEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  let lastStart = Number.POSITIVE_INFINITY;
  for (const e of sorted) {
    if (e.end > lastStart) throw new Error(`overlapping edits at offset ${e.start}`);
    out = out.slice(0, e.start) + e.newText + out.slice(e.end);
    lastStart = e.start;
  }
  return out;
}

export { isMap, isSeq, isScalar, isPair, isNode };
export type { Node, Pair, Scalar, YAMLMap, YAMLSeq };
