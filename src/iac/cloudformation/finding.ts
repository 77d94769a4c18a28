import type { Finding, ResourceKind } from "../../model/report.js";
import type { RuleId } from "../../model/rules.js";
import type { Severity } from "../../model/severity.js";
import { makeFinding as makeIacFinding } from "../finding.js";
import type { Flavour } from "../types.js";

/** The CloudFormation/SAM/Serverless detectors' shape: a remediation summary and notes instead of a Remediation. */
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

export function makeFinding({ summary, notes, key, ...rest }: FindingInput): Finding {
  return makeIacFinding({
    ...rest,
    ...(key !== undefined ? { statementId: key } : {}),
    remediation: { summary, ...(notes && notes.length > 0 ? { notes } : {}) },
  });
}
