/**
 * AWS Security Hub, REST-JSON: BatchImportFindings (POST /findings/import) and GetFindings (POST /findings).
 * Findings are kept per account and region (as Security Hub keeps them), for the life of the emulator.
 *
 * Import validates each finding as Security Hub does and reports the ones it refuses in `FailedFindings`
 * (`ErrorCode` InvalidInput, an "does not adhere to Amazon Finding Format" message naming the attribute) while
 * the others are stored; a second import with the same ProductArn and Id updates the finding. GetFindings
 * filters by the string attributes below and pages with NextToken.
 */
import { createHash } from "node:crypto";
import { accountStateOf, findAccount } from "../accounts.js";
import type { EmulatorState } from "../state.js";
import { paginate, parseJsonBody, restJsonError, restJsonResult } from "../protocol.js";
import type { EmulatorRequest, ResolvedOperation, ServiceContext, ServiceModule } from "../types.js";
import { ServiceError } from "../types.js";

type Json = Record<string, unknown>;

// Security Hub's limits (API reference, ASFF syntax, partner guide).
const MAX_BATCH = 100;
const MAX_FINDING_BYTES = 240 * 1024;
const MAX_REQUEST_BYTES = 6 * 1024 * 1024;
const REQUIRED = [
  "SchemaVersion",
  "Id",
  "ProductArn",
  "GeneratorId",
  "AwsAccountId",
  "CreatedAt",
  "UpdatedAt",
  "Title",
  "Description",
  "Resources",
] as const;
const NAMESPACES = [
  "Software and Configuration Checks",
  "TTPs",
  "Effects",
  "Unusual Behaviors",
  "Sensitive Data Identifications",
];
const SEVERITY_LABELS = ["INFORMATIONAL", "LOW", "MEDIUM", "HIGH", "CRITICAL"];
const RECORD_STATES = ["ACTIVE", "ARCHIVED"];
const WORKFLOW_STATUSES = ["NEW", "NOTIFIED", "RESOLVED", "SUPPRESSED"];
const PARTITIONS = ["aws", "aws-cn", "aws-us-gov"];
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const MAX_LENGTH: [string[], number][] = [
  [["Id"], 512],
  [["GeneratorId"], 512],
  [["Title"], 256],
  [["Description"], 1024],
  [["Remediation", "Recommendation", "Text"], 512],
];

/**
 * Findings per "account/region", by "ProductArn\0Id"; one map per emulated account, whichever session (an
 * assumed role's view of the account) imports or reads them.
 */
const stores = new WeakMap<EmulatorState, Map<string, Map<string, Json>>>();

function storeFor(ctx: ServiceContext, region: string): Map<string, Json> {
  const account = accountStateOf(ctx.state);
  let byScope = stores.get(account);
  if (!byScope) stores.set(account, (byScope = new Map()));
  const key = `${ctx.accountId}/${region}`;
  let s = byScope.get(key);
  if (!s) byScope.set(key, (s = new Map()));
  return s;
}

/** The findings an account holds in a region (tests and the demo look without a client). */
export function securityHubFindings(state: EmulatorState, accountId: string, region: string): Json[] {
  const account = findAccount(state, accountId) ?? state;
  return [...(stores.get(account)?.get(`${accountId}/${region}`)?.values() ?? [])];
}

function invalidInput(message: string): ServiceError {
  return new ServiceError("InvalidInputException", message, 400);
}

const isString = (v: unknown): v is string => typeof v === "string" && /\S/.test(v);
const chars = (s: string) => Array.from(s).length;

function get(obj: Json, path: string[]): unknown {
  let v: unknown = obj;
  for (const p of path) v = v && typeof v === "object" ? (v as Json)[p] : undefined;
  return v;
}

/**
 * The first reason Security Hub would refuse this finding, worded like its schema validator
 * ("data.Title should NOT be longer than 256 characters"), or null when it is accepted.
 */
