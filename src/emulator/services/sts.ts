/** AWS STS, Query/XML: GetCallerIdentity. */
import { createHash } from "node:crypto";
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
