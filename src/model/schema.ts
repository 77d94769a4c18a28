import { z } from "zod";
import { REPORT_SCHEMA_ID } from "./report.js";
import { RULE_IDS } from "./rules.js";
import { FAIL_ON_VALUES, SEVERITIES } from "./severity.js";

// The zod schemas that validate what lambda-guard reads back (reports, hand-off payloads). Kept out of the
// model's barrel: zod is a third of the code a command would otherwise load, and `lambda-guard iac` or
// `--help` never validate a report (scripts/build.mjs fails the build if their start-up pulls zod in).

export const RuleIdSchema = z.enum(RULE_IDS);
export const SeveritySchema = z.enum(SEVERITIES);
export const FailOnSchema = z.enum(FAIL_ON_VALUES);

// Schemas accept unknown extra keys (looseObject) because the contract only grows additively:
// a newer Action's report must still validate in an older app.

export const LocationSchema = z.looseObject({
  /** Repository-relative, forward slashes, no `..`. */
  path: z.string().min(1),
  startLine: z.number().int().positive(),
  endLine: z.number().int().positive(),
  startColumn: z.number().int().positive().optional(),
  endColumn: z.number().int().positive().optional(),
});
export type Location = z.infer<typeof LocationSchema>;

export const ResourceKindSchema = z.enum(["function-url", "function", "principal", "policy-statement"]);
export type ResourceKind = z.infer<typeof ResourceKindSchema>;

export const ResourceSchema = z.looseObject({
  kind: ResourceKindSchema,
  arn: z.string().optional(),
  region: z.string().optional(),
  accountId: z.string().optional(),
  functionName: z.string().optional(),
  qualifier: z.string().nullable().optional(),
  /** Live functions with findings carry their tags so `fix --report` can map them to code. */
  tags: z.record(z.string(), z.string()).optional(),
  iac: z
    .looseObject({
      address: z.string(),
      /** IaC flavour: terraform | cloudformation | sam | serverless | cdk */
      flavour: z.string().optional(),
    })
    .optional(),
});
export type Resource = z.infer<typeof ResourceSchema>;

export const RemediationSchema = z.looseObject({
  summary: z.string(),
  commands: z.array(z.string()).optional(),
  console: z.array(z.string()).optional(),
  /** A policy document to attach (LG004). */
  policy: z.unknown().optional(),
  notes: z.array(z.string()).optional(),
});
export type Remediation = z.infer<typeof RemediationSchema>;

export const SuppressionSchema = z.looseObject({
  source: z.enum(["config", "inline", "checkov"]),
  reason: z.string(),
  expires: z.string().optional(),
});
export type Suppression = z.infer<typeof SuppressionSchema>;

export const FindingSchema = z.looseObject({
  fingerprint: z.string().regex(/^lg1:[0-9a-f]{16,64}$/),
  rule: RuleIdSchema,
  severity: SeveritySchema,
  title: z.string(),
  message: z.string(),
  resource: ResourceSchema,
  location: LocationSchema.optional(),
  evidence: z.record(z.string(), z.unknown()).default({}),
  remediation: RemediationSchema,
  suppression: SuppressionSchema.optional(),
});
export type Finding = z.infer<typeof FindingSchema>;

/** `timed-out`: the scan's --timeout passed before the scope was read in full. */
export const CoverageStatusSchema = z.enum(["complete", "partial", "failed", "skipped", "timed-out"]);
export type CoverageStatus = z.infer<typeof CoverageStatusSchema>;

export const CoverageSchema = z.looseObject({
  /** `region/api` for scans (`us-east-1/lambda`), a path for IaC (`infra/main.tf`). */
  scope: z.string(),
  status: CoverageStatusSchema,
  detail: z.string().optional(),
});
export type Coverage = z.infer<typeof CoverageSchema>;

const TargetCommon = {
  repository: z.string().optional(),
  commit: z.string().optional(),
};

export const TargetSchema = z.discriminatedUnion("kind", [
  z.looseObject({
    kind: z.literal("aws-account"),
    accountId: z.string(),
    partition: z.string(),
    regions: z.array(z.string()),
    ...TargetCommon,
  }),
  z.looseObject({ kind: z.literal("iac"), root: z.string(), ...TargetCommon }),
  /** Every account of an AWS Organization scanned into one report; findings carry `resource.accountId`. */
  z.looseObject({
    kind: z.literal("aws-organization"),
    organizationId: z.string(),
    partition: z.string(),
    accounts: z.array(z.string()),
    ...TargetCommon,
  }),
]);
export type Target = z.infer<typeof TargetSchema>;

export const SummarySchema = z.looseObject({
  critical: z.number().int().nonnegative(),
  high: z.number().int().nonnegative(),
  medium: z.number().int().nonnegative(),
  low: z.number().int().nonnegative(),
  suppressed: z.number().int().nonnegative(),
});
export type Summary = z.infer<typeof SummarySchema>;

export const ReportSchema = z.looseObject({
  schema: z.literal(REPORT_SCHEMA_ID),
  tool: z.looseObject({ name: z.literal("lambda-guard"), version: z.string() }),
  generatedAt: z.string(),
  target: TargetSchema,
  coverage: z.array(CoverageSchema),
  summary: SummarySchema,
  findings: z.array(FindingSchema),
});
export type Report = z.infer<typeof ReportSchema>;
