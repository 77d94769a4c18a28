import { findNodeAtLocation, getNodeValue, type Node as JsonNode } from "jsonc-parser";
import { makeFinding } from "../finding.js";
import {
  analyzeIdentity,
  fromJsonStatement,
  GET_FUNCTION,
  LIST_TAGS,
  type IamStatement,
} from "../policy-statements.js";
import type { Node } from "../treesitter.js";
import { named } from "../treesitter.js";
import type { DetectorResult, IacIdentity, SourceFile, TextEdit } from "../types.js";
import { appendToHclTuple, appendToJsonArray, replaceNode, scalarToJsonList } from "./edits.js";
import {
  evaluate,
  heredocContent,
  isUnknown,
  parseJsonTree,
  templateFile,
  type ModuleInst,
  type Scope,
} from "./eval.js";
import {
  type Block,
  collectionOf,
  type Expr,
  exprParts,
  JsonExpr,
  listItems,
  objectEntries,
  traversal,
  tupleElements,
} from "./hcl.js";
import { disabled } from "./lambda.js";
import { lineAt } from "../lines.js";

const TF = "terraform" as const;

interface StmtRef {
  stmt: IamStatement;
  path: string;
  line: number;
  /** Address of the resource whose code holds the statement. */
  holder: string;
  statementId: string;
  range?: { startLine: number; endLine: number };
  edit?: TextEdit;
  unfixable?: string;
}

interface IdentityAcc {
  identity: IacIdentity;
  stmts: StmtRef[];
  managed: string[];
}

function strings(v: unknown): string[] | undefined {
  if (typeof v === "string") return [v];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === "string");
  return undefined;
}

const rangeOf = (b: Block) => ({ startLine: b.startLine, endLine: b.endLine });

/** Statements of a JSON policy text (heredoc, template file), with edits located in `path` at `base`. */
function jsonStatements(
  text: string,
  base: number,
  file: SourceFile,
  holder: string,
  range?: StmtRef["range"],
): StmtRef[] | null {
  const tree = parseJsonTree(text);
  if (!tree) return null;
  const st = findNodeAtLocation(tree, ["Statement"]);
  if (!st) return [];
  const nodes: JsonNode[] = st.type === "array" ? (st.children ?? []) : st.type === "object" ? [st] : [];
  const out: StmtRef[] = [];
  nodes.forEach((n, i) => {
    const stmt = fromJsonStatement(getNodeValue(n));
    if (!stmt) return;
    const action = findNodeAtLocation(n, ["Action"]);
    const ref: StmtRef = {
      stmt,
      path: file.path,
      line: lineAt(file.text, base + (action ?? n).offset),
      holder,
      statementId: stmt.sid ?? String(i),
      ...(range ? { range } : {}),
    };
    if (action?.type === "string") ref.edit = scalarToJsonList(file.path, text, base, action, LIST_TAGS);
    else if (action?.type === "array") ref.edit = appendToJsonArray(file.path, text, base, action, LIST_TAGS);
    else
      ref.unfixable = stmt.notActions
        ? "the statement uses NotAction"
        : "the statement's Action is not a literal";
    out.push(ref);
  });
  return out;
}

/** Statements of a `jsonencode({ Statement = [...] })` object, with HCL edits. */
function hclObjectStatements(
  obj: Node,
  scope: Scope,
  file: SourceFile,
  holder: string,
  range?: StmtRef["range"],
): StmtRef[] {
  const st = objectEntries(obj).find((e) => e.key === "Statement");
  if (!st) return [];
  const coll = collectionOf(st.value);
  const objs: Node[] =
    coll?.type === "tuple"
      ? tupleElements(coll)
          .map((e) => collectionOf(e))
          .filter((c): c is Node => c?.type === "object")
      : coll?.type === "object"
        ? [coll]
        : [];
  const out: StmtRef[] = [];
  objs.forEach((o, i) => {
    const raw: Record<string, unknown> = {};
    const entries = objectEntries(o);
    for (const e of entries) raw[e.key] = evaluate(e.value, scope, file).v;
    for (const k of ["Action", "NotAction", "Resource", "NotResource"]) {
      const v = raw[k];
      if (Array.isArray(v)) raw[k] = v.filter((x) => !isUnknown(x));
      else if (isUnknown(v)) delete raw[k];
    }
    const stmt = fromJsonStatement(raw);
    if (!stmt) return;
    const action = entries.find((e) => e.key === "Action");
    const ref: StmtRef = {
      stmt,
      path: file.path,
      line: (action?.elem ?? o).startPosition.row + 1,
      holder,
      statementId: stmt.sid ?? String(i),
      ...(range ? { range } : {}),
    };
    const { head } = action ? exprParts(action.value) : { head: null };
    const tuple = action ? collectionOf(action.value) : null;
    if (action && head?.type === "literal_value")
      ref.edit = replaceNode(file, action.value, `[${action.value.text}, "${LIST_TAGS}"]`);
    else if (tuple?.type === "tuple") ref.edit = appendToHclTuple(file, tuple, `"${LIST_TAGS}"`);
    else
      ref.unfixable = action ? `Action is computed (${action.value.text})` : "the statement uses NotAction";
    out.push(ref);
  });
  return out;
}

