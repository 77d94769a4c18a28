import { fingerprint } from "../model/fingerprint.js";
import type { Finding, Remediation, ResourceKind } from "../model/report.js";
import { RULES, type RuleId } from "../model/rules.js";
import type { Severity } from "../model/severity.js";
import type { Exposure, ExposureKind } from "../exposure/index.js";
import type { Flavour, IacFinding, IacFunction, TextEdit } from "./types.js";

export interface FindingInput {
  rule: RuleId;
  flavour: Flavour;
  kind: ResourceKind;
  address: string;
  path: string;
  line: number;
  endLine?: number;
  message: string;
  severity?: Severity;
  evidence?: Record<string, unknown>;
  remediation: Remediation;
  functionName?: string;
  qualifier?: string | null;
  /** Statement id (Sid or index) for policy statements: part of the fingerprint. */
  statementId?: string;
}

/** A report finding for IaC: fingerprint from rule, path, address and statement id — never line numbers. */
export function makeFinding(i: FindingInput): Finding {
  const rule = RULES[i.rule];
  return {
    fingerprint: fingerprint(i.rule, i.path, i.address, i.statementId),
    rule: i.rule,
    severity: i.severity ?? rule.defaultSeverity,
    title: rule.title,
    message: i.message,
    resource: {
      kind: i.kind,
      ...(i.functionName ? { functionName: i.functionName } : {}),
      ...(i.qualifier !== undefined ? { qualifier: i.qualifier } : {}),
      iac: { address: i.address, flavour: i.flavour },
    },
    location: { path: i.path, startLine: i.line, endLine: i.endLine ?? i.line },
    evidence: i.evidence ?? {},
    remediation: i.remediation,
  };
}

/** The note every Terraform LG001 fix carries: provider-added statements outlive the code change. */
export function removePermissionNote(functionName: string | undefined): string {
  const fn = functionName ?? "<function name>";
  return `The AWS provider added the public statements itself, so they stay in the live policy after this change until you run: aws lambda remove-permission --function-name ${fn} --statement-id FunctionURLAllowPublicAccess (and, where present, --statement-id FunctionURLAllowInvokeAction).`;
}

/** A patch, or why there is none. */
export type Patch = { edits: TextEdit[]; notes: string[] } | { unfixable: string };

/**
 * What an IaC front end attaches to each exposure fact: where a finding on it goes and how to patch it. The
 * decision (src/exposure) hands these back on the exposures; `exposureFinding` turns them into findings.
 */
export interface ExposureRef {
  path: string;
  /** LG001–LG003: the auth-type attribute (or the line that turns a defaulted URL on); statements: the principal. */
  line: number;
  address: string;
  resourceRange?: { startLine: number; endLine: number };
  function?: IacFunction;
  /** For a URL: edits that make it AWS_IAM (where the value is defined). */
  setIam?: () => Patch;
  /** For a statement: the resource it belongs to; statements of one resource are removed together. */
  group?: { key: string; remove(labels: string[]): Patch };
  /** For a statement whose principal is public: narrowing it (LG002), when the code allows a safe edit. */
  scope?: () => Patch;
  /** Added to the finding's evidence (e.g. `definedAt`, `instances`). */
  evidence?: Record<string, unknown>;
}

const SUMMARY: Record<ExposureKind, string> = {
  "public-url": "Set the function URL's auth type to AWS_IAM and remove the public URL permissions.",
  "restricted-url": "Set the function URL's auth type to AWS_IAM and remove the public URL permissions.",
  "unanalysable-policy": "Set the function URL's auth type to AWS_IAM, or check its policy by hand.",
  "url-permission-only":
    "Set the function URL's auth type to AWS_IAM (or grant both permissions deliberately and record the intent).",
  "invoke-permission-only":
    "Set the function URL's auth type to AWS_IAM (or grant both permissions deliberately and record the intent).",
  "latent-grant":
    "Remove the public function URL permission, or record the intent under allow in .github/lambda-guard.yml.",
  "public-invoke":
    "Scope the principal to the account or service that invokes the function (with a source ARN or account), or remove the permission.",
  "any-account-url":
    "Grant lambda:InvokeFunctionUrl to the accounts or roles that call the URL instead of every principal.",
};

/** The shared rule builder: one IaC finding (location, message, evidence, patch) from one exposure. */
export function exposureFinding(
  x: Exposure<ExposureRef>,
  o: { flavour: Flavour; subject: string; functionName?: string; notes?: string[] },
): IacFinding {
  const urlRef = x.url?.ref;
  const at = (x.rule === "LG002" ? x.statements[0]?.ref : urlRef) ?? urlRef ?? x.statements[0]!.ref;
  const patches: Patch[] = [];
  for (const intent of x.fix) {
    if (intent.kind === "set-auth-iam")
      patches.push(intent.url.ref.setIam?.() ?? { unfixable: "the auth type cannot be patched here" });
    else if (intent.kind === "scope-principal")
      for (const s of intent.statements)
        patches.push(
          s.ref.scope?.() ?? {
            unfixable:
              "which principal should invoke the function is a decision for its owner: scope it by hand",
          },
        );
    else {
      const groups = new Map<string, { remove: (l: string[]) => Patch; labels: string[] }>();
      for (const s of intent.statements) {
        const g = s.ref.group;
        if (!g) {
          patches.push({ unfixable: `${s.label} cannot be removed automatically` });
          continue;
        }
        const e = groups.get(g.key) ?? { remove: g.remove, labels: [] };
        e.labels.push(s.label);
        groups.set(g.key, e);
      }
      for (const g of groups.values()) patches.push(g.remove(g.labels));
    }
  }
  const notes = [...(o.notes ?? [])];
  const edits: TextEdit[] = [];
  let unfixable: string | undefined;
  for (const p of patches) {
    if ("unfixable" in p) unfixable ??= p.unfixable;
    else {
      for (const e of p.edits)
        if (!edits.some((d) => d.path === e.path && d.start === e.start && d.end === e.end)) edits.push(e);
      for (const n of p.notes) if (!notes.includes(n)) notes.push(n);
    }
  }
  const finding = makeFinding({
    rule: x.rule,
    severity: x.severity,
    flavour: o.flavour,
    kind: x.resourceKind,
    address: at.address,
    path: at.path,
    line: at.line,
    ...(o.functionName ? { functionName: o.functionName } : {}),
    qualifier: x.qualifier,
    message: `${o.subject}: ${x.reason}.`,
    evidence: { ...x.evidence, ...urlRef?.evidence, ...(at === urlRef ? {} : at.evidence) },
    remediation: { summary: SUMMARY[x.kind], ...(notes.length > 0 ? { notes } : {}) },
  });
  const out: IacFinding = {
    finding,
    ...(at.resourceRange ? { resourceRange: at.resourceRange } : {}),
    ...((at.function ?? urlRef?.function) ? { function: (at.function ?? urlRef?.function)! } : {}),
  };
  if (unfixable !== undefined) out.unfixable = unfixable;
  else if (edits.length > 0) out.fix = { edits, notes };
  else out.unfixable = "nothing in this code grants it: fix it in the account";
  return out;
}
