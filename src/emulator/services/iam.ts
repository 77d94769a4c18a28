/**
 * IAM (Query/XML, global): `GetAccountAuthorizationDetails` served from the state's `iam` snapshot (policy
 * documents URL-encoded as IAM sends them, `MaxItems`/`Marker`/`IsTruncated` pagination across the four lists,
 * the `shortPage` fault) and `SimulatePrincipalPolicy` answered from the state's `simulations` table; the
 * per-entity read APIs of the same snapshot live in iam-read.ts.
 */
import { paginate, queryError, queryList, queryParams, queryResult } from "../protocol.js";
import type { EmulatorState, Simulation } from "../state.js";
import type { EmulatorRequest, ResolvedOperation, ServiceContext, ServiceModule } from "../types.js";
import { ServiceError } from "../types.js";
import { resolveIamRead } from "./iam-read.js";

export const IAM_NAMESPACE = "https://iam.amazonaws.com/doc/2010-05-08/";

const LISTS = ["UserDetailList", "GroupDetailList", "RoleDetailList", "Policies"] as const;
type ListName = (typeof LISTS)[number];
const ENTITY_FILTERS = ["User", "Role", "Group", "LocalManagedPolicy", "AWSManagedPolicy"] as const;
const DOCUMENT_KEYS = new Set(["PolicyDocument", "AssumeRolePolicyDocument", "Document"]);

/** RFC 3986 percent-encoding, as IAM returns policy documents. */
export function encodePolicyDocument(doc: unknown): string {
  const text = typeof doc === "string" ? doc : JSON.stringify(doc);
  // A string that is already percent-encoded JSON is served as-is.
  if (typeof doc === "string" && /^%7B/i.test(doc.trim())) return doc;
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function encodeDocuments(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(encodeDocuments);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      out[k] =
        DOCUMENT_KEYS.has(k) && v !== null && v !== undefined ? encodePolicyDocument(v) : encodeDocuments(v);
    }
    return out;
  }
  return value;
}

interface Entry {
  list: ListName;
  kind: (typeof ENTITY_FILTERS)[number];
  item: unknown;
}

// Encoding every document on each page is costly at benchmark sizes, so the encoded entries are kept per
// `state.iam` object: to change IAM in a running emulator, assign a new `state.iam` (in-place edits are not seen).
const prepared = new WeakMap<EmulatorState, { source: unknown; entries: Entry[]; arns: Set<string> }>();

function entriesFor(state: EmulatorState): { entries: Entry[]; arns: Set<string> } {
  const cur = prepared.get(state);
  if (cur && cur.source === state.iam) return cur;
  const entries: Entry[] = [];
  const arns = new Set<string>();
  for (const list of LISTS) {
    const items = state.iam[list];
    if (!Array.isArray(items)) continue;
    for (const item of items) {
      const arn = (item as { Arn?: unknown } | null)?.Arn;
      if (typeof arn === "string") arns.add(arn);
      const kind: Entry["kind"] =
        list === "UserDetailList"
          ? "User"
          : list === "GroupDetailList"
            ? "Group"
            : list === "RoleDetailList"
              ? "Role"
              : typeof arn === "string" && /^arn:[^:]+:iam::aws:policy\//.test(arn)
                ? "AWSManagedPolicy"
                : "LocalManagedPolicy";
      entries.push({ list, kind, item: encodeDocuments(item) });
    }
  }
  const next = { source: state.iam, entries, arns };
  prepared.set(state, next);
  return next;
}

/** `MaxItems` as IAM validates it (1–1000), or `dflt` when absent. */
export function maxItems(params: URLSearchParams, dflt: number): number {
  const raw = params.get("MaxItems");
  if (raw === null) return dflt;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 1000) {
    throw new ServiceError(
      "ValidationError",
      `1 validation error detected: Value '${raw}' at 'maxItems' failed to satisfy constraint: Member must have value between 1 and 1000`,
      400,
    );
  }
  return n;
}

const invalidMarker = () => new ServiceError("InvalidInput", "Invalid Marker.", 400);

