import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  describeOrganization,
  listOrgAccounts,
  selectAccounts
} from "./chunk-XZQCRKZM.js";
import {
  CallerCollector,
  GET_FUNCTION_EVENT_NAMES,
  _ep0,
  _ep02,
  _mw0,
  _mw02,
  callerIdentity,
  command,
  command2,
  crossAccountFinding,
  emptyCallerStats,
  evaluateGetFunctionCallers,
  fetchAuthorizationDetails,
  principalFromArn,
  resolveFunctionArn,
  scanAccount
} from "./chunk-4CSATNOJ.js";
import {
  AssumeRole$,
  DescribeQuery$,
  GetQueryResults$,
  StartQuery$
} from "./chunk-TNTOQ6QL.js";
import {
  describeAwsError
} from "./chunk-E6L6MX7O.js";
import {
  mapLimit
} from "./chunk-Y22KSWV4.js";
import {
  applyAllowList,
  applyRuleOverrides
} from "./chunk-RZOBS62O.js";
import {
  VERSION
} from "./chunk-KOHQH5XZ.js";
import {
  InputError
} from "./chunk-JAJAJYEP.js";
import {
  buildReport
} from "./chunk-4GMCL7QT.js";

// node_modules/@aws-sdk/client-cloudtrail/dist-es/commands/DescribeQueryCommand.js
var DescribeQueryCommand = class extends command(_ep0, _mw0, "DescribeQuery", DescribeQuery$) {
};

// node_modules/@aws-sdk/client-cloudtrail/dist-es/commands/GetQueryResultsCommand.js
var GetQueryResultsCommand = class extends command(_ep0, _mw0, "GetQueryResults", GetQueryResults$) {
};

// node_modules/@aws-sdk/client-cloudtrail/dist-es/commands/StartQueryCommand.js
var StartQueryCommand = class extends command(_ep0, _mw0, "StartQuery", StartQuery$) {
};

