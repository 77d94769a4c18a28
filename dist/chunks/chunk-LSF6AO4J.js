import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);

// src/aws/quotas.ts
var DOCUMENTED_QUOTAS = {
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
  "cloudtrail:lake": 5
};
var LAKE_OPERATIONS = /* @__PURE__ */ new Set(["StartQuery", "DescribeQuery", "GetQueryResults"]);
var GLOBAL_SERVICES = /* @__PURE__ */ new Set(["iam", "sts", "account", "organizations"]);
function bucketFor(service, operation) {
  const global = GLOBAL_SERVICES.has(service);
  const specific = `${service}:${operation}`;
  if (specific in DOCUMENTED_QUOTAS) return { bucket: specific, global };
  if (service === "lambda") return { bucket: "lambda:control-plane", global };
  if (service === "cloudtrail")
    return LAKE_OPERATIONS.has(operation) ? { bucket: "cloudtrail:lake", global } : void 0;
  if (service in DOCUMENTED_QUOTAS) return { bucket: service, global };
  return void 0;
}

export {
  DOCUMENTED_QUOTAS,
  bucketFor
};
