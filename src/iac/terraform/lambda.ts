import type { Severity } from "../../model/severity.js";
import { lg001Commands, makeFinding, removePermissionNote } from "../finding.js";
import type { Node } from "../treesitter.js";
import type { DetectorResult, IacFinding, IacFunction, TextEdit } from "../types.js";
import {
  evaluate,
  isUnknown,
  memberOf,
  type Instance,
  type ModuleInst,
  type Scope,
  type Val,
} from "./eval.js";
import {
  type Attr,
  type Block,
  collectionOf,
  exprParts,
  type Expr,
  JsonExpr,
  objectEntries,
  traversal,
  tupleElements,
} from "./hcl.js";
import {
  addModuleArgument,
  deleteResource,
  deleteResources,
  insertAttributeAfter,
  replaceNode,
} from "./edits.js";
import {
  analyzePolicy,
  exposureLevel,
  removeStatements,
  resolveResourcePolicy,
  statementName,
  type PolicyVerdict,
  type ResourcePolicy,
} from "./resource-policy.js";

const TF = "terraform" as const;
const LAMBDA_MODULE =
  /(^|\/)terraform-aws-modules\/lambda\/aws(\/\/|$)|terraform-aws-modules\/terraform-aws-lambda/;

interface FnRef {
  key: string;
  fn?: IacFunction;
  name?: string;
}

interface Permission {
  block: Block;
  address: string;
  fn: FnRef;
  qualifier: string;
  kind: "url" | "url-invoke" | "invoke";
  principalAttr: Attr;
  referencedAt?: string;
}

/** Whether a resource is switched off by `count = 0` or an empty `for_each`. */
export function disabled(b: Block, scope: Scope): boolean {
  const c = b.attrs.get("count");
  if (c) {
    const v = evaluate(c.expr, scope, b.file).v;
    if (v === 0 || v === false) return true;
  }
  const fe = b.attrs.get("for_each");
  if (fe) {
    const v = evaluate(fe.expr, scope, b.file).v;
    if (
      (Array.isArray(v) && v.length === 0) ||
      (v && typeof v === "object" && !isUnknown(v) && Object.keys(v).length === 0)
    )
      return true;
  }
  return false;
}

/**
 * Instances of a resource with `count` or `for_each` whose instances the code fixes (a known count, a
 * literal or resolvable map/set); null when the resource has neither, or they cannot be enumerated (then it
 * is analysed once, `count.index`/`each.*` unknown).
 *
 * Addresses: Terraform names instances `name[0]` (count) and `name["key"]` (for_each). When every instance
 * yields the same finding (same rule, severity, line and patch), one finding is reported with the
 * resource's address without an index and `evidence.instances` listing them — the code has one problem, in
 * one place, and its fingerprint stays what it was before `count` was added. When instances differ (e.g.
 * `authorization_type = each.value`), each affected instance gets its own finding at its indexed address.
 * Fingerprints come from rule, path and address, never from lines.
 */
export function instancesOf(b: Block, scope: Scope): Instance[] | null {
  const c = b.attrs.get("count");
  if (c) {
    const v = evaluate(c.expr, scope, b.file).v;
    if (typeof v !== "number" || !Number.isInteger(v) || v < 1 || v > 64) return null;
    return Array.from({ length: v }, (_, i) => ({ suffix: `[${i}]`, count: i }));
  }
  const fe = b.attrs.get("for_each");
  if (!fe) return null;
  const entries = forEachEntries(fe.expr, scope, b.file, 0);
  if (!entries || entries.length === 0 || entries.length > 64) return null;
  return entries.map((e) => ({
    suffix: `[${JSON.stringify(e.key)}]`,
    each: { key: { v: e.key, via: [] }, value: e.value },
  }));
}

