import { toRequestContext, type ContextValues, type RequestContext } from "./context.js";
import { andOutcomes, evaluateConditionBlock, expandVariables, type ConditionOutcome } from "./conditions.js";
import { statementLabel, type PolicyDocument, type PrincipalSpec, type Statement } from "./document.js";
import { resourceMatches, splitArn, statementCoversAction } from "./match.js";

export interface LabelledPolicy {
  /** Where the document comes from, e.g. a managed policy ARN, `role/app inline deploy`, `function webhook`. */
  name: string;
  document: PolicyDocument;
}

/** Who is asking. Identity policies are evaluated without one (they apply to the identity they are attached to). */
export type RequestPrincipal =
  /** An unsigned request from the Internet. */
  | { kind: "anonymous" }
  /** Some authenticated principal of an account the policy owner does not know. */
  | { kind: "anyAccount" }
  /** An IAM user, role, assumed-role session or account root. */
  | { kind: "aws"; arn: string }
  | { kind: "service"; service: string }
  | { kind: "federated"; provider: string }
  | { kind: "canonicalUser"; id: string };

export interface EvalRequest {
  principal?: RequestPrincipal;
  action: string;
  resource: string;
  /** Keys not mentioned in a plain object are absent. */
  context?: ContextValues | RequestContext;
}

export type DecisionKind = "allowed" | "explicitDeny" | "implicitDeny" | "conditional";

export interface StatementRef {
  policy: string;
  sid?: string;
  index: number;
}

export interface Decision {
  decision: DecisionKind;
  /** allowed: the certain Allows; explicitDeny: the certain Denies; conditional: the statements in doubt. */
  statements: StatementRef[];
  /** For `conditional`: the condition texts the outcome depends on. */
  conditions: string[];
}

export interface StatementAssessment {
  ref: StatementRef;
  label: string;
  statement: Statement;
  /** Never `false`: statements that cannot apply are left out. */
  outcome: Exclude<ConditionOutcome, { kind: "false" }>;
}

const FALSE: ConditionOutcome = { kind: "false" };
const TRUE: ConditionOutcome = { kind: "true" };

function accountOf(arn: string): string | undefined {
  return splitArn(arn)?.[4];
}

/** `arn:aws:sts::1:assumed-role/Name/session` belongs to role `Name`; IAM role ARNs may carry a path. */
function sameAwsPrincipal(policyId: string, requestArn: string): boolean {
  if (policyId === requestArn) return true;
  const req = splitArn(requestArn);
  const pol = splitArn(policyId);
  if (!req || !pol || req[4] !== pol[4]) return false;
  const session = /^assumed-role\/([^/]+)\//.exec(req[5]);
  const role = /^role\/(?:.*\/)?([^/]+)$/.exec(pol[5]);
  return session !== null && role !== null && session[1] === role[1];
}

function awsIdMatches(id: string, p: RequestPrincipal): boolean {
  if (id === "*") return p.kind === "anonymous" || p.kind === "anyAccount" || p.kind === "aws";
  if (p.kind !== "aws") return false;
  if (/^\d{12}$/.test(id)) return accountOf(p.arn) === id;
  const parts = splitArn(id);
  if (parts && parts[2] === "iam" && parts[5] === "root") return accountOf(p.arn) === parts[4];
  return sameAwsPrincipal(id, p.arn);
}

export function principalMatches(spec: PrincipalSpec, p: RequestPrincipal): boolean {
  if (spec === "*") return true;
  for (const [type, ids] of Object.entries(spec)) {
    const t = type.toLowerCase();
    for (const id of ids) {
      if (t === "aws" && awsIdMatches(id, p)) return true;
      if (
        t === "service" &&
        p.kind === "service" &&
        (id === "*" || id.toLowerCase() === p.service.toLowerCase())
      ) {
        return true;
      }
      if (t === "federated" && p.kind === "federated" && (id === "*" || id === p.provider)) return true;
      if (t === "canonicaluser" && p.kind === "canonicalUser" && (id === "*" || id === p.id)) return true;
    }
  }
  return false;
}

export function statementAppliesToPrincipal(stmt: Statement, p: RequestPrincipal): boolean {
  if (stmt.Principal) return principalMatches(stmt.Principal, p);
  if (stmt.NotPrincipal) return !principalMatches(stmt.NotPrincipal, p);
  return true;
}

