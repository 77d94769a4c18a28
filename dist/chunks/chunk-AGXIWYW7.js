import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  InputError,
  RULES
} from "./chunk-JAJAJYEP.js";
import {
  SEVERITIES,
  activeFindings,
  isIncomplete
} from "./chunk-4GMCL7QT.js";

// src/report/labels.ts
function principalName(arn) {
  const resource = arn.split(":").slice(5).join(":");
  const [type, ...rest] = resource.split("/");
  return rest.length > 0 ? `${type}/${rest[rest.length - 1]}` : resource || arn;
}
function resourceLabel(f) {
  const r = f.resource;
  if (r.kind === "principal" && r.arn) return principalName(r.arn);
  if (r.functionName) return r.qualifier ? `${r.functionName}:${r.qualifier}` : r.functionName;
  if (r.iac?.address) return r.iac.address;
  if (r.arn) return r.arn;
  return "-";
}
function whereLabel(f) {
  const l = f.location;
  if (l)
    return l.endLine > l.startLine ? `${l.path}:${l.startLine}-${l.endLine}` : `${l.path}:${l.startLine}`;
  if (f.resource.region && f.resource.accountId) return `${f.resource.accountId} ${f.resource.region}`;
  if (f.resource.region) return f.resource.region;
  if (f.resource.kind === "principal" && f.resource.arn)
    return `account ${f.resource.arn.split(":")[4] || "?"}`;
  return "-";
}
function plural(n, one, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}
function coverageProblems(report) {
  return report.coverage.filter((c) => isIncomplete([c]));
}
function countsPhrase(report) {
  const active = activeFindings(report);
  if (active.length === 0) return "no findings";
  const parts = [];
  for (const s of SEVERITIES) {
    const n = active.filter((f) => f.severity === s).length;
    if (n > 0) parts.push(`${n} ${s}`);
  }
  return `${plural(active.length, "finding")} (${parts.join(", ")})`;
}
function targetPhrase(report) {
  const t = report.target;
  if (t.kind === "aws-account") {
    const iacRoot = typeof t["iacRoot"] === "string" ? ` and IaC under ${t["iacRoot"]}` : "";
    return `AWS account ${t.accountId} (${plural(t.regions.length, "region")})${iacRoot}`;
  }
  if (t.kind === "aws-organization") {
    return `AWS Organization ${t.organizationId} (${plural(t.accounts.length, "account")})`;
  }
  return `IaC under ${t.root || "."}`;
}
function completenessPhrase(report) {
  if (!isIncomplete(report.coverage)) return "coverage complete";
  const problems = coverageProblems(report);
  const failed = problems.filter((c) => c.status === "failed").length;
  const timedOut = problems.filter((c) => c.status === "timed-out").length;
  const partial = problems.length - failed - timedOut;
  const bits = [];
  if (failed) bits.push(`${failed} failed`);
  if (partial) bits.push(`${partial} partial`);
  if (timedOut) bits.push(`${timedOut} timed out`);
  return `scan incomplete: ${bits.join(", ")} of ${plural(report.coverage.length, "scope")}`;
}
function summaryLine(report) {
  const suppressed = report.findings.length - activeFindings(report).length;
  return [
    countsPhrase(report),
    ...suppressed > 0 ? [`${suppressed} suppressed`] : [],
    completenessPhrase(report),
    targetPhrase(report)
  ].join(" \xB7 ");
}
var SEVERITY_LABEL = {
  critical: "Critical",
  high: "High",
  medium: "Medium",
  low: "Low"
};