export function findingProblem(f: unknown, call: { accountId: string; productArn: string }): string | null {
  if (!f || typeof f !== "object" || Array.isArray(f)) return "data should be object";
  const d = f as Json;
  for (const k of REQUIRED) if (d[k] === undefined) return `data should have required property '${k}'`;
  for (const k of REQUIRED) {
    if (k !== "Resources" && !isString(d[k])) return `data.${k} should be a non-empty string`;
  }
  if (d.SchemaVersion !== "2018-10-08")
    return "data.SchemaVersion should be equal to one of the allowed values";
  for (const [path, max] of MAX_LENGTH) {
    const v = get(d, path);
    if (typeof v === "string" && chars(v) > max)
      return `data.${path.join(".")} should NOT be longer than ${max} characters`;
    if (v !== undefined && !isString(v))
      return `data.${path.join(".")} should NOT be shorter than 1 characters`;
  }
  for (const k of ["CreatedAt", "UpdatedAt", "FirstObservedAt", "LastObservedAt"]) {
    if (d[k] !== undefined && !(typeof d[k] === "string" && TIMESTAMP.test(d[k]) && !isNaN(Date.parse(d[k]))))
      return `data.${k} should match format "date-time"`;
  }
  // Severity and Types: on the finding or in FindingProviderFields.
  const provider = (d.FindingProviderFields ?? {}) as Json;
  const severity = (d.Severity ?? provider.Severity) as Json | undefined;
  if (!severity || typeof severity !== "object")
    return "data should have required property 'Severity', data should match some schema in anyOf";
  if (severity.Label !== undefined && !SEVERITY_LABELS.includes(String(severity.Label)))
    return "data.Severity.Label should be equal to one of the allowed values";
  if (severity.Label === undefined && typeof severity.Normalized !== "number")
    return "data.Severity should have required property 'Label'";
  const types = (d.Types ?? provider.Types) as unknown;
  if (!Array.isArray(types) || types.length === 0)
    return "data should have required property 'Types', data should match some schema in anyOf";
  if (types.length > 50) return "data.Types should NOT have more than 50 items";
  for (const [i, t] of types.entries()) {
    const parts = typeof t === "string" ? t.split("/") : [];
    if (
      parts.length < 1 ||
      parts.length > 3 ||
      !NAMESPACES.includes(parts[0]!) ||
      parts.some((p) => !/\S/.test(p))
    )
      return `data.Types[${i}] should match pattern "^(${NAMESPACES.join("|")})(/[^/]+){0,2}$"`;
  }
  const resources = d.Resources;
  if (!Array.isArray(resources)) return "data.Resources should be array";
  if (resources.length < 1) return "data.Resources should NOT have fewer than 1 items";
  if (resources.length > 32) return "data.Resources should NOT have more than 32 items";
  for (const [i, r] of resources.entries()) {
    const res = (r ?? {}) as Json;
    for (const k of ["Type", "Id"]) {
      if (res[k] === undefined) return `data.Resources[${i}] should have required property '${k}'`;
      if (!isString(res[k])) return `data.Resources[${i}].${k} should NOT be shorter than 1 characters`;
    }
    if (res.Partition !== undefined && !PARTITIONS.includes(String(res.Partition)))
      return `data.Resources[${i}].Partition should be equal to one of the allowed values`;
  }
  if (d.RecordState !== undefined && !RECORD_STATES.includes(String(d.RecordState)))
    return "data.RecordState should be equal to one of the allowed values";
  const wf = get(d, ["Workflow", "Status"]);
  if (wf !== undefined && !WORKFLOW_STATUSES.includes(String(wf)))
    return "data.Workflow.Status should be equal to one of the allowed values";
  const url = get(d, ["Remediation", "Recommendation", "Url"]);
  if (url !== undefined && !(typeof url === "string" && URL.canParse(url)))
    return 'data.Remediation.Recommendation.Url should match format "uri"';
  if (Buffer.byteLength(JSON.stringify(d)) > MAX_FINDING_BYTES) return "Finding size exceeds 240 KB";
  // Who may import: with the default product ARN, only the account the finding names.
  if (d.AwsAccountId !== call.accountId)
    return `AwsAccountId ${String(d.AwsAccountId)} is not the calling account ${call.accountId}; an account imports only its own findings with the default product ARN`;
  if (d.ProductArn !== call.productArn)
    return `ProductArn ${String(d.ProductArn)} is not a product this account may import into in this Region (${call.productArn})`;
  return null;
}

