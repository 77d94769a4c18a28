import { createHash } from "node:crypto";
import { lg001Commands, makeFinding } from "../finding.js";
import { appendAfterLast } from "../list-insert.js";
import { analyzeIdentity, LIST_TAGS, GET_FUNCTION, type IamStatement } from "../policy-statements.js";
import { firstError, named, parse, type Node, type Tree } from "../treesitter.js";
import type {
  Detector,
  DetectorResult,
  IacFinding,
  IacFunction,
  IacIdentity,
  SourceFile,
  TextEdit,
} from "../types.js";

const CDK = "cdk" as const;
type Lang = "ts" | "py";

/** A call or construction: `recv.method(args)`, `new ns.Class(scope, 'Id', props)`, `ns.Class(self, "Id", k=v)`. */
interface Call {
  node: Node;
  name: string;
  receiver: Node | null;
  isNew: boolean;
  args: Node[];
  /** Props by camelCase name: TS object literal pairs, Python keyword arguments. */
  props: Map<string, { key: Node; value: Node; pair: Node }>;
}

const FUNCTION_CLASSES = new Set([
  "Function",
  "NodejsFunction",
  "PythonFunction",
  "DockerImageFunction",
  "GoFunction",
  "SingletonFunction",
]);

const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
const alnum = (s: string) => s.replace(/[^A-Za-z0-9]/g, "");

/** CDK's logical id for a top-level construct's L1 resource: `<id><first 8 hex of md5("<id>/Resource")>`. */
export function cdkLogicalId(path: string[]): string {
  const comps = path.filter((c) => c !== "Default");
  const hash = createHash("md5").update(comps.join("/")).digest("hex").slice(0, 8).toUpperCase();
  const human = comps
    .filter((c) => c !== "Resource")
    .map(alnum)
    .join("")
    .slice(0, 240);
  return human + hash;
}

function walk(n: Node, visit: (n: Node) => void): void {
  const stack: Node[] = [n];
  while (stack.length) {
    const x = stack.pop()!;
    visit(x);
    for (let i = x.namedChildCount - 1; i >= 0; i--) {
      const c = x.namedChild(i);
      if (c) stack.push(c);
    }
  }
}

function stringValue(n: Node | undefined | null): string | undefined {
  if (!n) return undefined;
  if (n.type === "string") {
    const parts = named(n).filter((c) => c.type === "string_fragment" || c.type === "string_content");
    if (named(n).some((c) => c.type === "interpolation" || c.type === "template_substitution"))
      return undefined;
    return parts.map((p) => p.text).join("");
  }
  if (n.type === "template_string" && !named(n).some((c) => c.type === "template_substitution"))
    return n.text.slice(1, -1);
  return undefined;
}

function readCall(n: Node, lang: Lang): Call | null {
  let callee: Node | null;
  let argsNode: Node | null;
  let isNew = false;
  if (lang === "ts") {
    if (n.type !== "call_expression" && n.type !== "new_expression") return null;
    isNew = n.type === "new_expression";
    callee = n.childForFieldName(isNew ? "constructor" : "function");
    argsNode = n.childForFieldName("arguments");
  } else {
    if (n.type !== "call") return null;
    callee = n.childForFieldName("function");
    argsNode = n.childForFieldName("arguments");
  }
  if (!callee) return null;
  let name = callee.text;
  let receiver: Node | null = null;
  if (callee.type === "member_expression" || callee.type === "attribute") {
    const prop = callee.childForFieldName(lang === "ts" ? "property" : "attribute");
    name = prop?.text ?? name;
    receiver = callee.childForFieldName("object");
  }
  const args = argsNode
    ? named(argsNode).filter((a) => a.type !== "comment" && a.type !== "keyword_argument")
    : [];
  const props = new Map<string, { key: Node; value: Node; pair: Node }>();
  if (lang === "ts") {
    const obj = args.find((a) => a.type === "object");
    for (const p of obj ? named(obj) : []) {
      if (p.type !== "pair") continue;
      const k = p.childForFieldName("key");
      const v = p.childForFieldName("value");
      if (k && v) props.set(stringValue(k) ?? k.text, { key: k, value: v, pair: p });
    }
  } else if (argsNode) {
    for (const kw of named(argsNode)) {
      if (kw.type !== "keyword_argument") continue;
      const k = kw.childForFieldName("name");
      const v = kw.childForFieldName("value");
      if (k && v) props.set(camel(k.text), { key: k, value: v, pair: kw });
    }
  }
  return { node: n, name, receiver, isNew: isNew || (lang === "py" && /^[A-Z]/.test(name)), args, props };
}

