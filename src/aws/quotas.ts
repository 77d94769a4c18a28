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

/** Buckets metered per account rather than per region (AWS's global services). */
/** CloudTrail Lake's query calls share one gentle bucket (AWS publishes no per-API rate for them). */
const LAKE_OPERATIONS = new Set(["StartQuery", "DescribeQuery", "GetQueryResults"]);
const GLOBAL_SERVICES = new Set(["iam", "sts", "account", "organizations"]);

/**
 * The bucket that paces `service:operation`, and whether it is metered per region. Operations without a
 * documented quota are not paced (they are still retried). A new service's quota goes in DOCUMENTED_QUOTAS
 * and here; nothing else has to change.
 */
export function bucketFor(
  service: string,
  operation: string,
): { bucket: QuotaBucket; global: boolean } | undefined {
  const global = GLOBAL_SERVICES.has(service);
  const specific = `${service}:${operation}`;
  if (specific in DOCUMENTED_QUOTAS) return { bucket: specific as QuotaBucket, global };
  if (service === "lambda") return { bucket: "lambda:control-plane", global };
  if (service === "cloudtrail")
    return LAKE_OPERATIONS.has(operation) ? { bucket: "cloudtrail:lake", global } : undefined;
  if (service in DOCUMENTED_QUOTAS) return { bucket: service as QuotaBucket, global };
  return undefined;
}