/** What Security Hub keeps: the provider's finding plus the attributes it owns. */
function stored(incoming: Json, prior: Json | undefined, region: string, now: string): Json {
  const recordState = (incoming.RecordState as string | undefined) ?? "ACTIVE";
  // Workflow belongs to the customer after the first import; Security Hub moves it on record-state changes.
  let workflow = prior?.Workflow as Json | undefined;
  if (!workflow) workflow = (incoming.Workflow as Json | undefined) ?? { Status: "NEW" };
  const status = String(workflow.Status);
  if (prior && prior.RecordState !== recordState) {
    if (recordState === "ARCHIVED" && (status === "NEW" || status === "NOTIFIED"))
      workflow = { Status: "RESOLVED" };
    if (recordState === "ACTIVE" && status === "RESOLVED") workflow = { Status: "NEW" };
  }
  const productFields = {
    ...((incoming.ProductFields as Json | undefined) ?? {}),
    "aws/securityhub/FindingId": `${String(incoming.ProductArn)}/${String(incoming.Id)}`,
    "aws/securityhub/ProductName": String(incoming.ProductName ?? "Default"),
    "aws/securityhub/CompanyName": String(incoming.CompanyName ?? "Personal"),
  };
  return {
    ...incoming,
    ProductName: incoming.ProductName ?? "Default",
    CompanyName: incoming.CompanyName ?? "Personal",
    Region: region,
    RecordState: recordState,
    Workflow: workflow,
    WorkflowState: "NEW",
    ProductFields: productFields,
    // The provider's own values, else copied from the top level (as Security Hub does on create).
    FindingProviderFields: {
      Severity: get(incoming, ["FindingProviderFields", "Severity"]) ?? incoming.Severity,
      Types: get(incoming, ["FindingProviderFields", "Types"]) ?? incoming.Types,
    },
    ProcessedAt: now,
  };
}

function batchImport(ctx: ServiceContext, req: EmulatorRequest) {
  if (req.body.length > MAX_REQUEST_BYTES)
    throw invalidInput("The request exceeds the 6 MB limit for a batch.");
  const input = parseJsonBody(req);
  const findings = input.Findings;
  if (!Array.isArray(findings) || findings.length < 1 || findings.length > MAX_BATCH)
    throw invalidInput(`Findings must be a list of 1 to ${MAX_BATCH} findings.`);
  const productArn = `arn:${ctx.partition}:securityhub:${req.region}:${ctx.accountId}:product/${ctx.accountId}/default`;
  const store = storeFor(ctx, req.region);
  const now = ctx.now().toISOString();
  const failed: Json[] = [];
  let success = 0;
  for (const f of findings) {
    const problem = findingProblem(f, { accountId: ctx.accountId, productArn });
    if (problem) {
      const id = f && typeof f === "object" && isString((f as Json).Id) ? ((f as Json).Id as string) : "-";
      failed.push({
        Id: id,
        ErrorCode: "InvalidInput",
        ErrorMessage: `Finding does not adhere to Amazon Finding Format. ${problem}.`,
      });
      continue;
    }
    const d = f as Json;
    const key = `${String(d.ProductArn)}\u0000${String(d.Id)}`;
    const prior = store.get(key);
    store.delete(key); // re-inserted last: the store keeps the order of the latest import
    store.set(key, stored(d, prior, req.region, now));
    success++;
  }
  return restJsonResult({ FailedCount: failed.length, SuccessCount: success, FailedFindings: failed });
}

/** The string attributes GetFindings filters on here: filter name → the finding's values. */
const FILTERABLE: Record<string, (f: Json) => unknown[]> = {
  ProductArn: (f) => [f.ProductArn],
  AwsAccountId: (f) => [f.AwsAccountId],
  Id: (f) => [f.Id],
  GeneratorId: (f) => [f.GeneratorId],
  Region: (f) => [f.Region],
  Title: (f) => [f.Title],
  Description: (f) => [f.Description],
  ProductName: (f) => [f.ProductName],
  CompanyName: (f) => [f.CompanyName],
  RecordState: (f) => [f.RecordState],
  SeverityLabel: (f) => [get(f, ["Severity", "Label"])],
  WorkflowStatus: (f) => [get(f, ["Workflow", "Status"])],
  RecommendationText: (f) => [get(f, ["Remediation", "Recommendation", "Text"])],
  Type: (f) => (Array.isArray(f.Types) ? f.Types : []),
  ResourceType: (f) => (Array.isArray(f.Resources) ? f.Resources.map((r) => (r as Json).Type) : []),
  ResourceId: (f) => (Array.isArray(f.Resources) ? f.Resources.map((r) => (r as Json).Id) : []),
  ResourceRegion: (f) => (Array.isArray(f.Resources) ? f.Resources.map((r) => (r as Json).Region) : []),
  ResourcePartition: (f) => (Array.isArray(f.Resources) ? f.Resources.map((r) => (r as Json).Partition) : []),
};
const COMPARISONS = ["EQUALS", "PREFIX", "NOT_EQUALS", "PREFIX_NOT_EQUALS"];
const MAX_FILTER_VALUES = 20;

type Predicate = (f: Json) => boolean;

/**
 * Security Hub's string filters: within one attribute, EQUALS/PREFIX values are alternatives (OR) and
 * NOT_EQUALS/PREFIX_NOT_EQUALS values all apply (AND); different attributes all apply.
 */
