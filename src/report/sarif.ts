import { type Finding, type Report, isIncomplete } from "../model/report.js";
import { RULE_IDS, RULES } from "../model/rules.js";
import type { Severity } from "../model/severity.js";
import { coverageProblems, resourceLabel } from "./labels.js";

// The subset of SARIF 2.1.0 we write (https://docs.oasis-open.org/sarif/sarif/v2.1.0/), typed so a
// misspelt property is a compile error.

export const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
export const FINGERPRINT_KEY = "lambdaGuard/v1";

export type SarifLevel = "error" | "warning" | "note" | "none";

export interface SarifMessage {
  text: string;
  markdown?: string;
}

export interface SarifReportingDescriptor {
  id: string;
  name: string;
  shortDescription: SarifMessage;
  fullDescription: SarifMessage;
  help: { text: string; markdown: string };
  helpUri: string;
  defaultConfiguration: { level: SarifLevel };
  properties: { "security-severity": string; tags: string[]; precision: string; "problem.severity"?: string };
}

export interface SarifRegion {
  startLine: number;
  endLine: number;
  startColumn?: number;
  endColumn?: number;
}

export interface SarifLocation {
  physicalLocation?: { artifactLocation: { uri: string; uriBaseId?: string }; region: SarifRegion };
  logicalLocations?: { fullyQualifiedName: string; kind: string }[];
}

export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: SarifMessage;
  locations: SarifLocation[];
  partialFingerprints: Record<string, string>;
  suppressions?: { kind: "external" | "inSource"; justification: string }[];
  properties: Record<string, unknown>;
}

export interface SarifRun {
  tool: {
    driver: {
      name: string;
      version: string;
      semanticVersion: string;
      informationUri: string;
      rules: SarifReportingDescriptor[];
    };
  };
  invocations: {
    executionSuccessful: boolean;
    toolExecutionNotifications?: { level: SarifLevel; message: SarifMessage; descriptor: { id: string } }[];
  }[];
  results: SarifResult[];
  properties?: Record<string, unknown>;
}

export interface SarifLog {
  $schema: string;
  version: "2.1.0";
  runs: [SarifRun];
}

/** GitHub code scanning maps these to Critical (≥ 9.0), High (7.0–8.9), Medium (4.0–6.9), Low (0.1–3.9). */
export const SECURITY_SEVERITY: Record<Severity, string> = {
  critical: "9.5",
  high: "8.0",
  medium: "5.5",
  low: "3.0",
};

export const SARIF_LEVEL: Record<Severity, SarifLevel> = {
  critical: "error",
  high: "error",
  medium: "warning",
  low: "note",
};

export interface SarifOptions {
  /** Only findings with a file location (GitHub code scanning needs a file). */
  onlyLocated?: boolean;
}

function rules(): SarifReportingDescriptor[] {
  return RULE_IDS.map((id) => {
    const r = RULES[id];
    return {
      id: r.id,
      name: r.name,
      shortDescription: { text: r.title },
      fullDescription: { text: r.description },
      help: {
        text: `${r.description}\n\nFix: ${r.help.replace(/`/g, "")}`,
        markdown: `${r.description}\n\n**Fix:** ${r.help}\n\n[Rule documentation](${r.helpUri})`,
      },
      helpUri: r.helpUri,
      defaultConfiguration: { level: SARIF_LEVEL[r.defaultSeverity] },
      properties: {
        "security-severity": SECURITY_SEVERITY[r.defaultSeverity],
        tags: ["security", "aws", "lambda", r.foundBy.includes("iac") ? "iac" : "runtime"],
        precision: "high",
      },
    };
  });
}

function result(f: Finding): SarifResult {
  const ruleIndex = RULE_IDS.indexOf(f.rule);
  const location: SarifLocation = {};
  if (f.location) {
    const region: SarifRegion = { startLine: f.location.startLine, endLine: f.location.endLine };
    if (f.location.startColumn !== undefined) region.startColumn = f.location.startColumn;
    if (f.location.endColumn !== undefined) region.endColumn = f.location.endColumn;
    location.physicalLocation = {
      artifactLocation: { uri: encodeURI(f.location.path), uriBaseId: "%SRCROOT%" },
      region,
    };
  }
  const logical = f.resource.arn ?? f.resource.iac?.address;
  if (logical) location.logicalLocations = [{ fullyQualifiedName: logical, kind: "resource" }];
  const label = resourceLabel(f);
  const out: SarifResult = {
    ruleId: f.rule,
    ruleIndex,
    level: SARIF_LEVEL[f.severity],
    message: { text: `${f.title} (${label}): ${f.message}` },
    locations: location.physicalLocation || location.logicalLocations ? [location] : [],
    partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
    properties: {
      severity: f.severity,
      resource: label,
      ...(f.resource.arn ? { arn: f.resource.arn } : {}),
      remediation: f.remediation.summary,
    },
  };
  if (f.suppression) {
    const s = f.suppression;
    out.suppressions = [
      {
        kind: s.source === "config" ? "external" : "inSource",
        justification: `${s.reason}${s.expires ? ` (until ${s.expires})` : ""}`,
      },
    ];
  }
  return out;
}

export function renderSarif(report: Report, opts: SarifOptions = {}): SarifLog {
  const findings = opts.onlyLocated ? report.findings.filter((f) => f.location) : report.findings;
  const problems = coverageProblems(report);
  const semver = /^\d+\.\d+\.\d+/.test(report.tool.version) ? report.tool.version : "0.0.0";
  return {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "lambda-guard",
            version: report.tool.version,
            semanticVersion: semver,
            informationUri: "https://github.com/lambda-guard/lambda-guard",
            rules: rules(),
          },
        },
        invocations: [
          {
            executionSuccessful: !isIncomplete(report.coverage),
            ...(problems.length > 0
              ? {
                  toolExecutionNotifications: problems.map((c) => ({
                    level: c.status === "failed" ? ("error" as const) : ("warning" as const),
                    message: { text: `${c.scope}: ${c.status}${c.detail ? ` — ${c.detail}` : ""}` },
                    descriptor: { id: "coverage" },
                  })),
                }
              : {}),
          },
        ],
        results: findings.map(result),
        properties: { target: report.target, generatedAt: report.generatedAt },
      },
    ],
  };
}
