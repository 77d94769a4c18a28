import { fingerprint } from "../../model/fingerprint.js";
import type { Finding, ResourceKind } from "../../model/report.js";
import { RULES, type RuleId } from "../../model/rules.js";
import type { Severity } from "../../model/severity.js";
import type { Flavour } from "../types.js";

export interface FindingInput {
  rule: RuleId;
  severity?: Severity;
  message: string;
  path: string;
  address: string;
  flavour: Flavour;
  kind: ResourceKind;
  functionName?: string;
  qualifier?: string | null;
  line: number;
  endLine?: number;
  evidence: Record<string, unknown>;
  summary: string;
  notes?: string[];
  /** Extra identity for the fingerprint (statement sid or index); never a line number. */
  key?: string;
}

/** A complete report finding for an IaC location (fingerprint from rule, path, address and key). */
export function makeFinding(i: FindingInput): Finding {
  const rule = RULES[i.rule];
  return {
    fingerprint: fingerprint(i.rule, i.path, i.address, i.key),
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
    evidence: i.evidence,
    remediation: { summary: i.summary, ...(i.notes && i.notes.length > 0 ? { notes: i.notes } : {}) },
  };
}