/** The statement line range that holds a node (for intent comments and deletion). */
function statementOf(n: Node): Node {
  let cur: Node = n;
  while (
    cur.parent &&
    ![
      "expression_statement",
      "lexical_declaration",
      "variable_declaration",
      "program",
      "module",
      "class_body",
      "block",
      "statement_block",
    ].includes(cur.type)
  ) {
    cur = cur.parent;
  }
  return ["program", "module", "class_body", "block", "statement_block"].includes(cur.type) ? n : cur;
}

function lineStart(text: string, off: number): number {
  return text.lastIndexOf("\n", off - 1) + 1;
}
function lineEnd(text: string, off: number): number {
  const i = text.indexOf("\n", off);
  return i < 0 ? text.length : i + 1;
}

interface FileCtx {
  file: SourceFile;
  lang: Lang;
  tree: Tree;
  calls: Call[];
  /** Variable name → value node (const x = …, self.x = …, x = …). */
  decls: Map<string, Node>;
  /** Construct id of classes extending Stack (`class ApiStack extends Stack`). */
  stackClasses: Set<string>;
}

function constructId(c: Call): string | undefined {
  return stringValue(c.args[1]);
}

function isEnumMember(n: Node, member: string): boolean {
  return (n.type === "member_expression" || n.type === "attribute") && n.text.endsWith(`.${member}`);
}

export const cdkDetector: Detector = {
  flavours: ["cdk"],
  claims(file: SourceFile): boolean {
    if (!/\.(ts|mts|py)$/i.test(file.path) || file.path.endsWith(".d.ts")) return false;
    return /aws-cdk-lib|@aws-cdk\/|aws_cdk|from constructs|import constructs/.test(file.text);
  },
  async analyze(files): Promise<DetectorResult> {
    const out: DetectorResult = { findings: [], coverage: [], functions: [], identities: [] };
    const ctxs: FileCtx[] = [];
    try {
      for (const file of files) {
        const lang: Lang = file.path.endsWith(".py") ? "py" : "ts";
        let tree: Tree;
        try {
          tree = await parse(
            lang === "py" ? "python" : file.path.endsWith(".tsx") ? "tsx" : "typescript",
            file.text,
          );
        } catch (err) {
          out.coverage.push({ scope: file.path, status: "failed", detail: `cannot parse: ${String(err)}` });
          continue;
        }
        const err = firstError(tree.rootNode);
        if (err) {
          out.coverage.push({
            scope: file.path,
            status: "partial",
            detail: `syntax error at line ${err.startPosition.row + 1}: statements with errors were not analysed`,
          });
        }
        const calls: Call[] = [];
        const decls = new Map<string, Node>();
        const stackClasses = new Set<string>();
        walk(tree.rootNode, (n) => {
          if (n.hasError) return;
          const c = readCall(n, lang);
          if (c) calls.push(c);
          if (n.type === "variable_declarator") {
            const nm = n.childForFieldName("name");
            const v = n.childForFieldName("value");
            if (nm && v) decls.set(nm.text, v);
          } else if (n.type === "assignment" || n.type === "assignment_expression") {
            const l = n.childForFieldName("left");
            const r = n.childForFieldName("right");
            if (l && r) decls.set(l.text.replace(/^(this|self)\./, ""), r);
          } else if (n.type === "public_field_definition") {
            const nm = n.childForFieldName("name");
            const v = n.childForFieldName("value");
            if (nm && v) decls.set(nm.text, v);
          } else if (n.type === "class_declaration" || n.type === "class_definition") {
            const heritage =
              lang === "ts"
                ? named(n).find((c) => c.type === "class_heritage")?.text
                : n.childForFieldName("superclasses")?.text;
            const nm = n.childForFieldName("name")?.text;
            if (nm && heritage && /\bStack\b/.test(heritage)) stackClasses.add(nm);
          }
        });
        ctxs.push({ file, lang, tree, calls, decls, stackClasses });
      }
      // Stack ids by class name, across files (`new ApiStack(app, 'PaymentsApi', { stackName: 'payments' })`).
      const stackIds = new Map<string, string>();
      const allStackClasses = new Set(ctxs.flatMap((c) => [...c.stackClasses]));
      for (const c of ctxs) {
        for (const call of c.calls) {
          if (call.isNew && allStackClasses.has(call.name)) {
            const id = constructId(call);
            const sn = stringValue(call.props.get("stackName")?.value);
            if (id) stackIds.set(call.name, sn ?? id);
          }
        }
      }
      for (const c of ctxs) analyzeFile(c, stackIds, out);
    } finally {
      for (const c of ctxs) c.tree.delete();
    }
    return out;
  },
};