export function analyzeIam(mod: ModuleInst, out: DetectorResult): void {
  const scope: Scope = { mod, depth: 0 };
  const live = mod.blocks.filter(
    (b) => (b.type === "resource" || b.type === "data") && b.labels.length >= 2 && !disabled(b, scope),
  );
  const docs = new Map<string, Block>();
  for (const b of live)
    if (b.type === "data" && b.labels[0] === "aws_iam_policy_document") docs.set(b.labels[1]!, b);
  const docCache = new Map<string, StmtRef[]>();
  const usedDocs = new Set<string>();

  const docStatements = (name: string): StmtRef[] => {
    usedDocs.add(name);
    const cached = docCache.get(name);
    if (cached) return cached;
    const d = docs.get(name);
    const res: StmtRef[] = [];
    docCache.set(name, res);
    if (!d) return res;
    const holder = `${mod.prefix}data.aws_iam_policy_document.${name}`;
    for (const key of ["source_policy_documents", "source_json"]) {
      const a = d.attrs.get(key);
      if (!a) continue;
      for (const e of listItems(a.expr) ?? [a.expr])
        res.push(...(resolvePolicy(e, scope, d.file, holder, rangeOf(d)) ?? []));
    }
    d.blocks
      .filter((s) => s.type === "statement")
      .forEach((s, i) => {
        const effect = evaluate(s.attrs.get("effect")?.expr ?? s.node, scope, s.file).v;
        const actionsAttr = s.attrs.get("actions");
        const notActionsAttr = s.attrs.get("not_actions");
        const stmt: IamStatement = { effect: effect === "Deny" ? "Deny" : "Allow" };
        const sid = s.attrs.get("sid") ? evaluate(s.attrs.get("sid")!.expr, scope, s.file).v : undefined;
        if (typeof sid === "string") stmt.sid = sid;
        if (actionsAttr) stmt.actions = strings(evaluate(actionsAttr.expr, scope, s.file).v) ?? [];
        if (notActionsAttr) stmt.notActions = strings(evaluate(notActionsAttr.expr, scope, s.file).v) ?? [];
        const resources = s.attrs.get("resources");
        if (resources) {
          const r = evaluate(resources.expr, scope, s.file).v;
          stmt.resources = Array.isArray(r)
            ? r.map((x) => (typeof x === "string" ? x : "${unknown}"))
            : ["${unknown}"];
        }
        if (s.blocks.some((c) => c.type === "condition")) stmt.condition = true;
        const ref: StmtRef = {
          stmt,
          path: s.file.path,
          line: actionsAttr?.line ?? s.startLine,
          holder,
          statementId: stmt.sid ?? String(i),
          range: rangeOf(d),
        };
        const tuple = actionsAttr ? collectionOf(actionsAttr.expr) : null;
        const jsonList =
          actionsAttr?.expr instanceof JsonExpr && actionsAttr.expr.json.type === "array"
            ? actionsAttr.expr.json
            : null;
        if (tuple?.type === "tuple") ref.edit = appendToHclTuple(s.file, tuple, `"${LIST_TAGS}"`);
        else if (jsonList) ref.edit = appendToJsonArray(s.file.path, s.file.text, 0, jsonList, LIST_TAGS);
        else
          ref.unfixable = actionsAttr
            ? `actions is computed (${actionsAttr.expr.text})`
            : "the statement uses not_actions";
        res.push(ref);
      });
    return res;
  };

  /** Statements of a policy expression: a policy document reference, jsonencode, heredoc, templatefile, var/local. */
  const resolvePolicy = (
    expr: Expr,
    sc: Scope,
    file: SourceFile,
    holder: string,
    range?: StmtRef["range"],
    depth = 0,
  ): StmtRef[] | null => {
    if (depth > 10) return null;
    const t = traversal(expr);
    if (t) {
      if (t[0] === "data" && t[1] === "aws_iam_policy_document" && t[2]) return docStatements(t[2]);
      if (t[0] === "var" && t[1]) {
        const src = sc.mod.vars.get(t[1]);
        return src ? resolvePolicy(src.expr, src.scope ?? sc, src.file, holder, undefined, depth + 1) : null;
      }
      if (t[0] === "local" && t[1]) {
        const l = sc.mod.locals.get(t[1]);
        return l ? resolvePolicy(l.expr, sc, l.file, holder, range, depth + 1) : null;
      }
      return null;
    }
    // Terraform JSON: a policy written as a nested object is the document itself.
    if (expr instanceof JsonExpr && expr.json.type === "object")
      return jsonStatements(expr.text, expr.startIndex, expr.file, holder, range);
    const { head } = exprParts(expr);
    if (!head && !(expr instanceof JsonExpr)) return null;
    if (head?.type === "function_call") {
      const fname = head.namedChildren[0]?.text;
      const argsNode = named(head).find((x) => x.type === "function_arguments");
      const a0 = argsNode ? named(argsNode).find((x) => x.type === "expression") : undefined;
      if (fname === "jsonencode" && a0) {
        const obj = collectionOf(a0);
        if (obj?.type === "object") return hclObjectStatements(obj, sc, file, holder, range);
        const at = traversal(a0);
        if (at && at[0] === "local" && at[1]) {
          const l = sc.mod.locals.get(at[1]);
          const lo = l ? collectionOf(l.expr) : null;
          if (l && lo?.type === "object") return hclObjectStatements(lo, sc, l.file, holder, range);
        }
        return null;
      }
      if (fname === "templatefile" || fname === "file") {
        const tf = templateFile(head, sc, file);
        if (!tf) return null;
        return jsonStatements(tf.file.text, 0, tf.file, holder);
      }
      return null;
    }
    if (head?.type === "template_expr") {
      const h = head.namedChildren[0];
      if (h?.type === "heredoc_template") {
        const c = heredocContent(h, file);
        return c ? jsonStatements(c.text, c.start, file, holder, range) : null;
      }
    }
    const v = evaluate(expr, sc, file).v;
    if (typeof v === "string") {
      try {
        const doc: unknown = JSON.parse(v);
        const list = (doc as { Statement?: unknown }).Statement;
        const arr = Array.isArray(list) ? list : list ? [list] : [];
        return arr.flatMap((s, i) => {
          const stmt = fromJsonStatement(s);
          return stmt
            ? [
                {
                  stmt,
                  path: file.path,
                  line: expr.startPosition.row + 1,
                  holder,
                  statementId: stmt.sid ?? String(i),
                  unfixable: "the policy is an escaped JSON string",
                } as StmtRef,
              ]
            : [];
        });
      } catch {
        return null;
      }
    }
    return null;
  };

  const identities = new Map<string, IdentityAcc>();
  const byName = new Map<string, string>();
  const KINDS: Record<string, IacIdentity["kind"]> = {
    aws_iam_role: "role",
    aws_iam_user: "user",
    aws_iam_group: "group",
  };
  for (const b of live) {
    const kind = b.type === "resource" ? KINDS[b.labels[0]!] : undefined;
    if (!kind) continue;
    const key = `${b.labels[0]}.${b.labels[1]}`;
    const name = evaluate(b.attrs.get("name")?.expr ?? b.node, scope, b.file).v;
    const identity: IacIdentity = {
      flavour: TF,
      path: b.file.path,
      address: `${mod.prefix}${key}`,
      kind,
      ...(typeof name === "string" ? { name } : {}),
      policyNames: [],
    };
    if (typeof name === "string") byName.set(`${b.labels[0]}:${name}`, key);
    identities.set(key, { identity, stmts: [], managed: [] });
  }
  const identityFor = (type: string, expr: Expr | undefined, holder: Block): IdentityAcc => {
    const t = expr ? traversal(expr) : null;
    let key: string | undefined;
    let name: string | undefined;
    if (t && t[0] === type && t[1]) key = `${type}.${t[1]}`;
    else if (expr) {
      const v = evaluate(expr, scope, holder.file).v;
      if (typeof v === "string") {
        name = v.replace(/^arn:[^:]+:iam::\d*:(role|user|group)\/(?:.*\/)?/, "");
        key = byName.get(`${type}:${name}`) ?? `${type}:${name}`;
      }
    }
    key ??= `${type}:?${mod.prefix}${holder.labels[0]}.${holder.labels[1]}`;
    let acc = identities.get(key);
    if (!acc) {
      acc = {
        identity: {
          flavour: TF,
          path: holder.file.path,
          address: key.includes(":")
            ? `${mod.prefix}${holder.labels[0]}.${holder.labels[1]}`
            : `${mod.prefix}${key}`,
          kind: KINDS[type] ?? "role",
          ...(name ? { name } : {}),
          policyNames: [],
        },
        stmts: [],
        managed: [],
      };
      identities.set(key, acc);
    }
    return acc;
  };

  // Managed policies written in this code, and where they are attached.
  const policies = new Map<string, { block: Block; stmts: StmtRef[]; name?: string; attached: boolean }>();
  for (const b of live) {
    if (b.type !== "resource" || b.labels[0] !== "aws_iam_policy") continue;
    const p = b.attrs.get("policy");
    const holder = `${mod.prefix}aws_iam_policy.${b.labels[1]}`;
    const stmts = p ? (resolvePolicy(p.expr, scope, b.file, holder, rangeOf(b)) ?? []) : [];
    const name = evaluate(b.attrs.get("name")?.expr ?? b.node, scope, b.file).v;
    policies.set(b.labels[1]!, {
      block: b,
      stmts,
      ...(typeof name === "string" ? { name } : {}),
      attached: false,
    });
  }
  const attach = (acc: IdentityAcc, arnExpr: Expr, file: SourceFile) => {
    const t = traversal(arnExpr);
    if (t && t[0] === "aws_iam_policy" && t[1]) {
      const p = policies.get(t[1]);
      if (p) {
        p.attached = true;
        acc.stmts.push(...p.stmts);
        acc.identity.policyNames!.push(p.name ?? `aws_iam_policy.${t[1]}`);
      }
      return;
    }
    const v = evaluate(arnExpr, scope, file).v;
    if (typeof v === "string") {
      acc.managed.push(v);
      acc.identity.policyNames!.push(v.replace(/^.*:policy\//, ""));
    } else acc.managed.push("?");
  };

  for (const b of live) {
    if (b.type !== "resource") continue;
    const t = b.labels[0]!;
    const holder = `${mod.prefix}${t}.${b.labels[1]}`;
    if (t === "aws_iam_role" || t === "aws_iam_user" || t === "aws_iam_group") {
      const acc = identities.get(`${t}.${b.labels[1]}`)!;
      for (const ip of b.blocks.filter((x) => x.type === "inline_policy")) {
        const p = ip.attrs.get("policy");
        if (p) acc.stmts.push(...(resolvePolicy(p.expr, scope, b.file, holder, rangeOf(b)) ?? []));
        const n = ip.attrs.get("name") ? evaluate(ip.attrs.get("name")!.expr, scope, b.file).v : undefined;
        if (typeof n === "string") acc.identity.policyNames!.push(n);
      }
      const mpa = b.attrs.get("managed_policy_arns");
      for (const e of (mpa ? listItems(mpa.expr) : null) ?? []) attach(acc, e, b.file);
    } else if (t === "aws_iam_role_policy" || t === "aws_iam_user_policy" || t === "aws_iam_group_policy") {
      const idType = t.replace(/_policy$/, "");
      const acc = identityFor(idType, b.attrs.get(idType.replace("aws_iam_", ""))?.expr, b);
      const p = b.attrs.get("policy");
      if (p) acc.stmts.push(...(resolvePolicy(p.expr, scope, b.file, holder, rangeOf(b)) ?? []));
      const n = b.attrs.get("name") ? evaluate(b.attrs.get("name")!.expr, scope, b.file).v : undefined;
      if (typeof n === "string") acc.identity.policyNames!.push(n);
    } else if (
      t === "aws_iam_role_policy_attachment" ||
      t === "aws_iam_user_policy_attachment" ||
      t === "aws_iam_group_policy_attachment"
    ) {
      const idType = t.replace(/_policy_attachment$/, "");
      const acc = identityFor(idType, b.attrs.get(idType.replace("aws_iam_", ""))?.expr, b);
      const arn = b.attrs.get("policy_arn");
      if (arn) attach(acc, arn.expr, b.file);
    } else if (t === "aws_iam_policy_attachment") {
      const arn = b.attrs.get("policy_arn");
      for (const [attr, idType] of [
        ["roles", "aws_iam_role"],
        ["users", "aws_iam_user"],
        ["groups", "aws_iam_group"],
      ] as const) {
        const a = b.attrs.get(attr);
        const items = a ? listItems(a.expr) : null;
        if (items && arn) for (const e of items) attach(identityFor(idType, e, b), arn.expr, b.file);
      }
    }
  }
  // Policies and documents the code does not attach to any identity count as identities of their own.
  for (const [n, p] of policies) {
    if (p.attached || p.stmts.length === 0) continue;
    identities.set(`aws_iam_policy.${n}`, {
      identity: {
        flavour: TF,
        path: p.block.file.path,
        address: `${mod.prefix}aws_iam_policy.${n}`,
        kind: "policy",
        ...(p.name ? { name: p.name } : {}),
      },
      stmts: p.stmts,
      managed: [],
    });
  }
  for (const [n, d] of docs) {
    if (usedDocs.has(n)) continue;
    const stmts = docStatements(n);
    usedDocs.delete(n);
    if (stmts.length === 0 || isTrustPolicyDoc(d)) continue;
    identities.set(`data.aws_iam_policy_document.${n}`, {
      identity: {
        flavour: TF,
        path: d.file.path,
        address: `${mod.prefix}data.aws_iam_policy_document.${n}`,
        kind: "policy",
      },
      stmts,
      managed: [],
    });
  }

  for (const acc of identities.values()) {
    if (acc.identity.kind !== "policy") out.identities.push(acc.identity);
    if (acc.stmts.length === 0) continue;
    if (acc.managed.includes("?")) continue; // an attached policy we cannot see may allow ListTags
    const a = analyzeIdentity(
      acc.stmts.map((s) => s.stmt),
      acc.managed,
    );
    if (a.listTagsAllowed) continue;
    for (const i of a.getFunctionStatements) {
      const s = acc.stmts[i]!;
      const via = (s.stmt.actions ?? []).find((p) => p.toLowerCase() !== GET_FUNCTION.toLowerCase());
      const grant = s.stmt.actions?.some((p) => p.toLowerCase() === GET_FUNCTION.toLowerCase())
        ? GET_FUNCTION
        : (via ?? "NotAction");
      const f = {
        finding: makeFinding({
          rule: "LG005",
          flavour: TF,
          kind: "policy-statement",
          address: s.holder,
          path: s.path,
          line: s.line,
          statementId: s.statementId,
          message: `${s.holder} statement ${s.stmt.sid ? `"${s.stmt.sid}"` : `#${Number(s.statementId) + 1}`} grants ${grant === GET_FUNCTION ? GET_FUNCTION : `${GET_FUNCTION} (via ${grant})`} to ${acc.identity.address}${acc.identity.name ? ` (${acc.identity.name})` : ""}, which is not allowed lambda:ListTags: GetFunction silently returns no tags to it.`,
          evidence: {
            grants: grant,
            identity: acc.identity.address,
            statement: s.stmt.sid ?? Number(s.statementId),
          },
          remediation: {
            summary: `Add "${LIST_TAGS}" to the statement that grants ${GET_FUNCTION}, with the same resources and conditions.`,
          },
        }),
        identity: acc.identity,
        ...(s.range ? { resourceRange: s.range } : {}),
      } as DetectorResult["findings"][number];
      if (a.listTagsDenied)
        f.unfixable = "a Deny statement covers lambda:ListTags; adding it to the Allow would not help";
      else if (s.edit)
        f.fix = { edits: [s.edit], notes: [`Added ${LIST_TAGS} beside ${grant} in ${s.holder}.`] };
      else f.unfixable = s.unfixable ?? "the statement cannot be patched automatically";
      out.findings.push(f);
    }
  }
}

function isTrustPolicyDoc(d: Block): boolean {
  return d.blocks.every((s) => s.type !== "statement" || s.blocks.some((p) => p.type === "principals"));
}
