/**
 * CloudFormation and SAM template analysis over a source tree (YAML or JSON).
 *
 * Function URLs (LG001/LG003): a URL is declared by `AWS::Lambda::Url` or by SAM's `FunctionUrlConfig`
 * (also from `Globals.Function`). Its AuthType is resolved through `!Ref Param` (the parameter's Default),
 * and `!If` (either branch counts: conservative). For a NONE URL the public grants on the same function are
 * collected from `AWS::Lambda::Permission` (`Principal: "*"` without SourceArn/SourceAccount/PrincipalOrgID)
 * and `AWS::Lambda::ResourcePolicy` statements:
 *   - the URL permission: `lambda:InvokeFunctionUrl` with FunctionUrlAuthType NONE (or none given);
 *   - the invoke permission: `lambda:InvokeFunction` (with `InvokedViaFunctionUrl: true`, or unconditioned).
 * SAM generates both for `AuthType: NONE`. Both → LG001 (critical); only the URL permission → LG003 (high);
 * only the invoke permission → LG003 (low).
 * Decision: a NONE URL with no public permission in the template → LG003 (low): CloudFormation adds no
 * permission itself, so the URL answers 403 until someone grants the two permissions out of band; the NONE
 * auth type is the latent half of a public URL and the fix (AWS_IAM) is safe.
 * Public URL permissions on a function with no URL in the template → LG003 (low, latent grant).
 * A public plain `lambda:InvokeFunction` permission → LG002 (high).
 *
 * Fixes: AuthType → AWS_IAM where the NONE is written (the parameter Default, the `!If` branch, the
 * Globals entry); public URL permissions are removed, or, when something else references them, narrowed to
 * the account (`Principal: !Ref AWS::AccountId`, `FunctionUrlAuthType: AWS_IAM`).
 */
import type { Finding } from "../../model/report.js";
import type { Flavour, IacFinding, IacFunction, IacIdentity, TextEdit } from "../types.js";
import { makeFinding } from "./finding.js";
import { lg005Findings, readPolicyDocument, type IdentityGroup, type OwnedStatement } from "./iam.js";
import {
  editRemoveEntry,
  editRemoveItem,
  editReplaceScalar,
  editReplaceWithRef,
  entryLines,
  get,
  intrinsic,
  isTrue,
  lineOf,
  listOf,
  str,
  type SourceDoc,
  type TEntry,
  type TMap,
  type TNode,
  type TScalar,
  type TSeq,
} from "./tree.js";

export interface TemplateInput {
  doc: SourceDoc;
  /** Flavour reported on findings (sam for SAM templates, serverless for serverless.yml `resources`). */
  flavour: Flavour;
  resources: TMap;
  parameters?: TNode;
  globals?: TNode;
  stackName?: string;
  /** Prefix for addresses, e.g. "resources.Resources." is NOT used: logical ids stay logical ids. */
}

export interface TemplateResult {
  findings: IacFinding[];
  functions: IacFunction[];
  identities: IacIdentity[];
}

interface Lit {
  value: string;
  node: TScalar;
  /** How the value was reached: "parameter X (Default)", "!If Cond". */
  via: string[];
}

interface Resource {
  id: string;
  type: string;
  entry: TEntry;
  props: TNode | undefined;
}

interface Target {
  fn?: string;
  name?: string;
  qualifier?: string;
}

interface Perm {
  /** Logical id, or `Id.Statement[i]` for a resource policy statement. */
  label: string;
  res: Resource;
  target: Target;
  actions: string[];
  isPublic: boolean;
  principal?: TNode;
  urlAuthType?: string;
  viaUrl: boolean;
  /** Public only from the `aws:SourceIp` ranges listed (LG001 at medium). */
  sourceIp?: string[];
  /** ResourcePolicy statement: the Statement seq and index. */
  stmt?: { seq: TSeq | undefined; index: number; node: TMap; count: number };
}

interface UrlDecl {
  address: string;
  res: Resource;
  target: Target;
  authNode: TNode | undefined;
  qualifier?: string;
  /** SAM generates both public permissions. */
  implicit: boolean;
  viaGlobals: boolean;
  fnResource?: Resource;
}

const FUNCTION_TYPES = new Set(["AWS::Lambda::Function", "AWS::Serverless::Function"]);

export function analyzeTemplate(t: TemplateInput): TemplateResult {
  const a = new Analyzer(t);
  return a.run();
}

class Analyzer {
  readonly doc: SourceDoc;
  readonly path: string;
  readonly resources = new Map<string, Resource>();
  readonly findings: IacFinding[] = [];
  readonly functions: IacFunction[] = [];
  readonly identities: IacIdentity[] = [];

