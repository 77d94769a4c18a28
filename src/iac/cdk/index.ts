import { createHash } from "node:crypto";
import {
  decideExposure,
  publicUrlStatements,
  type AuthFact,
  type StatementFact,
  type UrlFact,
} from "../../exposure/index.js";
import { exposureFinding, makeFinding, type ExposureRef } from "../finding.js";
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
    // One call into the parser for all the children, where namedChild(i) makes one per child.
    const kids = x.namedChildren;
    for (let i = kids.length - 1; i >= 0; i--) {
      const c = kids[i];
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

/** A CDK principal as policy JSON: `*` for AnyPrincipal, StarPrincipal and ArnPrincipal('*'). */
function principalJson(text: string, literal: string | undefined): unknown {
  if (
    literal === "*" ||
    /\b(AnyPrincipal|StarPrincipal)\s*\(/.test(text) ||
    /ArnPrincipal\(\s*["']\*["']\s*\)/.test(text)
  )
    return "*";
  const service =
    /ServicePrincipal\(\s*["']([^"']+)["']/.exec(text)?.[1] ??
    (literal?.endsWith(".amazonaws.com") ? literal : undefined);
  if (service) return { Service: service };
  if (/\b(AccountRootPrincipal|AccountPrincipal)\s*\(/.test(text)) return { AWS: "000000000000" };
  const arn = /ArnPrincipal\(\s*["']([^"']+)["']/.exec(text)?.[1];
  return { AWS: arn ?? literal ?? `\${${text.slice(0, 60)}}` };
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
  async analyze(files, ctx): Promise<DetectorResult> {
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
      for (const c of ctxs) analyzeFile(c, stackIds, out, ctx.now ?? new Date());
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

function analyzeFile(c: FileCtx, stackIds: Map<string, string>, out: DetectorResult, now: Date): void {
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

  // Exposure facts: URLs, written permissions, and what CDK L2 adds for a NONE URL.
  const byFn = new Map<
    string,
    { fn?: IacFunction; urls: UrlFact<ExposureRef>[]; statements: StatementFact<ExposureRef>[] }
  >();
  const factsOf = (ref: { key: string; fn?: IacFunction }) => {
    const e = byFn.get(ref.key) ?? { ...(ref.fn ? { fn: ref.fn } : {}), urls: [], statements: [] };
    byFn.set(ref.key, e);
    return e;
  };
  const at = (
    call: Call,
    n: Node | undefined,
    address: string,
    fnRef: { fn?: IacFunction },
    extra: Partial<ExposureRef> = {},
  ): ExposureRef => ({
    path: file.path,
    line: (n ?? call.node).startPosition.row + 1,
    address,
    resourceRange: rangeOf(call.node),
    ...(fnRef.fn ? { function: fnRef.fn } : {}),
    ...extra,
  });
  const removal = (call: Call, address: string): ExposureRef["group"] => ({
    key: `${call.node.startIndex}`,
    remove: () => ({ edits: [deleteStatement(call.node)], notes: [`Removed ${address}.`] }),
  });
  const urlVars = new Map<string, { fnRef: { key: string; fn?: IacFunction }; auth: AuthFact }>();

  for (const call of c.calls) {
    let address: string;
    let fnRef: { key: string; fn?: IacFunction };
    const l2 = !call.isNew
      ? call.name === "addFunctionUrl" || call.name === "add_function_url"
      : call.name === "FunctionUrl";
    if (!call.isNew && l2) {
      fnRef = fnOf(call.receiver);
      address = `${fnRef.key}/FunctionUrl`;
    } else if (call.isNew && l2) {
      fnRef = fnOf(call.props.get("function")?.value);
      address = constructId(call) ?? "FunctionUrl";
    } else if (call.isNew && call.name === "CfnUrl") {
      fnRef = fnOf(call.props.get("targetFunctionArn")?.value);
      address = constructId(call) ?? "CfnUrl";
    } else continue;
    const authProp = call.props.get("authType");
    const r = authProp ? resolve(authProp.value) : undefined;
    const v = r?.node;
    const is = (m: string) => !!v && (isEnumMember(v, m) || stringValue(v) === m);
    // The L2 default is AWS_IAM; CfnUrl requires authType.
    const auth: AuthFact = !v
      ? l2
        ? { kind: "AWS_IAM" }
        : { kind: "unknown", detail: "authType missing" }
      : is("NONE")
        ? { kind: "NONE" }
        : is("AWS_IAM")
          ? { kind: "AWS_IAM" }
          : { kind: "unknown", detail: v.text.slice(0, 60) };
    const ref = at(call, authProp?.pair, address, fnRef, {
      ...(r?.via && v ? { evidence: { definedAt: `${file.path}:${v.startPosition.row + 1}` } } : {}),
      setIam: () => {
        if (!v || auth.kind !== "NONE")
          return { unfixable: "authType is computed; set it to AWS_IAM where it is decided" };
        const frag =
          stringValue(v) === "NONE"
            ? named(v).find((x) => x.type === "string_fragment" || x.type === "string_content")
            : v.childForFieldName(c.lang === "ts" ? "property" : "attribute");
        if (!frag) return { unfixable: "authType cannot be patched here" };
        const notes = r?.via ? [`authType comes from ${r.via}; patched where it is defined.`] : [];
        if (l2)
          notes.push(
            "CDK adds the public URL permissions for a NONE URL itself; with AWS_IAM it stops adding them on the next deploy.",
          );
        return { edits: [edit(frag.startIndex, frag.endIndex, "AWS_IAM")], notes };
      },
    });
    const url: UrlFact<ExposureRef> = { qualifier: null, auth, ref };
    const e = factsOf(fnRef);
    e.urls.push(url);
    // CDK adds them at synth time when the value is NONE: a computed value may be.
    if (l2 && auth.kind !== "AWS_IAM")
      for (const s of publicUrlStatements("cdk"))
        e.statements.push({
          qualifier: null,
          label: `${address}/${s.label}`,
          statement: s.statement,
          provenance: { kind: "toolchain", by: "cdk" },
          ref,
        });
    const decl = call.node.parent;
    const name = decl
      ?.childForFieldName(decl.type === "variable_declarator" ? "name" : "left")
      ?.text.replace(/^(this|self)\./, "");
    if (name) urlVars.set(name, { fnRef, auth });
  }

  for (const call of c.calls) {
    const isAdd = !call.isNew && (call.name === "addPermission" || call.name === "add_permission");
    const isCfn = call.isNew && call.name === "CfnPermission";
    const grant =
      !call.isNew && /^(grantInvoke|grant_invoke|grantInvokeUrl|grant_invoke_url)$/.test(call.name)
        ? call.name
        : undefined;
    if (!isAdd && !isCfn && !grant) continue;
    if (grant) {
      const principalNode = call.args[0];
      if (!principalNode) continue;
      const receiver = call.receiver?.text.replace(/^(this|self)\./, "") ?? "";
      const urlVar = urlVars.get(receiver);
      const fnRef = urlVar?.fnRef ?? fnOf(call.receiver);
      const principal = principalJson(
        resolve(principalNode).node.text,
        stringValue(resolve(principalNode).node),
      );
      const address = `${fnRef.key}/${grant}`;
      const onUrl = /url/i.test(grant);
      const ref = at(call, call.node, address, fnRef, { group: removal(call, address) });
      const urlAuth = urlVar && urlVar.auth.kind !== "unknown" ? urlVar.auth.kind : "AWS_IAM";
      const statements = onUrl
        ? [
            {
              Effect: "Allow",
              Principal: principal,
              Action: "lambda:InvokeFunctionUrl",
              Resource: "*",
              Condition: { StringEquals: { "lambda:FunctionUrlAuthType": urlAuth } },
            },
            {
              Effect: "Allow",
              Principal: principal,
              Action: "lambda:InvokeFunction",
              Resource: "*",
              Condition: { Bool: { "lambda:InvokedViaFunctionUrl": "true" } },
            },
          ]
        : [{ Effect: "Allow", Principal: principal, Action: "lambda:InvokeFunction", Resource: "*" }];
      statements.forEach((statement, i) =>
        factsOf(fnRef).statements.push({
          qualifier: null,
          label: statements.length > 1 ? `${address}#${i}` : address,
          statement,
          provenance: { kind: "code" },
          ref,
        }),
      );
      continue;
    }
    const principal = call.props.get("principal");
    if (!principal) continue;
    const pv = resolve(principal.value).node;
    const fnRef = isAdd ? fnOf(call.receiver) : fnOf(call.props.get("functionName")?.value);
    const id = isAdd ? stringValue(call.args[0]) : constructId(call);
    const address = isAdd ? `${fnRef.key}/${id ?? "Permission"}` : (id ?? "CfnPermission");
    const condition: Record<string, Record<string, string>> = {};
    const cond = (op: string, key: string, prop: string) => {
      const n = call.props.get(prop)?.value;
      if (n) condition[op] = { ...condition[op], [key]: stringValue(resolve(n).node) ?? `\${${n.text}}` };
    };
    cond("ArnLike", "aws:SourceArn", "sourceArn");
    cond("StringEquals", "aws:SourceAccount", "sourceAccount");
    cond("StringEquals", "aws:PrincipalOrgID", "principalOrgId");
    cond("StringEquals", "aws:PrincipalOrgID", "organizationId");
    const authNode = call.props.get("functionUrlAuthType")?.value;
    if (authNode)
      condition.StringEquals = {
        ...condition.StringEquals,
        "lambda:FunctionUrlAuthType":
          isEnumMember(authNode, "AWS_IAM") || stringValue(authNode) === "AWS_IAM" ? "AWS_IAM" : "NONE",
      };
    if (/^(true|True)$/.test(call.props.get("invokedViaFunctionUrl")?.value.text ?? ""))
      condition.Bool = { "lambda:InvokedViaFunctionUrl": "true" };
    factsOf(fnRef).statements.push({
      qualifier: null,
      label: address,
      statement: {
        Effect: "Allow",
        Principal: principalJson(pv.text, stringValue(pv)),
        Action: stringValue(call.props.get("action")?.value) ?? "lambda:InvokeFunction",
        Resource: "*",
        ...(Object.keys(condition).length > 0 ? { Condition: condition } : {}),
      },
      provenance: { kind: "code" },
      ref: at(call, principal.pair, address, fnRef, { group: removal(call, address) }),
    });
  }

  for (const [key, e] of byFn) {
    const functionName = e.fn?.functionName;
    const { exposures, skipped } = decideExposure(
      { target: { ...(functionName ? { functionName } : {}) }, urls: e.urls, statements: e.statements },
      now,
    );
    for (const x of skipped)
      out.coverage.push({
        scope: `${file.path}:${x.fact.ref.line}`,
        status: "partial",
        detail: `${x.fact.label} was not analysed: ${x.error}`,
      });
    for (const x of exposures)
      out.findings.push(
        exposureFinding(x, {
          flavour: CDK,
          subject: x.url ? `function URL ${x.url.ref.address}` : `function ${key}`,
          ...(functionName ? { functionName } : {}),
        }),
      );
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
        // `new Policy(this, "P", { statements: [stmt] })`, ManagedPolicy, PolicyDocument.
        const owner = c.calls.find(
          (o) =>
            o.isNew &&
            /Policy|PolicyDocument/.test(o.name) &&
            named(o.props.get("statements")?.value ?? o.node).some((x) => x.text === name),
        );
        const id = owner ? constructId(owner) : undefined;
        if (id) return id;
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
    // Builder style: `const s = new PolicyStatement(); s.addActions(...); s.addResources(...)`.
    const decl = call.node.parent;
    const varName = decl
      ?.childForFieldName(decl.type === "variable_declarator" ? "name" : "left")
      ?.text.replace(/^(this|self)\./, "");
    const builder = (re: RegExp) =>
      varName
        ? c.calls.filter(
            (x) => !x.isNew && re.test(x.name) && x.receiver?.text.replace(/^(this|self)\./, "") === varName,
          )
        : [];
    const addActions = builder(/^(addActions|add_actions)$/);
    if (addActions.length > 0)
      stmt.actions = [
        ...(stmt.actions ?? []),
        ...addActions.flatMap((x) => x.args.map((a) => stringValue(a) ?? "${unknown}")),
      ];
    const addResources = builder(/^(addResources|add_resources)$/);
    if (!res && addResources.length > 0)
      stmt.resources = addResources.flatMap((x) => x.args.map((a) => stringValue(a) ?? "${unknown}"));
    if (builder(/^(addAllResources|add_all_resources)$/).length > 0) stmt.resources = ["*"];
    const lastAdd = addActions[addActions.length - 1];
    const cs: CdkStmt = {
      stmt,
      call,
      line: (actionsProp?.pair ?? addActions[0]?.node ?? call.node).startPosition.row + 1,
    };
    const arr = actionsProp ? resolve(actionsProp.value).node : null;
    const lastArg = lastAdd?.args[lastAdd.args.length - 1];
    if (!actionsProp && lastArg) {
      const q = lastArg.text.startsWith("'") ? "'" : '"';
      cs.edit = {
        path: file.path,
        start: lastArg.endIndex,
        end: lastArg.endIndex,
        newText: `, ${q}${LIST_TAGS}${q}`,
      };
      g.stmts.push(cs);
      continue;
    }
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