// src/report/asff.ts
var ASFF_SCHEMA_VERSION = "2018-10-08";
var ASFF_COMPANY_NAME = "lambda-guard";
var ASFF_PRODUCT_NAME = "lambda-guard";
var ASFF_LIMITS = {
  title: 256,
  description: 1024,
  recommendationText: 512,
  /** Security Hub's Resource.Tags: at most 50 tags per resource. */
  tags: 50,
  /** ProductFields values: at most 2048 characters. */
  productFieldValue: 2048
};
var ASFF_PARTITIONS = /* @__PURE__ */ new Set(["aws", "aws-cn", "aws-us-gov"]);
var ASFF_SEVERITY = {
  critical: "CRITICAL",
  high: "HIGH",
  medium: "MEDIUM",
  low: "LOW"
};
var ASFF_TYPES = {
  LG001: ["Software and Configuration Checks/AWS Security Best Practices", "Effects/Data Exposure"],
  LG002: ["Software and Configuration Checks/AWS Security Best Practices", "Effects/Data Exposure"],
  LG003: ["Software and Configuration Checks/AWS Security Best Practices"],
  LG004: ["Software and Configuration Checks/AWS Security Best Practices"],
  LG005: ["Software and Configuration Checks/AWS Security Best Practices"]
};
function defaultProductArn(partition, region, accountId) {
  return `arn:${partition}:securityhub:${region}:${accountId}:product/${accountId}/default`;
}
function truncate(text, max) {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return `${chars.slice(0, max - 1).join("").trimEnd()}\u2026`;
}
function nonEmpty(text, fallback) {
  return text !== void 0 && /\S/.test(text) ? text : fallback;
}
var ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
function resourceOf(f, partition) {
  const r = f.resource;
  const arn = r.arn ?? "";
  const common = {
    ...ASFF_PARTITIONS.has(partition) ? { Partition: partition } : {},
    ...r.region ? { Region: r.region } : {}
  };
  if (r.kind === "principal") {
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
    ...tags.length > 0 ? { Tags: Object.fromEntries(tags) } : {},
    ...r.functionName ? { Details: { AwsLambdaFunction: { FunctionName: r.functionName } } } : {}
  };
}
function asffFinding(f, ctx) {
  const accountId = ctx.accountId;
  const rule = RULES[f.rule];
  const last = typeof f.evidence.lastSeen === "string" && ISO_TIME.test(f.evidence.lastSeen) ? f.evidence.lastSeen : ctx.observedAt;
  const prior = ctx.firstSeen?.get(f.fingerprint);
  const priorFirst = prior?.FirstObservedAt ?? prior?.CreatedAt ?? ctx.observedAt;
  const first = Date.parse(priorFirst) <= Date.parse(last) ? priorFirst : last;
  const productFields = {
    "lambda-guard/Rule": `${f.rule} ${rule.name}`,
    "lambda-guard/ResourceKind": f.resource.kind
  };
  if (f.resource.qualifier) productFields["lambda-guard/Qualifier"] = f.resource.qualifier;
  if (f.resource.iac?.address) {
    productFields["lambda-guard/IacAddress"] = truncate(
      f.resource.iac.address,
      ASFF_LIMITS.productFieldValue
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
      Types: ASFF_TYPES[f.rule]
    },
    Title: truncate(`${f.rule} ${nonEmpty(f.title, rule.title)}: ${resourceLabel(f)}`, ASFF_LIMITS.title),
    Description: truncate(nonEmpty(f.message, rule.description), ASFF_LIMITS.description),
    Remediation: {
      Recommendation: {
        Text: truncate(nonEmpty(f.remediation.summary, rule.help), ASFF_LIMITS.recommendationText),
        Url: rule.helpUri
      }
    },
    SourceUrl: rule.helpUri,
    ProductFields: productFields,
    Resources: [resourceOf(f, ctx.partition)],
    RecordState: "ACTIVE",
    Workflow: { Status: "NEW" }
  };
}
function renderAsff(report, ctx) {
  const target = report.target;
  if (target.kind === "iac") {
    throw new InputError(
      "ASFF findings belong to an AWS account: use --format asff with 'lambda-guard scan', not with an IaC scan",
      "--format asff"
    );
  }
  const partition = typeof target.partition === "string" ? target.partition : "aws";
  return activeFindings(report).map((f) => {
    const accountId = typeof target.accountId === "string" ? target.accountId : f.resource.accountId ?? f.resource.arn?.split(":")[4] ?? "";
    return asffFinding(f, { ...ctx, accountId, partition, observedAt: report.generatedAt });
  });
}
function renderAsffJson(report, ctx) {
  return `${JSON.stringify(renderAsff(report, ctx), null, 2)}
`;
}
function archivedCopy(stored, updatedAt) {
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
    "Resources"
  ];
  const out = {};
  for (const k of keep) if (stored[k] !== void 0) out[k] = stored[k];
  const fields = stored.ProductFields;
  const own = Object.entries(fields ?? {}).filter(([k]) => !k.startsWith("aws/"));
  if (own.length > 0) out.ProductFields = Object.fromEntries(own);
  out.UpdatedAt = updatedAt;
  out.RecordState = "ARCHIVED";
  return out;
}

export {
  resourceLabel,
  whereLabel,
  plural,
  coverageProblems,
  countsPhrase,
  targetPhrase,
  completenessPhrase,
  summaryLine,
  SEVERITY_LABEL,
  defaultProductArn,
  asffFinding,
  renderAsff,
  renderAsffJson,
  archivedCopy
};