  constructor(readonly t: TemplateInput) {
    this.doc = t.doc;
    this.path = t.doc.file.path;
    for (const e of t.resources.entries) {
      const type = str(get(e.value, "Type"));
      if (!type) continue;
      this.resources.set(e.key, { id: e.key, type, entry: e, props: get(e.value, "Properties") });
    }
  }

  run(): TemplateResult {
    this.collectFunctions();
    this.urlFindings();
    this.iamFindings();
    return { findings: this.findings, functions: this.functions, identities: this.identities };
  }

  // ------------------------------------------------------------ values

  literals(n: TNode | undefined, via: string[] = [], depth = 0): Lit[] {
    if (!n || depth > 8) return [];
    const fn = intrinsic(n);
    if (!fn) {
      if (n.kind === "scalar" && n.value !== null) return [{ value: String(n.value), node: n, via }];
      return [];
    }
    if (fn.fn === "Ref") {
      const name = str(fn.arg);
      const param = name ? get(this.t.parameters, name) : undefined;
      if (!name || !param) return [];
      return this.literals(get(param, "Default"), [...via, `parameter ${name} (Default)`], depth + 1);
    }
    if (fn.fn === "Fn::If" && fn.arg.kind === "seq") {
      const cond = str(fn.arg.items[0]) ?? "?";
      return [
        ...this.literals(fn.arg.items[1], [...via, `!If ${cond} (true branch)`], depth + 1),
        ...this.literals(fn.arg.items[2], [...via, `!If ${cond} (false branch)`], depth + 1),
      ];
    }
    return [];
  }

  literal(n: TNode | undefined): string | undefined {
    const l = this.literals(n);
    return l.length === 1 ? l[0]!.value : undefined;
  }

  functionNameOf(fnId: string): string | undefined {
    const r = this.resources.get(fnId);
    return r ? this.literal(get(r.props, "FunctionName")) : undefined;
  }

  /** Which function (logical id, or literal name) and qualifier a FunctionName/TargetFunctionArn points at. */
  target(n: TNode | undefined, depth = 0): Target {
    if (!n || depth > 5) return {};
    const fn = intrinsic(n);
    if (fn) {
      let ref: string | undefined;
      if (fn.fn === "Ref") ref = str(fn.arg);
      else if (fn.fn === "Fn::GetAtt") {
        ref = fn.arg.kind === "seq" ? str(fn.arg.items[0]) : str(fn.arg)?.split(".")[0];
      } else if (fn.fn === "Fn::Sub") {
        const s = fn.arg.kind === "seq" ? str(fn.arg.items[0]) : str(fn.arg);
        const m = s ? /\$\{([A-Za-z0-9]+)(?:\.(?:Arn|Alias))?\}/.exec(s) : null;
        ref = m?.[1];
      }
      if (!ref) return {};
      const alias = /^(.+)\.Alias$/.exec(ref);
      if (alias) {
        const base = this.resources.get(alias[1]!);
        const q = str(get(base?.props, "AutoPublishAlias"));
        return { fn: alias[1]!, ...(q ? { qualifier: q } : {}) };
      }
      const r = this.resources.get(ref);
      if (!r) {
        const param = get(this.t.parameters, ref);
        const d = param ? str(get(param, "Default")) : undefined;
        return d ? this.byName(d) : {};
      }
      if (FUNCTION_TYPES.has(r.type)) return { fn: r.id };
      if (r.type === "AWS::Lambda::Alias") {
        const base = this.target(get(r.props, "FunctionName"), depth + 1);
        const q = str(get(r.props, "Name"));
        return { ...base, ...(q ? { qualifier: q } : {}) };
      }
      if (r.type === "AWS::Lambda::Version") return this.target(get(r.props, "FunctionName"), depth + 1);
      return {};
    }
    const s = str(n);
    return s ? this.byName(s) : {};
  }

  byName(s: string): Target {
    const m = /^arn:[^:]+:lambda:[^:]*:[^:]*:function:([^:]+)(?::(.+))?$/.exec(s);
    const name = m ? m[1]! : s;
    const qualifier = m?.[2];
    for (const r of this.resources.values()) {
      if (FUNCTION_TYPES.has(r.type) && this.functionNameOf(r.id) === name) {
        return { fn: r.id, ...(qualifier ? { qualifier } : {}) };
      }
    }
    return { name, ...(qualifier ? { qualifier } : {}) };
  }

