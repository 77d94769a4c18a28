/**
 * AWS's documented request-rate quotas (requests per second) that pace the scan. Lambda: "Control plane
 * API requests" 15 rps shared by most read APIs, GetPolicy 15 rps, GetFunction 100 rps (Lambda quotas
 * page). CloudTrail LookupEvents: 2 rps per account per region. IAM: no published per-API figure for the
 * read APIs we use; we stay gentle. Security Hub (partner guide and API reference): BatchImportFindings
 * 10 TPS per account per Region (burst 30), GetFindings 3 rps (burst 6).
 */
export const DOCUMENTED_QUOTAS = {
  "lambda:control-plane": 15,
  "lambda:GetPolicy": 15,
  "lambda:GetFunction": 100,
  "cloudtrail:LookupEvents": 2,
  iam: 10,
  "iam:SimulatePrincipalPolicy": 2,
  sts: 10,
  account: 5,
  ec2: 10,
  "securityhub:BatchImportFindings": 10,
  "securityhub:GetFindings": 3,
  // Organizations and CloudTrail Lake publish no per-API rate for these reads; we stay gentle.
  organizations: 5,
  "cloudtrail:lake": 5,
} as const;
export type QuotaBucket = keyof typeof DOCUMENTED_QUOTAS;
