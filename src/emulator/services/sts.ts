/** AWS STS, Query/XML: GetCallerIdentity, AssumeRole (into the state's accounts: ../accounts.ts). */
import { createHash } from "node:crypto";
import { assumeRole } from "../accounts.js";
import { queryError, queryParams, queryResult } from "../protocol.js";
import type { EmulatorRequest, ResolvedOperation, ServiceContext, ServiceModule } from "../types.js";
import { ServiceError } from "../types.js";

const NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";

/** A unique id like AWS's: AIDA… for users, AROA…:session for assumed roles. */
function userId(arn: string): string {
  const id = createHash("sha256")
    .update(arn)
    .digest("base64")
    .replace(/[^A-Za-z0-9]/g, "")
    .toUpperCase();
  const assumed = /:assumed-role\/[^/]+\/(.+)$/.exec(arn);
  if (assumed) return `AROA${id.slice(0, 17)}:${assumed[1]}`;
  if (/:root$/.test(arn)) return arn.split(":")[4] ?? id.slice(0, 12);
  return `AIDA${id.slice(0, 17)}`;
}

export function callerArn(ctx: ServiceContext): string {
  return ctx.state.callerArn ?? `arn:${ctx.partition}:iam::${ctx.accountId}:user/emulator`;
}

export const stsService: ServiceModule = {
  services: ["sts"],
  global: true,
  protocol: "query",
  resolve(req: EmulatorRequest): ResolvedOperation {
    const params = queryParams(req);
    const action = params.get("Action");
    if (action === "AssumeRole") {
      return { name: action, bucket: "sts", handle: (ctx) => assumeRoleOp(params, ctx, req) };
    }
    if (action !== "GetCallerIdentity") {
      throw new ServiceError(
        "InvalidAction",
        `Could not find operation ${action ?? "(none)"} for version ${params.get("Version") ?? "NO_VERSION_SPECIFIED"}`,
        400,
      );
    }
    return {
      name: action,
      bucket: "sts",
      handle: (ctx) => {
        const arn = callerArn(ctx);
        return queryResult(action, { Arn: arn, UserId: userId(arn), Account: ctx.accountId }, NAMESPACE, req);
      },
    };
  },
  renderError: (err, req) => queryError(err, NAMESPACE, req),
};

function assumeRoleOp(params: URLSearchParams, ctx: ServiceContext, req: EmulatorRequest) {
  const roleArn = params.get("RoleArn");
  const sessionName = params.get("RoleSessionName");
  if (!roleArn)
    throw new ServiceError(
      "ValidationError",
      "1 validation error detected: Value null at 'roleArn' failed to satisfy constraint: Member must not be null",
      400,
    );
  if (!sessionName || !/^[\w+=,.@-]{2,64}$/.test(sessionName)) {
    throw new ServiceError(
      "ValidationError",
      `1 validation error detected: Value '${sessionName ?? "null"}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]* and length 2-64`,
      400,
    );
  }
  const duration = Number(params.get("DurationSeconds") ?? "3600");
  if (!Number.isInteger(duration) || duration < 900 || duration > 43_200) {
    throw new ServiceError(
      "ValidationError",
      `1 validation error detected: Value '${params.get("DurationSeconds")}' at 'durationSeconds' failed to satisfy constraint: Member must have value between 900 and 43200`,
      400,
    );
  }
  const externalId = params.get("ExternalId") ?? undefined;
  const creds = assumeRole(
    ctx.root ?? ctx.state,
    { arn: callerArn(ctx) },
    {
      roleArn,
      sessionName,
      durationSeconds: duration,
      now: ctx.now(),
      ...(externalId !== undefined ? { externalId } : {}),
    },
  );
  return queryResult(
    "AssumeRole",
    {
      Credentials: {
        AccessKeyId: creds.accessKeyId,
        SecretAccessKey: creds.secretAccessKey,
        SessionToken: creds.sessionToken,
        Expiration: creds.expiration,
      },
      AssumedRoleUser: { AssumedRoleId: userId(creds.arn), Arn: creds.arn },
      PackedPolicySize: 0,
    },
    NAMESPACE,
    req,
  );
}