  fnKey(t: Target): string | undefined {
    return t.fn ?? (t.name ? `name:${t.name}` : undefined);
  }

  /** Whether anything outside the resource's own lines mentions its logical id (Ref, GetAtt, DependsOn…). */
  referenced(res: Resource): boolean {
    const text = this.doc.file.text;
    const lines = entryLines(this.doc, res.entry);
    const re = new RegExp(`\\b${res.id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`, "g");
    for (const m of text.matchAll(re)) {
      const line = lineOf(this.doc, m.index);
      if (line < lines.startLine || line > lines.endLine) return true;
    }
    return false;
  }

  // ------------------------------------------------------------ functions

  collectFunctions(): void {
    for (const r of this.resources.values()) {
      if (!FUNCTION_TYPES.has(r.type)) continue;
      const functionName = this.literal(get(r.props, "FunctionName"));
      this.functions.push({
        flavour: r.type === "AWS::Serverless::Function" ? "sam" : this.t.flavour,
        path: this.path,
        address: r.id,
        logicalId: r.id,
        ...(functionName ? { functionName } : {}),
        ...(this.t.stackName ? { stackName: this.t.stackName } : {}),
      });
    }
  }

  iacFunction(fnId: string | undefined): IacFunction | undefined {
    return fnId ? this.functions.find((f) => f.logicalId === fnId) : undefined;
  }

  // ------------------------------------------------------------ permissions

  perms(): Perm[] {
    const out: Perm[] = [];
    for (const r of this.resources.values()) {
      if (r.type === "AWS::Lambda::Permission") {
        const action = (this.literal(get(r.props, "Action")) ?? "").toLowerCase();
        const principal = get(r.props, "Principal");
        const principalPublic = this.literals(principal).some((l) => l.value === "*");
        const scoped = ["SourceArn", "SourceAccount", "PrincipalOrgID"].some(
          (k) => get(r.props, k) !== undefined,
        );
        const urlAuthType = this.literal(get(r.props, "FunctionUrlAuthType"));
        out.push({
          label: r.id,
          res: r,
          target: this.target(get(r.props, "FunctionName")),
          actions: action ? [action] : [],
          isPublic: principalPublic && !scoped,
          ...(principal ? { principal } : {}),
          ...(urlAuthType ? { urlAuthType: urlAuthType.toUpperCase() } : {}),
          viaUrl: isTrue(get(r.props, "InvokedViaFunctionUrl")),
        });
      } else if (r.type === "AWS::Lambda::ResourcePolicy") {
        const target = this.target(get(r.props, "ResourceArn"));
        const doc = get(r.props, "PolicyDocument");
        const stmtNode = get(doc, "Statement");
        const stmts = listOf(stmtNode);
        stmts.forEach((s, index) => {
          if (s.kind !== "map" || str(get(s, "Effect")) !== "Allow") return;
          const principal = get(s, "Principal");
          const pub =
            str(principal) === "*" ||
            str(get(principal, "AWS")) === "*" ||
            listOf(get(principal, "AWS")).some((p) => str(p) === "*");
          const cond = get(s, "Condition");
          const condValue = (key: string): string | undefined => {
            if (cond?.kind !== "map") return undefined;
            for (const op of cond.entries) {
              const v = get(op.value, key);
              if (v) return str(v) ?? str(listOf(v)[0]);
            }
            return undefined;
          };
          const scoped = [
            "aws:SourceArn",
            "aws:SourceAccount",
            "aws:PrincipalOrgID",
            "aws:SourceVpc",
            "aws:SourceVpce",
          ].some((k) => condValue(k) !== undefined);
          const ipNode =
            cond?.kind === "map"
              ? cond.entries.map((op) => get(op.value, "aws:SourceIp")).find((v) => v)
              : undefined;
          const sourceIp = ipNode ? listOf(ipNode).map((n) => str(n) ?? "?") : undefined;
          const urlAuthType = condValue("lambda:FunctionUrlAuthType");
          out.push({
            label: `${r.id}.Statement[${index}]`,
            res: r,
            target,
            actions: listOf(get(s, "Action"))
              .map((n) => str(n)?.toLowerCase())
              .filter((x): x is string => !!x),
            isPublic: pub && !scoped,
            ...(principal ? { principal } : {}),
            ...(urlAuthType ? { urlAuthType: urlAuthType.toUpperCase() } : {}),
            viaUrl: (condValue("lambda:InvokedViaFunctionUrl") ?? "").toLowerCase() === "true",
            ...(sourceIp ? { sourceIp } : {}),
            stmt: {
              seq: stmtNode?.kind === "seq" ? stmtNode : undefined,
              index,
              node: s,
              count: stmts.length,
            },
          });
        });
      }
    }
    return out;
  }

