/**
 * `aws_lambda_resource_policy`: a function's whole resource-based policy as one JSON document. The document
 * is read from `jsonencode({…})`, a heredoc, `file()`/`templatefile()`, `data.aws_iam_policy_document.x.json`,
 * a Terraform JSON object or string, through `var.`/`local.` indirections; each statement keeps where it is
 * written (its Principal line) and the edit that removes it. The verdict is src/exposure's, like every other
 * front end's.
 */
import { findNodeAtLocation, getNodeValue, type Node as JsonNode } from "jsonc-parser";
import type { Node } from "../treesitter.js";
import { lineOf, named } from "../treesitter.js";
import type { SourceFile, TextEdit } from "../types.js";
import { deleteBlock, deleteResources } from "./edits.js";
import {
  evaluate,
  heredocContent,
  isUnknown,
  parseJsonTree,
  templateFile,
  Unknown,
  type ModuleInst,
  type Scope,
} from "./eval.js";
import {
  type Block,
  collectionOf,
  type Expr,
  exprParts,
  JsonExpr,
  objectEntries,
  traversal,
  tupleElements,
} from "./hcl.js";
import { deleteJsonBlock, removeListItems } from "./tfjson.js";
import { lineAt } from "../lines.js";

export interface PolicyStatement {
  index: number;
  /** The statement as JSON, values the code computes replaced by placeholders. */
  raw: unknown;
  path: string;
  line: number;
  /** The policy document's statement block; list items are removed via `ResourcePolicy.list` instead. */
  block?: Block;
}

export interface ResourcePolicy {
  statements: PolicyStatement[];
  /** The Statement list (tuple or array) the statements are items of, with item offsets in `path`. */
  list?: { path: string; text: string; items: { start: number; end: number }[] };
  /** Why statements cannot be removed in place, when they cannot. */
  unfixable?: string;
}

/** Unknown values become placeholders the evaluator treats as some specific, non-public value. */
export function plain(v: unknown): unknown {
  if (isUnknown(v)) return `\${${v.text}}`;
  if (Array.isArray(v)) return v.map(plain);
  if (v && typeof v === "object") {
    return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, plain(x)]));
  }
  return v;
}

/** Statements of a JSON policy text at `base` in `file`. */
function fromJsonText(text: string, base: number, file: SourceFile): ResourcePolicy | null {
  const tree = parseJsonTree(text);
  if (!tree) return null;
  return fromJsonTree(tree, text, base, file);
}

function fromJsonTree(tree: JsonNode, text: string, base: number, file: SourceFile): ResourcePolicy {
  const st = findNodeAtLocation(tree, ["Statement"]);
  const nodes: JsonNode[] = st?.type === "array" ? (st.children ?? []) : st?.type === "object" ? [st] : [];
  const statements = nodes.map((n, index): PolicyStatement => {
    const p = findNodeAtLocation(n, ["Principal"]) ?? findNodeAtLocation(n, ["NotPrincipal"]);
    const at = p?.parent?.type === "property" ? p.parent.offset : n.offset;
    return { index, raw: getNodeValue(n), path: file.path, line: lineAt(file.text, base + at) };
  });
  if (st?.type !== "array") return { statements };
  const items = nodes.map((n) => ({ start: base + n.offset, end: base + n.offset + n.length }));
  return { statements, list: { path: file.path, text: file.text, items } };
}

