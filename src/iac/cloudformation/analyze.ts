/**
 * CloudFormation and SAM template analysis over a source tree (YAML or JSON).
 *
 * Function URLs and permissions (LG001–LG003): this module only gathers facts and places findings. A URL comes
 * from `AWS::Lambda::Url` or SAM's `FunctionUrlConfig` (also from `Globals.Function`); its AuthType is a literal,
 * or conditional (`!If`, a parameter's Default) with the condition named, or unknown. `AWS::Lambda::Permission`
 * resources become the statements Lambda writes for them; `AWS::Lambda::ResourcePolicy` statements are read as
 * written; SAM adds its two public permissions for a literal NONE only (src/exposure TOOLCHAINS). The verdict is
 * src/exposure's `decideExposure`.
 *
 * Fixes: AuthType → AWS_IAM where the NONE is written (the parameter Default, the `!If` branch, the Globals
 * entry); public permissions are removed, or, when something else references them, narrowed to the account.
 */
import {
  decideExposure,
  publicUrlStatements,
  type AuthFact,
  type StatementFact,
  type UrlFact,
} from "../../exposure/index.js";
import { fingerprint } from "../../model/fingerprint.js";
import { exposureFinding, type ExposureRef, type Patch } from "../finding.js";
import type { Coverage } from "../../model/report.js";
import type { Flavour, IacFinding, IacFunction, IacIdentity, TextEdit } from "../types.js";
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
} from "./tree.js";

export interface TemplateInput {
  doc: SourceDoc;
  /** Flavour reported on findings (sam for SAM templates, serverless for serverless.yml `resources`). */
  flavour: Flavour;
  resources: TMap;
  parameters?: TNode;
  globals?: TNode;
  stackName?: string;
  /** The scan's clock. */
  now?: Date;
  /** Prefix for addresses, e.g. "resources.Resources." is NOT used: logical ids stay logical ids. */
}

