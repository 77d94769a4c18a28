import {
  decideExposure,
  publicUrlStatements,
  type AuthFact,
  type StatementFact,
  type UrlFact,
} from "../../exposure/index.js";
import { exposureFinding, removePermissionNote, type ExposureRef, type Patch } from "../finding.js";
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
  type Block,
  collectionOf,
  exprParts,
  type Expr,
  JsonExpr,
  objectEntries,
  traversal,
  tupleElements,
} from "./hcl.js";
import { addModuleArgument, deleteResources, insertAttributeAfter, replaceNode } from "./edits.js";
import { plain, removeStatements, resolveResourcePolicy, statementName } from "./resource-policy.js";

const TF = "terraform" as const;
const LAMBDA_MODULE =
  /(^|\/)terraform-aws-modules\/lambda\/aws(\/\/|$)|terraform-aws-modules\/terraform-aws-lambda/;

interface FnRef {
  key: string;
  fn?: IacFunction;
  name?: string;
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

export function analyzeLambda(mod: ModuleInst, out: DetectorResult, now: Date): void {
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

  type Facts = {
    fn?: IacFunction;
    name?: string;
    statements: StatementFact<ExposureRef>[];
    urls: UrlFact<ExposureRef>[];
  };
  const byFn = new Map<string, Facts>();
  const factsOf = (ref: FnRef): Facts => {
    const e = byFn.get(ref.key) ?? {
      ...(ref.fn ? { fn: ref.fn } : {}),
      ...(ref.name ? { name: ref.name } : {}),
      statements: [],
      urls: [],
    };
    byFn.set(ref.key, e);
    return e;
  };
  const range = (b: Block) => ({ startLine: b.startLine, endLine: b.endLine });
  const whole = new Set<string>();

  const permissionBlocks = new Map<string, { b: Block; referencedAt?: string }>();
  const removePermissions = (labels: string[]): Patch => {
    const list = labels.map((l) => ({ address: l, ...permissionBlocks.get(l)! }));
    const blocked = list.find((p) => p.referencedAt);
    if (blocked)
      return {
        unfixable: `${blocked.address} is referenced at ${blocked.referencedAt}; remove the reference and the permission by hand`,
      };
    const d = deleteResources(list.map((p) => p.b));
    return d
      ? {
          edits: d,
          notes: list.map((p) => `Removed ${p.address}: it granted the public permission in code.`),
        }
      : { unfixable: `${labels.join(", ")} cannot be removed automatically` };
  };

  // aws_lambda_permission: the statement Lambda writes for it.
  for (const b of resources) {
    if (b.labels[0] !== "aws_lambda_permission" || disabled(b, scope)) continue;
    const principalAttr = b.attrs.get("principal");
    if (!principalAttr) continue;
    const ref = fnRef(b);
    const address = `${mod.prefix}aws_lambda_permission.${b.labels[1]}`;
    const referencedAt = referenced("aws_lambda_permission", b.labels[1]!, b);
    permissionBlocks.set(address, { b, ...(referencedAt ? { referencedAt } : {}) });
    const value = (name: string) => {
      const v = attrVal(b, name, scope);
      return v === undefined || v.v === null || v.v === undefined
        ? undefined
        : typeof v.v === "string"
          ? v.v
          : isUnknown(v.v)
            ? `\${${v.v.text}}`
            : String(v.v);
    };
    const condition: Record<string, Record<string, string>> = {};
    const cond = (op: string, key: string, attr: string) => {
      const v = value(attr);
      if (v !== undefined) condition[op] = { ...condition[op], [key]: v };
    };
    cond("ArnLike", "aws:SourceArn", "source_arn");
    cond("StringEquals", "aws:SourceAccount", "source_account");
    cond("StringEquals", "aws:PrincipalOrgID", "principal_org_id");
    cond("StringEquals", "lambda:EventSourceToken", "event_source_token");
    cond("StringEquals", "lambda:FunctionUrlAuthType", "function_url_auth_type");
    if (attrVal(b, "invoked_via_function_url", scope)?.v === true)
      condition.Bool = { "lambda:InvokedViaFunctionUrl": "true" };
    const principal = value("principal") ?? "";
    factsOf(ref).statements.push({
      qualifier: str(attrVal(b, "qualifier", scope)) ?? null,
      label: address,
      statement: {
        Effect: "Allow",
        Principal:
          principal === "*"
            ? "*"
            : /\.amazonaws\.com$/.test(principal)
              ? { Service: principal }
              : { AWS: principal },
        Action: value("action") ?? "",
        Resource: "*",
        ...(Object.keys(condition).length > 0 ? { Condition: condition } : {}),
      },
      provenance: { kind: "code" },
      ref: {
        path: b.file.path,
        line: principalAttr.line,
        address,
        resourceRange: range(b),
        ...(ref.fn ? { function: ref.fn } : {}),
        // Permissions are removed together: adjacent blocks (and JSON object members) go in one edit.
        group: { key: "aws_lambda_permission", remove: removePermissions },
        scope: () => ({
          unfixable:
            "which principal should invoke the function is a decision for its owner: scope principal/source_arn by hand",
        }),
      },
    });
  }

  // aws_lambda_resource_policy: the function's whole policy, statement by statement.
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
    const ref = fnRef(b, fnAttr);
    const target = str(attrVal(b, fnAttr, scope));
    const qualifier =
      str(attrVal(b, "qualifier", scope)) ??
      (target ? /:function:[^:]+:([^:]+)$/.exec(target)?.[1] : undefined) ??
      null;
    const referencedAt = referenced("aws_lambda_resource_policy", b.labels[1]!, b);
    const index = new Map(policy.statements.map((s, i) => [statementName(policy, i), i]));
    // The resource policy is the whole policy: it replaces what the provider adds for a NONE URL.
    whole.add(`${ref.key}\u0000${qualifier ?? ""}`);
    const remove = (labels: string[]): Patch => {
      const r = removeStatements(
        policy,
        labels.map((l) => index.get(l)!),
        b,
        referencedAt,
      );
      return "edits" in r ? { edits: r.edits, notes: [`${address}: ${r.note}.`] } : r;
    };
    policy.statements.forEach((s, i) => {
      const raw = plain(s.raw);
      if (!raw || typeof raw !== "object" || Array.isArray(raw)) return;
      factsOf(ref).statements.push({
        qualifier,
        label: statementName(policy, i),
        statement: raw as Record<string, unknown>,
        provenance: { kind: "code" },
        ref: {
          path: s.path,
          line: s.line,
          address,
          ...(s.path === b.file.path ? { resourceRange: range(b) } : {}),
          ...(ref.fn ? { function: ref.fn } : {}),
          group: { key: address, remove },
          // Narrowing a written statement is its owner's call; removing it is the safe default.
          scope: () => remove([statementName(policy, i)]),
          evidence: { policy: address },
        },
      });
    });
  }

