/**
 * IAM's per-entity read APIs, served from the same `iam` snapshot as GetAccountAuthorizationDetails, so the
 * manual method (`aws iam list-role-policies`, `get-role-policy`, …) and the scanner see one account:
 * ListRolePolicies, GetRolePolicy, ListUserPolicies, GetUserPolicy, ListAttachedRolePolicies,
 * ListAttachedUserPolicies, GetPolicy, GetPolicyVersion, ListGroupsForUser. Names and errors follow IAM
 * (NoSuchEntity 404 with IAM's wording); lists paginate with MaxItems/Marker.
 */
import { paginate, queryParams, queryResult } from "../protocol.js";
import type { EmulatorState } from "../state.js";
import type { EmulatorRequest, ResolvedOperation, ServiceContext } from "../types.js";
import { ServiceError } from "../types.js";
import { encodePolicyDocument, IAM_NAMESPACE, maxItems } from "./iam.js";

type Obj = Record<string, unknown>;
const DEFAULT_DATE = "2024-01-01T00:00:00Z";

const list = (state: EmulatorState, key: string): Obj[] =>
  (Array.isArray(state.iam[key]) ? (state.iam[key] as unknown[]) : []).filter(
    (x): x is Obj => !!x && typeof x === "object",
  );
const arr = (v: unknown): Obj[] =>
  (Array.isArray(v) ? v : []).filter((x): x is Obj => !!x && typeof x === "object");

function required(params: URLSearchParams, name: string): string {
  const v = params.get(name);
  if (!v) {
    const member = name.charAt(0).toLowerCase() + name.slice(1);
    throw new ServiceError("ValidationError", `1 validation error detected: ${member} must not be null`, 400);
  }
  return v;
}

function noSuch(message: string): ServiceError {
  return new ServiceError("NoSuchEntity", message, 404);
}

function paged(req: EmulatorRequest, action: string, member: string, items: unknown[], scope: string) {
  const params = queryParams(req);
  const page = paginate(
    items,
    params.get("Marker"),
    maxItems(params, 100),
    `${action}:${scope}`,
    () => new ServiceError("InvalidInput", "Invalid Marker.", 400),
  );
  const result: Obj = { [member]: page.items, IsTruncated: page.next !== undefined };
  if (page.next !== undefined) result.Marker = page.next;
  return queryResult(action, result, IAM_NAMESPACE, req);
}

function role(state: EmulatorState, name: string): Obj {
  const r = list(state, "RoleDetailList").find((x) => x.RoleName === name);
  if (!r) throw noSuch(`The role with name ${name} cannot be found.`);
  return r;
}

function user(state: EmulatorState, name: string): Obj {
  const u = list(state, "UserDetailList").find((x) => x.UserName === name);
  if (!u) throw noSuch(`The user with name ${name} cannot be found.`);
  return u;
}

function managedPolicy(state: EmulatorState, arn: string): Obj {
  const p = list(state, "Policies").find((x) => x.Arn === arn);
  if (!p) throw noSuch(`Policy ${arn} does not exist or is not attachable.`);
  return p;
}

function inline(entity: Obj, listKey: string, policyName: string, kind: "role" | "user"): Obj {
  const p = arr(entity[listKey]).find((x) => x.PolicyName === policyName);
  if (!p) throw noSuch(`The ${kind} policy with name ${policyName} cannot be found.`);
  return p;
}

const attached = (entity: Obj) =>
  arr(entity.AttachedManagedPolicies).map((a) => ({ PolicyName: a.PolicyName, PolicyArn: a.PolicyArn }));

type Handler = (req: EmulatorRequest, ctx: ServiceContext) => ReturnType<typeof queryResult>;