/** `for_each` entries with each value's own Val (so a patch lands on the literal in the map). */
function forEachEntries(
  expr: Expr,
  scope: Scope,
  file: Block["file"],
  depth: number,
): { key: string; value: Val }[] | null {
  if (depth > 8) return null;
  const t = traversal(expr);
  if (t && t.length === 2 && t[0] === "var" && t[1]) {
    const src = scope.mod.vars.get(t[1]);
    return src
      ? forEachEntries(src.expr, { mod: (src.scope ?? scope).mod, depth: 0 }, src.file, depth + 1)
      : null;
  }
  if (t && t.length === 2 && t[0] === "local" && t[1]) {
    const l = scope.mod.locals.get(t[1]);
    return l ? forEachEntries(l.expr, { mod: scope.mod, depth: 0 }, l.file, depth + 1) : null;
  }
  if (expr instanceof JsonExpr) {
    const n = expr.json;
    if (n.type === "object")
      return (n.children ?? []).flatMap((p) => {
        const k = p.children?.[0];
        const v = p.children?.[1];
        return k && v && typeof k.value === "string"
          ? [{ key: k.value, value: evaluate(new JsonExpr(v, expr.file), scope, expr.file) }]
          : [];
      });
    if (n.type === "array")
      return (n.children ?? []).flatMap((c) => {
        const v = evaluate(new JsonExpr(c, expr.file), scope, expr.file);
        return typeof v.v === "string" ? [{ key: v.v, value: v }] : [];
      });
  } else {
    const { head } = exprParts(expr);
    if (head?.type === "function_call" && head.namedChildren[0]?.text === "toset") {
      const args = head.namedChildren.find((x) => x?.type === "function_arguments");
      const a0 = args?.namedChildren.find((x) => x?.type === "expression");
      if (a0) return forEachEntries(a0 as Node, scope, file, depth + 1);
    }
    const coll = collectionOf(expr);
    if (coll?.type === "object")
      return objectEntries(coll).map((e) => ({ key: e.key, value: evaluate(e.value, scope, file) }));
    if (coll?.type === "tuple") {
      const out: { key: string; value: Val }[] = [];
      for (const e of tupleElements(coll)) {
        const v = evaluate(e, scope, file);
        if (typeof v.v !== "string") return null;
        out.push({ key: v.v, value: v });
      }
      return out;
    }
  }
  const r = evaluate(expr, scope, file);
  const v = r.v;
  if (Array.isArray(v) && v.every((x) => typeof x === "string"))
    return v.map((x: string) => ({ key: x, value: { v: x, via: [] } }));
  if (v && typeof v === "object" && !isUnknown(v) && !Array.isArray(v))
    return Object.keys(v).map((key) => ({ key, value: memberOf(r, key) ?? { v: undefined, via: [] } }));
  return null;
}

function str(v: Val | undefined): string | undefined {
  return v && typeof v.v === "string" ? v.v : undefined;
}

function attrVal(b: Block, name: string, scope: Scope): Val | undefined {
  const a = b.attrs.get(name);
  return a ? evaluate(a.expr, scope, b.file) : undefined;
}

/** Edit that makes a value "AWS_IAM" where it is defined, and a note saying where that is. */
function authEdit(v: Val, files: ModuleInst["files"]): { edit: TextEdit; note?: string } | null {
  // The module's default decides it: set the input on this call, never the default every caller shares.
  const d = v.site?.defaulted;
  if (d) {
    const edit = addModuleArgument(d.block, d.input, '"AWS_IAM"');
    const note = `authorization_type comes from ${v.via.join(" → ")}; set ${d.input} = "AWS_IAM" on module "${d.block.labels[0] ?? ""}" (${d.block.file.path}:${d.block.startLine}), leaving the module's default for its other callers.`;
    return edit ? { edit, note } : null;
  }
  if (!v.origin || v.origin.kind !== "string") return null;
  const file = files.get(v.origin.path);
  if (!file) return null;
  // `cond ? "NONE" : "AWS_IAM"` becomes "AWS_IAM" rather than `cond ? "AWS_IAM" : "AWS_IAM"`.
  const c = v.origin.conditional;
  const edit =
    c && c.other === "AWS_IAM"
      ? replaceNode(file, { startIndex: c.start, endIndex: c.end }, '"AWS_IAM"')
      : replaceNode(file, { startIndex: v.origin.start, endIndex: v.origin.end }, '"AWS_IAM"');
  const note =
    v.via.length > 0
      ? `authorization_type comes from ${v.via.join(" → ")}; patched where it is defined (${v.origin.path}:${v.origin.line}).`
      : undefined;
  return note ? { edit, note } : { edit };
}