/** `data.aws_iam_policy_document` statements as JSON statements (principals, conditions included). */
function fromPolicyDocument(d: Block, scope: Scope): ResourcePolicy {
  const ev = (e: Expr | undefined) => (e ? evaluate(e, scope, d.file).v : undefined);
  const list = (v: unknown) => (Array.isArray(v) ? v : v === undefined ? undefined : [v]);
  const principals = (blocks: Block[]) => {
    const out: Record<string, unknown[]> = {};
    for (const p of blocks) {
      const type = ev(p.attrs.get("type")?.expr);
      const ids = list(ev(p.attrs.get("identifiers")?.expr)) ?? [];
      if (typeof type !== "string") continue;
      out[type] = [...(out[type] ?? []), ...ids];
    }
    // `type = "*"` with identifiers ["*"] is the anonymous principal.
    return out["*"] ? "*" : out;
  };
  const statements = d.blocks
    .filter((s) => s.type === "statement")
    .map((s, index): PolicyStatement => {
      const raw: Record<string, unknown> = {};
      const sid = ev(s.attrs.get("sid")?.expr);
      if (typeof sid === "string") raw.Sid = sid;
      raw.Effect = ev(s.attrs.get("effect")?.expr) ?? "Allow";
      for (const [attr, key] of [
        ["actions", "Action"],
        ["not_actions", "NotAction"],
        ["resources", "Resource"],
        ["not_resources", "NotResource"],
      ] as const) {
        const v = list(ev(s.attrs.get(attr)?.expr));
        if (v) raw[key] = v;
      }
      const pb = s.blocks.filter((b) => b.type === "principals");
      const npb = s.blocks.filter((b) => b.type === "not_principals");
      if (pb.length > 0) raw.Principal = principals(pb);
      if (npb.length > 0) raw.NotPrincipal = principals(npb);
      const cond: Record<string, Record<string, unknown>> = {};
      for (const c of s.blocks.filter((b) => b.type === "condition")) {
        const test = ev(c.attrs.get("test")?.expr);
        const variable = ev(c.attrs.get("variable")?.expr);
        if (typeof test !== "string" || typeof variable !== "string") continue;
        cond[test] = { ...(cond[test] ?? {}), [variable]: list(ev(c.attrs.get("values")?.expr)) ?? [] };
      }
      if (Object.keys(cond).length > 0) raw.Condition = cond;
      const first = pb[0] ?? npb[0];
      const st: PolicyStatement = {
        index,
        raw,
        path: s.file.path,
        line: first?.startLine ?? s.startLine,
        block: s,
      };
      return st;
    });
  return { statements };
}

/** Statements of an HCL `{ Statement = [...] }` object (jsonencode's argument). */
function fromHclObject(obj: Node, scope: Scope, file: SourceFile): ResourcePolicy {
  const st = objectEntries(obj).find((e) => e.key === "Statement");
  const coll = st ? collectionOf(st.value) : null;
  const els: { el: Node; obj: Node | null }[] =
    coll?.type === "tuple"
      ? tupleElements(coll).map((e) => ({ el: e, obj: collectionOf(e) }))
      : coll?.type === "object"
        ? [{ el: st!.value, obj: coll }]
        : [];
  const statements = els.map(({ el, obj: o }, index): PolicyStatement => {
    const raw = evaluate(el, scope, file).v;
    const p = o ? objectEntries(o).find((e) => e.key === "Principal" || e.key === "NotPrincipal") : undefined;
    return { index, raw, path: file.path, line: lineOf(p?.elem ?? el) };
  });
  if (coll?.type !== "tuple") return { statements };
  const items = els.map(({ el }) => ({ start: el.startIndex, end: el.endIndex }));
  return { statements, list: { path: file.path, text: file.text, items } };
}

