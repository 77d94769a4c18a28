import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  syncSecurityHub
} from "./chunk-SSFWDU3T.js";
import {
  DEFAULT_ACCOUNTS_IN_FLIGHT,
  DEFAULT_ROLE_NAME,
  lakeLg004,
  scanAccountWithLake,
  scanOrganization
} from "./chunk-SNO4OF26.js";
import "./chunk-XZQCRKZM.js";
import {
  AwsClients
} from "./chunk-JJCYNUYU.js";
import "./chunk-KBE33ETN.js";
import "./chunk-4VCTXFRF.js";
import {
  callerIdentity,
  scanAccount
} from "./chunk-4CSATNOJ.js";
import "./chunk-TNTOQ6QL.js";
import "./chunk-E6L6MX7O.js";
import "./chunk-2JWLIWBS.js";
import "./chunk-WNNLCRIJ.js";
import "./chunk-OIVCYA3S.js";
import "./chunk-LSF6AO4J.js";
import "./chunk-E4R4KLO7.js";
import "./chunk-4VYDAHCH.js";
import "./chunk-JOPDVS7U.js";
import "./chunk-T5AN75SP.js";
import "./chunk-WF2JIZYK.js";
import "./chunk-AHIWXY2A.js";
import "./chunk-ZOSEZ4WG.js";
import "./chunk-PLX4MXHT.js";
import "./chunk-W2GYLCDX.js";
import "./chunk-U6AM3KXG.js";
import "./chunk-RJK6TATR.js";
import {
  CredentialsProblem,
  accountProblem
} from "./chunk-G2FYUFJQ.js";
import "./chunk-AGXIWYW7.js";
import "./chunk-Y22KSWV4.js";
import "./chunk-RZOBS62O.js";
import "./chunk-NXJRENZE.js";
import "./chunk-KOHQH5XZ.js";
import "./chunk-CMKO3ROG.js";
import "./chunk-SYCOQQ3O.js";
import "./chunk-P2NUQOZL.js";
import {
  RULE_IDS
} from "./chunk-JAJAJYEP.js";
import "./chunk-4GMCL7QT.js";
import "./chunk-LYD5ERHY.js";

// src/action/org-scan.ts
async function scanOrganizationFor(req, clients) {
  const org = req.organization ?? {};
  const now = /* @__PURE__ */ new Date();
  const common = {
    regions: req.regions,
    lookbackDays: req.lookbackDays,
    rules: req.rules ?? [...RULE_IDS],
    config: req.config,
    confirmWithSimulator: false,
    now
  };
  if (!org.accounts) {
    return scanAccountWithLake({ clients, ...common }, { eventDataStore: org.cloudtrailLake });
  }
  return scanOrganization({
    ...common,
    clients,
    accounts: org.accounts,
    ...req.securityHub ? {
      afterAccount: async (account, report) => [
        (await syncSecurityHub({ clients: account.clients, report, rules: common.rules })).coverage
      ]
    } : {},
    roleName: org.roleName ?? DEFAULT_ROLE_NAME,
    accountsInFlight: org.accountsInFlight ?? DEFAULT_ACCOUNTS_IN_FLIGHT,
    ...org.externalId !== void 0 ? { externalId: org.externalId } : {},
    ...org.cloudtrailLake ? {
      lg004: lakeLg004({
        clients,
        eventDataStore: org.cloudtrailLake,
        lookbackDays: req.lookbackDays,
        confirmWithSimulator: false,
        now,
        perAccount: true
      })
    } : {}
  });
}

// src/action/scan-account.ts
async function scanAccountMode(req) {
  const clients = new AwsClients({
    apiBudget: req.apiBudget,
    ...req.endpointUrl ? { endpointUrl: req.endpointUrl } : {},
    ...req.credentials ? { credentials: req.credentials } : {},
    ...req.homeRegion ? { homeRegion: req.homeRegion } : {},
    ...req.timeout ? { signal: AbortSignal.timeout(req.timeout.ms) } : {}
  });
  try {
    let accountId;
    try {
      accountId = (await callerIdentity(clients)).accountId;
    } catch (err) {
      throw new CredentialsProblem("refused", err instanceof Error ? err.message : String(err));
    }
    const problem = accountProblem(accountId, req.allowedAccountIds ?? []);
    if (problem) throw problem;
    if (req.organization?.accounts) return await scanOrganizationFor(req, clients);
    const rules = req.rules ?? [...RULE_IDS];
    const report = req.organization?.cloudtrailLake ? await scanOrganizationFor(req, clients) : await scanAccount({
      clients,
      regions: req.regions,
      lookbackDays: req.lookbackDays,
      rules,
      config: req.config,
      confirmWithSimulator: false,
      ...req.timeout ? { timeoutLabel: `timeout (${req.timeout.text})` } : {}
    });
    if (!req.securityHub) return report;
    const hub = await syncSecurityHub({ clients, report, rules });
    const coverage = [...report.coverage, hub.coverage].sort((a, b) => a.scope.localeCompare(b.scope));
    return { ...report, coverage };
  } finally {
    clients.destroy();
  }
}
export {
  scanAccountMode
};