  static grantsUrl(p: Perm): boolean {
    return (
      p.isPublic &&
      p.actions.some((a) => a === "lambda:invokefunctionurl" || a === "lambda:*" || a === "*") &&
      (p.urlAuthType === undefined || p.urlAuthType === "NONE")
    );
  }

  static grantsInvokeViaUrl(p: Perm): boolean {
    return (
      p.isPublic &&
      p.actions.some((a) => a === "lambda:invokefunction" || a === "lambda:*" || a === "*") &&
      (p.urlAuthType === undefined || p.urlAuthType === "NONE")
    );
  }

  /** A public InvokeFunction grant not limited to URL invocations. */
  static plainInvoke(p: Perm): boolean {
    return Analyzer.grantsInvokeViaUrl(p) && !p.viaUrl && p.urlAuthType === undefined;
  }

  /**
   * Edits that take away public URL permissions: each `AWS::Lambda::Permission` is removed, or narrowed when
   * something references it; resource policy statements are removed (the whole resource when none is left).
   */
  permsFix(perms: readonly Perm[]): { edits: TextEdit[]; notes: string[]; failed: string[] } {
    const out = { edits: [] as TextEdit[], notes: [] as string[], failed: [] as string[] };
    const byRes = new Map<string, Perm[]>();
    for (const p of perms)
      byRes.set(p.res.id, [...(byRes.get(p.res.id) ?? []).filter((q) => q.label !== p.label), p]);
    for (const [id, list] of byRes) {
      const res = list[0]!.res;
      if (res.type === "AWS::Lambda::ResourcePolicy") {
        const first = list[0]!.stmt;
        if (first && list.length < first.count && first.seq) {
          for (const p of list) {
            const e = editRemoveItem(this.doc, first.seq, p.stmt!.index);
            if (e) out.edits.push(e);
            else out.failed.push(p.label);
          }
          out.notes.push(
            `removed ${list.map((p) => p.label).join(", ")} from AWS::Lambda::ResourcePolicy ${id}`,
          );
          continue;
        }
        const e = this.referenced(res) ? undefined : editRemoveEntry(this.doc, this.t.resources, id);
        if (e) {
          out.edits.push(e);
          out.notes.push(`removed AWS::Lambda::ResourcePolicy ${id} (every statement in it was public)`);
        } else out.failed.push(id);
        continue;
      }
      const p = list[0]!;
      if (!this.referenced(res)) {
        const e = editRemoveEntry(this.doc, this.t.resources, id);
        if (e) {
          out.edits.push(e);
          out.notes.push(`removed AWS::Lambda::Permission ${id}`);
        } else out.failed.push(id);
        continue;
      }
      const edits: TextEdit[] = [];
      const principal = p.principal ? this.literals(p.principal).find((l) => l.value === "*") : undefined;
      if (principal && principal.via.length === 0) {
        edits.push(editReplaceWithRef(this.doc, principal.node, "AWS::AccountId"));
      }
      const auth = get(res.props, "FunctionUrlAuthType");
      if (auth?.kind === "scalar" && !auth.tag) edits.push(editReplaceScalar(this.doc, auth, "AWS_IAM"));
      if (edits.length === 0 || !principal || principal.via.length > 0) {
        out.failed.push(id);
        continue;
      }
      out.edits.push(...edits);
      out.notes.push(
        `narrowed AWS::Lambda::Permission ${id} to this account (Principal: !Ref AWS::AccountId); it is referenced elsewhere, so it was kept`,
      );
    }
    return out;
  }

  // ------------------------------------------------------------ URLs

  urlDecls(): UrlDecl[] {
    const out: UrlDecl[] = [];
    const globalUrl = get(get(this.t.globals, "Function"), "FunctionUrlConfig");
    for (const r of this.resources.values()) {
      if (r.type === "AWS::Lambda::Url") {
        const target = this.target(get(r.props, "TargetFunctionArn"));
        const q = this.literal(get(r.props, "Qualifier"));
        const fnRes = target.fn ? this.resources.get(target.fn) : undefined;
        out.push({
          address: r.id,
          res: r,
          target,
          authNode: get(r.props, "AuthType"),
          ...(q ? { qualifier: q } : {}),
          implicit: false,
          viaGlobals: false,
          ...(fnRes ? { fnResource: fnRes } : {}),
        });
      } else if (r.type === "AWS::Serverless::Function") {
        const own = get(r.props, "FunctionUrlConfig");
        if (!own && !globalUrl) continue;
        const ownAuth = get(own, "AuthType");
        const authNode = ownAuth ?? get(globalUrl, "AuthType");
        const q = this.literal(get(r.props, "AutoPublishAlias"));
        out.push({
          address: r.id,
          res: r,
          target: { fn: r.id },
          authNode,
          ...(q ? { qualifier: q } : {}),
          implicit: true,
          viaGlobals: !ownAuth,
          fnResource: r,
        });
      }
    }
    return out;
  }

