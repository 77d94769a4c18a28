import { parseTree, type Node as JsonNode } from "jsonc-parser";
import type { Node } from "../treesitter.js";
import { lineOf, named } from "../treesitter.js";
import type { SourceFile } from "../types.js";
import {
  type Block,
  type Expr,
  exprParts,
  JsonExpr,
  objectEntries,
  stringLitValue,
  traversal,
  tupleElements,
  unescapeHcl,
} from "./hcl.js";

/** A value the static evaluator cannot know (a resource attribute, a function it does not model…). */
export class Unknown {
  constructor(
    readonly text: string,
    /** The dotted reference when the value is one (`aws_lambda_function.f.arn`). */
    readonly ref?: string,
  ) {}
}

/** Where a scalar value is written in the code: the place to patch it. */
export interface Origin {
  path: string;
  start: number;
  end: number;
  line: number;
  /** How the value got here, for messages: `var.auth_type (terraform.tfvars:3)`. */
  desc: string;
  /** "string": a quoted string literal node (replace it whole with a new quoted string). */
  kind: "string" | "bool" | "number";
  /** The literal is a branch of `cond ? a : b` whose other branch is this literal value: the whole conditional. */
  conditional?: { start: number; end: number; other: unknown };
}

export interface Val {
  v: unknown;
  /** Set when the value is a single literal written somewhere in the code. */
  origin?: Origin;
  /** The chain of indirections followed (`var.x`, `local.y`, `module.m` argument…). */
  via: string[];
  /**
   * A map's or list's members as values of their own, so `each.value.auth`, `local.m["k"]` or
   * `lookup(var.m, "k")` keep the origin of the literal they land on (a patch goes exactly there).
   */
  members?: Record<string, Val> | Val[];
  /**
   * Set when a module call decides the value (an argument of the call, or the input's default because the
   * call passes nothing): the place a finding about this instance belongs, at the call site.
   */
  site?: CallSite;
}

export interface CallSite {
  path: string;
  /** The argument's line, or the module block's first line when the call does not pass the input. */
  line: number;
  /** The module block's lines (where inline intent comments for this call are read). */
  startLine: number;
  endLine: number;
  /** The call passes nothing and the module's default applies: patch by adding the argument to `block`. */
  defaulted?: { block: Block; input: string };
}

export interface VarSource {
  /** Expression node giving the value and the scope to evaluate it in. */
  expr: Expr;
  file: SourceFile;
  /** Scope to evaluate `expr` in (the calling module for a module argument); null: the module itself. */
  scope: Scope | null;
  desc: string;
  /** Where the value comes from: a module call's argument, tfvars, or the variable's declared default. */
  from?: "argument" | "tfvars" | "default";
  /** 1-based line of the argument, tfvars entry or default. */
  line?: number;
}

/** One instance of a module directory (the root, or a local module call with its arguments). */
export interface ModuleInst {
  dir: string;
  /** Address prefix: "" for a root module, "module.api." for a call. */
  prefix: string;
  blocks: Block[];
  /** Input variable values: from the call's arguments, tfvars, then the declared default. */
  vars: Map<string, VarSource>;
  locals: Map<string, { expr: Expr; file: SourceFile }>;
  files: ReadonlyMap<string, SourceFile>;
  /** The `module` block that instantiated this module (absent for a root module). */
  call?: Block;
}

export interface Scope {
  mod: ModuleInst;
  /** For-expression bindings are not modelled; depth guards recursion. */
  depth: number;
  /** `count.index` / `each.key` / `each.value` of the resource instance being evaluated. */
  instance?: Instance;
}

/** One instance of a resource with `count` or `for_each`. */
export interface Instance {
  /** The index part of the address: `[0]`, `["blue"]`. */
  suffix: string;
  count?: number;
  each?: { key: Val; value: Val };
}

const unknown = (n: { text: string }, ref?: string): Val => ({ v: new Unknown(n.text, ref), via: [] });

