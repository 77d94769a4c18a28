/**
 * Appending an item to a list literal in any of our syntaxes (HCL tuples, JSON arrays, TypeScript and Python
 * lists), shared so that every front end treats comments alike: a comment at the end of the last element's
 * line belongs to that element and stays on its line; the new item goes on a line of its own after it.
 */
import type { RangeEdit } from "./yaml-edit.js";

/** Whitespace, then at most a line comment (`#`, `//`) or one block comment closed on the line. */
const COMMENT_ONLY = /^[ \t]*(?:(?:#|\/\/).*|\/\*.*\*\/[ \t]*)?$/;

export interface LastItem {
  /** Offsets of the last element's text. */
  start: number;
  end: number;
  /** End of a comma written after the last element (trailing-comma style), when there is one. */
  commaEnd?: number;
  /** Whether the list spans lines (then the new item gets its own line, at the last element's indentation). */
  multiLine: boolean;
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

/** `item` (already quoted) after the last element of a non-empty list, in the list's own layout. */
export function appendAfterLast(text: string, last: LastItem, item: string): RangeEdit {
  if (!last.multiLine) return { start: last.end, end: last.end, newText: `, ${item}` };
  const indent = /^[ \t]*/.exec(text.slice(lineStartOf(text, last.start), last.start))?.[0] ?? "";
  const after = last.commaEnd ?? last.end;
  const nl = text.indexOf("\n", after);
  const lineEnd = nl < 0 ? text.length : text[nl - 1] === "\r" ? nl - 1 : nl;
  const eol = nl > 0 && text[nl - 1] === "\r" ? "\r\n" : "\n";
  const rest = text.slice(after, lineEnd);
  if (COMMENT_ONLY.test(rest)) {
    // Nothing but (maybe) a comment follows on the line: the new item goes below, the comment stays.
    if (last.commaEnd !== undefined)
      return { start: lineEnd, end: lineEnd, newText: `${eol}${indent}${item},` };
    return { start: last.end, end: lineEnd, newText: `,${rest}${eol}${indent}${item}` };
  }
  // The closing bracket (or more) shares the line: insert right after the element.
  if (last.commaEnd !== undefined) return { start: after, end: after, newText: ` ${item},` };
  return { start: last.end, end: last.end, newText: `,${eol}${indent}${item}` };
}
