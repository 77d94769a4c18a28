import { fingerprint } from "../model/fingerprint.js";
import type { Finding, Remediation, ResourceKind } from "../model/report.js";
import { RULES, type RuleId } from "../model/rules.js";
import type { Severity } from "../model/severity.js";
import type { Flavour } from "./types.js";

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

export function lg001Commands(functionName: string | undefined, qualifier?: string): string[] {
  const fn = functionName ?? "<function name>";
  const q = qualifier ? ` --qualifier ${qualifier}` : "";
  return [
    `aws lambda update-function-url-config --function-name ${fn}${q} --auth-type AWS_IAM`,
    `aws lambda remove-permission --function-name ${fn}${q} --statement-id FunctionURLAllowPublicAccess`,
    `aws lambda remove-permission --function-name ${fn}${q} --statement-id FunctionURLAllowInvokeAction`,
  ];
}
