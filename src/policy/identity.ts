import { RequestContext, absentKey, unknownKey, type ContextValues } from "./context.js";
import { statementLabel, type Statement } from "./document.js";
import {
  decide,
  assessStatements,
  statementRef,
  usesPolicyVariables,
  type DecisionKind,
  type LabelledPolicy,
  type StatementRef,
} from "./evaluate.js";
import { expandVariables } from "./conditions.js";
import { resourceMatches, splitArn, statementCoversAction } from "./match.js";

export interface IdentityInput {
  identityPolicies: readonly LabelledPolicy[];
  boundary?: LabelledPolicy;
  /** The caller as CloudTrail or IAM names it: user, role, assumed-role session or root ARN. */
  principalArn: string;
  accountId: string;
  action: string;
  resource: string;
  /** Overrides and additions to the scan's default context (see `identityContext`). */
  context?: ContextValues;
  /** Time for aws:CurrentTime / aws:EpochTime; defaults to the current time. */
  now?: Date;
}

export type IdentityReason = "allowed" | "no-statement" | "deny" | "boundary" | "conditional";

export interface IdentityDecision {
  decision: DecisionKind;
  reason: IdentityReason;
  statements: StatementRef[];
  conditions: string[];
}

function principalType(arn: string): string | undefined {
  const resource = splitArn(arn)?.[5] ?? "";
  if (resource === "root") return "Account";
  if (resource.startsWith("user/")) return "User";
  if (resource.startsWith("assumed-role/") || resource.startsWith("role/")) return "AssumedRole";
  if (resource.startsWith("federated-user/")) return "FederatedUser";
  return undefined;
}

/** `arn:aws:sts::1:assumed-role/Name/session` → `arn:aws:iam::1:role/Name` (a role path, if any, is not in the session ARN). */
function roleArnOfSession(arn: string): string | undefined {
  const parts = splitArn(arn);
  const m = parts ? /^assumed-role\/([^/]+)\//.exec(parts[5]) : null;
  if (!parts || !m) return undefined;
  return `arn:${parts[1]}:iam::${parts[4]}:role/${m[1]}`;
}

/**
 * What a scan knows about a principal's request from CloudTrail and IAM. Facts about the caller and the target
 * are known; what varies per call or lives elsewhere (tags, source address, MFA, the service that called on the
 * principal's behalf, organization) is unknown, so conditions on it make the answer conditional rather than
 * guessed. Keys not listed are unknown too.
 */
const LAMBDA_REQUEST_KEYS = [
  "lambda:CodeSigningConfigArn",
  "lambda:EventSourceToken",
  "lambda:FunctionArn",
  "lambda:FunctionUrlAuthType",
  "lambda:InvokedViaFunctionUrl",
  "lambda:Layer",
  "lambda:Principal",
  "lambda:SecurityGroupIds",
  "lambda:SourceFunctionArn",
  "lambda:SubnetIds",
  "lambda:VpcIds",
];

export function identityContext(input: Omit<IdentityInput, "identityPolicies" | "boundary">): RequestContext {
  const now = input.now ?? new Date();
  const target = splitArn(input.resource);
  const readOnly = /^[^:]+:(get|list|describe)/i.test(input.action);
  const principalArn = roleArnOfSession(input.principalArn) ?? input.principalArn;
  const type = principalType(input.principalArn);
  const userName = /^user\/(?:.*\/)?([^/]+)$/.exec(splitArn(input.principalArn)?.[5] ?? "")?.[1];
  const entries: ContextValues = {
    "aws:PrincipalArn": principalArn,
    "aws:PrincipalAccount": input.accountId,
    "aws:PrincipalType": type,
    "aws:username": userName ?? (type ? absentKey() : undefined),
    "aws:PrincipalIsAWSService": false,
    "aws:SecureTransport": true,
    "aws:CurrentTime": now,
    "aws:EpochTime": Math.floor(now.getTime() / 1000),
    "aws:ResourceAccount": target && /^\d{12}$/.test(target[4]) ? target[4] : undefined,
    "aws:RequestedRegion": target && target[3] !== "" && !/[*?]/.test(target[3]) ? target[3] : undefined,
    "aws:PrincipalTag/*": unknownKey(true),
    "aws:ResourceTag/*": unknownKey(true),
    // Read calls carry no tags in the request; writes might.
    "aws:RequestTag/*": readOnly ? absentKey() : unknownKey(true),
    "aws:TagKeys": readOnly ? absentKey() : unknownKey(true),
    "aws:SourceIp": unknownKey(false),
    "aws:MultiFactorAuthPresent": unknownKey(true),
    "aws:MultiFactorAuthAge": unknownKey(true),
    "aws:CalledVia": unknownKey(true),
    "aws:CalledViaFirst": unknownKey(true),
    "aws:CalledViaLast": unknownKey(true),
    "aws:ViaAWSService": unknownKey(false),
    "aws:SourceVpc": unknownKey(true),
    "aws:SourceVpce": unknownKey(true),
    "aws:VpcSourceIp": unknownKey(true),
    "aws:PrincipalOrgID": unknownKey(true),
    "aws:PrincipalOrgPaths": unknownKey(true),
    "aws:userid": unknownKey(false),
    // Only service principals acting for a resource carry these.
    "aws:SourceArn": absentKey(),
    "aws:SourceAccount": absentKey(),
    "aws:SourceOwner": absentKey(),
  };
  // Decided: AWS's service authorization reference lists no lambda:* condition keys for GetFunction or ListTags,
  // so they are absent on those requests (a condition on them fails, IfExists passes), not unknown.
  if (/^lambda:(GetFunction|ListTags)$/i.test(input.action))
    for (const k of LAMBDA_REQUEST_KEYS) entries[k] = absentKey();
  return new RequestContext(entries, "unknown").with(input.context ?? {});
}