/** Resolves a `policy` expression to its statements. */
export function resolveResourcePolicy(
  expr: Expr,
  scope: Scope,
  file: SourceFile,
  mod: ModuleInst,
  depth = 0,
): ResourcePolicy | null {
  if (depth > 10) return null;
  const t = traversal(expr);
  if (t) {
    if (t[0] === "data" && t[1] === "aws_iam_policy_document" && t[2]) {
      const d = mod.blocks.find(
        (b) => b.type === "data" && b.labels[0] === "aws_iam_policy_document" && b.labels[1] === t[2],
      );
      return d ? fromPolicyDocument(d, scope) : null;
    }
    if (t[0] === "var" && t[1]) {
      const src = scope.mod.vars.get(t[1]);
      if (!src) return null;
      return resolveResourcePolicy(
        src.expr,
        { mod: (src.scope ?? scope).mod, depth: 0 },
        src.file,
        (src.scope ?? scope).mod,
        depth + 1,
      );
    }
    if (t[0] === "local" && t[1]) {
      const l = scope.mod.locals.get(t[1]);
      return l ? resolveResourcePolicy(l.expr, scope, l.file, mod, depth + 1) : null;
    }
    return null;
  }
  if (expr instanceof JsonExpr) {
    if (expr.json.type === "object") {
      const text = expr.text;
      const tree = parseJsonTree(text);
      return tree ? fromJsonTree(tree, text, expr.startIndex, expr.file) : null;
    }
  }
  const { head } = exprParts(expr);
  if (head?.type === "function_call") {
    const fname = head.namedChildren[0]?.text;
    const argsNode = named(head).find((x) => x.type === "function_arguments");
    const a0 = argsNode ? named(argsNode).find((x) => x.type === "expression") : undefined;
    if (fname === "jsonencode" && a0) {
      const obj = collectionOf(a0);
      if (obj?.type === "object") return fromHclObject(obj, scope, file);
      const at = traversal(a0);
      if (at && at[0] === "local" && at[1]) {
        const l = scope.mod.locals.get(at[1]);
        const lo = l ? collectionOf(l.expr) : null;
        if (l && lo?.type === "object") return fromHclObject(lo, scope, l.file);
      }
    } else if (fname === "file" || fname === "templatefile") {
      const tf = templateFile(head, scope, file);
      if (tf) return fromJsonText(tf.file.text, 0, tf.file);
    }
  } else if (head?.type === "template_expr") {
    const h = head.namedChildren[0];
    if (h?.type === "heredoc_template") {
      const c = heredocContent(h, file);
      const r = c ? fromJsonText(c.text, c.start, file) : null;
      if (r) return r;
    }
  }
  // Anything else that evaluates to JSON text (an escaped JSON string, a computed value).
  const v = evaluate(expr, scope, file).v;
  let doc: unknown = v;
  if (typeof v === "string") {
    try {
      doc = JSON.parse(v);
    } catch {
      return null;
    }
  } else if (!v || typeof v !== "object" || v instanceof Unknown) return null;
  const list = (doc as { Statement?: unknown }).Statement;
  const arr = Array.isArray(list) ? list : list ? [list] : [];
  return {
    statements: arr.map((raw, index) => ({ index, raw, path: file.path, line: expr.startPosition.row + 1 })),
    unfixable: "the policy is not written as a literal document (an escaped JSON string or a computed value)",
  };
}

/** The sid or 1-based number of a statement, for messages. */
export function statementName(p: ResourcePolicy, i: number): string {
  const raw = p.statements[i]?.raw as { Sid?: unknown } | undefined;
  return typeof raw?.Sid === "string" && raw.Sid !== "" ? raw.Sid : `#${i + 1}`;
}

/** Edits removing statements `idx` from the policy, or the whole resource when none would be left. */
export function removeStatements(
  p: ResourcePolicy,
  idx: number[],
  block: Block,
  referencedAt: string | undefined,
): { edits: TextEdit[]; note: string } | { unfixable: string } {
  if (p.unfixable) return { unfixable: p.unfixable };
  const wanted = [...new Set(idx)].sort((a, b) => a - b);
  if (wanted.length === p.statements.length && !referencedAt) {
    const e = block.json ? deleteJsonBlock(block) : deleteBlock(block.file, block.node as Node);
    if (e) return { edits: [e], note: "every statement in it was public, so the resource was removed" };
  }
  const edits: TextEdit[] = [];
  if (p.list) edits.push(...removeListItems(p.list.path, p.list.text, p.list.items, new Set(wanted)));
  else {
    const blocks = wanted.map((i) => p.statements[i]?.block);
    const e = blocks.every((b): b is Block => !!b) ? deleteResources(blocks) : null;
    if (!e) return { unfixable: "the public statements cannot be removed in place" };
    edits.push(...e);
  }
  if (wanted.length === p.statements.length)
    return { unfixable: `the resource policy is referenced at ${referencedAt}; remove it by hand` };
  return {
    edits,
    note: `removed statement${wanted.length === 1 ? "" : "s"} ${wanted.map((i) => statementName(p, i)).join(", ")}`,
  };
}