// src/aws/lg004/cloudtrail-lake.ts
var POLL_MS = 1e3;
function parseEventDataStore(eds, homeRegion) {
  const m = /^arn:[\w-]+:cloudtrail:([a-z0-9-]+):\d{12}:eventdatastore\/([A-Za-z0-9-]+)$/.exec(eds);
  if (m) return { region: m[1], name: m[2] };
  return { region: homeRegion, name: eds };
}
var quote = (s) => `'${s.replace(/'/g, "''")}'`;
var lakeTime = (d) => d.toISOString().replace("T", " ").replace(/\.\d{3}Z$/, "");
function callersQuery(eds, start, recipientAccounts) {
  const keys = [
    "recipientAccountId",
    "awsRegion",
    "eventName",
    "userIdentity.type",
    "userIdentity.arn",
    "userIdentity.accountId",
    "userIdentity.invokedBy",
    "userIdentity.sessionContext.sessionIssuer.arn",
    "element_at(requestParameters, 'functionName')"
  ];
  const names = [
    "recipientAccountId",
    "awsRegion",
    "eventName",
    "identityType",
    "identityArn",
    "identityAccountId",
    "invokedBy",
    "issuerArn",
    "functionName"
  ];
  const recipients = recipientAccounts && recipientAccounts.length > 0 ? ` AND recipientAccountId IN (${recipientAccounts.map(quote).join(", ")})` : "";
  return `SELECT ${keys.map((k, i) => `${k} AS ${names[i]}`).join(", ")}, COUNT(*) AS calls, MAX(eventTime) AS lastSeen FROM ${eds} WHERE eventSource = 'lambda.amazonaws.com' AND eventName IN (${GET_FUNCTION_EVENT_NAMES.map(quote).join(", ")}) AND errorCode IS NULL AND eventTime >= ${quote(lakeTime(start))}${recipients} GROUP BY ${keys.join(", ")}`;
}
function rowToRecord(row, partition) {
  const v = {};
  for (const cell of row) for (const [k, val] of Object.entries(cell)) v[k] = val === "" ? void 0 : val;
  const region = v.awsRegion ?? "";
  const recipient = v.recipientAccountId ?? "";
  const fn = v.functionName ? resolveFunctionArn(v.functionName, region, recipient, partition) : void 0;
  const seen = v.lastSeen ? Date.parse(`${v.lastSeen.replace(" ", "T")}${/[zZ]|[+-]\d\d:?\d\d$/.test(v.lastSeen) ? "" : "Z"}`) : NaN;
  const record = {
    eventName: v.eventName,
    awsRegion: region,
    recipientAccountId: recipient,
    ...Number.isNaN(seen) ? {} : { eventTime: new Date(seen).toISOString() },
    userIdentity: {
      type: v.identityType,
      arn: v.identityArn,
      accountId: v.identityAccountId,
      ...v.invokedBy ? { invokedBy: v.invokedBy } : {},
      ...v.issuerArn ? { sessionContext: { sessionIssuer: { type: "Role", arn: v.issuerArn } } } : {}
    },
    ...fn ? { requestParameters: { functionName: fn.arn } } : {}
  };
  const calls = Number(v.calls ?? "1");
  return { record, calls: Number.isInteger(calls) && calls > 0 ? calls : 1 };
}
async function queryLakeCallers(opts) {
  const { region, name } = parseEventDataStore(opts.eventDataStore, opts.clients.homeRegion);
  const client = opts.clients.cloudtrail(region);
  const sleep = opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  const result = { pages: 0, rows: 0, polls: 0, status: "failed" };
  try {
    const started = await client.send(
      new StartQueryCommand({ QueryStatement: callersQuery(name, opts.start, opts.recipientAccounts) })
    );
    const queryId = started.QueryId;
    result.queryId = queryId;
    for (; ; ) {
      result.polls++;
      const d = await client.send(new DescribeQueryCommand({ QueryId: queryId }));
      if (d.QueryStatus === "FINISHED") break;
      if (d.QueryStatus === "FAILED" || d.QueryStatus === "CANCELLED" || d.QueryStatus === "TIMED_OUT") {
        result.detail = `CloudTrail Lake query ${queryId} ${d.QueryStatus}: ${d.ErrorMessage ?? "no reason given"}`;
        return result;
      }
      if (result.polls >= (opts.maxPolls ?? 600)) {
        result.detail = `CloudTrail Lake query ${queryId} still ${d.QueryStatus} after ${result.polls} polls`;
        return result;
      }
      await sleep(POLL_MS);
    }
    let token;
    do {
      const page = await client.send(
        new GetQueryResultsCommand({
          QueryId: queryId,
          MaxQueryResults: 1e3,
          ...token ? { NextToken: token } : {}
        })
      );
      result.pages++;
      for (const row of page.QueryResultRows ?? []) {
        const { record, calls } = rowToRecord(row, opts.partition);
        result.rows++;
        opts.onRow(record, calls);
      }
      token = page.NextToken;
      if (token && result.pages >= (opts.maxPages ?? 1e4)) {
        result.status = "partial";
        result.detail = `stopped after ${result.pages} result pages (${result.rows} rows)`;
        return result;
      }
    } while (token);
    result.status = "complete";
    return result;
  } catch (err) {
    result.status = result.pages > 0 ? "partial" : "failed";
    result.detail = `CloudTrail Lake ${result.queryId ? `query ${result.queryId}` : "StartQuery"}: ${describeAwsError(err)}`;
    return result;
  }
}

// node_modules/@aws-sdk/client-sts/dist-es/commands/AssumeRoleCommand.js
var AssumeRoleCommand = class extends command2(_ep02, _mw02, "AssumeRole", AssumeRole$) {
};

// src/aws/org/assume-role.ts
var RENEW_BEFORE_MS = 5 * 6e4;
function roleArn(p) {
  return `arn:${p.partition}:iam::${p.accountId}:role/${p.roleName}`;
}
function assumedRoleCredentials(caller, params) {
  const now = params.now ?? Date.now;
  let current;
  const fetchOnce = async () => {
    const out = await caller.sts().send(
      new AssumeRoleCommand({
        RoleArn: roleArn(params),
        RoleSessionName: params.sessionName,
        DurationSeconds: 3600,
        ...params.externalId !== void 0 ? { ExternalId: params.externalId } : {}
      })
    );
    const c = out.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey) throw new Error("AssumeRole returned no credentials");
    return {
      accessKeyId: c.AccessKeyId,
      secretAccessKey: c.SecretAccessKey,
      ...c.SessionToken ? { sessionToken: c.SessionToken } : {},
      ...c.Expiration ? { expiration: c.Expiration } : {}
    };
  };
  return async () => {
    if (current) {
      const held = await current.catch(() => void 0);
      if (held && (!held.expiration || held.expiration.getTime() - now() > RENEW_BEFORE_MS)) return held;
    }
    current = fetchOnce();
    return current;
  };
}