/**
 * May this principal perform `action` on `resource` by its identity policies (users: own and group policies;
 * roles: attached and inline), within its permissions boundary? Resource policies are not considered: for
 * lambda:ListTags and lambda:GetFunction in the principal's own account they cannot add anything that LG004
 * could rely on.
 */
export function evaluateIdentity(input: IdentityInput): IdentityDecision {
  const context = identityContext(input);
  const request = { action: input.action, resource: input.resource, context };
  const identity = decide(assessStatements(input.identityPolicies, request));
  const boundary = input.boundary ? decide(assessStatements([input.boundary], request)) : undefined;

  const denies = [identity, boundary].filter((d) => d?.decision === "explicitDeny");
  if (denies.length > 0) {
    return {
      decision: "explicitDeny",
      reason: "deny",
      statements: denies.flatMap((d) => d?.statements ?? []),
      conditions: [],
    };
  }
  if (identity.decision === "implicitDeny") {
    return { decision: "implicitDeny", reason: "no-statement", statements: [], conditions: [] };
  }
  if (boundary?.decision === "implicitDeny") {
    return { decision: "implicitDeny", reason: "boundary", statements: [], conditions: [] };
  }
  const parts = [identity, ...(boundary ? [boundary] : [])];
  if (parts.every((d) => d.decision === "allowed")) {
    return { decision: "allowed", reason: "allowed", statements: identity.statements, conditions: [] };
  }
  const doubtful = parts.filter((d) => d.decision === "conditional");
  return {
    decision: "conditional",
    reason: "conditional",
    statements: doubtful.flatMap((d) => d.statements),
    conditions: [...new Set(doubtful.flatMap((d) => d.conditions))],
  };
}

export interface GrantingStatement extends StatementRef {
  label: string;
  statement: Statement;
  /** The grant depends on a Condition or a policy variable in Resource. */
  conditional: boolean;
}

/**
 * The Allow statements that grant `action` (on `resource`, when given), ignoring conditions except to flag
 * them: where lambda:GetFunction is granted today, so a fix can add lambda:ListTags beside it.
 */
export function findGrantingStatements(
  policies: readonly LabelledPolicy[],
  action: string,
  resource?: string,
): GrantingStatement[] {
  const out: GrantingStatement[] = [];
  const empty = new RequestContext({}, "unknown");
  for (const policy of policies) {
    const variables = usesPolicyVariables(policy.document);
    policy.document.Statement.forEach((stmt, index) => {
      if (stmt.Effect !== "Allow" || !statementCoversAction(stmt, action)) return;
      let viaVariable = false;
      if (resource !== undefined && (stmt.Resource ?? stmt.NotResource)) {
        const hits = (stmt.Resource ?? stmt.NotResource ?? []).map((pattern) => {
          if (variables && pattern.includes("${")) {
            const expanded = expandVariables(pattern, empty);
            if (expanded.kind !== "value") {
              viaVariable = true;
              return true;
            }
          }
          return resourceMatches(pattern, resource);
        });
        const matched = stmt.Resource ? hits.some(Boolean) : !hits.some(Boolean) || viaVariable;
        if (!matched) return;
      }
      out.push({
        ...statementRef(policy.name, stmt, index),
        label: statementLabel(stmt, index),
        statement: stmt,
        conditional: stmt.Condition !== undefined || viaVariable,
      });
    });
  }
  return out;
}
