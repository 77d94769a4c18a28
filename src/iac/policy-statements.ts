import {
  actionMatches as policyActionMatches,
  statementCoversAction as policyCoversAction,
} from "../policy/match.js";

/**
 * LG005, shared by every detector: given the IAM statements one identity gets from the code, which
 * statements grant lambda:GetFunction while the identity is not allowed lambda:ListTags?
 *
 * Action matching is src/policy's (IAM rules: case-insensitive, `*` and `?` wildcards, `NotAction` grants every action it
 * does not match. Resources and conditions are not compared: the fix adds ListTags to the very statement
 * that grants GetFunction, so it inherits that statement's resources and conditions.
 */

export interface IamStatement {
  sid?: string;
  effect: "Allow" | "Deny";
  /** `Action`, always a list here; undefined when the statement uses `NotAction`. */
  actions?: string[];
  notActions?: string[];
  resources?: string[];
  notResources?: string[];
  condition?: unknown;
}

export const GET_FUNCTION = "lambda:GetFunction";
export const LIST_TAGS = "lambda:ListTags";

/** IAM action pattern match (`lambda:Get*`, `*`), case-insensitive — the policy evaluator's own. */
export function actionMatches(pattern: string, action: string): boolean {
  return policyActionMatches(pattern.trim(), action);
}

/** Whether the statement (by its actions only) applies to `action`. */
export function statementCoversAction(stmt: IamStatement, action: string): boolean {
  const s: { Action?: string[]; NotAction?: string[] } = {};
  if (stmt.actions) s.Action = stmt.actions;
  else if (stmt.notActions) s.NotAction = stmt.notActions;
  return policyCoversAction(s, action);
}

/** Whether a resource list can reach a Lambda function (`*`, a lambda ARN pattern, or unknown values). */
function resourcesMayIncludeFunction(stmt: IamStatement): boolean {
  if (stmt.notResources) return true;
  if (!stmt.resources || stmt.resources.length === 0) return true;
  return stmt.resources.some(
    (r) => r === "*" || /lambda/i.test(r) || /^arn:[^:]*:\*/.test(r) || r.includes("${"),
  );
}

/**
 * AWS managed policies (by name) known to allow lambda:ListTags; an identity with one attached is not
 * flagged even though its statements are not in the code.
 */
export const MANAGED_POLICIES_WITH_LISTTAGS = new Set([
  "AdministratorAccess",
  "PowerUserAccess",
  "ReadOnlyAccess",
  "ViewOnlyAccess",
  "AWSLambda_FullAccess",
  "AWSLambda_ReadOnlyAccess",
  "AWSLambdaFullAccess",
  "AWSLambdaReadOnlyAccess",
  "SecurityAudit",
]);

export function managedPolicyAllowsListTags(arnOrName: string): boolean {
  const name = arnOrName.replace(/^arn:[^:]+:iam::aws:policy\/(?:.*\/)?/, "");
  return MANAGED_POLICIES_WITH_LISTTAGS.has(name);
}

export interface Lg005Analysis {
  /** Indexes of Allow statements that grant GetFunction. */
  getFunctionStatements: number[];
  listTagsAllowed: boolean;
  /** A Deny covers ListTags: adding it to an Allow would not help. */
  listTagsDenied: boolean;
}

export function analyzeIdentity(
  statements: readonly IamStatement[],
  managedPolicies: readonly string[] = [],
): Lg005Analysis {
  const getFunctionStatements: number[] = [];
  let listTagsAllowed = managedPolicies.some(managedPolicyAllowsListTags);
  let listTagsDenied = false;
  statements.forEach((s, i) => {
    if (s.effect === "Allow") {
      if (statementCoversAction(s, GET_FUNCTION) && resourcesMayIncludeFunction(s))
        getFunctionStatements.push(i);
      if (statementCoversAction(s, LIST_TAGS) && resourcesMayIncludeFunction(s)) listTagsAllowed = true;
    } else if (s.effect === "Deny" && statementCoversAction(s, LIST_TAGS) && !s.condition) {
      listTagsDenied = true;
    }
  });
  return { getFunctionStatements, listTagsAllowed: listTagsAllowed && !listTagsDenied, listTagsDenied };
}

/** Normalizes a JSON policy statement (as written in a policy document) to an IamStatement; null if unusable. */
export function fromJsonStatement(raw: unknown): IamStatement | null {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return null;
  const o = raw as Record<string, unknown>;
  const list = (v: unknown): string[] | undefined =>
    typeof v === "string"
      ? [v]
      : Array.isArray(v)
        ? v.filter((x): x is string => typeof x === "string")
        : undefined;
  const effect = o.Effect === "Deny" ? "Deny" : o.Effect === "Allow" ? "Allow" : null;
  if (!effect) return null;
  const stmt: IamStatement = { effect };
  if (typeof o.Sid === "string") stmt.sid = o.Sid;
  const actions = list(o.Action);
  const notActions = list(o.NotAction);
  if (actions) stmt.actions = actions;
  if (notActions) stmt.notActions = notActions;
  const resources = list(o.Resource);
  const notResources = list(o.NotResource);
  if (resources) stmt.resources = resources;
  if (notResources) stmt.notResources = notResources;
  if (o.Condition !== undefined) stmt.condition = o.Condition;
  return stmt;
}

/** The JSON `Statement` list of a policy document (a single object counts as one). */
export function statementsOf(doc: unknown): unknown[] {
  if (!doc || typeof doc !== "object") return [];
  const s = (doc as Record<string, unknown>).Statement;
  return Array.isArray(s) ? s : s && typeof s === "object" ? [s] : [];
}
