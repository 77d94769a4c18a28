/** The Action's `accounts` input: the organization scan, one report of target kind `aws-organization`. */
import type { AwsClients } from "../aws/clients.js";
import { lakeLg004, scanAccountWithLake } from "../aws/org/lake-lg004.js";
import {
  DEFAULT_ACCOUNTS_IN_FLIGHT,
  DEFAULT_ROLE_NAME,
  scanOrganization,
  type EnteredAccount,
} from "../aws/org/scan-org.js";
import { syncSecurityHub } from "../aws/security-hub.js";
import { RULE_IDS, type Report } from "../model/index.js";
import type { ScanRequest } from "./scan.js";

export interface OrganizationRequest {
  accounts?: "all" | string[];
  roleName?: string;
  externalId?: string;
  cloudtrailLake?: string;
  accountsInFlight?: number;
}

export async function scanOrganizationFor(req: ScanRequest, clients: AwsClients): Promise<Report> {
  const org = req.organization ?? {};
  const now = new Date();
  const common = {
    regions: req.regions,
    lookbackDays: req.lookbackDays,
    rules: req.rules ?? [...RULE_IDS],
    config: req.config,
    confirmWithSimulator: false,
    now,
  };
  if (!org.accounts) {
    return scanAccountWithLake({ clients, ...common }, { eventDataStore: org.cloudtrailLake! });
  }
  return scanOrganization({
    ...common,
    clients,
    accounts: org.accounts,
    ...(req.securityHub
      ? {
          afterAccount: async (account: EnteredAccount, report: Report) => [
            (await syncSecurityHub({ clients: account.clients, report, rules: common.rules })).coverage,
          ],
        }
      : {}),
    roleName: org.roleName ?? DEFAULT_ROLE_NAME,
    accountsInFlight: org.accountsInFlight ?? DEFAULT_ACCOUNTS_IN_FLIGHT,
    ...(org.externalId !== undefined ? { externalId: org.externalId } : {}),
    ...(org.cloudtrailLake
      ? {
          lg004: lakeLg004({
            clients,
            eventDataStore: org.cloudtrailLake,
            lookbackDays: req.lookbackDays,
            confirmWithSimulator: false,
            now,
            perAccount: true,
          }),
        }
      : {}),
  });
}