function enclosingStackClass(n: Node, c: FileCtx): string | undefined {
  let cur: Node | null = n.parent;
  while (cur) {
    if (cur.type === "class_declaration" || cur.type === "class_definition") {
      const nm = cur.childForFieldName("name")?.text;
      return nm && c.stackClasses.has(nm) ? nm : undefined;
    }
    cur = cur.parent;
  }
  return undefined;
}

function analyzeFile(c: FileCtx, stackIds: Map<string, string>, out: DetectorResult): void {
  const { file } = c;
  const fnByVar = new Map<string, IacFunction>();
  const fnById = new Map<string, IacFunction>();
  // Functions.
  for (const call of c.calls) {
    if (!call.isNew || !FUNCTION_CLASSES.has(call.name)) continue;
    const id = constructId(call);
    if (!id) continue;
    const scopeArg = call.args[0]?.text;
    const stackClass = enclosingStackClass(call.node, c);
    const fn: IacFunction = {
      flavour: CDK,
      path: file.path,
      address: id,
      ...(stringValue(call.props.get("functionName")?.value)
        ? { functionName: stringValue(call.props.get("functionName")?.value)! }
        : {}),
      ...((scopeArg === "this" || scopeArg === "self") && stackClass
        ? { logicalId: cdkLogicalId([id, "Resource"]) }
        : {}),
      ...(stackClass && stackIds.get(stackClass) ? { stackName: stackIds.get(stackClass)! } : {}),
    };
    out.functions.push(fn);
    fnById.set(id, fn);
    const decl = call.node.parent;
    if (decl?.type === "variable_declarator") fnByVar.set(decl.childForFieldName("name")?.text ?? "", fn);
    if (decl?.type === "assignment" || decl?.type === "assignment_expression") {
      fnByVar.set(decl.childForFieldName("left")?.text.replace(/^(this|self)\./, "") ?? "", fn);
    }
  }
  const fnOf = (n: Node | null | undefined): { key: string; fn?: IacFunction } => {
    if (!n) return { key: "?" };
    const t = n.text
      .replace(/^(this|self)\./, "")
      .replace(/\.(functionName|functionArn|function_name|function_arn)$/, "");
    const fn = fnByVar.get(t);
    return fn ? { key: fn.address, fn } : { key: t };
  };
  const resolve = (n: Node): { node: Node; via?: string } => {
    if (n.type === "identifier" && c.decls.has(n.text)) {
      const d = c.decls.get(n.text)!;
      return { node: d, via: `${n.text} (${file.path}:${d.startPosition.row + 1})` };
    }
    return { node: n };
  };
  const edit = (start: number, end: number, newText: string): TextEdit => ({
    path: file.path,
    start,
    end,
    newText,
  });
  const deleteStatement = (n: Node): TextEdit => {
    const st = statementOf(n);
    let start = lineStart(file.text, st.startIndex);
    let end = lineEnd(file.text, st.endIndex);
    for (;;) {
      if (start === 0) break;
      const ps = lineStart(file.text, start - 1);
      const prev = file.text.slice(ps, start);
      if (/^\s*(\/\/|#)/.test(prev) && !/lambda-guard:|checkov:/.test(prev)) start = ps;
      else break;
    }
    const before = start === 0 ? "\n" : file.text.slice(lineStart(file.text, start - 1), start);
    const after = file.text.slice(end, lineEnd(file.text, end));
    if (before.trim() === "" && after.trim() === "" && end < file.text.length) end = lineEnd(file.text, end);
    return edit(start, end, "");
  };
  const rangeOf = (n: Node) => {
    const st = statementOf(n);
    return { startLine: st.startPosition.row + 1, endLine: st.endPosition.row + 1 };
  };

  // Public permissions written in code.
  interface Perm {
    call: Call;
    fn: { key: string; fn?: IacFunction };
    kind: "url" | "url-invoke" | "invoke";
    line: number;
    address: string;
  }
  const perms: Perm[] = [];
  for (const call of c.calls) {
    const isAdd = !call.isNew && (call.name === "addPermission" || call.name === "add_permission");
    const isCfn = call.isNew && call.name === "CfnPermission";
    if (!isAdd && !isCfn) continue;
    const principal = call.props.get("principal");
    if (!principal) continue;
    const pv = resolve(principal.value).node;
    const any = stringValue(pv) === "*" || /\b(AnyPrincipal|StarPrincipal)\b/.test(pv.text);
    if (!any) continue;
    if (["sourceArn", "sourceAccount", "principalOrgId", "organizationId"].some((k) => call.props.has(k)))
      continue;
    const action = stringValue(call.props.get("action")?.value) ?? (isAdd ? "lambda:InvokeFunction" : "");
    const auth = call.props.get("functionUrlAuthType")?.value;
    const authNone = auth ? isEnumMember(auth, "NONE") || stringValue(auth) === "NONE" : false;
    const viaUrl = call.props.get("invokedViaFunctionUrl")?.value.text;
    let kind: Perm["kind"] | null = null;
    if (action.toLowerCase() === "lambda:invokefunctionurl") kind = authNone ? "url" : null;
    else if (/^lambda:invokefunction$|^lambda:\*$|^\*$/i.test(action))
      kind = viaUrl === "true" || viaUrl === "True" ? "url-invoke" : "invoke";
    if (!kind) continue;
    const fn = isAdd ? fnOf(call.receiver) : fnOf(call.props.get("functionName")?.value);
    const id = isAdd ? stringValue(call.args[0]) : constructId(call);
    perms.push({
      call,
      fn,
      kind,
      line: principal.pair.startPosition.row + 1,
      address: isAdd ? `${fn.key}/${id ?? "Permission"}` : (id ?? "CfnPermission"),
    });
  }

  const noneUrls = new Set<string>();
  for (const call of c.calls) {
    let address: string | undefined;
    let fnRef: { key: string; fn?: IacFunction } | undefined;
    let authNode: Node | undefined;
    let l1 = false;
    if (!call.isNew && (call.name === "addFunctionUrl" || call.name === "add_function_url")) {
      fnRef = fnOf(call.receiver);
      address = `${fnRef.key}/FunctionUrl`;
      authNode = call.props.get("authType")?.value;
    } else if (call.isNew && call.name === "FunctionUrl") {
      fnRef = fnOf(call.props.get("function")?.value);
      address = constructId(call) ?? "FunctionUrl";
      authNode = call.props.get("authType")?.value;
    } else if (call.isNew && call.name === "CfnUrl") {
      fnRef = fnOf(call.props.get("targetFunctionArn")?.value);
      address = constructId(call) ?? "CfnUrl";
      authNode = call.props.get("authType")?.value;
      l1 = true;
    } else continue;
    if (!authNode) continue; // L2 default is AWS_IAM; CfnUrl requires authType
    const r = resolve(authNode);
    const v = r.node;
    const none = isEnumMember(v, "NONE") || stringValue(v) === "NONE";
    if (!none) continue;
    noneUrls.add(fnRef.key);
    const edits: TextEdit[] = [];
    const notes: string[] = [];
    if (stringValue(v) === "NONE") {
      const frag = named(v).find((x) => x.type === "string_fragment" || x.type === "string_content")!;
      edits.push(edit(frag.startIndex, frag.endIndex, "AWS_IAM"));
    } else {
      const prop = v.childForFieldName(c.lang === "ts" ? "property" : "attribute")!;
      edits.push(edit(prop.startIndex, prop.endIndex, "AWS_IAM"));
    }
    if (r.via) notes.push(`authType comes from ${r.via}; patched where it is defined.`);
    const related = perms.filter((p) => p.fn.key === fnRef.key && p.kind !== "invoke");
    for (const p of related) {
      edits.push(deleteStatement(p.call.node));
      notes.push(`Removed the public URL permission ${p.address}.`);
    }
    if (!l1)
      notes.push(
        "CDK adds the public URL permissions for a NONE URL itself; with AWS_IAM it stops adding them on the next deploy.",
      );
    const fnName = fnRef.fn?.functionName;
    const authLine = (call.props.get("authType")?.pair ?? call.node).startPosition.row + 1;
    out.findings.push({
      finding: makeFinding({
        rule: "LG001",
        flavour: CDK,
        kind: "function-url",
        address,
        path: file.path,
        line: authLine,
        ...(fnName ? { functionName: fnName } : {}),
        message: `${address} is a function URL with FunctionUrlAuthType NONE${r.via ? ` (from ${r.via})` : ""}: ${l1 ? "with a public permission" : "CDK grants lambda:InvokeFunctionUrl (and lambda:InvokeFunction via the URL) to everyone, so"} anyone on the Internet who learns the URL can invoke ${fnName ?? fnRef.key}.`,
        evidence: {
          authType: "NONE",
          ...(related.length ? { permissions: related.map((p) => p.address) } : {}),
        },
        remediation: {
          summary: "Use FunctionUrlAuthType.AWS_IAM (the default) and remove public URL permissions.",
          commands: lg001Commands(fnName),
          notes,
        },
      }),
      fix: { edits, notes },
      resourceRange: rangeOf(call.node),
      ...(fnRef.fn ? { function: fnRef.fn } : {}),
    });
  }

  for (const p of perms) {
    if (p.kind !== "invoke" && noneUrls.has(p.fn.key)) continue;
    const f: IacFinding = {
      finding: makeFinding({
        rule: p.kind === "invoke" ? "LG002" : "LG003",
        flavour: CDK,
        kind: p.kind === "invoke" ? "function" : "function-url",
        address: p.address,
        path: file.path,
        line: p.line,
        ...(p.kind === "invoke" ? {} : { severity: "low" as const }),
        ...(p.fn.fn?.functionName ? { functionName: p.fn.fn.functionName } : {}),
        message:
          p.kind === "invoke"
            ? `${p.address} lets any principal call lambda:InvokeFunction on ${p.fn.key} with no sourceArn, sourceAccount or principalOrgId: any AWS account can invoke it.`
            : `${p.address} publicly grants the function URL permission on ${p.fn.key}, whose URL the code does not declare with auth type NONE: a latent public grant.`,
        evidence: { principal: "*", kind: p.kind },
        remediation: {
          summary:
            p.kind === "invoke"
              ? "Scope the principal (service principal plus sourceArn/sourceAccount) or remove the permission."
              : "Remove the public URL permission.",
        },
      }),
      resourceRange: rangeOf(p.call.node),
      ...(p.fn.fn ? { function: p.fn.fn } : {}),
    };
    if (p.kind === "invoke")
      f.unfixable = "which principal should invoke the function is a decision for its owner";
    else f.fix = { edits: [deleteStatement(p.call.node)], notes: [`Removed ${p.address}.`] };
    out.findings.push(f);
  }

  analyzePolicies(c, out, resolve);
}

interface CdkStmt {
  stmt: IamStatement;
  call: Call;
  line: number;
  edit?: TextEdit;
  unfixable?: string;
}

/** LG005 for `new iam.PolicyStatement({ actions: [...] })`, grouped by the identity it is added to. */
function analyzePolicies(
  c: FileCtx,
  out: DetectorResult,
  resolve: (n: Node) => { node: Node; via?: string },
): void {
  const { file } = c;
  const groups = new Map<string, { identity: IacIdentity; stmts: CdkStmt[] }>();
  const roles = new Map<string, IacIdentity>();
  for (const call of c.calls) {
    if (!call.isNew || !/^(Role|User|Group)$/.test(call.name)) continue;
    const id = constructId(call);
    if (!id) continue;
    const nm = stringValue(call.props.get(`${call.name.toLowerCase()}Name`)?.value);
    const identity: IacIdentity = {
      flavour: CDK,
      path: file.path,
      address: id,
      kind: call.name.toLowerCase() as IacIdentity["kind"],
      ...(nm ? { name: nm } : {}),
    };
    out.identities.push(identity);
    const decl = call.node.parent;
    const v =
      decl?.type === "variable_declarator"
        ? decl.childForFieldName("name")?.text
        : decl?.childForFieldName("left")?.text.replace(/^(this|self)\./, "");
    if (v) roles.set(v, identity);
  }
  const addCalls = c.calls.filter(
    (x) =>
      !x.isNew &&
      /^(addToPolicy|addToRolePolicy|addToPrincipalPolicy|add_to_policy|add_to_role_policy|add_to_principal_policy|addStatements|add_statements)$/.test(
        x.name,
      ),
  );
  const groupFor = (stmtCall: Call): string => {
    // Directly inside an addTo*Policy call, or declared as a variable passed to one.
    let cur: Node | null = stmtCall.node.parent;
    while (cur) {
      const hit = addCalls.find((a) => a.node.equals(cur!));
      if (hit) return hit.receiver?.text.replace(/^(this|self)\./, "") ?? "?";
      if (cur.type === "variable_declarator" || cur.type === "assignment") {
        const name = (cur.childForFieldName("name") ?? cur.childForFieldName("left"))?.text;
        const use = addCalls.find((a) => a.args.some((x) => x.text === name));
        if (use) return use.receiver?.text.replace(/^(this|self)\./, "") ?? "?";
        break;
      }
      if (cur.type === "new_expression" || cur.type === "call") {
        const owner = readCall(cur, c.lang);
        const id = owner ? constructId(owner) : undefined;
        if (owner && owner.isNew && id && /Policy|Role/.test(owner.name)) return id;
      }
      cur = cur.parent;
    }
    return "(file)";
  };
  for (const call of c.calls) {
    if (!call.isNew || call.name !== "PolicyStatement") continue;
    const actionsProp = call.props.get("actions");
    const notActionsProp = call.props.get("notActions");
    const list = (p: typeof actionsProp): string[] | undefined => {
      if (!p) return undefined;
      const arr = resolve(p.value).node;
      return named(arr)
        .map((e) => stringValue(e))
        .filter((s): s is string => typeof s === "string");
    };
    const effect = call.props.get("effect")?.value.text ?? "";
    const stmt: IamStatement = { effect: /DENY/.test(effect) ? "Deny" : "Allow" };
    const actions = list(actionsProp);
    const notActions = list(notActionsProp);
    if (actions) stmt.actions = actions;
    if (notActions) stmt.notActions = notActions;
    const res = call.props.get("resources");
    stmt.resources = res ? named(resolve(res.value).node).map((e) => stringValue(e) ?? "${unknown}") : ["*"];
    if (call.props.has("conditions")) stmt.condition = true;
    const sid = stringValue(call.props.get("sid")?.value);
    if (sid) stmt.sid = sid;
    const key = groupFor(call);
    let g = groups.get(key);
    if (!g) {
      g = {
        identity: roles.get(key) ?? { flavour: CDK, path: file.path, address: key, kind: "role" },
        stmts: [],
      };
      groups.set(key, g);
    }
    const cs: CdkStmt = { stmt, call, line: (actionsProp?.pair ?? call.node).startPosition.row + 1 };
    const arr = actionsProp ? resolve(actionsProp.value).node : null;
    if (arr && (arr.type === "array" || arr.type === "list")) {
      const els = named(arr).filter((e) => e.type !== "comment");
      const last = els[els.length - 1];
      const q = last && last.text.startsWith("'") ? "'" : '"';
      const item = `${q}${LIST_TAGS}${q}`;
      if (!last)
        cs.edit = { path: file.path, start: arr.startIndex, end: arr.endIndex, newText: `[${item}]` };
      else {
        const next = last.nextSibling;
        const at = {
          start: last.startIndex,
          end: last.endIndex,
          ...(next?.type === "," ? { commaEnd: next.endIndex } : {}),
          multiLine: last.startPosition.row !== arr.startPosition.row,
        };
        cs.edit = { path: file.path, ...appendAfterLast(file.text, at, item) };
      }
    } else cs.unfixable = actionsProp ? "actions is not an array literal" : "the statement uses notActions";
    g.stmts.push(cs);
  }
  for (const [key, g] of groups) {
    const a = analyzeIdentity(g.stmts.map((s) => s.stmt));
    if (a.listTagsAllowed) continue;
    for (const i of a.getFunctionStatements) {
      const s = g.stmts[i]!;
      const f: IacFinding = {
        finding: makeFinding({
          rule: "LG005",
          flavour: CDK,
          kind: "policy-statement",
          address: `${key}/PolicyStatement`,
          path: file.path,
          line: s.line,
          statementId: s.stmt.sid ?? String(i),
          message: `A PolicyStatement added to ${key} grants ${GET_FUNCTION}${(s.stmt.actions ?? []).includes(GET_FUNCTION) ? "" : ` (via ${(s.stmt.actions ?? ["NotAction"]).join(", ")})`}, but ${key} is not allowed lambda:ListTags: GetFunction silently returns no tags to it.`,
          evidence: { identity: key, statement: s.stmt.sid ?? i },
          remediation: {
            summary: `Add '${LIST_TAGS}' to the statement's actions, with the same resources and conditions.`,
          },
        }),
        identity: g.identity,
        resourceRange: {
          startLine: statementOf(s.call.node).startPosition.row + 1,
          endLine: statementOf(s.call.node).endPosition.row + 1,
        },
      };
      if (a.listTagsDenied) f.unfixable = "a Deny statement covers lambda:ListTags";
      else if (s.edit)
        f.fix = { edits: [s.edit], notes: [`Added ${LIST_TAGS} to the PolicyStatement for ${key}.`] };
      else f.unfixable = s.unfixable ?? "cannot patch this statement";
      out.findings.push(f);
    }
  }
}