export function isUnknown(v: unknown): v is Unknown {
  return v instanceof Unknown;
}

/** Deeply: does the value contain an Unknown anywhere? */
export function hasUnknown(v: unknown): boolean {
  if (v instanceof Unknown) return true;
  if (Array.isArray(v)) return v.some(hasUnknown);
  if (v && typeof v === "object") return Object.values(v).some(hasUnknown);
  return false;
}

function originOf(file: SourceFile, n: Node, kind: Origin["kind"], desc: string): Origin {
  return { path: file.path, start: n.startIndex, end: n.endIndex, line: lineOf(n), desc, kind };
}

/** Evaluates an HCL expression as far as static information allows. */
export function evaluate(expr: Expr, scope: Scope, file: SourceFile): Val {
  if (scope.depth > 40) return unknown(expr);
  if (expr instanceof JsonExpr) return evaluateJson(expr, scope);
  const s: Scope = { ...scope, depth: scope.depth + 1 };
  const { head } = exprParts(expr);
  if (!head) return unknown(expr);
  switch (head.type) {
    case "literal_value": {
      const lit = head.namedChildren[0];
      if (!lit) return unknown(expr);
      if (lit.type === "string_lit") {
        return {
          v: stringLitValue(lit),
          origin: originOf(file, lit, "string", `${file.path}:${lineOf(lit)}`),
          via: [],
        };
      }
      if (lit.type === "numeric_lit")
        return {
          v: Number(lit.text),
          origin: originOf(file, lit, "number", `${file.path}:${lineOf(lit)}`),
          via: [],
        };
      if (lit.type === "bool_lit")
        return {
          v: lit.text === "true",
          origin: originOf(file, lit, "bool", `${file.path}:${lineOf(lit)}`),
          via: [],
        };
      if (lit.type === "null_lit") return { v: null, via: [] };
      return unknown(expr);
    }
    case "template_expr": {
      const t = head.namedChildren[0];
      if (!t) return unknown(expr);
      if (t.type === "quoted_template") {
        let out = "";
        for (const p of named(t)) {
          if (p.type === "template_literal") out += unescapeHcl(p.text);
          else if (p.type === "template_interpolation") {
            const inner = named(p).find((x) => x.type === "expression");
            const v = inner ? evaluate(inner, s, file).v : undefined;
            if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") out += String(v);
            else return unknown(expr);
          } else if (p.type === "template_directive") return unknown(expr);
        }
        return { v: out, via: [] };
      }
      if (t.type === "heredoc_template") {
        const h = heredocContent(t, file);
        if (!h) return unknown(expr);
        return { v: h.text, via: [] };
      }
      return unknown(expr);
    }
    case "collection_value": {
      const c = head.namedChildren[0];
      if (!c) return unknown(expr);
      if (c.type === "tuple") {
        const members = tupleElements(c).map((e) => evaluate(e, s, file));
        return { v: members.map((m) => m.v), members, via: [] };
      }
      if (c.type === "object") {
        const o: Record<string, unknown> = {};
        const members: Record<string, Val> = {};
        for (const e of objectEntries(c)) {
          members[e.key] = evaluate(e.value, s, file);
          o[e.key] = members[e.key]!.v;
        }
        return { v: o, members, via: [] };
      }
      return unknown(expr);
    }
    case "conditional": {
      const parts = named(head).filter((x) => x.type === "expression");
      const [c, a, b] = parts;
      if (!c || !a || !b) return unknown(expr);
      const cv = evaluate(c, s, file);
      if (typeof cv.v !== "boolean") return unknown(expr);
      const r = evaluate(cv.v ? a : b, s, file);
      const other = evaluate(cv.v ? b : a, s, file);
      const origin =
        r.origin && r.origin.path === file.path && !r.origin.conditional
          ? { ...r.origin, conditional: { start: head.startIndex, end: head.endIndex, other: other.v } }
          : r.origin;
      return { ...r, ...(origin ? { origin } : {}), via: [...cv.via, ...r.via] };
    }
    case "operation":
      return evalOperation(head, s, file, expr);
    case "function_call":
      return evalCall(head, s, file, expr);
    case "variable_expr": {
      const path = traversal(expr);
      const resolved = path ? indexesResolved(expr, path, s, file) : null;
      if (!resolved) return unknown(expr);
      return resolveRef(resolved, s, expr);
    }
    default:
      return unknown(expr);
  }
}