// src/aws/org/scan-org.ts
var DEFAULT_ROLE_NAME = "lambda-guard-scan";
var DEFAULT_ACCOUNTS_IN_FLIGHT = 8;
function prefixCoverage(accountId, coverage) {
  return coverage.map((c) => ({ ...c, scope: `${accountId}/${c.scope}` }));
}
function tagAccount(accountId, findings) {
  return findings.map((f) => ({ ...f, resource: { ...f.resource, accountId } }));
}
function accountPart(account, partition, findings, coverage, now) {
  const prefix = `${account.accountId}/`;
  return buildReport({
    version: VERSION,
    target: { kind: "aws-account", accountId: account.accountId, partition, regions: account.regions },
    coverage: coverage.filter((c) => c.scope.startsWith(prefix) || !/^\d{12}(\/|$)/.test(c.scope)).map((c) => c.scope.startsWith(prefix) ? { ...c, scope: c.scope.slice(prefix.length) } : c),
    findings: findings.filter((f) => f.resource.accountId === account.accountId),
    now
  });
}
async function selected(opts) {
  if (opts.accounts === "all") {
    return selectAccounts(await listOrgAccounts(opts.clients), opts.include, opts.exclude);
  }
  let names = /* @__PURE__ */ new Map();
  try {
    names = new Map((await listOrgAccounts(opts.clients)).map((a) => [a.id, a.name]));
  } catch {
  }
  return opts.accounts.map((id) => ({ id, name: names.get(id) ?? id, status: "ACTIVE" }));
}
async function scanOrganization(opts) {
  const now = opts.now ?? /* @__PURE__ */ new Date();
  const me = await callerIdentity(opts.clients);
  const org = await describeOrganization(opts.clients);
  const accounts = await selected(opts);
  if (accounts.length === 0) {
    throw new InputError("no ACTIVE account to scan in the organization", "--accounts");
  }
  const rules = opts.lg004 ? opts.rules.filter((r) => r !== "LG004") : [...opts.rules];
  const findings = [];
  const coverage = [];
  const entered = [];
  const owned = [];
  try {
    await mapLimit(accounts, Math.max(1, opts.accountsInFlight), async (account) => {
      opts.onProgress?.({ kind: "account-start", accountId: account.id, name: account.name });
      const credentials = assumedRoleCredentials(opts.clients, {
        partition: me.partition,
        accountId: account.id,
        roleName: opts.roleName,
        sessionName: "lambda-guard",
        ...opts.externalId !== void 0 ? { externalId: opts.externalId } : {}
      });
      try {
        await credentials();
      } catch (err) {
        const detail = `cannot assume ${roleArn({ partition: me.partition, accountId: account.id, roleName: opts.roleName })}: ${describeAwsError(err)} \u2014 deploy the member role (examples/organizations/member-role.yaml) or fix --role-name/--external-id`;
        coverage.push({ scope: account.id, status: "failed", detail });
        opts.onProgress?.({ kind: "account-done", accountId: account.id, findings: 0, failed: detail });
        return;
      }
      const clients = opts.clientsFor ? opts.clientsFor(credentials) : opts.clients.forCredentials(credentials);
      owned.push(clients);
      try {
        const report = await scanAccount({
          ...opts,
          clients,
          rules,
          now,
          onProgress: (e) => opts.onProgress?.({ accountId: account.id, ...e })
        });
        const target = report.target;
        entered.push({ accountId: account.id, clients, regions: target.regions ?? [] });
        findings.push(...tagAccount(account.id, report.findings));
        coverage.push(...prefixCoverage(account.id, report.coverage));
        opts.onProgress?.({ kind: "account-done", accountId: account.id, findings: report.findings.length });
      } catch (err) {
        const detail = `scan failed: ${err instanceof Error ? err.message : String(err)}`;
        coverage.push({ scope: account.id, status: "failed", detail });
        opts.onProgress?.({ kind: "account-done", accountId: account.id, findings: 0, failed: detail });
      }
    });
    if (opts.lg004 && opts.rules.includes("LG004")) {
      const lake = await opts.lg004(entered, me);
      findings.push(...applyAllowList(applyRuleOverrides(lake.findings, opts.config), opts.config, now));
      coverage.push(...lake.coverage);
    }
    if (opts.afterAccount) {
      const after = opts.afterAccount;
      await mapLimit(entered, Math.max(1, opts.accountsInFlight), async (account) => {
        const report = accountPart(account, me.partition, findings, coverage, now);
        coverage.push(...prefixCoverage(account.accountId, await after(account, report)));
      });
    }
  } finally {
    for (const c of owned) c.destroy();
  }
  return buildReport({
    version: VERSION,
    target: {
      kind: "aws-organization",
      organizationId: org.id,
      partition: me.partition,
      accounts: accounts.map((a) => a.id)
    },
    coverage: coverage.sort((a, b) => a.scope.localeCompare(b.scope)),
    findings,
    now
  });
}