function getAccountAuthorizationDetails(req: EmulatorRequest, ctx: ServiceContext) {
  const params = queryParams(req);
  const filters = queryList(params, "Filter");
  for (const f of filters) {
    if (!(ENTITY_FILTERS as readonly string[]).includes(f)) {
      throw new ServiceError(
        "ValidationError",
        `1 validation error detected: Value '[${f}]' at 'filter' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [${ENTITY_FILTERS.join(", ")}]]`,
        400,
      );
    }
  }
  const limit = maxItems(params, 100);
  const all = entriesFor(ctx.state).entries;
  const selected = filters.length === 0 ? all : all.filter((e) => filters.includes(e.kind));
  const scope = `gaad:${[...filters].sort().join(",")}`;
  const short = ctx.activeFaults?.some((f) => f.error === "shortPage") ?? false;
  // IAM may return fewer items than MaxItems while IsTruncated is still true.
  const pageSize = short ? Math.max(1, Math.floor(limit / 3)) : limit;
  const page = paginate(selected, params.get("Marker"), pageSize, scope, invalidMarker);

  const lists: Record<ListName, unknown[]> = {
    UserDetailList: [],
    GroupDetailList: [],
    RoleDetailList: [],
    Policies: [],
  };
  for (const e of page.items) lists[e.list].push(e.item);
  const result: Record<string, unknown> = { IsTruncated: page.next !== undefined };
  if (page.next !== undefined) result.Marker = page.next;
  Object.assign(result, lists);
  return queryResult("GetAccountAuthorizationDetails", result, IAM_NAMESPACE, req);
}

function simulationFor(sims: readonly Simulation[], principal: string, action: string, resource: string) {
  const a = action.toLowerCase();
  return sims.find(
    (s) =>
      s.principalArn === principal &&
      s.action.toLowerCase() === a &&
      (s.resource === "*" || s.resource === resource),
  );
}

function simulatePrincipalPolicy(req: EmulatorRequest, ctx: ServiceContext) {
  const params = queryParams(req);
  const source = params.get("PolicySourceArn");
  if (!source) {
    throw new ServiceError(
      "ValidationError",
      "1 validation error detected: PolicySourceArn must not be null",
      400,
    );
  }
  const actions = queryList(params, "ActionNames");
  if (actions.length === 0) {
    throw new ServiceError(
      "ValidationError",
      "1 validation error detected: ActionNames must not be null",
      400,
    );
  }
  const sims = ctx.state.simulations;
  const known = entriesFor(ctx.state).arns.has(source) || sims.some((s) => s.principalArn === source);
  if (!known) {
    throw new ServiceError("NoSuchEntity", `The principal ${source} cannot be found.`, 404);
  }
  const resources = queryList(params, "ResourceArns");
  const targets = resources.length > 0 ? resources : ["*"];
  const results: Record<string, unknown>[] = [];
  for (const action of actions) {
    for (const resource of targets) {
      const sim = simulationFor(sims, source, action, resource);
      const decision = sim?.decision ?? "implicitDeny";
      const extra = sim as
        (Simulation & { matchedStatements?: unknown; missingContextValues?: unknown }) | undefined;
      results.push({
        EvalActionName: action,
        EvalResourceName: resource,
        EvalDecision: decision,
        MatchedStatements: Array.isArray(extra?.matchedStatements) ? extra.matchedStatements : [],
        MissingContextValues: Array.isArray(extra?.missingContextValues) ? extra.missingContextValues : [],
        ...(sim?.allowedByOrganizations !== undefined
          ? { OrganizationsDecisionDetail: { AllowedByOrganizations: sim.allowedByOrganizations } }
          : {}),
      });
    }
  }
  const limit = maxItems(params, 100);
  const scope = `sim:${source}:${actions.join(",")}:${resources.join(",")}`;
  const page = paginate(results, params.get("Marker"), limit, scope, invalidMarker);
  const result: Record<string, unknown> = { IsTruncated: page.next !== undefined };
  if (page.next !== undefined) result.Marker = page.next;
  result.EvaluationResults = page.items;
  return queryResult("SimulatePrincipalPolicy", result, IAM_NAMESPACE, req);
}

export const iamService: ServiceModule = {
  services: ["iam"],
  global: true,
  protocol: "query",
  customFaults: ["shortPage"],
  resolve(req: EmulatorRequest): ResolvedOperation {
    const action = queryParams(req).get("Action");
    switch (action) {
      case "GetAccountAuthorizationDetails":
        return {
          name: action,
          bucket: "iam",
          handle: (ctx) => getAccountAuthorizationDetails(req, ctx),
        };
      case "SimulatePrincipalPolicy":
        return {
          name: action,
          bucket: "iam:SimulatePrincipalPolicy",
          handle: (ctx) => simulatePrincipalPolicy(req, ctx),
        };
      default: {
        const read = resolveIamRead(action ?? "", req);
        if (read) return read;
        throw new ServiceError(
          "InvalidAction",
          `The action ${action ?? "(none)"} is not valid for this web service.`,
          400,
        );
      }
    }
  },
  renderError: (err, req) => queryError(err, IAM_NAMESPACE, req),
};