/**
 * A traversal whose computed indexes (`var.m[each.key]`, `local.l[count.index]`) are replaced by their
 * values (`["blue"]`, `[0]`); null when one cannot be known.
 */
function indexesResolved(expr: Node, path: string[], s: Scope, file: SourceFile): string[] | null {
  const { rest } = exprParts(expr);
  const out = [...path];
  for (let i = 0; i < rest.length; i++) {
    const r = rest[i]!;
    const text = out[i + 1];
    if (r.type !== "index" || text === undefined || /^\[(\d+|"[^"]*")\]$/.test(text)) continue;
    let inner: Node | undefined = named(r)[0];
    while (inner && inner.type !== "expression") inner = named(inner)[0];
    if (!inner) return null;
    const v = evaluate(inner, s, file).v;
    if (typeof v === "number" && Number.isInteger(v)) out[i + 1] = `[${v}]`;
    else if (typeof v === "string" && !v.includes('"')) out[i + 1] = `["${v}"]`;
    else return null;
  }
  return out;
}

/** Where a called module's input is decided: the call's argument, or the call block when it passes nothing. */
function callSite(mod: ModuleInst, src: VarSource, input: string): CallSite | undefined {
  const call = mod.call;
  if (!call) return undefined;
  const lines = { startLine: call.startLine, endLine: call.endLine };
  if (src.from === "argument") return { path: call.file.path, line: src.line ?? call.startLine, ...lines };
  if (src.from === "default")
    return { path: call.file.path, line: call.startLine, ...lines, defaulted: { block: call, input } };
  return undefined;
}

/** Value of a reference (`var.x`, `local.y.z`, `count.index`, `each.value`, `path.module`). */
function resolveRef(path: string[], s: Scope, expr: { text: string }): Val {
  const [root, name] = path;
  if (root === "var" && name) {
    const src = s.mod.vars.get(name);
    if (!src) return unknown(expr, path.join("."));
    const target = src.scope ?? s;
    let r = evaluate(src.expr, { mod: target.mod, depth: s.depth + 1 }, src.file);
    r = { ...r, via: [`${s.mod.prefix}var.${name} (${src.desc})`, ...r.via] };
    if (r.origin) r.origin = { ...r.origin, desc: `var.${name} (${src.desc})` };
    const out = applyRest(r, path.slice(2), expr);
    const site = callSite(s.mod, src, name);
    // An outer call that decided the argument wins (a value passed down through nested modules).
    return site ? { ...out, site: r.site ?? out.site ?? site } : out;
  }
  if (root === "local" && name) {
    const l = s.mod.locals.get(name);
    if (!l) return unknown(expr, path.join("."));
    const line = l.expr.startPosition.row + 1;
    let r = evaluate(l.expr, { mod: s.mod, depth: s.depth + 1 }, l.file);
    r = { ...r, via: [`local.${name} (${l.file.path}:${line})`, ...r.via] };
    if (r.origin) r.origin = { ...r.origin, desc: `local.${name} (${l.file.path}:${line})` };
    return applyRest(r, path.slice(2), expr);
  }
  if (root === "count" && name === "index" && s.instance?.count !== undefined)
    return { v: s.instance.count, via: [] };
  if (root === "each" && s.instance?.each && (name === "key" || name === "value")) {
    const r = s.instance.each[name];
    return applyRest({ ...r, via: [`each.${name} (${s.instance.suffix})`, ...r.via] }, path.slice(2), expr);
  }
  if (root === "path" && (name === "module" || name === "root" || name === "cwd")) {
    return { v: name === "module" ? s.mod.dir || "." : ".", via: [] };
  }
  return unknown(expr, path.join("."));
}

/** Evaluates a Terraform JSON value: strings are templates (`"${var.x}"`), objects and arrays literal. */
export function evaluateJson(e: JsonExpr, scope: Scope): Val {
  const n = e.json;
  const file = e.file;
  const origin = (kind: Origin["kind"]): Origin => ({
    path: file.path,
    start: n.offset,
    end: n.offset + n.length,
    line: e.startPosition.row + 1,
    desc: `${file.path}:${e.startPosition.row + 1}`,
    kind,
  });
  switch (n.type) {
    case "string": {
      const str = typeof n.value === "string" ? n.value : "";
      if (!/\$\{|%\{/.test(str.replace(/\$\$\{|%%\{/g, ""))) {
        return { v: str.replace(/\$\$\{/g, "${").replace(/%%\{/g, "%{"), origin: origin("string"), via: [] };
      }
      const whole = traversal(e);
      if (whole) return resolveRef(whole, { ...scope, depth: scope.depth + 1 }, e);
      // A template with interpolations: each must be a reference we can resolve to a scalar.
      let out = "";
      let last = 0;
      for (const m of str.matchAll(/\$\{([^}]*)\}/g)) {
        out += str.slice(last, m.index);
        last = m.index + m[0].length;
        const ref = /^\s*([A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*|\[\d+\])*)\s*$/.exec(m[1]!)?.[1];
        if (!ref) return unknown(e);
        const v = resolveRef(
          ref.match(/[A-Za-z_][\w-]*|\[\d+\]/g)!,
          { ...scope, depth: scope.depth + 1 },
          e,
        ).v;
        if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") out += String(v);
        else return unknown(e);
      }
      if (/%\{/.test(str)) return unknown(e);
      return { v: out + str.slice(last), via: [] };
    }
    case "number":
      return { v: n.value as number, origin: origin("number"), via: [] };
    case "boolean":
      return { v: n.value as boolean, origin: origin("bool"), via: [] };
    case "null":
      return { v: null, via: [] };
    case "array": {
      const members = (n.children ?? []).map((c) =>
        evaluateJson(new JsonExpr(c, file), { ...scope, depth: scope.depth + 1 }),
      );
      return { v: members.map((m) => m.v), members, via: [] };
    }
    case "object": {
      const o: Record<string, unknown> = {};
      const members: Record<string, Val> = {};
      for (const p of n.children ?? []) {
        const k = p.children?.[0];
        const v = p.children?.[1];
        if (k && v && typeof k.value === "string") {
          members[k.value] = evaluateJson(new JsonExpr(v, file), { ...scope, depth: scope.depth + 1 });
          o[k.value] = members[k.value]!.v;
        }
      }
      return { v: o, members, via: [] };
    }
    default:
      return unknown(e);
  }
}

/** The member `k` of a map or list value, with its own origin when the collection was written literally. */
export function memberOf(r: Val, k: string | number): Val | undefined {
  const v = r.v;
  if (typeof k === "number") {
    if (!Array.isArray(v) || k < 0 || k >= v.length) return undefined;
    return Array.isArray(r.members) ? r.members[k] : { v: v[k], via: [] };
  }
  if (!v || typeof v !== "object" || Array.isArray(v) || v instanceof Unknown) return undefined;
  if (!Object.hasOwn(v, k)) return undefined;
  const m = r.members && !Array.isArray(r.members) ? r.members[k] : undefined;
  return m ?? { v: (v as Record<string, unknown>)[k], via: [] };
}

function applyRest(r: Val, rest: string[], expr: { text: string }): Val {
  let cur = r;
  for (const k of rest) {
    if (cur.v instanceof Unknown) return { v: cur.v, via: r.via };
    const idx = /^\[(\d+)\]$/.exec(k);
    const key = /^\["([^"]*)"\]$/.exec(k);
    let next: Val | undefined;
    if (idx && Array.isArray(cur.v)) next = memberOf(cur, Number(idx[1]));
    else if (key && cur.v && typeof cur.v === "object" && !Array.isArray(cur.v))
      next = memberOf(cur, key[1]!);
    else if (cur.v && typeof cur.v === "object" && !Array.isArray(cur.v) && !/^\[/.test(k))
      next = memberOf(cur, k);
    else return { v: new Unknown(expr.text), via: r.via };
    cur = next ? { ...next, via: [...r.via, ...next.via] } : { v: undefined, via: r.via };
  }
  return cur;
}

function evalOperation(op: Node, s: Scope, file: SourceFile, expr: Node): Val {
  const inner = op.namedChildren[0];
  if (!inner) return unknown(expr);
  const kids = inner.children.filter((c): c is Node => c !== null);
  const evalPart = (n: Node): unknown => {
    // Operands are bare expression pieces (variable_expr + get_attr…), not wrapped in `expression`.
    if (n.type === "expression") return evaluate(n, s, file).v;
    if (n.type === "operation") return evalOperation(n, s, file, n).v;
    return undefined;
  };
  if (inner.type === "unary_operation") {
    const opTok = kids[0]?.text;
    const rest = kids.slice(1);
    const v = operandValue(rest, s, file, evalPart);
    if (opTok === "!" && typeof v === "boolean") return { v: !v, via: [] };
    if (opTok === "-" && typeof v === "number") return { v: -v, via: [] };
    return unknown(expr);
  }
  if (inner.type === "binary_operation") {
    const i = kids.findIndex((c) => !c.isNamed);
    if (i < 0) return unknown(expr);
    const a = operandValue(kids.slice(0, i), s, file, evalPart);
    const b = operandValue(kids.slice(i + 1), s, file, evalPart);
    const o = kids[i]!.text;
    if (a instanceof Unknown || b instanceof Unknown || a === undefined || b === undefined)
      return unknown(expr);
    switch (o) {
      case "==":
        return { v: JSON.stringify(a) === JSON.stringify(b), via: [] };
      case "!=":
        return { v: JSON.stringify(a) !== JSON.stringify(b), via: [] };
      case "&&":
        return { v: a === true && b === true, via: [] };
      case "||":
        return { v: a === true || b === true, via: [] };
      default:
        return unknown(expr);
    }
  }
  return unknown(expr);
}

/** Evaluates an operand made of sibling nodes (e.g. `variable_expr get_attr`) by re-reading them as text-less parts. */
function operandValue(parts: Node[], s: Scope, file: SourceFile, evalPart: (n: Node) => unknown): unknown {
  if (parts.length === 0) return undefined;
  const first = parts[0]!;
  if (parts.length === 1 && (first.type === "expression" || first.type === "operation"))
    return evalPart(first);
  if (first.type === "literal_value" && parts.length === 1) {
    const lit = first.namedChildren[0];
    if (lit?.type === "string_lit") return stringLitValue(lit);
    if (lit?.type === "bool_lit") return lit.text === "true";
    if (lit?.type === "numeric_lit") return Number(lit.text);
    if (lit?.type === "null_lit") return null;
  }
  if (first.type === "variable_expr") {
    const path = [first.text];
    for (const r of parts.slice(1)) {
      if (r.type !== "get_attr") return new Unknown(r.text);
      path.push(named(r)[0]?.text ?? "");
    }
    return resolveRef(path, s, { text: path.join(".") }).v;
  }
  return new Unknown(parts.map((p) => p.text).join(""));
}

function evalCall(call: Node, s: Scope, file: SourceFile, expr: Node): Val {
  const name = call.namedChildren[0]?.text ?? "";
  const argsNode = named(call).find((x) => x.type === "function_arguments");
  const args = argsNode ? named(argsNode).filter((x) => x.type === "expression") : [];
  const a0 = args[0];
  switch (name) {
    case "jsonencode":
    case "tostring":
    case "tolist":
    case "toset":
    case "tonumber":
    case "tobool": {
      if (!a0) return unknown(expr);
      const r = evaluate(a0, s, file);
      return name === "jsonencode" ? { v: r.v, via: r.via } : r;
    }
    case "lower":
    case "upper": {
      if (!a0) return unknown(expr);
      const r = evaluate(a0, s, file);
      return typeof r.v === "string"
        ? { v: name === "lower" ? r.v.toLowerCase() : r.v.toUpperCase(), via: r.via }
        : unknown(expr);
    }
    case "lookup": {
      // lookup(map, key, default): the member when present, else the default, each with its origin.
      const [m, k, d] = args;
      if (!m || !k) return unknown(expr);
      const mv = evaluate(m, s, file);
      const kv = evaluate(k, s, file);
      if (mv.v instanceof Unknown || typeof kv.v !== "string") return unknown(expr);
      const hit = memberOf(mv, kv.v);
      if (hit) return { ...hit, via: [...mv.via, ...hit.via] };
      return d ? evaluate(d, s, file) : unknown(expr);
    }
    case "try": {
      // try(a, b…): the first argument that evaluates without an unknown (a missing attribute is one).
      for (const a of args) {
        const r = evaluate(a, s, file);
        if (r.v !== undefined && !hasUnknown(r.v)) return r;
      }
      return unknown(expr);
    }
    case "coalesce": {
      for (const a of args) {
        const r = evaluate(a, s, file);
        if (r.v instanceof Unknown) return unknown(expr);
        if (r.v !== null && r.v !== "") return r;
      }
      return unknown(expr);
    }
    case "file":
    case "templatefile": {
      const t = templateFile(call, s, file);
      return t ? { v: t.file.text, via: [`${name}(${t.file.path})`] } : unknown(expr);
    }
    default:
      return unknown(expr);
  }
}

/** Resolves the file a `file(...)`/`templatefile(...)` call reads, from the files the engine read. */
export function templateFile(call: Node, s: Scope, file: SourceFile): { file: SourceFile } | null {
  const argsNode = named(call).find((x) => x.type === "function_arguments");
  const a0 = argsNode ? named(argsNode).find((x) => x.type === "expression") : undefined;
  if (!a0) return null;
  const p = evaluate(a0, s, file).v;
  if (typeof p !== "string") return null;
  // `path.module` evaluates to the module's repository-relative directory; other relative paths are
  // relative to the module (Terraform: the working directory, which is the root module's).
  const dir = s.mod.dir;
  for (const cand of [normalizePath(p), normalizePath(dir ? `${dir}/${p}` : p)]) {
    const f = s.mod.files.get(cand);
    if (f) return { file: f };
  }
  return null;
}

export function normalizePath(p: string): string {
  const out: string[] = [];
  for (const part of p.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") out.pop();
    else out.push(part);
  }
  return out.join("/");
}

/** Raw heredoc content with its start offset in the file (the JSON a policy heredoc holds). */
export function heredocContent(t: Node, file: SourceFile): { text: string; start: number } | null {
  const ids = named(t).filter((x) => x.type === "heredoc_identifier");
  const open = ids[0];
  const close = ids[ids.length - 1];
  if (!open || !close || open === close) return null;
  const nl = file.text.indexOf("\n", open.endIndex);
  if (nl < 0) return null;
  const start = nl + 1;
  const closeLineStart = file.text.lastIndexOf("\n", close.startIndex - 1) + 1;
  if (closeLineStart < start) return { text: "", start };
  return { text: file.text.slice(start, closeLineStart), start };
}

/** Parses JSON text leniently (templates may hold `${…}`); null when it is not usable JSON. */
export function parseJsonTree(text: string): JsonNode | null {
  const errors: { error: number; offset: number; length: number }[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (!tree || errors.length > 0) return null;
  return tree;
}
