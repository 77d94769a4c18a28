/** `scan --accounts …`: the organization scan's options and progress lines (one per account). */
import type { AwsClients } from "../aws/clients.js";
import {
  DEFAULT_ACCOUNTS_IN_FLIGHT,
  DEFAULT_ROLE_NAME,
  scanOrganization,
  type OrgScanOptions,
} from "../aws/org/scan-org.js";
import { parseAccountPatterns } from "../aws/org/accounts.js";
import { lakeLg004 } from "../aws/org/lake-lg004.js";
import {
  InputError,
  isAccountId,
  isEventDataStore,
  isExternalId,
  isRoleName,
  type Report,
} from "../model/index.js";
import type { Io } from "./io.js";

export function parseAccountsFlag(v: string | undefined): "all" | string[] | undefined {
  if (v === undefined) return undefined;
  if (v === "all") return "all";
  const ids = v
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = ids.find((id) => !isAccountId(id));
  if (ids.length === 0 || bad !== undefined) {
    throw new InputError(
      `'${bad ?? v}' is not an account id — use all or comma-separated 12-digit ids such as 444455556666,555566667777`,
      "--accounts",
    );
  }
  return [...new Set(ids)];
}

export function parseRoleName(v: string | undefined): string {
  if (v === undefined) return DEFAULT_ROLE_NAME;
  if (!isRoleName(v)) {
    throw new InputError(
      `'${v}' is not an IAM role name (1–64 letters, digits and +=,.@_-; give the name, not the ARN)`,
      "--role-name",
    );
  }
  return v;
}

export function parseExternalId(v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (!isExternalId(v)) {
    throw new InputError("must be 2–1224 characters of letters, digits and +=,.@:/-", "--external-id");
  }
  return v;
}

export function parseAccountsInFlight(v: string | undefined): number {
  if (v === undefined) return DEFAULT_ACCOUNTS_IN_FLIGHT;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 256) {
    throw new InputError(`must be a whole number from 1 to 256, got '${v}'`, "--accounts-in-flight");
  }
  return n;
}

export function parseEventDataStore(v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (!isEventDataStore(v)) {
    throw new InputError(
      `'${v}' is not an event data store id or ARN (arn:aws:cloudtrail:REGION:ACCOUNT:eventdatastore/ID)`,
      "--cloudtrail-lake",
    );
  }
  return v;
}

export interface OrgScanCli {
  accounts: "all" | string[];
  v: Record<string, string | boolean | undefined>;
  base: Omit<OrgScanOptions, "clients" | "clientsFor" | "accounts" | "roleName" | "accountsInFlight">;
}

export async function runOrgScan(io: Io, clients: AwsClients, o: OrgScanCli): Promise<Report> {
  const externalId = parseExternalId(o.v["external-id"] as string | undefined);
  const eds = parseEventDataStore(o.v["cloudtrail-lake"] as string | undefined);
  const include = parseAccountPatterns("--include", o.v.include as string | undefined);
  const exclude = parseAccountPatterns("--exclude", o.v.exclude as string | undefined);
  if ((include || exclude) && o.accounts !== "all") {
    throw new InputError(
      "only applies with --accounts all (list the ids instead)",
      include ? "--include" : "--exclude",
    );
  }
  return scanOrganization({
    ...o.base,
    clients,
    accounts: o.accounts,
    ...(include ? { include } : {}),
    ...(exclude ? { exclude } : {}),
    roleName: parseRoleName(o.v["role-name"] as string | undefined),
    accountsInFlight: parseAccountsInFlight(o.v["accounts-in-flight"] as string | undefined),
    ...(externalId !== undefined ? { externalId } : {}),
    ...(eds
      ? {
          lg004: lakeLg004({
            clients,
            eventDataStore: eds,
            lookbackDays: o.base.lookbackDays,
            confirmWithSimulator: o.base.confirmWithSimulator,
            now: o.base.now ?? new Date(),
            perAccount: true,
          }),
        }
      : {}),
    ...(o.v["security-hub"]
      ? { afterAccount: (await import("./security-hub.js")).securityHubPerAccount(io, o.base.rules) }
      : {}),
    onProgress: (e) => {
      if (e.kind === "account-start") io.err(`${e.accountId} (${e.name}): scanning\n`);
      else if (e.kind === "account-done") {
        io.err(
          e.failed
            ? `${e.accountId}: failed — ${e.failed}\n`
            : `${e.accountId}: ${e.findings} finding${e.findings === 1 ? "" : "s"}\n`,
        );
      }
    },
  });
}