export interface TemplateResult {
  findings: IacFinding[];
  /** Statements the evaluator could not read: left out of the decision, said here. */
  coverage: Coverage[];
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

/** The account the template is deployed to: a principal naming it is not public. */
const OWN_ACCOUNT = "000000000000";

/** `parameter X (Default)` → "parameter X keeps its Default"; `!If C (true branch)` → "condition C is true". */
function condition(via: string): string {
  const p = /^parameter (\S+) \(Default\)$/.exec(via);
  if (p) return `parameter ${p[1]} keeps its Default`;
  const c = /^!If (\S+) \((true|false) branch\)$/.exec(via);
  return c ? `condition ${c[1]} is ${c[2]}` : via;
}

function principalJson(p: string): unknown {
  if (p === "*") return "*";
  if (/\.amazonaws\.com(\.cn)?$/.test(p)) return { Service: p };
  return { AWS: p };
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
  readonly coverage: Coverage[] = [];
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
    return {
      findings: this.findings,
      coverage: this.coverage,
      functions: this.functions,
      identities: this.identities,
    };
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
        // A logical id this template does not declare (Serverless' generated functions): still one function.
        return d ? this.byName(d) : param ? {} : { fn: ref };
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

  // ------------------------------------------------------------ exposure facts (LG001–LG003)

  /** A node as policy JSON: intrinsics that resolve to one literal become it, others a placeholder. */
  json(n: TNode | undefined): unknown {
    if (!n) return undefined;
    const fn = intrinsic(n);
    if (fn) {
      if (fn.fn === "Ref" && str(fn.arg) === "AWS::AccountId") return OWN_ACCOUNT;
      const lits = this.literals(n);
      const star = lits.find((l) => l.value === "*");
      // Either branch may deploy: the public one decides (a parameter's Default stands for its value).
      return star?.value ?? (lits.length === 1 ? lits[0]!.value : `\${${fn.fn}}`);
    }
    if (n.kind === "map") return Object.fromEntries(n.entries.map((e) => [e.key, this.json(e.value)]));
    if (n.kind === "seq") return n.items.map((i) => this.json(i));
    return n.value;
  }

  /** An `AWS::Lambda::Permission` as the statement Lambda writes for it (AddPermission's own mapping). */
  permissionStatement(props: TNode | undefined): Record<string, unknown> {
    const principal = String(this.json(get(props, "Principal")) ?? "");
    const condition: Record<string, Record<string, unknown>> = {};
    const add = (op: string, key: string, prop: string) => {
      const v = this.json(get(props, prop));
      if (v !== undefined) condition[op] = { ...condition[op], [key]: v };
    };
    add("ArnLike", "aws:SourceArn", "SourceArn");
    add("StringEquals", "aws:SourceAccount", "SourceAccount");
    add("StringEquals", "aws:PrincipalOrgID", "PrincipalOrgID");
    add("StringEquals", "lambda:EventSourceToken", "EventSourceToken");
    const auth = this.literals(get(props, "FunctionUrlAuthType")).map((l) => l.value.toUpperCase());
    if (auth.length > 0)
      condition.StringEquals = {
        ...condition.StringEquals,
        "lambda:FunctionUrlAuthType": auth.includes("NONE") ? "NONE" : auth[0],
      };
    if (isTrue(get(props, "InvokedViaFunctionUrl")))
      condition.Bool = { "lambda:InvokedViaFunctionUrl": "true" };
    return {
      Effect: "Allow",
      Principal: principalJson(principal),
      Action: this.json(get(props, "Action")) ?? "lambda:InvokeFunction",
      Resource: "*",
      ...(Object.keys(condition).length > 0 ? { Condition: condition } : {}),
    };
  }

  /** The auth type of a URL, with the literals that say NONE (where the fix goes). */
  authFact(node: TNode | undefined): { auth: AuthFact; none: Lit[] } {
    if (!node) return { auth: { kind: "unknown", detail: "AuthType missing" }, none: [] };
    const lits = this.literals(node);
    const none = lits.filter((l) => l.value.toUpperCase() === "NONE");
    if (!intrinsic(node)) {
      const v = str(node)?.toUpperCase();
      return {
        auth: v === "NONE" || v === "AWS_IAM" ? { kind: v } : { kind: "unknown", detail: `AuthType ${v}` },
        none,
      };
    }
    if (none.length > 0)
      return { auth: { kind: "conditional", condition: none[0]!.via.map(condition).join(" and ") }, none };
    if (lits.length > 0 && lits.every((l) => l.value.toUpperCase() === "AWS_IAM"))
      return { auth: { kind: "AWS_IAM" }, none };
    return { auth: { kind: "unknown", detail: "AuthType is computed" }, none };
  }

  ref(res: Resource, at: TNode | undefined, target: Target, extra: Partial<ExposureRef> = {}): ExposureRef {
    const fn = this.iacFunction(target.fn);
    return {
      path: this.path,
      line: lineOf(this.doc, (at ?? res.entry.value).start),
      address: res.id,
      resourceRange: entryLines(this.doc, res.entry),
      ...(fn ? { function: fn } : {}),
      ...extra,
    };
  }

  /** Removes a permission, or narrows it to the account when something else references it. */
  removePermission(res: Resource): Patch {
    if (!this.referenced(res)) {
      const e = editRemoveEntry(this.doc, this.t.resources, res.id);
      return e
        ? { edits: [e], notes: [`removed AWS::Lambda::Permission ${res.id}`] }
        : { unfixable: `${res.id} cannot be removed safely; remove it by hand` };
    }
    const principal = this.literals(get(res.props, "Principal")).find((l) => l.value === "*");
    if (!principal || principal.via.length > 0)
      return {
        unfixable: `${res.id} is referenced elsewhere and its Principal is not a literal "*"; narrow it by hand`,
      };
    const edits = [editReplaceWithRef(this.doc, principal.node, "AWS::AccountId")];
    const auth = get(res.props, "FunctionUrlAuthType");
    if (auth?.kind === "scalar" && !auth.tag) edits.push(editReplaceScalar(this.doc, auth, "AWS_IAM"));
    return {
      edits,
      notes: [
        `narrowed AWS::Lambda::Permission ${res.id} to this account (Principal: !Ref AWS::AccountId); it is referenced elsewhere, so it was kept`,
      ],
    };
  }

  scopePermission(res: Resource): Patch {
    const p = this.literals(get(res.props, "Principal")).find((l) => l.value === "*");
    if (!p) return { unfixable: "the Principal is not a literal; scope it by hand" };
    if (p.via.length > 0)
      return { unfixable: `Principal "*" comes from ${p.via.join(" → ")}; scope it there by hand` };
    return {
      edits: [editReplaceWithRef(this.doc, p.node, "AWS::AccountId")],
      notes: [
        "Principal narrowed to this account (!Ref AWS::AccountId). If an AWS service invokes the function, set Principal to that service and add SourceArn/SourceAccount.",
      ],
    };
  }

  removePolicyStatements(res: Resource, labels: string[]): Patch {
    const seq = get(get(res.props, "PolicyDocument"), "Statement");
    const count = listOf(seq).length;
    const idx = labels.map((l) => Number(/\[(\d+)\]$/.exec(l)?.[1])).sort((a, b) => b - a);
    if (seq?.kind === "seq" && idx.length < count) {
      const edits = idx.map((i) => editRemoveItem(this.doc, seq, i));
      if (edits.every((e) => e))
        return {
          edits: edits as TextEdit[],
          notes: [`removed ${labels.join(", ")} from AWS::Lambda::ResourcePolicy ${res.id}`],
        };
      return { unfixable: `${labels.join(", ")} cannot be removed safely; remove them by hand` };
    }
    const e = this.referenced(res) ? undefined : editRemoveEntry(this.doc, this.t.resources, res.id);
    return e
      ? {
          edits: [e],
          notes: [`removed AWS::Lambda::ResourcePolicy ${res.id} (every statement in it was public)`],
        }
      : { unfixable: `${res.id} is referenced elsewhere; remove its public statements by hand` };
  }

  /** The facts of every function the template touches, keyed by logical id or literal name. */
  exposureFacts(): Map<
    string,
    { target: Target; urls: UrlFact<ExposureRef>[]; statements: StatementFact<ExposureRef>[] }
  > {
    const out = new Map<
      string,
      { target: Target; urls: UrlFact<ExposureRef>[]; statements: StatementFact<ExposureRef>[] }
    >();
    const of = (t: Target) => {
      // Grants on a function this template cannot name are still judged, together.
      const k = this.fnKey(t) ?? "(unresolved function)";
      const e = out.get(k) ?? { target: t, urls: [], statements: [] };
      out.set(k, e);
      return e;
    };
    const globalUrl = get(get(this.t.globals, "Function"), "FunctionUrlConfig");
    for (const r of this.resources.values()) {
      if (
        r.type === "AWS::Lambda::Url" ||
        (r.type === "AWS::Serverless::Function" && (get(r.props, "FunctionUrlConfig") || globalUrl))
      ) {
        const sam = r.type === "AWS::Serverless::Function";
        const own = sam ? get(r.props, "FunctionUrlConfig") : r.props;
        const ownAuth = get(own, "AuthType");
        const authNode = ownAuth ?? (sam ? get(globalUrl, "AuthType") : undefined);
        const target = sam ? { fn: r.id } : this.target(get(r.props, "TargetFunctionArn"));
        const q = this.literal(get(r.props, sam ? "AutoPublishAlias" : "Qualifier")) ?? target.qualifier;
        const e = of(target);
        if (!e) continue;
        const { auth, none } = this.authFact(authNode);
        const viaGlobals = sam && !ownAuth;
        // The finding stays on the attribute; where a parameter or Globals defines the value is evidence.
        const at = ownAuth ?? (viaGlobals ? authNode : undefined) ?? r.entry.value;
        const defined = none.find((l) => l.via.length > 0);
        const ref = this.ref(r, at, target, {
          ...(defined || viaGlobals
            ? {
                evidence: {
                  definedAt: `${this.path}:${lineOf(this.doc, (defined?.node ?? authNode ?? at).start)}`,
                  ...(viaGlobals ? { via: ["Globals.Function.FunctionUrlConfig"] } : {}),
                },
              }
            : {}),
          setIam: () => this.setIam(none, viaGlobals),
        });
        const url: UrlFact<ExposureRef> = { qualifier: q ?? null, auth, ref };
        e.urls.push(url);
        // SAM adds the public permissions only for a literal NONE, never for an intrinsic.
        if (sam && auth.kind === "NONE")
          for (const s of publicUrlStatements("sam"))
            e.statements.push({
              qualifier: url.qualifier,
              label: `${r.id}${s.label.replace("<Function>", "")}`,
              statement: s.statement,
              provenance: { kind: "toolchain", by: "sam" },
              ref,
            });
      } else if (r.type === "AWS::Lambda::Permission") {
        const target = this.target(get(r.props, "FunctionName"));
        of(target)?.statements.push({
          qualifier: target.qualifier ?? null,
          label: r.id,
          statement: this.permissionStatement(r.props),
          provenance: { kind: "code" },
          ref: this.ref(r, get(r.props, "Principal"), target, {
            group: { key: r.id, remove: () => this.removePermission(r) },
            scope: () => this.scopePermission(r),
          }),
        });
      } else if (r.type === "AWS::Lambda::ResourcePolicy") {
        const target = this.target(get(r.props, "ResourceArn"));
        const e = of(target);
        listOf(get(get(r.props, "PolicyDocument"), "Statement")).forEach((s, i) => {
          const statement = this.json(s);
          if (!e || !statement || typeof statement !== "object") return;
          e.statements.push({
            qualifier: target.qualifier ?? null,
            label: `${r.id}.Statement[${i}]`,
            statement: statement as Record<string, unknown>,
            provenance: { kind: "code" },
            ref: this.ref(r, get(s, "Principal") ?? s, target, {
              group: { key: r.id, remove: (labels) => this.removePolicyStatements(r, labels) },
              scope: () => ({
                unfixable:
                  "a public statement in an AWS::Lambda::ResourcePolicy: scope its Principal by hand",
              }),
            }),
          });
        });
      }
    }
    return out;
  }

  setIam(none: Lit[], viaGlobals: boolean): Patch {
    if (none.length === 0)
      return {
        unfixable:
          "the AuthType is not a literal NONE in this template; set it to AWS_IAM where it is decided",
      };
    const seen = new Set<number>();
    const edits: TextEdit[] = [];
    for (const l of none) {
      if (seen.has(l.node.start)) continue;
      seen.add(l.node.start);
      edits.push(editReplaceScalar(this.doc, l.node, "AWS_IAM"));
    }
    const via = [...new Set(none.flatMap((l) => l.via))];
    const notes: string[] = [];
    const params = via.filter((v) => v.startsWith("parameter"));
    if (params.length > 0)
      notes.push(
        `AuthType comes from a parameter: its Default was changed to AWS_IAM (${params.join(", ")}); stacks deployed with an explicit parameter value keep that value.`,
      );
    if (viaGlobals)
      notes.push(
        "AuthType NONE is set in Globals.Function.FunctionUrlConfig: changed there, for every function.",
      );
    if (via.some((v) => v.startsWith("!If")))
      notes.push(`The NONE branch of the condition was changed to AWS_IAM (${via.join(", ")}).`);
    return { edits, notes };
  }

  urlFindings(): void {
    // A URL that takes its AuthType from Globals is one problem in one place: one finding there, naming functions.
    const fromGlobals = new Map<string, IacFinding>();
    for (const [key, e] of this.exposureFacts()) {
      const fn = this.iacFunction(e.target.fn);
      const functionName = fn?.functionName ?? e.target.name;
      const { exposures, skipped } = decideExposure(
        { target: { ...(functionName ? { functionName } : {}) }, urls: e.urls, statements: e.statements },
        this.t.now ?? new Date(),
      );
      for (const x of skipped)
        this.coverage.push({
          scope: `${this.path}:${x.fact.ref.line}`,
          status: "partial",
          detail: `${x.fact.label} was not analysed: ${x.error}`,
        });
      for (const x of exposures) {
        const res = x.url ? this.resources.get(x.url.ref.address) : undefined;
        const sam = res?.type === "AWS::Serverless::Function";
        const f = exposureFinding(x, {
          flavour: sam ? "sam" : this.t.flavour,
          subject: `${x.url ? (sam ? "SAM function" : "function URL") : "function"} ${x.url?.ref.address ?? key}${x.qualifier ? ` on alias ${x.qualifier}` : ""}${x.url?.ref.evidence?.via ? " (AuthType from Globals.Function)" : ""}`,
          ...(functionName ? { functionName } : {}),
        });
        const skip = x.rule === "LG001" && res ? checkovSkip(res, "CKV_AWS_258") : undefined;
        if (skip !== undefined) {
          f.finding.suppression = {
            source: "checkov",
            reason: skip || "CKV_AWS_258 skipped in the resource Metadata",
          };
          delete f.fix;
          f.unfixable = "exposure marked intended (Checkov skip CKV_AWS_258 in the resource Metadata)";
        }
        const g = x.url?.ref.evidence?.via ? `${x.rule}/${x.severity}/${x.qualifier ?? ""}` : undefined;
        const first = g ? fromGlobals.get(g) : undefined;
        if (g && !first) {
          fromGlobals.set(g, f);
          f.finding.resource.iac = {
            ...f.finding.resource.iac!,
            address: "Globals.Function.FunctionUrlConfig",
          };
          f.finding.evidence = { ...f.finding.evidence, functions: [x.url!.ref.address] };
          f.finding.fingerprint = fingerprint(x.rule, this.path, "Globals.Function.FunctionUrlConfig");
        } else if (first) {
          (first.finding.evidence.functions as string[]).push(x.url!.ref.address);
          first.finding.message = `SAM functions ${(first.finding.evidence.functions as string[]).join(", ")} (AuthType from Globals.Function): ${x.reason}.`;
          delete first.finding.resource.functionName;
          continue;
        }
        this.findings.push(f);
      }
    }
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