// src/aws/org/lake-lg004.ts
var DAY_MS = 864e5;
function emptyStats() {
  return {
    regions: [],
    callers: { ...emptyCallerStats(), unparsable: 0 },
    principals: 0,
    evaluationMs: 0,
    cloudtrailMs: 0,
    iamPages: 0,
    simulatorCalls: 0
  };
}
function lakeLg004(opts) {
  return async (entered, me) => {
    const days = Math.max(1, Math.floor(opts.lookbackDays));
    const scanner = principalFromArn(me.arn);
    const collector = new CallerCollector({
      accountId: "000000000000",
      partition: me.partition,
      ...scanner ? { scanner } : {}
    });
    const q = await queryLakeCallers({
      clients: opts.clients,
      eventDataStore: opts.eventDataStore,
      partition: me.partition,
      start: new Date(opts.now.getTime() - days * DAY_MS),
      ...opts.recipientAccounts ? { recipientAccounts: opts.recipientAccounts } : {},
      ...opts.sleep ? { sleep: opts.sleep } : {},
      onRow: (record, calls) => collector.add(void 0, record, String(record.awsRegion ?? ""), calls)
    });
    const coverage = [
      {
        scope: "cloudtrail-lake",
        status: q.status,
        detail: q.detail ?? `one query (${q.queryId}) over ${opts.eventDataStore}: ${q.rows} caller rows in ${q.pages} result page${q.pages === 1 ? "" : "s"}, last ${days} days`
      }
    ];
    const findings = [];
    if (q.status === "failed") return { findings, coverage };
    const byAccount = /* @__PURE__ */ new Map();
    for (const c of collector.callers.values()) {
      const list = byAccount.get(c.principal.accountId) ?? [];
      list.push(c);
      byAccount.set(c.principal.accountId, list);
    }
    const inside = new Set(entered.map((e) => e.accountId));
    for (const [accountId, callers] of byAccount) {
      if (inside.has(accountId)) continue;
      for (const caller of callers) {
        const f = crossAccountFinding({ status: "cross-account", caller });
        findings.push(...opts.perAccount ? tagAccount(accountId, [f]) : [f]);
      }
    }
    await mapLimit(entered, 8, async (account) => {
      const callers = byAccount.get(account.accountId) ?? [];
      if (callers.length === 0) {
        const cov = {
          scope: "global/iam",
          status: "complete",
          detail: "no GetFunction callers of this account in CloudTrail Lake; IAM not read"
        };
        coverage.push(...opts.perAccount ? prefixCoverage(account.accountId, [cov]) : [cov]);
        return;
      }
      const iam = await fetchAuthorizationDetails(account.clients);
      const stats = emptyStats();
      stats.principals = callers.length;
      const r = await evaluateGetFunctionCallers({
        clients: account.clients,
        accountId: account.accountId,
        callers,
        iam,
        stats,
        days,
        confirmWithSimulator: opts.confirmWithSimulator,
        now: opts.now
      });
      findings.push(...opts.perAccount ? tagAccount(account.accountId, r.findings) : r.findings);
      coverage.push(...opts.perAccount ? prefixCoverage(account.accountId, r.coverage) : r.coverage);
    });
    return { findings, coverage };
  };
}
async function scanAccountWithLake(opts, lake) {
  const now = opts.now ?? /* @__PURE__ */ new Date();
  const base = await scanAccount({ ...opts, now, rules: opts.rules.filter((r2) => r2 !== "LG004") });
  if (!opts.rules.includes("LG004") || base.target.kind !== "aws-account") return base;
  const me = await callerIdentity(opts.clients);
  const r = await lakeLg004({
    clients: opts.clients,
    eventDataStore: lake.eventDataStore,
    lookbackDays: opts.lookbackDays,
    confirmWithSimulator: opts.confirmWithSimulator,
    now,
    recipientAccounts: [me.accountId],
    perAccount: false,
    ...lake.sleep ? { sleep: lake.sleep } : {}
  })([{ accountId: me.accountId, clients: opts.clients, regions: base.target.regions }], me);
  return buildReport({
    version: VERSION,
    target: base.target,
    coverage: [...base.coverage, ...r.coverage].sort((a, b) => a.scope.localeCompare(b.scope)),
    findings: [
      ...base.findings,
      ...applyAllowList(applyRuleOverrides(r.findings, opts.config), opts.config, now)
    ],
    now
  });
}

export {
  DEFAULT_ROLE_NAME,
  DEFAULT_ACCOUNTS_IN_FLIGHT,
  scanOrganization,
  lakeLg004,
  scanAccountWithLake
};