function compileFilters(filters: unknown): Predicate[] {
  if (filters === undefined) return [];
  if (!filters || typeof filters !== "object" || Array.isArray(filters))
    throw invalidInput("Filters must be an object.");
  const out: Predicate[] = [];
  for (const [name, list] of Object.entries(filters as Json)) {
    if (!Array.isArray(list) || list.length === 0) continue;
    const values = FILTERABLE[name];
    if (!values) {
      throw invalidInput(
        `The emulator does not implement the filter '${name}'; it filters by ${Object.keys(FILTERABLE).join(", ")}.`,
      );
    }
    if (list.length > MAX_FILTER_VALUES)
      throw invalidInput(
        `Filter ${name} has ${list.length} values; at most ${MAX_FILTER_VALUES} are allowed.`,
      );
    const pos: ((v: string) => boolean)[] = [];
    const neg: ((v: string) => boolean)[] = [];
    for (const entry of list) {
      const e = (entry ?? {}) as Json;
      const value = e.Value;
      const cmp = e.Comparison;
      if (!isString(value) || !COMPARISONS.includes(String(cmp)))
        throw invalidInput(`Each ${name} filter needs a Value and a Comparison (${COMPARISONS.join(", ")}).`);
      if (cmp === "EQUALS") pos.push((v) => v === value);
      else if (cmp === "PREFIX") pos.push((v) => v.startsWith(value));
      else if (cmp === "NOT_EQUALS") neg.push((v) => v === value);
      else neg.push((v) => v.startsWith(value));
    }
    out.push((f) => {
      const vs = values(f).filter((v): v is string => typeof v === "string");
      if (pos.length > 0 && !vs.some((v) => pos.some((p) => p(v)))) return false;
      return !vs.some((v) => neg.some((n) => n(v)));
    });
  }
  return out;
}

function getFindings(ctx: ServiceContext, req: EmulatorRequest) {
  const input = parseJsonBody(req);
  const max = input.MaxResults ?? 100;
  if (typeof max !== "number" || !Number.isInteger(max) || max < 1 || max > 100)
    throw invalidInput("MaxResults must be between 1 and 100.");
  const predicates = compileFilters(input.Filters);
  let findings = [...storeFor(ctx, req.region).values()].filter((f) => predicates.every((p) => p(f)));
  const sort = Array.isArray(input.SortCriteria) ? (input.SortCriteria[0] as Json | undefined) : undefined;
  if (sort && isString(sort.Field)) {
    const field = sort.Field;
    const dir = sort.SortOrder === "desc" ? -1 : 1;
    findings = findings.sort((a, b) => dir * String(a[field] ?? "").localeCompare(String(b[field] ?? "")));
  }
  // The token names the query, so a token from another filter is refused rather than misread.
  const scope = createHash("sha256")
    .update(JSON.stringify([input.Filters ?? null, input.SortCriteria ?? null]))
    .digest("hex")
    .slice(0, 16);
  const page = paginate(findings, input.NextToken as string | undefined, max, scope, () =>
    invalidInput("The NextToken is invalid or expired."),
  );
  return restJsonResult({ Findings: page.items, ...(page.next ? { NextToken: page.next } : {}) });
}

export const securityHubService: ServiceModule = {
  services: ["securityhub"],
  protocol: "rest-json",
  resolve(req: EmulatorRequest): ResolvedOperation {
    const path = req.path.replace(/\/$/, "");
    if (req.method === "POST" && path === "/findings/import") {
      return {
        name: "BatchImportFindings",
        bucket: "securityhub:BatchImportFindings",
        handle: (ctx) => batchImport(ctx, req),
      };
    }
    if (req.method === "POST" && path === "/findings") {
      return {
        name: "GetFindings",
        bucket: "securityhub:GetFindings",
        handle: (ctx) => getFindings(ctx, req),
      };
    }
    throw new ServiceError(
      "UnknownOperationException",
      `The emulator does not implement ${req.method} ${req.path} for Security Hub.`,
      404,
    );
  },
  // Security Hub's errors carry `Code` and `Message` (InvalidInputException, LimitExceededException, …).
  renderError: (err) => {
    const res = restJsonError(err);
    return { ...res, body: JSON.stringify({ Code: err.code, Message: err.message }) };
  },
  standardError(kind, info) {
    // The API model's throttling error: LimitExceededException, HTTP 429.
    if (kind === "Throttling") {
      const retry = info.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: info.retryAfterSeconds };
      return new ServiceError("LimitExceededException", "Rate exceeded", 429, retry);
    }
    return undefined;
  },
};
