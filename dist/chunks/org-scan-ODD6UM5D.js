import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  DEFAULT_ACCOUNTS_IN_FLIGHT,
  DEFAULT_ROLE_NAME,
  lakeLg004,
  scanOrganization
} from "./chunk-SNO4OF26.js";
import {
  parseAccountPatterns
} from "./chunk-XZQCRKZM.js";
import "./chunk-4VCTXFRF.js";
import "./chunk-4CSATNOJ.js";
import "./chunk-TNTOQ6QL.js";
import "./chunk-E6L6MX7O.js";
import "./chunk-2JWLIWBS.js";
import "./chunk-WNNLCRIJ.js";
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
import "./chunk-Y22KSWV4.js";
import "./chunk-RZOBS62O.js";
import {
  isAccountId,
  isEventDataStore,
  isExternalId,
  isRoleName
} from "./chunk-NXJRENZE.js";
import "./chunk-KOHQH5XZ.js";
import "./chunk-CMKO3ROG.js";
import "./chunk-SYCOQQ3O.js";
import "./chunk-P2NUQOZL.js";
import {
  InputError
} from "./chunk-JAJAJYEP.js";
import "./chunk-4GMCL7QT.js";
import "./chunk-LYD5ERHY.js";

// src/cli/org-scan.ts
function parseAccountsFlag(v) {
  if (v === void 0) return void 0;
  if (v === "all") return "all";
  const ids = v.split(",").map((s) => s.trim()).filter(Boolean);
  const bad = ids.find((id) => !isAccountId(id));
  if (ids.length === 0 || bad !== void 0) {
    throw new InputError(
      `'${bad ?? v}' is not an account id \u2014 use all or comma-separated 12-digit ids such as 444455556666,555566667777`,
      "--accounts"
    );
  }
  return [...new Set(ids)];
}
function parseRoleName(v) {
  if (v === void 0) return DEFAULT_ROLE_NAME;
  if (!isRoleName(v)) {
    throw new InputError(
      `'${v}' is not an IAM role name (1\u201364 letters, digits and +=,.@_-; give the name, not the ARN)`,
      "--role-name"
    );
  }
  return v;
}
function parseExternalId(v) {
  if (v === void 0) return void 0;
  if (!isExternalId(v)) {
    throw new InputError("must be 2\u20131224 characters of letters, digits and +=,.@:/-", "--external-id");
  }
  return v;
}
function parseAccountsInFlight(v) {
  if (v === void 0) return DEFAULT_ACCOUNTS_IN_FLIGHT;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 256) {
    throw new InputError(`must be a whole number from 1 to 256, got '${v}'`, "--accounts-in-flight");
  }
  return n;
}
function parseEventDataStore(v) {
  if (v === void 0) return void 0;
  if (!isEventDataStore(v)) {
    throw new InputError(
      `'${v}' is not an event data store id or ARN (arn:aws:cloudtrail:REGION:ACCOUNT:eventdatastore/ID)`,
      "--cloudtrail-lake"
    );
  }
  return v;
}
async function runOrgScan(io, clients, o) {
  const externalId = parseExternalId(o.v["external-id"]);
  const eds = parseEventDataStore(o.v["cloudtrail-lake"]);
  const include = parseAccountPatterns("--include", o.v.include);
  const exclude = parseAccountPatterns("--exclude", o.v.exclude);
  if ((include || exclude) && o.accounts !== "all") {
    throw new InputError(
      "only applies with --accounts all (list the ids instead)",
      include ? "--include" : "--exclude"
    );
  }
  return scanOrganization({
    ...o.base,
    clients,
    accounts: o.accounts,
    ...include ? { include } : {},
    ...exclude ? { exclude } : {},
    roleName: parseRoleName(o.v["role-name"]),
    accountsInFlight: parseAccountsInFlight(o.v["accounts-in-flight"]),
    ...externalId !== void 0 ? { externalId } : {},
    ...eds ? {
      lg004: lakeLg004({
        clients,
        eventDataStore: eds,
        lookbackDays: o.base.lookbackDays,
        confirmWithSimulator: o.base.confirmWithSimulator,
        now: o.base.now ?? /* @__PURE__ */ new Date(),
        perAccount: true
      })
    } : {},
    ...o.v["security-hub"] ? { afterAccount: (await import("./security-hub-IP5LDLXL.js")).securityHubPerAccount(io, o.base.rules) } : {},
    onProgress: (e) => {
      if (e.kind === "account-start") io.err(`${e.accountId} (${e.name}): scanning
`);
      else if (e.kind === "account-done") {
        io.err(
          e.failed ? `${e.accountId}: failed \u2014 ${e.failed}
` : `${e.accountId}: ${e.findings} finding${e.findings === 1 ? "" : "s"}
`
        );
      }
    }
  });
}
export {
  parseAccountsFlag,
  parseAccountsInFlight,
  parseEventDataStore,
  parseExternalId,
  parseRoleName,
  runOrgScan
};