  urlFindings(): void {
    const perms = this.perms();
    const decls = this.urlDecls();
    const urlFns = new Set(decls.map((d) => this.fnKey(d.target)).filter((k): k is string => !!k));

    for (const d of decls) {
      const lits = this.literals(d.authNode);
      const none = lits.filter((l) => l.value.toUpperCase() === "NONE");
      if (none.length === 0) continue;
      const key = this.fnKey(d.target);
      const mine = perms.filter((p) => key !== undefined && this.fnKey(p.target) === key);
      const urlPerms = mine.filter((p) => Analyzer.grantsUrl(p));
      const invokePerms = mine.filter((p) => Analyzer.grantsInvokeViaUrl(p));
      const hasUrl = d.implicit || urlPerms.length > 0;
      const hasInvoke = d.implicit || invokePerms.length > 0;
      const rule = hasUrl && hasInvoke ? "LG001" : "LG003";
      // Only a source-IP allow-list stands between the URL and everyone: LG001 at medium (CONTRACTS §3).
      const ipOnly =
        !d.implicit &&
        (urlPerms.every((p) => p.sourceIp) || invokePerms.every((p) => p.sourceIp)) &&
        [...urlPerms, ...invokePerms].some((p) => p.sourceIp);
      const sourceIps = [...new Set([...urlPerms, ...invokePerms].flatMap((p) => p.sourceIp ?? []))];
      const severity = rule === "LG001" ? (ipOnly ? "medium" : "critical") : hasUrl ? "high" : "low";

      const fn = this.iacFunction(d.target.fn);
      const functionName = fn?.functionName ?? d.target.name;
      const via = [...new Set(none.flatMap((l) => l.via))];
      const conservative = via.some((v) => v.startsWith("!If"));
      const where = d.implicit
        ? `SAM function ${d.res.id} sets FunctionUrlConfig AuthType NONE${d.viaGlobals ? " (inherited from Globals.Function)" : ""}`
        : `function URL ${d.res.id} has AuthType NONE`;
      const onAlias = d.qualifier ? ` on alias ${d.qualifier}` : "";
      const deployCondition = str(get(d.res.entry.value, "Condition"));
      const ipText = ipOnly
        ? ` Only an aws:SourceIp allow-list (${sourceIps.join(", ")}) limits who can call it.`
        : "";
      const viaText = via.length > 0 ? ` The NONE comes from ${via.join(" → ")}.` : "";
      const condText = conservative
        ? " One branch of a condition yields NONE; lambda-guard treats the URL as public in every deployment where that branch applies."
        : "";
      let what: string;
      if (rule === "LG001") {
        what = d.implicit
          ? `SAM generates the public lambda:InvokeFunctionUrl and lambda:InvokeFunction permissions for it${onAlias}, so anyone on the Internet can invoke the function through its URL.`
          : `and permissions ${[...new Set([...urlPerms, ...invokePerms].map((p) => p.label))].join(", ")} grant lambda:InvokeFunctionUrl and lambda:InvokeFunction to everyone, so anyone on the Internet can invoke the function through its URL${onAlias}.`;
      } else if (hasUrl) {
        what = `and ${urlPerms.map((p) => p.label).join(", ")} grants lambda:InvokeFunctionUrl to everyone but no public lambda:InvokeFunction: the URL is public wherever AWS's legacy one-permission model still applies and answers 403 elsewhere.`;
      } else if (hasInvoke) {
        what = `and ${invokePerms.map((p) => p.label).join(", ")} grants lambda:InvokeFunction to everyone but no public lambda:InvokeFunctionUrl: a latent grant that becomes a public URL as soon as the other permission is added.`;
      } else {
        what =
          "but the template grants no public permission for it: the URL answers 403 until someone grants lambda:InvokeFunctionUrl and lambda:InvokeFunction out of band (latent).";
      }

      const edits: TextEdit[] = [];
      const notes: string[] = [];
      const seen = new Set<number>();
      for (const l of none) {
        if (seen.has(l.node.start)) continue;
        seen.add(l.node.start);
        edits.push(editReplaceScalar(this.doc, l.node, "AWS_IAM"));
      }
      if (via.some((v) => v.startsWith("parameter"))) {
        notes.push(
          `AuthType comes from a parameter: its Default was changed to AWS_IAM (${via.filter((v) => v.startsWith("parameter")).join(", ")}); stacks deployed with an explicit parameter value keep that value.`,
        );
      }
      if (d.viaGlobals)
        notes.push(
          "AuthType NONE is set in Globals.Function.FunctionUrlConfig: changed there, for every function.",
        );
      if (conservative)
        notes.push(`The NONE branch of the condition was changed to AWS_IAM (${via.join(", ")}).`);
      let unfixable: string | undefined;
      const pf = this.permsFix([...urlPerms, ...invokePerms.filter((p) => !Analyzer.plainInvoke(p))]);
      edits.push(...pf.edits);
      notes.push(...pf.notes);
      if (pf.failed.length > 0) {
        unfixable = `the public permission ${pf.failed.join(", ")} cannot be removed safely; remove it by hand`;
      }
      const plain = invokePerms.filter((p) => Analyzer.plainInvoke(p));
      if (plain.length > 0) {
        notes.push(
          `${plain.map((p) => p.label).join(", ")} also grants lambda:InvokeFunction to everyone; it is reported (and fixed) separately as LG002.`,
        );
      }
      if (d.implicit) {
        notes.push(
          "With AWS_IAM, SAM no longer generates the public permissions; callers must sign requests with SigV4 and be allowed lambda:InvokeFunctionUrl.",
        );
      }

      const first = none[0]!;
      const finding = makeFinding({
        rule,
        severity,
        message: `${cap(where)}${rule === "LG001" ? "; " : " "}${what}${ipText}${viaText}${condText}${deployCondition ? ` (${d.res.id} is deployed only when condition ${deployCondition} holds.)` : ""}`,
        path: this.path,
        address: d.address,
        flavour: d.implicit ? "sam" : this.t.flavour,
        kind: "function-url",
        ...(functionName ? { functionName } : {}),
        qualifier: d.qualifier ?? null,
        line: lineOf(this.doc, first.node.start),
        evidence: {
          authType: "NONE",
          ...(d.implicit ? { generatedBy: "SAM FunctionUrlConfig" } : {}),
          statements: [...new Set([...urlPerms, ...invokePerms].map((p) => p.label))],
          ...(via.length > 0 ? { via } : {}),
          ...(conservative ? { conservative: true } : {}),
          ...(ipOnly ? { sourceIp: sourceIps } : {}),
        },
        summary:
          rule === "LG001"
            ? "Set the function URL's AuthType to AWS_IAM and remove the public URL permissions."
            : "Set the function URL's AuthType to AWS_IAM (or grant both permissions deliberately and record the intent).",
        notes,
      });
      const res: IacFinding = {
        finding,
        resourceRange: entryLines(this.doc, d.res.entry),
        ...(fn ? { function: fn } : {}),
      };
      const skip = rule === "LG001" ? checkovSkip(d.res, "CKV_AWS_258") : undefined;
      if (skip !== undefined) {
        finding.suppression = {
          source: "checkov",
          reason: skip || "CKV_AWS_258 skipped in the resource Metadata",
        };
        res.unfixable = "exposure marked intended (Checkov skip CKV_AWS_258 in the resource Metadata)";
      } else if (unfixable) res.unfixable = unfixable;
      else res.fix = { edits, notes };
      this.findings.push(res);
    }

    // Public permissions by themselves: LG002 for plain invoke, LG003 (latent) for URL grants without a URL.
    for (const p of perms) {
      const key = this.fnKey(p.target);
      const fn = this.iacFunction(p.target.fn);
      const functionName = fn?.functionName ?? p.target.name;
      if (Analyzer.plainInvoke(p)) {
        this.findings.push(this.lg002(p, fn, functionName));
        continue;
      }
      const isUrlGrant =
        Analyzer.grantsUrl(p) || (Analyzer.grantsInvokeViaUrl(p) && (p.viaUrl || p.urlAuthType));
      if (!isUrlGrant || (key && urlFns.has(key))) continue;
      const pf = this.permsFix([p]);
      const at = p.principal ?? p.res.entry.value;
      const finding = makeFinding({
        rule: "LG003",
        severity: Analyzer.grantsUrl(p) ? "high" : "low",
        message: `${p.label} grants ${Analyzer.grantsUrl(p) ? "lambda:InvokeFunctionUrl" : "lambda:InvokeFunction through a function URL"} to everyone on ${p.target.fn ?? p.target.name ?? "a function"}${p.target.qualifier ? `:${p.target.qualifier}` : ""}, which has no function URL in this template: a latent grant that makes any NONE URL created later public.`,
        path: this.path,
        address: p.label,
        flavour: this.t.flavour,
        kind: "function-url",
        ...(functionName ? { functionName } : {}),
        qualifier: p.target.qualifier ?? null,
        line: lineOf(this.doc, at.start),
        evidence: { statements: [p.label], principal: "*" },
        summary: "Remove the public function URL permission.",
        notes: pf.notes,
      });
      const r: IacFinding = {
        finding,
        resourceRange: entryLines(this.doc, p.res.entry),
        ...(fn ? { function: fn } : {}),
      };
      if (pf.failed.length === 0 && pf.edits.length > 0) r.fix = { edits: pf.edits, notes: pf.notes };
      else r.unfixable = `the permission ${p.label} cannot be removed safely; remove it by hand`;
      this.findings.push(r);
    }
  }

