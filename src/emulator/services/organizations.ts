/**
 * AWS Organizations, JSON 1.1 (target `AWSOrganizationsV20161128.*`, global, signed for us-east-1):
 * `ListAccounts` (every account of the state: the caller's own and `accounts[]`, at most 20 per page) and
 * `DescribeOrganization`. Only the management account (the state's top level) may list accounts, as in AWS.
 */
import { allAccounts } from "../accounts.js";
import { json11Error, json11Result, paginate, parseJsonBody } from "../protocol.js";
import type { EmulatorState } from "../state.js";
import type { EmulatorRequest, ResolvedOperation, ServiceContext, ServiceModule } from "../types.js";
import { ServiceError } from "../types.js";

const TARGET_PREFIX = "AWSOrganizationsV20161128.";
const PAGE_MAX = 20;
/** When the state says nothing: the day the account joined (epoch seconds in JSON 1.1). */
const DEFAULT_JOINED = Date.parse("2024-01-01T00:00:00Z") / 1000;

function organizationOf(ctx: ServiceContext) {
  const root = ctx.root ?? ctx.state;
  const org = root.organization;
  if (!org) {
    throw new ServiceError(
      "AWSOrganizationsNotInUseException",
      "Your account is not a member of an organization.",
      400,
    );
  }
  return { root, org };
}

function accountArn(partition: string, managementId: string, orgId: string, accountId: string): string {
  return `arn:${partition}:organizations::${managementId}:account/${orgId}/${accountId}`;
}

function describeAccount(state: EmulatorState, ctx: ServiceContext): Record<string, unknown> {
  const { root, org } = organizationOf(ctx);
  const member = state as EmulatorState & { name?: string; email?: string; status?: string };
  const isRoot = state === root;
  const name = isRoot ? org.name : (member.name ?? state.accountId);
  const status = isRoot ? "ACTIVE" : (member.status ?? "ACTIVE");
  return {
    Id: state.accountId,
    Arn: accountArn(root.partition, org.managementAccountId, org.id, state.accountId),
    Email: member.email ?? `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}@example.com`,
    Name: name,
    Status: status,
    State: status,
    JoinedMethod: isRoot ? "CREATED" : "INVITED",
    JoinedTimestamp: DEFAULT_JOINED,
  };
}

function listAccounts(req: EmulatorRequest, ctx: ServiceContext) {
  const { root } = organizationOf(ctx);
  if (ctx.state.accountId !== root.accountId) {
    throw new ServiceError(
      "AccessDeniedException",
      "You don't have permissions to access this resource.",
      400,
    );
  }
  const body = parseJsonBody(req);
  const max = body.MaxResults ?? PAGE_MAX;
  if (typeof max !== "number" || !Number.isInteger(max) || max < 1 || max > PAGE_MAX) {
    throw new ServiceError(
      "InvalidInputException",
      `You provided a value that does not match the required pattern: MaxResults must be 1-${PAGE_MAX}.`,
      400,
      { fields: { Reason: "INVALID_INPUT" } },
    );
  }
  const token = body.NextToken;
  if (token !== undefined && token !== null && typeof token !== "string") {
    throw new ServiceError("InvalidInputException", "NextToken must be a string.", 400, {
      fields: { Reason: "INVALID_NEXT_TOKEN" },
    });
  }
  const page = paginate(
    allAccounts(root),
    token as string | undefined,
    max,
    "organizations:ListAccounts",
    () =>
      new ServiceError("InvalidInputException", "You specified an invalid value for nextToken.", 400, {
        fields: { Reason: "INVALID_NEXT_TOKEN" },
      }),
  );
  return json11Result({
    Accounts: page.items.map((a) => describeAccount(a, ctx)),
    ...(page.next ? { NextToken: page.next } : {}),
  });
}

function describeOrganization(ctx: ServiceContext) {
  const { root, org } = organizationOf(ctx);
  const management = allAccounts(root).find((a) => a.accountId === org.managementAccountId);
  return json11Result({
    Organization: {
      Id: org.id,
      Arn: `arn:${root.partition}:organizations::${org.managementAccountId}:organization/${org.id}`,
      FeatureSet: "ALL",
      MasterAccountArn: accountArn(root.partition, org.managementAccountId, org.id, org.managementAccountId),
      MasterAccountId: org.managementAccountId,
      ...(management ? { MasterAccountEmail: describeAccount(management, ctx).Email } : {}),
      AvailablePolicyTypes: [],
    },
  });
}

export const organizationsService: ServiceModule = {
  services: ["organizations"],
  global: true,
  protocol: "json-1.1",
  resolve(req: EmulatorRequest): ResolvedOperation {
    const raw = req.headers["x-amz-target"];
    const target = Array.isArray(raw) ? raw[0] : raw;
    const op = target?.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : undefined;
    if (req.method !== "POST" || !op) {
      throw new ServiceError("UnknownOperationException", "The operation is not supported.", 400);
    }
    switch (op) {
      case "ListAccounts":
        return { name: op, bucket: "organizations", handle: (ctx) => listAccounts(req, ctx) };
      case "DescribeOrganization":
        return { name: op, bucket: "organizations", handle: (ctx) => describeOrganization(ctx) };
      default:
        throw new ServiceError(
          "UnknownOperationException",
          `The emulator does not implement Organizations ${op}.`,
          400,
        );
    }
  },
  renderError: (err) => json11Error(err),
};