  /** A URL (resource instance or module call) as an exposure fact, with the provider's statements for NONE. */
  const urlFact = (
    ref: FnRef,
    qualifier: string | null,
    auth: Val | undefined,
    at: { b: Block; line: number; address: string },
    setIam: () => Patch,
  ): { url: UrlFact<ExposureRef>; generated: StatementFact<ExposureRef>[] } => {
    const kind: AuthFact =
      auth?.v === "NONE" || auth?.v === "AWS_IAM"
        ? { kind: auth.v }
        : {
            kind: "unknown",
            detail: `authorization_type = ${at.b.attrs.get("authorization_type")?.expr.text.slice(0, 60) ?? "?"}`,
          };
    // A module call that decides the value is where this instance's finding belongs.
    const site = auth?.site;
    const urlRef: ExposureRef = {
      path: site?.path ?? at.b.file.path,
      line: site?.line ?? at.line,
      address: at.address,
      resourceRange: site ? { startLine: site.startLine, endLine: site.endLine } : range(at.b),
      ...(ref.fn ? { function: ref.fn } : {}),
      ...(auth?.origin && auth.via.length > 0
        ? { evidence: { definedAt: `${auth.origin.path}:${auth.origin.line}` } }
        : {}),
      setIam,
    };
    const url = { qualifier, auth: kind, ref: urlRef };
    const generated =
      kind.kind === "AWS_IAM" || whole.has(`${ref.key}\u0000${qualifier ?? ""}`)
        ? []
        : publicUrlStatements("terraform-provider").map((s) => ({
            qualifier,
            label: s.label,
            statement: s.statement,
            provenance: { kind: "toolchain" as const, by: "terraform-provider" as const },
            ref: urlRef,
          }));
    return { url, generated };
  };
  const urlFindings = (
    ref: FnRef,
    url: UrlFact<ExposureRef>,
    generated: StatementFact<ExposureRef>[],
  ): IacFinding | null => {
    const f = factsOf(ref);
    f.urls.push(url);
    const { exposures } = decideExposure(
      {
        target: { ...(ref.name ? { functionName: ref.name } : {}) },
        urls: [url],
        statements: [...f.statements, ...generated],
      },
      now,
    );
    const x = exposures.find((e) => e.url === url);
    return x
      ? exposureFinding(x, {
          flavour: TF,
          subject: url.ref.address,
          ...(ref.name ? { functionName: ref.name } : {}),
        })
      : null;
  };
  const setIamAt =
    (auth: Val | undefined, b: Block, ref: FnRef): (() => Patch) =>
    () => {
      const e = auth ? authEdit(auth, mod.files) : null;
      if (!e)
        return {
          unfixable: `authorization_type is computed (${b.attrs.get("authorization_type")?.expr.text ?? ""}); set it to "AWS_IAM" where its value is decided`,
        };
      return { edits: [e.edit], notes: [...(e.note ? [e.note] : []), removePermissionNote(ref.name)] };
    };