export function analyzeLambda(mod: ModuleInst, out: DetectorResult): void {
  const scope: Scope = { mod, depth: 0 };
  const resources = mod.blocks.filter((b) => b.type === "resource" && b.labels.length >= 2);
  const fnByLocal = new Map<string, IacFunction>();
  const fnByName = new Map<string, IacFunction>();

  for (const b of resources) {
    if (b.labels[0] !== "aws_lambda_function") continue;
    const name = str(attrVal(b, "function_name", scope));
    const fn: IacFunction = {
      flavour: TF,
      path: b.file.path,
      address: `${mod.prefix}aws_lambda_function.${b.labels[1]}`,
      ...(name ? { functionName: name } : {}),
    };
    out.functions.push(fn);
    fnByLocal.set(`aws_lambda_function.${b.labels[1]}`, fn);
    if (name) fnByName.set(name, fn);
  }

  const fnRef = (b: Block, attr = "function_name", sc: Scope = scope): FnRef => {
    const a = b.attrs.get(attr);
    if (!a) return { key: "?" };
    const t = traversal(a.expr);
    if (t && t[0] === "aws_lambda_function" && t[1]) {
      const k = `aws_lambda_function.${t[1]}`;
      const fn = fnByLocal.get(k);
      return { key: k, ...(fn ? { fn } : {}), ...(fn?.functionName ? { name: fn.functionName } : {}) };
    }
    const v = evaluate(a.expr, sc, b.file).v;
    if (typeof v === "string") {
      const name = /:function:([^:]+)/.exec(v)?.[1] ?? v;
      const fn = fnByName.get(name);
      return fn
        ? { key: `aws_lambda_function.${fn.address.split(".").pop()}`, fn, name }
        : { key: `name:${name}`, name };
    }
    return { key: `expr:${a.expr.text}` };
  };

  // References to a resource elsewhere in the module (depends_on, outputs): deleting it would break them.
  const referenced = (type: string, name: string, except: Block): string | undefined => {
    const needle = new RegExp(`\\b${type}\\.${name}\\b`);
    for (const b of mod.blocks) {
      if (b === except) continue;
      const text = b.node.text;
      if (needle.test(text)) return `${b.file.path}:${b.startLine}`;
    }
    return undefined;
  };

  // Public permissions.
  const perms: Permission[] = [];
  for (const b of resources) {
    if (b.labels[0] !== "aws_lambda_permission" || disabled(b, scope)) continue;
    const principalAttr = b.attrs.get("principal");
    if (!principalAttr) continue;
    const principal = str(evaluate(principalAttr.expr, scope, b.file));
    if (principal !== "*") continue;
    if (
      ["source_arn", "source_account", "principal_org_id"].some((k) => {
        const v = attrVal(b, k, scope);
        return v !== undefined && v.v !== null;
      })
    )
      continue;
    const action = (str(attrVal(b, "action", scope)) ?? "").toLowerCase();
    const authType = str(attrVal(b, "function_url_auth_type", scope));
    const viaUrl = attrVal(b, "invoked_via_function_url", scope)?.v === true;
    let kind: Permission["kind"] | null = null;
    if (action === "lambda:invokefunctionurl") kind = authType === "NONE" ? "url" : null;
    else if (action === "lambda:invokefunction" || action === "lambda:*" || action === "*")
      kind = viaUrl ? "url-invoke" : "invoke";
    if (!kind) continue;
    const address = `${mod.prefix}aws_lambda_permission.${b.labels[1]}`;
    const ref = referenced("aws_lambda_permission", b.labels[1]!, b);
    perms.push({
      block: b,
      address,
      fn: fnRef(b),
      qualifier: str(attrVal(b, "qualifier", scope)) ?? "",
      kind,
      principalAttr,
      ...(ref ? { referencedAt: ref } : {}),
    });
  }

  // Resource policies: the function's whole policy, evaluated by src/policy statement by statement.
  interface Rp {
    block: Block;
    address: string;
    fn: FnRef;
    qualifier: string;
    policy: ResourcePolicy;
    verdict: PolicyVerdict;
    /** Every statement a finding on this policy removes: the same edits for all of them. */
    publicIdx: number[];
    referencedAt?: string;
  }
  const rps: Rp[] = [];
  const now = new Date();
  for (const b of resources) {
    if (b.labels[0] !== "aws_lambda_resource_policy" || disabled(b, scope)) continue;
    const pa = b.attrs.get("policy");
    const fnAttr = b.attrs.has("function_name") ? "function_name" : "resource_arn";
    if (!pa) continue;
    const address = `${mod.prefix}aws_lambda_resource_policy.${b.labels[1]}`;
    const policy = resolveResourcePolicy(pa.expr, scope, b.file, mod);
    if (!policy) {
      out.coverage.push({
        scope: `${b.file.path}:${b.startLine}`,
        status: "partial",
        detail: `${address}: the policy (${pa.expr.text.slice(0, 80)}) could not be resolved statically; not analysed`,
      });
      continue;
    }
    const fn = fnRef(b, fnAttr);
    const target = str(attrVal(b, fnAttr, scope));
    const qualifier =
      str(attrVal(b, "qualifier", scope)) ??
      (target ? /:function:[^:]+:([^:]+)$/.exec(target)?.[1] : undefined) ??
      "";
    const verdict = analyzePolicy(policy, fn.name, qualifier, now);
    for (const skipped of verdict.skipped)
      out.coverage.push({
        scope: `${b.file.path}:${b.startLine}`,
        status: "partial",
        detail: `${address} ${skipped}`,
      });
    const urlPublic =
      exposureLevel(verdict.invokeFunctionUrl) !== "none" ||
      exposureLevel(verdict.invokeFunctionViaUrl) !== "none";
    const publicIdx = [
      ...new Set([
        ...(urlPublic ? verdict.urlStatements : []),
        ...(verdict.direct.exposure === "public" ? verdict.directStatements : []),
      ]),
    ].sort((x, y) => x - y);
    const ref = referenced("aws_lambda_resource_policy", b.labels[1]!, b);
    rps.push({
      block: b,
      address,
      fn,
      qualifier,
      policy,
      verdict,
      publicIdx,
      ...(ref ? { referencedAt: ref } : {}),
    });
  }
  const rpEdits = (rp: Rp): { edits: TextEdit[]; note: string } | { unfixable: string } => {
    const r = removeStatements(rp.policy, rp.publicIdx, rp.block, rp.referencedAt);
    return "edits" in r ? { edits: r.edits, note: `${rp.address}: ${r.note}.` } : r;
  };
  const firstLine = (rp: Rp, idx: number[]) => {
    const st = idx.map((i) => rp.policy.statements[i]!).sort((x, y) => x.line - y.line)[0];
    return st ? { path: st.path, line: st.line } : { path: rp.block.file.path, line: rp.block.startLine };
  };
  const rangeFor = (rp: Rp, path: string) =>
    path === rp.block.file.path ? { startLine: rp.block.startLine, endLine: rp.block.endLine } : undefined;

  const noneUrls = new Set<string>();
  const anyUrls = new Set<string>();

  /** A NONE URL whose function's policy is an aws_lambda_resource_policy in the code: that policy decides. */
  const rpUrlFinding = (
    b: Block,
    address: string,
    ref: FnRef,
    qualifier: string,
    rp: Rp,
    authEditRes: { edit: TextEdit; note?: string } | null,
    authText: string,
  ): IacFinding | null => {
    const v = rp.verdict;
    const urlLevel = exposureLevel(v.url);
    const fuLevel = exposureLevel(v.invokeFunctionUrl);
    const viaLevel = exposureLevel(v.invokeFunctionViaUrl);
    let rule: "LG001" | "LG003";
    let severity: Severity;
    if (urlLevel !== "none") {
      rule = "LG001";
      severity = urlLevel === "public" ? "critical" : "medium";
    } else if (fuLevel !== "none") {
      rule = "LG003";
      severity = "high";
    } else if (viaLevel !== "none" && v.direct.exposure !== "public") {
      rule = "LG003";
      severity = "low";
    } else return null;
    const names = v.urlStatements.map((i) => statementName(rp.policy, i));
    const at = firstLine(rp, v.urlStatements);
    const restrictions = [
      ...new Set([...v.invokeFunctionUrl.restrictions, ...v.invokeFunctionViaUrl.restrictions]),
    ];
    const edits: TextEdit[] = [];
    const notes: string[] = [];
    let unfixable: string | undefined;
    if (!authEditRes)
      unfixable = `authorization_type is computed (${authText}); set it to "AWS_IAM" where its value is decided`;
    else {
      edits.push(authEditRes.edit);
      if (authEditRes.note) notes.push(authEditRes.note);
    }
    const r = rpEdits(rp);
    if ("unfixable" in r) unfixable ??= r.unfixable;
    else {
      edits.push(...r.edits);
      notes.push(r.note);
    }
    const what =
      rule === "LG001"
        ? severity === "medium"
          ? `lets anonymous callers from ${restrictions.join(", ")} invoke it through the URL: only that source-IP allow-list stands between the URL and everyone`
          : "lets anyone on the Internet invoke it through the URL (lambda:InvokeFunctionUrl and lambda:InvokeFunction)"
        : severity === "high"
          ? "grants lambda:InvokeFunctionUrl publicly but not lambda:InvokeFunction via the URL: public wherever AWS's legacy one-permission exception applies, 403 elsewhere"
          : "grants lambda:InvokeFunction via the URL publicly but not lambda:InvokeFunctionUrl: a latent grant one permission away from a public URL";
    const f: IacFinding = {
      finding: makeFinding({
        rule,
        flavour: TF,
        kind: "function-url",
        address,
        path: at.path,
        line: at.line,
        severity,
        ...(ref.name ? { functionName: ref.name } : {}),
        message: `${address} sets authorization_type = "NONE", and ${rp.address} (statements ${names.join(", ")}) ${what}.`,
        evidence: {
          authType: "NONE",
          policy: rp.address,
          statements: names,
          invokeFunctionUrl: v.invokeFunctionUrl.exposure,
          invokeFunctionViaUrl: v.invokeFunctionViaUrl.exposure,
          ...(restrictions.length > 0 ? { restrictions } : {}),
          ...(qualifier ? { qualifier } : {}),
        },
        remediation: {
          summary: `Set authorization_type = "AWS_IAM" and remove the public statements (${names.join(", ")}) from ${rp.address}.`,
          commands: [
            `aws lambda update-function-url-config --function-name ${ref.name ?? "<function name>"}${qualifier ? ` --qualifier ${qualifier}` : ""} --auth-type AWS_IAM`,
          ],
          notes,
        },
      }),
      ...(rangeFor(rp, at.path) ? { resourceRange: rangeFor(rp, at.path)! } : {}),
      ...(ref.fn ? { function: ref.fn } : {}),
    };
    void b;
    if (unfixable) f.unfixable = unfixable;
    else f.fix = { edits, notes };
    return f;
  };

  // Function URLs, one instance at a time when the resource has count/for_each.
  const urlFinding = (b: Block, sc: Scope, address: string): IacFinding | null => {
    const authAttr = b.attrs.get("authorization_type");
    const ref = fnRef(b, "function_name", sc);
    const qualifier = str(attrVal(b, "qualifier", sc)) ?? "";
    anyUrls.add(`${ref.key}\u0000${qualifier}`);
    if (!authAttr) return null;
    const auth = evaluate(authAttr.expr, sc, b.file);
    if (auth.v !== "NONE") return null;
    noneUrls.add(`${ref.key}\u0000${qualifier}`);
    const rp = rps.find((r) => r.fn.key === ref.key && r.qualifier === qualifier);
    if (rp)
      return rpUrlFinding(b, address, ref, qualifier, rp, authEdit(auth, mod.files), authAttr.expr.text);
    const related = perms.filter(
      (p) => p.fn.key === ref.key && p.qualifier === qualifier && p.kind !== "invoke",
    );
    const edits: TextEdit[] = [];
    const notes: string[] = [];
    let unfixable: string | undefined;
    const e = authEdit(auth, mod.files);
    if (!e)
      unfixable = `authorization_type is computed (${authAttr.expr.text}); set it to "AWS_IAM" where its value is decided`;
    else {
      edits.push(e.edit);
      if (e.note) notes.push(e.note);
    }
    const blocked = related.find((p) => p.referencedAt);
    if (blocked)
      unfixable = `${blocked.address} grants public URL access and is referenced at ${blocked.referencedAt}; remove that reference and the permission by hand`;
    else if (related.length > 0) {
      const d = deleteResources(related.map((p) => p.block));
      if (!d) unfixable = `${related.map((p) => p.address).join(", ")} cannot be removed automatically`;
      else {
        edits.push(...d);
        for (const p of related)
          notes.push(`Removed ${p.address}: it granted the public URL permission in code.`);
      }
    }
    notes.push(removePermissionNote(ref.name));
    const via = auth.via.length > 0 ? ` (from ${auth.via.join(" → ")})` : "";
    const finding: IacFinding = {
      finding: makeFinding({
        rule: "LG001",
        flavour: TF,
        kind: "function-url",
        address,
        // A module call that decides the value is where this instance's finding belongs.
        path: auth.site?.path ?? b.file.path,
        line: auth.site?.line ?? authAttr.line,
        ...(ref.name ? { functionName: ref.name } : {}),
        message: `${address} sets authorization_type = "NONE"${via}. The AWS provider then adds the FunctionURLAllowPublicAccess statement (and FunctionURLAllowInvokeAction in newer provider versions) without any resource in the code, so anyone on the Internet who learns the URL can invoke ${ref.name ?? "the function"}.`,
        evidence: {
          authType: "NONE",
          statements: ["FunctionURLAllowPublicAccess", "FunctionURLAllowInvokeAction"],
          ...(auth.origin && auth.via.length > 0
            ? { definedAt: `${auth.origin.path}:${auth.origin.line}` }
            : {}),
          ...(related.length > 0 ? { permissions: related.map((p) => p.address) } : {}),
          ...(qualifier ? { qualifier } : {}),
        },
        remediation: {
          summary:
            'Set authorization_type = "AWS_IAM" and remove the public URL permissions; callers then sign requests with SigV4.',
          commands: lg001Commands(ref.name, qualifier || undefined),
          notes,
        },
      }),
      resourceRange: auth.site
        ? { startLine: auth.site.startLine, endLine: auth.site.endLine }
        : { startLine: b.startLine, endLine: b.endLine },
      ...(ref.fn ? { function: ref.fn } : {}),
    };
    if (unfixable) finding.unfixable = unfixable;
    else finding.fix = { edits, notes };
    return finding;
  };

  for (const b of resources) {
    if (b.labels[0] !== "aws_lambda_function_url" || disabled(b, scope)) continue;
    const base = `${mod.prefix}aws_lambda_function_url.${b.labels[1]}`;
    out.findings.push(...perInstance(b, scope, base, (sc, address) => urlFinding(b, sc, address)));
  }

  // Permissions not explained by a NONE URL in the code: LG002 (direct invoke) or LG003 (latent URL grant).
  for (const p of perms) {
    const urlKey = `${p.fn.key}\u0000${p.qualifier}`;
    if (p.kind !== "invoke" && noneUrls.has(urlKey)) continue;
    const b = p.block;
    if (p.kind === "invoke") {
      out.findings.push({
        finding: makeFinding({
          rule: "LG002",
          flavour: TF,
          kind: "function",
          address: p.address,
          path: b.file.path,
          line: p.principalAttr.line,
          ...(p.fn.name ? { functionName: p.fn.name } : {}),
          message: `${p.address} lets principal "*" call lambda:InvokeFunction on ${p.fn.name ?? "the function"} with no source_arn, source_account or principal_org_id: any AWS account can invoke it directly.`,
          evidence: { principal: "*", action: "lambda:InvokeFunction" },
          remediation: {
            summary:
              "Scope the permission to the service or account that invokes the function (principal plus source_arn/source_account), or remove it.",
          },
        }),
        unfixable:
          "which principal should invoke the function is a decision for its owner: scope principal/source_arn by hand",
        resourceRange: { startLine: b.startLine, endLine: b.endLine },
        ...(p.fn.fn ? { function: p.fn.fn } : {}),
      });
      continue;
    }
    // InvokeFunctionUrl granted publicly while the code declares no URL for it (one may exist outside the code).
    const high = p.kind === "url" && !anyUrls.has(urlKey);
    const f: IacFinding = {
      finding: makeFinding({
        rule: "LG003",
        flavour: TF,
        kind: "function-url",
        address: p.address,
        path: b.file.path,
        line: p.principalAttr.line,
        severity: high ? "high" : "low",
        ...(p.fn.name ? { functionName: p.fn.name } : {}),
        message: `${p.address} publicly grants ${p.kind === "url" ? "lambda:InvokeFunctionUrl" : "lambda:InvokeFunction via the function URL"} on ${p.fn.name ?? "a function"} whose URL the code does not declare with authorization_type NONE: a latent public grant that takes effect as soon as the URL's auth type is NONE.`,
        evidence: { principal: "*", kind: p.kind },
        remediation: {
          summary:
            "Remove the public URL permission, or record the intent under allow in .github/lambda-guard.yml.",
        },
      }),
      resourceRange: { startLine: b.startLine, endLine: b.endLine },
      ...(p.fn.fn ? { function: p.fn.fn } : {}),
    };
    if (p.referencedAt)
      f.unfixable = `${p.address} is referenced at ${p.referencedAt}; remove the reference and the permission by hand`;
    else {
      const d = deleteResource(b);
      if (d) f.fix = { edits: [d], notes: [`Removed ${p.address}.`] };
      else f.unfixable = `${p.address} cannot be removed automatically`;
    }
    out.findings.push(f);
  }

  // Resource policies: public direct invoke (LG002) and URL grants no NONE URL in the code explains (LG003).
  for (const rp of rps) {
    const v = rp.verdict;
    const key = `${rp.fn.key}\u0000${rp.qualifier}`;
    const fix = (f: IacFinding) => {
      const r = rpEdits(rp);
      if ("unfixable" in r) f.unfixable = r.unfixable;
      else f.fix = { edits: r.edits, notes: [r.note] };
      return f;
    };
    if (v.direct.exposure === "public") {
      const names = v.directStatements.map((i) => statementName(rp.policy, i));
      const at = firstLine(rp, v.directStatements);
      const range = rangeFor(rp, at.path);
      out.findings.push(
        fix({
          finding: makeFinding({
            rule: "LG002",
            flavour: TF,
            kind: "function",
            address: rp.address,
            path: at.path,
            line: at.line,
            ...(rp.fn.name ? { functionName: rp.fn.name } : {}),
            message: `${rp.address} lets ${v.direct.scope === "any-account" ? "any AWS account" : "anyone"} call lambda:InvokeFunction on ${rp.fn.name ?? "the function"} directly (statements ${names.join(", ")}).`,
            evidence: { policy: rp.address, statements: names, scope: v.direct.scope },
            remediation: {
              summary: `Remove the public statements (${names.join(", ")}) or scope them to the account or service that invokes the function (aws:SourceArn / aws:SourceAccount).`,
            },
          }),
          ...(range ? { resourceRange: range } : {}),
          ...(rp.fn.fn ? { function: rp.fn.fn } : {}),
        }),
      );
    }
    if (noneUrls.has(key)) continue;
    const fu = exposureLevel(v.invokeFunctionUrl) !== "none";
    const via = exposureLevel(v.invokeFunctionViaUrl) !== "none" && v.direct.exposure !== "public";
    if (!fu && !via) continue;
    const idx = v.urlStatements;
    const names = idx.map((i) => statementName(rp.policy, i));
    const at = firstLine(rp, idx);
    const range = rangeFor(rp, at.path);
    out.findings.push(
      fix({
        finding: makeFinding({
          rule: "LG003",
          flavour: TF,
          kind: "function-url",
          address: rp.address,
          path: at.path,
          line: at.line,
          severity: fu && !anyUrls.has(key) ? "high" : "low",
          ...(rp.fn.name ? { functionName: rp.fn.name } : {}),
          message: `${rp.address} publicly grants ${[fu ? "lambda:InvokeFunctionUrl" : "", via ? "lambda:InvokeFunction via the function URL" : ""].filter(Boolean).join(" and ")} (statements ${names.join(", ")}) on ${rp.fn.name ?? "a function"} whose URL the code does not declare with authorization_type NONE: a latent public grant that takes effect as soon as the URL's auth type is NONE.`,
          evidence: {
            policy: rp.address,
            statements: names,
            invokeFunctionUrl: v.invokeFunctionUrl.exposure,
            invokeFunctionViaUrl: v.invokeFunctionViaUrl.exposure,
          },
          remediation: {
            summary: `Remove the public statements (${names.join(", ")}), or record the intent under allow in .github/lambda-guard.yml.`,
          },
        }),
        ...(range ? { resourceRange: range } : {}),
        ...(rp.fn.fn ? { function: rp.fn.fn } : {}),
      }),
    );
  }

  // terraform-aws-modules/lambda: create_lambda_function_url = true defaults authorization_type to "NONE".
  for (const b of mod.blocks) {
    if (b.type !== "module" || !b.labels[0]) continue;
    const source = str(attrVal(b, "source", scope));
    if (!source || !LAMBDA_MODULE.test(source)) continue;
    const name = str(attrVal(b, "function_name", scope));
    const fn: IacFunction = {
      flavour: TF,
      path: b.file.path,
      address: `${mod.prefix}module.${b.labels[0]}.aws_lambda_function.this`,
      ...(name ? { functionName: name } : {}),
    };
    out.functions.push(fn);
    if (
      disabled(b, scope) ||
      attrVal(b, "create", scope)?.v === false ||
      attrVal(b, "create_function", scope)?.v === false
    )
      continue;
    const createAttr = b.attrs.get("create_lambda_function_url");
    if (!createAttr || evaluate(createAttr.expr, scope, b.file).v !== true) continue;
    const authAttr = b.attrs.get("authorization_type");
    const auth = authAttr ? evaluate(authAttr.expr, scope, b.file) : ({ v: "NONE", via: [] } as Val);
    if (auth.v !== "NONE") continue;
    const address = `${mod.prefix}module.${b.labels[0]}.aws_lambda_function_url.this`;
    const notes: string[] = [];
    let edit: TextEdit | null = null;
    if (!authAttr && !b.json) {
      edit = insertAttributeAfter(b.file, createAttr.node as Node, "authorization_type", '"AWS_IAM"');
      notes.push('The module defaults authorization_type to "NONE"; added authorization_type = "AWS_IAM".');
    } else if (authAttr) {
      const e = authEdit(auth, mod.files);
      if (e) {
        edit = e.edit;
        if (e.note) notes.push(e.note);
      }
    }
    notes.push(removePermissionNote(name));
    const line = authAttr?.line ?? createAttr.line;
    const f: IacFinding = {
      finding: makeFinding({
        rule: "LG001",
        flavour: TF,
        kind: "function-url",
        address,
        path: b.file.path,
        line,
        ...(name ? { functionName: name } : {}),
        message: authAttr
          ? `module "${b.labels[0]}" (terraform-aws-modules/lambda) creates a function URL with authorization_type = "NONE": anyone on the Internet can invoke ${name ?? "the function"}.`
          : `module "${b.labels[0]}" (terraform-aws-modules/lambda) sets create_lambda_function_url = true without authorization_type, which defaults to "NONE": anyone on the Internet can invoke ${name ?? "the function"}.`,
        evidence: { authType: "NONE", defaulted: !authAttr, module: source },
        remediation: {
          summary: 'Set authorization_type = "AWS_IAM" on the module.',
          commands: lg001Commands(name),
          notes,
        },
      }),
      resourceRange: { startLine: b.startLine, endLine: b.endLine },
      function: fn,
    };
    if (edit) f.fix = { edits: [edit], notes };
    else
      f.unfixable = `authorization_type is computed (${authAttr?.expr.text ?? ""}); set it to "AWS_IAM" where its value is decided`;
    out.findings.push(f);
  }
}

