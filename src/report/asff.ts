import { InputError } from "../model/errors.js";
import { type Finding, type Report, activeFindings } from "../model/report.js";
import { type RuleId, RULES } from "../model/rules.js";
import type { Severity } from "../model/severity.js";
import { resourceLabel } from "./labels.js";

// The AWS Security Finding Format (ASFF) as BatchImportFindings takes it, limited to the attributes we write,
// typed so a misspelt attribute is a compile error. Limits are Security Hub's (its import validation refuses
// a finding that exceeds them; the AWS CLI's own validation checks only the API model's shape).

export const ASFF_SCHEMA_VERSION = "2018-10-08";
export const ASFF_COMPANY_NAME = "lambda-guard";
export const ASFF_PRODUCT_NAME = "lambda-guard";
export const ASFF_LIMITS = {
  title: 256,
  description: 1024,
  recommendationText: 512,
  /** Security Hub's Resource.Tags: at most 50 tags per resource. */
  tags: 50,
  /** ProductFields values: at most 2048 characters. */
  productFieldValue: 2048,
} as const;

export type AsffSeverityLabel = "INFORMATIONAL" | "LOW" | "MEDIUM" | "HIGH" | "CRITICAL";
export type AsffRecordState = "ACTIVE" | "ARCHIVED";
export type AsffWorkflowStatus = "NEW" | "NOTIFIED" | "RESOLVED" | "SUPPRESSED";
/** Resource.Partition accepts only these; other partitions leave it out. */
const ASFF_PARTITIONS = new Set(["aws", "aws-cn", "aws-us-gov"]);

export interface AsffResource {
  Type: string;
  Id: string;
  Partition?: string;
  Region?: string;
  Tags?: Record<string, string>;
  Details?: {
    AwsLambdaFunction?: { FunctionName: string };
    AwsIamRole?: { RoleName: string };
    AwsIamUser?: { UserName: string };
  };
}

export interface AsffFinding {
  SchemaVersion: string;
  Id: string;
  ProductArn: string;
  ProductName: string;
  CompanyName: string;
  Region: string;
  GeneratorId: string;
  AwsAccountId: string;
  Types: string[];
  FirstObservedAt: string;
  LastObservedAt: string;
  CreatedAt: string;
  UpdatedAt: string;
  Severity: { Label: AsffSeverityLabel; Original: string };
  /** Where Security Hub takes a provider's Severity and Types from on updates (the top-level ones only count
   * when a finding is created). */
  FindingProviderFields: { Severity: { Label: AsffSeverityLabel; Original: string }; Types: string[] };
  Title: string;
  Description: string;
  Remediation: { Recommendation: { Text: string; Url?: string } };
  SourceUrl?: string;
  ProductFields: Record<string, string>;
  Resources: AsffResource[];
  RecordState: AsffRecordState;
  Workflow?: { Status: AsffWorkflowStatus };
}

export const ASFF_SEVERITY: Record<Severity, AsffSeverityLabel> = {
  critical: "CRITICAL",
  high: "HIGH",
  medium: "MEDIUM",
  low: "LOW",
};

/**
 * ASFF finding types (namespace/category/classifier, namespaces from Security Hub's taxonomy). A public URL or
 * invoke permission exposes what the function returns; a missing ListTags grant only breaks tag-driven tooling.
 */
export const ASFF_TYPES: Record<RuleId, string[]> = {
  LG001: ["Software and Configuration Checks/AWS Security Best Practices", "Effects/Data Exposure"],
  LG002: ["Software and Configuration Checks/AWS Security Best Practices", "Effects/Data Exposure"],
  LG003: ["Software and Configuration Checks/AWS Security Best Practices"],
  LG004: ["Software and Configuration Checks/AWS Security Best Practices"],
  LG005: ["Software and Configuration Checks/AWS Security Best Practices"],
};

/** Security Hub's product ARN for findings an account imports about itself (a "custom integration"). */
export function defaultProductArn(partition: string, region: string, accountId: string): string {
  return `arn:${partition}:securityhub:${region}:${accountId}:product/${accountId}/default`;
}