  for (const b of resources) {
    if (b.labels[0] !== "aws_lambda_function_url" || disabled(b, scope)) continue;
    const base = `${mod.prefix}aws_lambda_function_url.${b.labels[1]}`;
    out.findings.push(
      ...perInstance(b, scope, base, (sc, address) => {
        const authAttr = b.attrs.get("authorization_type");
        const ref = fnRef(b, "function_name", sc);
        const auth = authAttr ? evaluate(authAttr.expr, sc, b.file) : undefined;
        const { url, generated } = urlFact(
          ref,
          str(attrVal(b, "qualifier", sc)) || null,
          auth,
          { b, line: authAttr?.line ?? b.startLine, address },
          setIamAt(auth, b, ref),
        );
        return urlFindings(ref, url, generated);
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
    const ref: FnRef = { key: fn.address, fn, ...(name ? { name } : {}) };
    const setIam = (): Patch => {
      if (authAttr) return setIamAt(auth, b, ref)();
      if (b.json) return { unfixable: 'add "authorization_type": "AWS_IAM" to the module block by hand' };
      return {
        edits: [insertAttributeAfter(b.file, createAttr.node as Node, "authorization_type", '"AWS_IAM"')],
        notes: [
          'The module defaults authorization_type to "NONE"; added authorization_type = "AWS_IAM".',
          removePermissionNote(name),
        ],
      };
    };
    const { url, generated } = urlFact(
      ref,
      null,
      auth,
      {
        b,
        line: authAttr?.line ?? createAttr.line,
        address: `${mod.prefix}module.${b.labels[0]}.aws_lambda_function_url.this`,
      },
      setIam,
    );
    if (!authAttr) url.ref.evidence = { defaulted: true, module: source };
    const f = urlFindings(ref, url, generated);
    if (f) out.findings.push(f);
  }

  // What no URL instance explains: public direct invoke (LG002) and latent URL grants (LG003).
  for (const f of byFn.values()) {
    const { exposures, skipped } = decideExposure(
      { target: { ...(f.name ? { functionName: f.name } : {}) }, urls: f.urls, statements: f.statements },
      now,
    );
    for (const s of skipped)
      out.coverage.push({
        scope: `${s.fact.ref.path}:${s.fact.ref.line}`,
        status: "partial",
        detail: `${s.fact.ref.address} statement ${s.fact.label}: ${s.error}`,
      });
    for (const x of exposures)
      if (!x.url)
        out.findings.push(
          exposureFinding(x, {
            flavour: TF,
            subject: x.statements[0]!.ref.address,
            ...(f.name ? { functionName: f.name } : {}),
          }),
        );
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