/**
 * Runs `make` once per instance (see instancesOf) and reports one finding for identical instances (address
 * without an index, `evidence.instances`), or one per affected instance at its indexed address.
 */
function perInstance(
  b: Block,
  scope: Scope,
  base: string,
  make: (sc: Scope, address: string) => IacFinding | null,
): IacFinding[] {
  const insts = instancesOf(b, scope);
  if (!insts) {
    const f = make(scope, base);
    return f ? [f] : [];
  }
  const per = insts.map((i) => ({ i, f: make({ ...scope, instance: i }, `${base}${i.suffix}`) }));
  const sig = (f: IacFinding | null) =>
    f
      ? JSON.stringify([
          f.finding.rule,
          f.finding.severity,
          f.finding.location,
          f.finding.resource.functionName ?? null,
          f.finding.evidence,
          f.fix?.edits ?? null,
          f.unfixable ?? null,
        ])
      : "";
  const first = sig(per[0]!.f);
  const suffixes = insts.map((i) => i.suffix);
  if (first !== "" && per.every((p) => sig(p.f) === first)) {
    const f = make({ ...scope, instance: insts[0]! }, base)!;
    f.finding.evidence = { ...f.finding.evidence, instances: suffixes };
    return [f];
  }
  return per.flatMap((p) => {
    if (!p.f) return [];
    p.f.finding.evidence = { ...p.f.finding.evidence, instances: [p.i.suffix] };
    return [p.f];
  });
}