  lg002(p: Perm, fn: IacFunction | undefined, functionName: string | undefined): IacFinding {
    const at = p.principal ?? p.res.entry.value;
    const note =
      "Principal narrowed to this account (!Ref AWS::AccountId). If an AWS service invokes the function, set Principal to that service and add SourceArn/SourceAccount.";
    const finding: Finding = makeFinding({
      rule: "LG002",
      message: `${p.label} lets any principal (Principal "*") call lambda:InvokeFunction on ${p.target.fn ?? p.target.name ?? "the function"} directly: any AWS customer can run it with inputs of their choosing.`,
      path: this.path,
      address: p.label,
      flavour: this.t.flavour,
      kind: "function",
      ...(functionName ? { functionName } : {}),
      qualifier: p.target.qualifier ?? null,
      line: lineOf(this.doc, at.start),
      evidence: { statements: [p.label], principal: "*", action: "lambda:InvokeFunction" },
      summary: "Scope the permission's Principal to the account or service that must invoke the function.",
      notes: [note],
    });
    const r: IacFinding = {
      finding,
      resourceRange: entryLines(this.doc, p.res.entry),
      ...(fn ? { function: fn } : {}),
    };
    const principalLit = p.principal ? this.literals(p.principal).find((l) => l.value === "*") : undefined;
    if (p.stmt) {
      r.unfixable = "a public statement in an AWS::Lambda::ResourcePolicy: scope its Principal by hand";
    } else if (principalLit && principalLit.via.length === 0) {
      r.fix = { edits: [editReplaceWithRef(this.doc, principalLit.node, "AWS::AccountId")], notes: [note] };
    } else if (principalLit) {
      // A parameter or condition branch yields "*": scope it where it is defined, by hand.
      r.unfixable = `Principal "*" comes from ${principalLit.via.join(" → ")}; scope it there by hand`;
    } else {
      r.unfixable = "the Principal is not a literal; scope it by hand";
    }
    return r;
  }

