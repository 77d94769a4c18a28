import type { Node as JsonNode } from "jsonc-parser";
import type { Node } from "../treesitter.js";
import { appendAfterLast } from "../list-insert.js";
import type { SourceFile, TextEdit } from "../types.js";
import { type Block, tupleElements } from "./hcl.js";
import { deleteJsonBlock, deleteJsonBlocks } from "./tfjson.js";

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

function lineEnd(text: string, offset: number): number {
  const i = text.indexOf("\n", offset);
  return i < 0 ? text.length : i + 1;
}

function indentAt(text: string, offset: number): string {
  const s = lineStart(text, offset);
  return /^[ \t]*/.exec(text.slice(s, offset))?.[0] ?? "";
}

const isBlank = (l: string | undefined) => l !== undefined && l.trim() === "";

/**
 * Deletes a whole block (`resource … { … }`) with the comment lines directly attached above it, and one
 * surrounding blank line so the file keeps its spacing. Everything else stays byte-identical.
 */
export function deleteBlock(file: SourceFile, block: Node): TextEdit {
  const text = file.text;
  let start = lineStart(text, block.startIndex);
  let end = lineEnd(text, block.endIndex);
  // Attached comments directly above.
  for (;;) {
    if (start === 0) break;
    const prevStart = lineStart(text, start - 1);
    const prev = text.slice(prevStart, start);
    if (/^\s*(#|\/\/)/.test(prev) && !/lambda-guard:|checkov:/.test(prev)) start = prevStart;
    else break;
  }
  const before = start === 0 ? "" : text.slice(lineStart(text, start - 1), start);
  const after = text.slice(end, lineEnd(text, end));
  if ((start === 0 || isBlank(before)) && isBlank(after) && end < text.length) end = lineEnd(text, end);
  else if (isBlank(before) && (end >= text.length || after === "" || /^\s*\}\s*$/.test(after)) && start > 0)
    // At the end of the file or of the enclosing block: the blank line before goes instead.
    start = lineStart(text, start - 1);
  return { path: file.path, start, end, newText: "" };
}

/** Replaces a node's text. */
export function replaceNode(
  file: SourceFile,
  n: { startIndex: number; endIndex: number },
  newText: string,
): TextEdit {
  return { path: file.path, start: n.startIndex, end: n.endIndex, newText };
}

/** Appends `item` (already quoted) to an HCL tuple node, in the tuple's own layout. */
export function appendToHclTuple(file: SourceFile, tuple: Node, item: string): TextEdit {
  const els = tupleElements(tuple);
  const last = els[els.length - 1];
  if (!last) return replaceNode(file, tuple, `[${item}]`);
  const next = last.nextSibling;
  const e = appendAfterLast(
    file.text,
    {
      start: last.startIndex,
      end: last.endIndex,
      ...(next?.type === "," ? { commaEnd: next.endIndex } : {}),
      multiLine: last.startPosition.row !== tuple.startPosition.row,
    },
    item,
  );
  return { path: file.path, ...e };
}

/** Appends a string to a JSON array node (offsets relative to `base` in `path`), in the array's layout. */
export function appendToJsonArray(
  path: string,
  text: string,
  base: number,
  arr: JsonNode,
  item: string,
): TextEdit {
  const items = arr.children ?? [];
  const last = items[items.length - 1];
  const quoted = JSON.stringify(item);
  if (!last)
    return { path, start: base + arr.offset, end: base + arr.offset + arr.length, newText: `[${quoted}]` };
  const e = appendAfterLast(
    text,
    {
      start: last.offset,
      end: last.offset + last.length,
      multiLine: text.slice(arr.offset, last.offset).includes("\n"),
    },
    quoted,
  );
  return { path, start: base + e.start, end: base + e.end, newText: e.newText };
}

/** Turns a scalar JSON string node into a list with `item` appended. */
export function scalarToJsonList(
  path: string,
  text: string,
  base: number,
  node: JsonNode,
  item: string,
): TextEdit {
  const raw = text.slice(node.offset, node.offset + node.length);
  return {
    path,
    start: base + node.offset,
    end: base + node.offset + node.length,
    newText: `[${raw}, ${JSON.stringify(item)}]`,
  };
}

/** Inserts an attribute line after another attribute, matching its indentation and `=` alignment. */
export function insertAttributeAfter(file: SourceFile, after: Node, name: string, value: string): TextEdit {
  const text = file.text;
  const indent = indentAt(text, after.startIndex);
  const afterLine = text.slice(lineStart(text, after.startIndex), lineEnd(text, after.startIndex));
  const eq = afterLine.indexOf("=");
  const nameEnd = indent.length + name.length;
  // terraform fmt aligns the `=` of consecutive attributes: follow it when the neighbours are aligned.
  const s0 = lineStart(text, after.startIndex);
  const prevLine = s0 > 0 ? text.slice(lineStart(text, s0 - 1), s0) : "";
  const nextLine = text.slice(lineEnd(text, after.endIndex), lineEnd(text, lineEnd(text, after.endIndex)));
  const aligned = [prevLine, nextLine].some((l) => /^\s*[\w-]+\s*=/.test(l) && l.indexOf("=") === eq);
  const pad = aligned && eq > nameEnd ? " ".repeat(eq - nameEnd) : " ";
  const at = lineEnd(text, after.endIndex);
  const nl = at === text.length && !text.endsWith("\n") ? "\n" : "";
  return { path: file.path, start: at, end: at, newText: `${nl}${indent}${name}${pad}= ${value}\n` };
}

/** Deletes a resource in either syntax (HCL block, or its Terraform JSON property); null if it cannot. */
export function deleteResource(b: Block): TextEdit | null {
  if (b.json) return deleteJsonBlock(b);
  return deleteBlock(b.file, b.node as Node);
}

/** Deletes several resources at once (JSON siblings together, so an emptied type object goes too). */
export function deleteResources(blocks: Block[]): TextEdit[] | null {
  const out: TextEdit[] = [];
  const json = blocks.filter((b) => b.json);
  for (const b of blocks) if (!b.json) out.push(deleteBlock(b.file, b.node as Node));
  if (json.length > 0) {
    const e = deleteJsonBlocks(json);
    if (!e) return null;
    out.push(...e);
  }
  return out;
}

/**
 * Sets a module input for one call: `input = value` added after the call's last argument. Used when the
 * module's default is what makes the value wrong: changing the default would change every caller.
 */
export function addModuleArgument(call: Block, input: string, valueText: string): TextEdit | null {
  if (call.json) return null;
  let last: Block["attrs"] extends Map<string, infer A> ? A : never;
  let lastLine = -1;
  for (const a of call.attrs.values()) {
    if (a.line > lastLine) {
      last = a;
      lastLine = a.line;
    }
  }
  if (lastLine < 0) return null;
  return insertAttributeAfter(call.file, last!.node as Node, input, valueText);
}
