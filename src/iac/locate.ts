import type { Finding, Report } from "../model/report.js";
import type { IacScanResult } from "./engine.js";
import type { IacFinding, IacFunction, IacIdentity } from "./types.js";

export const STACK_TAG = "aws:cloudformation:stack-name";
export const LOGICAL_ID_TAG = "aws:cloudformation:logical-id";

export interface Located {
  finding: Finding;
  /** The static finding whose fix closes this one. */
  match?: IacFinding;
  /** Where the function or identity is declared, when found. */
  function?: IacFunction;
  identity?: IacIdentity;
  /** Why there is no match: the finding needs an issue instead of a patch. */
  reason: string;
}

function functionNameOf(f: Finding): string | undefined {
  if (f.resource.functionName) return f.resource.functionName;
  const m = /:function:([^:]+)/.exec(f.resource.arn ?? "");
  return m?.[1];
}

const alnum = (s: string) => s.replace(/[^A-Za-z0-9]/g, "");

/** Whether a live logical id is the one CDK derives for a construct (`<HumanPath><8 hex>`) when the code gives no exact id. */
function cdkLogicalMatch(fn: IacFunction, logicalId: string): boolean {
  if (fn.flavour !== "cdk") return false;
  const human = alnum(
    fn.address
      .split("/")
      .filter((p) => p !== "Resource" && p !== "Default")
      .join(""),
  );
  return human.length > 0 && new RegExp(`^${human}[0-9A-F]{8}$`).test(logicalId);
}

/** Scores how well a live function matches a function declared in code (0: no match). */
function matchFunction(f: Finding, fn: IacFunction): number {
  const tags = f.resource.tags ?? {};
  const stack = tags[STACK_TAG];
  const logical = tags[LOGICAL_ID_TAG];
  const name = functionNameOf(f);
  if (logical) {
    const stackOk = !fn.stackName || !stack || fn.stackName === stack;
    if (fn.logicalId && fn.logicalId === logical && stackOk) return fn.stackName && stack ? 100 : 80;
    if (stackOk && cdkLogicalMatch(fn, logical)) return 70;
  }
  if (name && fn.serverless) {
    const { service, function: fnKey, stage } = fn.serverless;
    if (
      stage
        ? name === `${service}-${stage}-${fnKey}`
        : name.startsWith(`${service}-`) && name.endsWith(`-${fnKey}`)
    )
      return 90;
  }
  if (name && fn.functionName === name) return 60;
  if (f.resource.iac?.address && f.resource.iac.address === fn.address) return 50;
  return 0;
}

function sameFunction(a: IacFunction | undefined, b: IacFunction): boolean {
  return !!a && a.path === b.path && a.address === b.address;
}

const URL_RULES = new Set(["LG001", "LG003"]);

function identityName(f: Finding): { kind: string; name: string } | null {
  const m = /^arn:[^:]+:(?:iam|sts)::\d*:(role|user|group|assumed-role)\/(?:.*\/)?([^/]+?)(?:\/[^/]*)?$/.exec(
    f.resource.arn ?? "",
  );
  if (!m) return null;
  // assumed-role/NAME/session → the role NAME
  const arn = f.resource.arn!;
  if (m[1] === "assumed-role") {
    const parts = arn.split(":").slice(5).join(":").split("/");
    return { kind: "role", name: parts[1] ?? m[2]! };
  }
  return { kind: m[1]!, name: m[2]! };
}

/**
 * Maps report findings to the code: by fingerprint (a report of `lambda-guard iac`), by the CloudFormation
 * stack/logical-id tags (CloudFormation, SAM, Serverless, CDK), by Serverless naming, by function name
 * literals and resolved variables (Terraform), and principals (LG004) to the IAM identity declared in code.
 */
export function locateReport(report: Report, scan: IacScanResult): Located[] {
  const byFp = new Map(scan.findings.map((f) => [f.finding.fingerprint, f]));
  const out: Located[] = [];
  for (const finding of report.findings) {
    if (finding.suppression) {
      out.push({
        finding,
        reason: `suppressed (${finding.suppression.source}: ${finding.suppression.reason})`,
      });
      continue;
    }
    const direct = byFp.get(finding.fingerprint);
    if (direct) {
      out.push({ finding, match: direct, reason: "" });
      continue;
    }
    if (finding.rule === "LG004" || finding.rule === "LG005" || finding.resource.kind === "principal") {
      out.push(locateIdentity(finding, scan));
      continue;
    }
    let best: IacFunction | undefined;
    let bestScore = 0;
    for (const fn of scan.functions) {
      const s = matchFunction(finding, fn);
      if (s > bestScore) {
        best = fn;
        bestScore = s;
      }
    }
    if (!best) {
      const name = functionNameOf(finding) ?? finding.resource.arn ?? "this function";
      out.push({
        finding,
        reason: `no code in this repository declares ${name} (no matching CloudFormation stack/logical-id tags, Serverless name, Terraform function_name or CDK construct) — open an issue for its owner`,
      });
      continue;
    }
    const forFn = scan.findings.filter((s) => sameFunction(s.function, best));
    const match =
      forFn.find((s) => s.finding.rule === finding.rule) ??
      (URL_RULES.has(finding.rule) ? forFn.find((s) => URL_RULES.has(s.finding.rule)) : undefined);
    if (match) {
      out.push({ finding, match, function: best, reason: "" });
      continue;
    }
    const notes =
      finding.rule === "LG001" || finding.rule === "LG003"
        ? ` — if the URL was made private in code earlier, the permission statements may remain in the live policy: aws lambda remove-permission --function-name ${functionNameOf(finding) ?? "NAME"} --statement-id FunctionURLAllowPublicAccess`
        : "";
    out.push({
      finding,
      function: best,
      reason: `declared at ${best.path} (${best.address}), but the code there does not cause this finding: the live configuration differs from the code${notes}`,
    });
  }
  return out;
}

function locateIdentity(finding: Finding, scan: IacScanResult): Located {
  const id = identityName(finding);
  const identity = id
    ? scan.identities.find((i) => i.name === id.name && (i.kind === id.kind || i.kind === "policy"))
    : finding.resource.iac?.address
      ? scan.identities.find((i) => i.address === finding.resource.iac?.address)
      : undefined;
  if (!identity) {
    return {
      finding,
      reason: `no IAM identity in this repository matches ${finding.resource.arn ?? finding.resource.iac?.address ?? "the principal"} — grant lambda:ListTags where that identity is managed`,
    };
  }
  const match = scan.findings.find(
    (s) =>
      s.finding.rule === "LG005" &&
      s.identity &&
      s.identity.address === identity.address &&
      s.identity.path === identity.path,
  );
  if (match) return { finding, match, identity, reason: "" };
  return {
    finding,
    identity,
    reason: `declared at ${identity.path} (${identity.address}), but no statement in the code grants it lambda:GetFunction: its GetFunction permission comes from elsewhere (a managed or hand-made policy)`,
  };
}