const HANDLERS: Record<string, Handler> = {
  ListRolePolicies: (req, { state }) => {
    const name = required(queryParams(req), "RoleName");
    const names = arr(role(state, name).RolePolicyList).map((p) => p.PolicyName);
    return paged(req, "ListRolePolicies", "PolicyNames", names, name);
  },
  GetRolePolicy: (req, { state }) => {
    const params = queryParams(req);
    const name = required(params, "RoleName");
    const policyName = required(params, "PolicyName");
    const p = inline(role(state, name), "RolePolicyList", policyName, "role");
    return queryResult(
      "GetRolePolicy",
      { RoleName: name, PolicyName: policyName, PolicyDocument: encodePolicyDocument(p.PolicyDocument) },
      IAM_NAMESPACE,
      req,
    );
  },
  ListUserPolicies: (req, { state }) => {
    const name = required(queryParams(req), "UserName");
    const names = arr(user(state, name).UserPolicyList).map((p) => p.PolicyName);
    return paged(req, "ListUserPolicies", "PolicyNames", names, name);
  },
  GetUserPolicy: (req, { state }) => {
    const params = queryParams(req);
    const name = required(params, "UserName");
    const policyName = required(params, "PolicyName");
    const p = inline(user(state, name), "UserPolicyList", policyName, "user");
    return queryResult(
      "GetUserPolicy",
      { UserName: name, PolicyName: policyName, PolicyDocument: encodePolicyDocument(p.PolicyDocument) },
      IAM_NAMESPACE,
      req,
    );
  },
  ListAttachedRolePolicies: (req, { state }) => {
    const name = required(queryParams(req), "RoleName");
    return paged(req, "ListAttachedRolePolicies", "AttachedPolicies", attached(role(state, name)), name);
  },
  ListAttachedUserPolicies: (req, { state }) => {
    const name = required(queryParams(req), "UserName");
    return paged(req, "ListAttachedUserPolicies", "AttachedPolicies", attached(user(state, name)), name);
  },
  GetPolicy: (req, { state }) => {
    const arn = required(queryParams(req), "PolicyArn");
    const p = managedPolicy(state, arn);
    const policy: Obj = {
      PolicyName: p.PolicyName,
      PolicyId: p.PolicyId,
      Arn: p.Arn,
      Path: p.Path ?? "/",
      DefaultVersionId: p.DefaultVersionId ?? "v1",
      AttachmentCount: p.AttachmentCount ?? 0,
      PermissionsBoundaryUsageCount: p.PermissionsBoundaryUsageCount ?? 0,
      IsAttachable: p.IsAttachable ?? true,
      CreateDate: p.CreateDate ?? DEFAULT_DATE,
      UpdateDate: p.UpdateDate ?? p.CreateDate ?? DEFAULT_DATE,
    };
    return queryResult("GetPolicy", { Policy: policy }, IAM_NAMESPACE, req);
  },
  GetPolicyVersion: (req, { state }) => {
    const params = queryParams(req);
    const arn = required(params, "PolicyArn");
    const versionId = required(params, "VersionId");
    const v = arr(managedPolicy(state, arn).PolicyVersionList).find((x) => x.VersionId === versionId);
    if (!v) throw noSuch(`Policy ${arn} version ${versionId} does not exist or is not attachable.`);
    return queryResult(
      "GetPolicyVersion",
      {
        PolicyVersion: {
          Document: encodePolicyDocument(v.Document),
          VersionId: versionId,
          IsDefaultVersion: v.IsDefaultVersion ?? false,
          CreateDate: v.CreateDate ?? DEFAULT_DATE,
        },
      },
      IAM_NAMESPACE,
      req,
    );
  },
  ListGroupsForUser: (req, { state }) => {
    const name = required(queryParams(req), "UserName");
    const wanted = new Set(
      (Array.isArray(user(state, name).GroupList) ? (user(state, name).GroupList as unknown[]) : []).filter(
        (g): g is string => typeof g === "string",
      ),
    );
    const groups = list(state, "GroupDetailList")
      .filter((g) => wanted.has(g.GroupName as string))
      .map((g) => ({
        Path: g.Path ?? "/",
        GroupName: g.GroupName,
        GroupId: g.GroupId,
        Arn: g.Arn,
        CreateDate: g.CreateDate ?? DEFAULT_DATE,
      }));
    return paged(req, "ListGroupsForUser", "Groups", groups, name);
  },
};

/** The operation for an IAM read action, or undefined when `action` is not one of them. */
export function resolveIamRead(action: string, req: EmulatorRequest): ResolvedOperation | undefined {
  const handler = HANDLERS[action];
  if (!handler) return undefined;
  return { name: action, bucket: "iam", handle: (ctx) => handler(req, ctx) };
}