/**
 * At most `max` characters (code points, as Security Hub counts them), cut at a code-point boundary so no
 * surrogate pair is split, with "…" marking the cut.
 */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return `${chars
    .slice(0, max - 1)
    .join("")
    .trimEnd()}…`;
}

/** ASFF strings must hold a non-space character (the API model's NonEmptyString). */
function nonEmpty(text: string | undefined, fallback: string): string {
  return text !== undefined && /\S/.test(text) ? text : fallback;
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

function resourceOf(f: Finding, partition: string): AsffResource {
  const r = f.resource;
  const arn = r.arn ?? "";
  const common = {
    ...(ASFF_PARTITIONS.has(partition) ? { Partition: partition } : {}),
    ...(r.region ? { Region: r.region } : {}),
  };
  if (r.kind === "principal") {
    // arn:aws:iam::123:role/path/name or arn:aws:iam::123:user/name
    const [type, ...rest] = arn.split(":").slice(5).join(":").split("/");
    const name = rest[rest.length - 1] ?? arn;
    if (type === "role")
      return { Type: "AwsIamRole", Id: arn, ...common, Details: { AwsIamRole: { RoleName: name } } };
    if (type === "user")
      return { Type: "AwsIamUser", Id: arn, ...common, Details: { AwsIamUser: { UserName: name } } };
    return { Type: "Other", Id: nonEmpty(arn, resourceLabel(f)), ...common };
  }
  const tags = Object.entries(r.tags ?? {}).slice(0, ASFF_LIMITS.tags);
  return {
    Type: "AwsLambdaFunction",
    Id: nonEmpty(arn, resourceLabel(f)),
    ...common,
    ...(tags.length > 0 ? { Tags: Object.fromEntries(tags) } : {}),
    ...(r.functionName ? { Details: { AwsLambdaFunction: { FunctionName: r.functionName } } } : {}),
  };
}

export interface AsffContext {
  /** Where the findings are imported: the region of the product ARN and of `Region`. */
  region: string;
  /** When the finding was first imported, by Id (Security Hub's copy); absent = first seen now. */
  firstSeen?: ReadonlyMap<string, { CreatedAt: string; FirstObservedAt?: string }>;
}

/**
 * One live-scan finding as ASFF. `accountId` is the scanned account: Security Hub takes a finding only from the
 * account it names, and an LG004 caller from another account is still this account's finding (its CloudTrail,
 * its functions), so `resource.accountId` (the caller's account) must not replace it.
 */
export function asffFinding(
  f: Finding,
  ctx: AsffContext & { accountId: string; partition: string; observedAt: string },
): AsffFinding {
  const accountId = ctx.accountId;
  const rule = RULES[f.rule];
  // LG004 is observed in CloudTrail (its last event); the other rules at scan time. First ≤ last, always.
  const last =
    typeof f.evidence.lastSeen === "string" && ISO_TIME.test(f.evidence.lastSeen)
      ? f.evidence.lastSeen
      : ctx.observedAt;
  const prior = ctx.firstSeen?.get(f.fingerprint);
  const priorFirst = prior?.FirstObservedAt ?? prior?.CreatedAt ?? ctx.observedAt;
  const first = Date.parse(priorFirst) <= Date.parse(last) ? priorFirst : last;
  const productFields: Record<string, string> = {
    "lambda-guard/Rule": `${f.rule} ${rule.name}`,
    "lambda-guard/ResourceKind": f.resource.kind,
  };
  if (f.resource.qualifier) productFields["lambda-guard/Qualifier"] = f.resource.qualifier;
  if (f.resource.iac?.address) {
    productFields["lambda-guard/IacAddress"] = truncate(
      f.resource.iac.address,
      ASFF_LIMITS.productFieldValue,
    );
  }
  return {
    SchemaVersion: ASFF_SCHEMA_VERSION,
    Id: f.fingerprint,
    ProductArn: defaultProductArn(ctx.partition, ctx.region, accountId),
    ProductName: ASFF_PRODUCT_NAME,
    CompanyName: ASFF_COMPANY_NAME,
    Region: ctx.region,
    GeneratorId: f.rule,
    AwsAccountId: accountId,
    Types: ASFF_TYPES[f.rule],
    FirstObservedAt: first,
    LastObservedAt: last,
    CreatedAt: prior?.CreatedAt ?? ctx.observedAt,
    UpdatedAt: ctx.observedAt,
    Severity: { Label: ASFF_SEVERITY[f.severity], Original: f.severity },
    FindingProviderFields: {
      Severity: { Label: ASFF_SEVERITY[f.severity], Original: f.severity },
      Types: ASFF_TYPES[f.rule],
    },
    Title: truncate(`${f.rule} ${nonEmpty(f.title, rule.title)}: ${resourceLabel(f)}`, ASFF_LIMITS.title),
    Description: truncate(nonEmpty(f.message, rule.description), ASFF_LIMITS.description),
    Remediation: {
      Recommendation: {
        Text: truncate(nonEmpty(f.remediation.summary, rule.help), ASFF_LIMITS.recommendationText),
        Url: rule.helpUri,
      },
    },
    SourceUrl: rule.helpUri,
    ProductFields: productFields,
    Resources: [resourceOf(f, ctx.partition)],
    RecordState: "ACTIVE",
    Workflow: { Status: "NEW" },
  };
}

/**
 * The unsuppressed findings of a live scan as ASFF, ready for BatchImportFindings (which takes up to 100 per
 * call). Suppressed findings are intended exposure: they stay out, and `--security-hub` archives them.
 */
export function renderAsff(report: Report, ctx: AsffContext): AsffFinding[] {
  const target = report.target as { kind: string; accountId?: unknown; partition?: unknown };
  if (target.kind === "iac") {
    throw new InputError(
      "ASFF findings belong to an AWS account: use --format asff with 'lambda-guard scan', not with an IaC scan",
      "--format asff",
    );
  }
  const partition = typeof target.partition === "string" ? target.partition : "aws";
  return activeFindings(report).map((f) => {
    // A single-account report names its account; a merged (organization) report names it per finding.
    const accountId =
      typeof target.accountId === "string"
        ? target.accountId
        : (f.resource.accountId ?? f.resource.arn?.split(":")[4] ?? "");
    return asffFinding(f, { ...ctx, accountId, partition, observedAt: report.generatedAt });
  });
}

/** `--format asff`: the JSON array `aws securityhub batch-import-findings --findings file://…` takes. */
export function renderAsffJson(report: Report, ctx: AsffContext): string {
  return `${JSON.stringify(renderAsff(report, ctx), null, 2)}\n`;
}

/**
 * A finding Security Hub holds, re-imported as archived: the provider's attributes it returned, with
 * RecordState ARCHIVED and a new UpdatedAt. Workflow is the customer's after import, so it stays out.
 */
export function archivedCopy(stored: Record<string, unknown>, updatedAt: string): Record<string, unknown> {
  const keep = [
    "SchemaVersion",
    "Id",
    "ProductArn",
    "ProductName",
    "CompanyName",
    "Region",
    "GeneratorId",
    "AwsAccountId",
    "Types",
    "FirstObservedAt",
    "LastObservedAt",
    "CreatedAt",
    "Severity",
    "FindingProviderFields",
    "Title",
    "Description",
    "Remediation",
    "SourceUrl",
    "Resources",
  ];
  const out: Record<string, unknown> = {};
  for (const k of keep) if (stored[k] !== undefined) out[k] = stored[k];
  // Security Hub adds its own `aws/securityhub/…` product fields; those are not the provider's to send.
  const fields = stored.ProductFields as Record<string, string> | undefined;
  const own = Object.entries(fields ?? {}).filter(([k]) => !k.startsWith("aws/"));
  if (own.length > 0) out.ProductFields = Object.fromEntries(own);
  out.UpdatedAt = updatedAt;
  out.RecordState = "ARCHIVED";
  return out;
}