function resourceOutcome(
  stmt: Statement,
  resource: string,
  context: RequestContext,
  variables: boolean,
): ConditionOutcome {
  const patterns = stmt.Resource ?? stmt.NotResource;
  if (!patterns) return TRUE;
  let matched = false;
  const unknown: string[] = [];
  for (const pattern of patterns) {
    // Decided: AWS documents policy variables only in the resource part of an ARN. One in the account field
    // may or may not be expanded, so the statement's reach is unknown there (never proof either way).
    if (variables && splitArn(pattern)?.[4]?.includes("${")) {
      unknown.push(
        `${stmt.Resource ? "Resource" : "NotResource"} ${pattern} (policy variable in the account field)`,
      );
      continue;
    }
    const expanded = variables && pattern.includes("${") ? expandVariables(pattern, context) : undefined;
    if (expanded?.kind === "absent") continue;
    if (expanded?.kind === "unknown") {
      unknown.push(`${stmt.Resource ? "Resource" : "NotResource"} ${pattern}`);
      continue;
    }
    if (resourceMatches(expanded?.value ?? pattern, resource)) {
      matched = true;
      break;
    }
  }
  const hit = matched ? TRUE : unknown.length > 0 ? { kind: "unknown" as const, conditions: unknown } : FALSE;
  if (stmt.Resource) return hit;
  // NotResource: the statement applies when no pattern matches.
  if (hit.kind === "true") return FALSE;
  if (hit.kind === "false") return TRUE;
  return hit;
}

export function usesPolicyVariables(doc: Pick<PolicyDocument, "Version">): boolean {
  return doc.Version === "2012-10-17";
}

/** Whether one statement applies to the request: principal, action, resource and condition. */
export function statementApplies(
  stmt: Statement,
  request: Omit<EvalRequest, "context">,
  context: RequestContext,
  variables = true,
): ConditionOutcome {
  if (request.principal && !statementAppliesToPrincipal(stmt, request.principal)) return FALSE;
  if (!statementCoversAction(stmt, request.action)) return FALSE;
  const resource = resourceOutcome(stmt, request.resource, context, variables);
  if (resource.kind === "false") return FALSE;
  const condition = evaluateConditionBlock(stmt.Condition, context, { effect: stmt.Effect, variables });
  return andOutcomes([resource, condition]);
}

export function statementRef(policy: string, stmt: Statement, index: number): StatementRef {
  const ref: StatementRef = { policy, index };
  if (stmt.Sid !== undefined) ref.sid = stmt.Sid;
  return ref;
}

/** Every statement that applies, or may apply, to the request, in policy order. */
export function assessStatements(
  policies: readonly LabelledPolicy[],
  request: EvalRequest,
): StatementAssessment[] {
  const context = toRequestContext(request.context);
  const out: StatementAssessment[] = [];
  for (const policy of policies) {
    const variables = usesPolicyVariables(policy.document);
    policy.document.Statement.forEach((stmt, index) => {
      const outcome = statementApplies(stmt, request, context, variables);
      if (outcome.kind === "false") return;
      out.push({
        ref: statementRef(policy.name, stmt, index),
        label: statementLabel(stmt, index),
        statement: stmt,
        outcome,
      });
    });
  }
  return out;
}

function doubts(a: StatementAssessment): string[] {
  if (a.outcome.kind === "unknown") return a.outcome.conditions;
  if (a.outcome.kind === "partial") return a.outcome.restrictions;
  return [];
}

/** IAM's rule over the assessed statements: an explicit Deny wins, then an Allow is needed. */
export function decide(assessments: readonly StatementAssessment[]): Decision {
  const certain = (effect: string) =>
    assessments.filter((a) => a.statement.Effect === effect && a.outcome.kind === "true");
  const doubtful = (effect: string) =>
    assessments.filter((a) => a.statement.Effect === effect && a.outcome.kind !== "true");
  const denies = certain("Deny");
  if (denies.length > 0)
    return { decision: "explicitDeny", statements: denies.map((a) => a.ref), conditions: [] };
  const allows = certain("Allow");
  const maybeDenies = doubtful("Deny");
  if (allows.length > 0) {
    if (maybeDenies.length === 0)
      return { decision: "allowed", statements: allows.map((a) => a.ref), conditions: [] };
    return {
      decision: "conditional",
      statements: maybeDenies.map((a) => a.ref),
      conditions: [...new Set(maybeDenies.flatMap(doubts))],
    };
  }
  const maybeAllows = doubtful("Allow");
  if (maybeAllows.length > 0) {
    const involved = [...maybeAllows, ...maybeDenies];
    return {
      decision: "conditional",
      statements: involved.map((a) => a.ref),
      conditions: [...new Set(involved.flatMap(doubts))],
    };
  }
  return { decision: "implicitDeny", statements: [], conditions: [] };
}

/** Evaluates a request against labelled policies as one set (identity policies of a principal, say). */
export function evaluate(policies: readonly LabelledPolicy[], request: EvalRequest): Decision {
  return decide(assessStatements(policies, request));
}