  // ------------------------------------------------------------ IAM (LG005)

  iamFindings(): void {
    const groups = new Map<string, IdentityGroup>();
    const byName = new Map<string, string>();
    const lines = (r: Resource) => entryLines(this.doc, r.entry);

    for (const r of this.resources.values()) {
      const kind =
        r.type === "AWS::IAM::Role"
          ? "role"
          : r.type === "AWS::IAM::User"
            ? "user"
            : r.type === "AWS::IAM::Group"
              ? "group"
              : r.type === "AWS::Serverless::Function" && !get(r.props, "Role")
                ? "role"
                : undefined;
      if (!kind) continue;
      const nameKey = kind === "role" ? "RoleName" : kind === "user" ? "UserName" : "GroupName";
      const name = r.type === "AWS::Serverless::Function" ? undefined : this.literal(get(r.props, nameKey));
      const identity: IacIdentity = {
        flavour: r.type === "AWS::Serverless::Function" ? "sam" : this.t.flavour,
        path: this.path,
        address: r.id,
        kind,
        ...(name ? { name } : {}),
        policyNames: [],
      };
      const g: IdentityGroup = {
        identity,
        statements: [],
        managed: [],
        ...(r.type === "AWS::Serverless::Function"
          ? { label: `the role SAM generates for ${r.id} (${r.id}Role)` }
          : {}),
      };
      if (name) byName.set(name, r.id);
      if (r.type === "AWS::Serverless::Function") {
        listOf(get(r.props, "Policies")).forEach((p, i) => {
          const s = str(p);
          if (s) {
            g.managed.push(s);
            identity.policyNames!.push(s);
            return;
          }
          if (p.kind !== "map") return;
          const stmts = get(p, "Statement");
          if (!stmts) return; // a SAM policy template (e.g. DynamoDBCrudPolicy): not lambda:GetFunction
          for (const s2 of readPolicyDocument(p)) {
            g.statements.push(
              this.owned(s2, r, `Policies[${i}]`, `SAM function ${r.id} Policies[${i}]`, lines(r)),
            );
          }
        });
      } else {
        listOf(get(r.props, "Policies")).forEach((p, i) => {
          const pname = this.literal(get(p, "PolicyName")) ?? `Policies[${i}]`;
          identity.policyNames!.push(pname);
          for (const s of readPolicyDocument(get(p, "PolicyDocument"))) {
            g.statements.push(
              this.owned(s, r, pname, `policy ${pname} of ${kind} ${name ?? r.id}`, lines(r)),
            );
          }
        });
        for (const m of listOf(get(r.props, "ManagedPolicyArns"))) {
          const lit = this.literal(m);
          if (lit) g.managed.push(lit);
        }
      }
      groups.set(r.id, g);
    }

    for (const r of this.resources.values()) {
      if (r.type !== "AWS::IAM::Policy" && r.type !== "AWS::IAM::ManagedPolicy") continue;
      const pname =
        this.literal(get(r.props, r.type === "AWS::IAM::Policy" ? "PolicyName" : "ManagedPolicyName")) ??
        r.id;
      const stmts = readPolicyDocument(get(r.props, "PolicyDocument")).map((s) =>
        this.owned(
          s,
          r,
          pname,
          `${r.type === "AWS::IAM::Policy" ? "policy" : "managed policy"} ${pname}`,
          lines(r),
        ),
      );
      const attached: string[] = [];
      for (const k of ["Roles", "Users", "Groups"]) {
        for (const n of listOf(get(r.props, k))) {
          const fn = intrinsic(n);
          const ref = fn?.fn === "Ref" ? str(fn.arg) : undefined;
          const id = ref && groups.has(ref) ? ref : (byName.get(str(n) ?? "") ?? undefined);
          if (id) attached.push(id);
        }
      }
      // ManagedPolicyArns: [!Ref ThisPolicy] on a role also attaches it.
      for (const gid of groups.keys()) {
        const res = this.resources.get(gid);
        for (const m of listOf(get(res?.props, "ManagedPolicyArns"))) {
          const fn = intrinsic(m);
          if (fn?.fn === "Ref" && str(fn.arg) === r.id) attached.push(gid);
        }
      }
      if (attached.length === 0) {
        const identity: IacIdentity = {
          flavour: this.t.flavour,
          path: this.path,
          address: r.id,
          kind: "policy",
          name: pname,
          policyNames: [pname],
        };
        groups.set(r.id, { identity, statements: stmts, managed: [] });
        continue;
      }
      for (const id of new Set(attached)) {
        const g = groups.get(id)!;
        g.statements.push(...stmts);
        g.identity.policyNames!.push(pname);
      }
    }

    const list = [...groups.values()];
    for (const g of list) {
      if (g.identity.policyNames?.length === 0) delete g.identity.policyNames;
      if (g.statements.length > 0 || g.identity.kind !== "policy") this.identities.push(g.identity);
    }
    this.findings.push(...lg005Findings(this.doc, this.t.flavour, list));
  }

  owned(
    s: ReturnType<typeof readPolicyDocument>[number],
    r: Resource,
    policy: string,
    label: string,
    resourceRange: { startLine: number; endLine: number },
  ): OwnedStatement {
    return {
      ...s,
      address: r.id,
      key: `${policy}#${s.sid ?? s.index}`,
      resourceRange,
      label: `${label}, statement ${s.sid ?? s.index}`,
    };
  }
}

/**
 * Checkov's structured skip in CloudFormation/SAM resource Metadata:
 * `Metadata: { checkov: { skip: [{ id: CKV_AWS_258, comment: "…" }] } }`. Returns the comment ("" without
 * one) when `id` is skipped, else undefined. Comment-form skips are handled by the engine's intent pass.
 */
function checkovSkip(res: Resource, id: string): string | undefined {
  const skips = listOf(get(get(get(res.entry.value, "Metadata"), "checkov"), "skip"));
  for (const s of skips) {
    if (str(get(s, "id")) === id) return str(get(s, "comment")) ?? "";
  }
  return undefined;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
