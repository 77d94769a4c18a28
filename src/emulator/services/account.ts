/** AWS Account, REST-JSON: ListRegions (POST /listRegions). */
import { paginate, parseJsonBody, restJsonError, restJsonResult } from "../protocol.js";
import type { EmulatorRequest, ResolvedOperation, ServiceContext, ServiceModule } from "../types.js";
import { ServiceError } from "../types.js";

/** Regions that AWS ships disabled (opt-in); the rest are ENABLED_BY_DEFAULT. */
export const OPT_IN_REGIONS = new Set([
  "af-south-1",
  "ap-east-1",
  "ap-east-2",
  "ap-south-2",
  "ap-southeast-3",
  "ap-southeast-4",
  "ap-southeast-5",
  "ap-southeast-6",
  "ap-southeast-7",
  "ca-west-1",
  "eu-central-2",
  "eu-south-1",
  "eu-south-2",
  "il-central-1",
  "me-central-1",
  "me-south-1",
  "mx-central-1",
]);

const STATUSES = ["ENABLED", "ENABLING", "DISABLING", "DISABLED", "ENABLED_BY_DEFAULT"];

function validation(message: string): ServiceError {
  return new ServiceError("ValidationException", message, 400, {
    fields: { reason: "invalidRegionOptTarget" },
  });
}

/** Every region of the state with its opt status, sorted by name. */
export function regionStatuses(ctx: ServiceContext): Array<{ RegionName: string; RegionOptStatus: string }> {
  const out = new Map<string, string>();
  for (const r of ctx.state.regions) out.set(r, OPT_IN_REGIONS.has(r) ? "ENABLED" : "ENABLED_BY_DEFAULT");
  for (const r of ctx.state.disabledRegions) out.set(r, "DISABLED");
  return [...out.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([RegionName, RegionOptStatus]) => ({ RegionName, RegionOptStatus }));
}

export const accountService: ServiceModule = {
  services: ["account"],
  global: true,
  protocol: "rest-json",
  resolve(req: EmulatorRequest): ResolvedOperation {
    if (req.method !== "POST" || req.path.replace(/\/$/, "") !== "/listRegions") {
      throw new ServiceError(
        "UnknownOperationException",
        `The emulator does not implement ${req.method} ${req.path} for Account.`,
        404,
      );
    }
    return {
      name: "ListRegions",
      bucket: "account",
      handle: (ctx) => {
        const input = parseJsonBody(req);
        const filter = input.RegionOptStatusContains;
        if (
          filter !== undefined &&
          (!Array.isArray(filter) || filter.some((s) => !STATUSES.includes(String(s))))
        ) {
          throw validation(`RegionOptStatusContains must be a list of ${STATUSES.join(", ")}.`);
        }
        const max = input.MaxResults;
        if (max !== undefined && (typeof max !== "number" || !Number.isInteger(max) || max < 1 || max > 50)) {
          throw validation("MaxResults must be between 1 and 50.");
        }
        if (input.AccountId !== undefined && input.AccountId !== ctx.accountId) {
          throw new ServiceError(
            "AccessDeniedException",
            `User is not authorized to access account ${String(input.AccountId)}.`,
            403,
          );
        }
        const wanted = Array.isArray(filter) ? filter.map(String) : undefined;
        const regions = regionStatuses(ctx).filter((r) => !wanted || wanted.includes(r.RegionOptStatus));
        const token = typeof input.NextToken === "string" ? input.NextToken : undefined;
        const page = paginate(
          regions,
          token,
          typeof max === "number" ? max : 20,
          `account:${wanted?.join(",") ?? ""}`,
          () => validation("The NextToken is invalid."),
        );
        return restJsonResult({ Regions: page.items, ...(page.next ? { NextToken: page.next } : {}) });
      },
    };
  },
  renderError: (err) => {
    const res = restJsonError(err);
    // Account's errors carry only `message` (and `reason` for validation), not Lambda's `Type`.
    const body = JSON.parse(String(res.body)) as Record<string, unknown>;
    delete body.Type;
    return { ...res, body: JSON.stringify(body) };
  },
};
