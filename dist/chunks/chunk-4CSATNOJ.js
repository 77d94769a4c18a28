import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  CallDeadlineError,
  DescribeRegions$,
  GetAccountAuthorizationDetails$,
  GetCallerIdentity$,
  ListRegions$,
  LookupEvents$,
  ScanTimeoutError,
  SimulatePrincipalPolicy$,
  commonParams,
  commonParams2,
  commonParams3,
  commonParams4,
  commonParams5
} from "./chunk-TNTOQ6QL.js";
import {
  describeAwsError,
  isAccessDenied,
  isFunctionGone,
  isNotFound,
  isRegionRefusal,
  regionNotEnabled
} from "./chunk-E6L6MX7O.js";
import {
  GetPolicyCommand,
  ListAliasesCommand,
  ListFunctionUrlConfigsCommand,
  ListFunctionsCommand,
  ListTagsCommand
} from "./chunk-2JWLIWBS.js";
import {
  decideExposure,
  evaluateIdentity,
  findGrantingStatements,
  parsePolicy,
  statementLabel
} from "./chunk-WNNLCRIJ.js";
import {
  getEndpointPlugin,
  makeBuilder
} from "./chunk-AHIWXY2A.js";
import {
  applyAllowList,
  applyRuleOverrides,
  fingerprint
} from "./chunk-RZOBS62O.js";
import {
  VERSION
} from "./chunk-KOHQH5XZ.js";
import {
  InputError,
  RULES
} from "./chunk-JAJAJYEP.js";
import {
  buildReport
} from "./chunk-4GMCL7QT.js";

// node_modules/@aws-sdk/client-sts/dist-es/commandBuilder.js
var command = makeBuilder(commonParams5, "AWSSecurityTokenServiceV20110615", "STSClient", getEndpointPlugin);
var _ep0 = {};
var _mw0 = (Command, cs, config, o) => [];

// node_modules/@aws-sdk/client-sts/dist-es/commands/GetCallerIdentityCommand.js
var GetCallerIdentityCommand = class extends command(_ep0, _mw0, "GetCallerIdentity", GetCallerIdentity$) {
};

// src/aws/arn.ts
function partitionOf(arn) {
  return arn.split(":")[1] || "aws";
}
function functionArn(partition, region, accountId, name) {
  return `arn:${partition}:lambda:${region}:${accountId}:function:${name}`;
}
function splitFunctionArn(arn) {
  const parts = arn.split(":");
  const name = parts[6] ?? "";
  const qualifier = parts[7] ?? null;
  return { arn: parts.slice(0, 7).join(":"), name, qualifier: qualifier === "$LATEST" ? null : qualifier };
}

// src/aws/semaphore.ts
var Semaphore = class {
  constructor(limit) {
    this.limit = limit;
  }
  limit;
  active = 0;
  waiting = [];
  async run(fn) {
    if (this.active >= this.limit) await new Promise((r) => this.waiting.push(r));
    this.active++;
    try {
      return await fn();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
};

// src/aws/pages.ts
var PagingError = class extends Error {
  name = "PagingError";
};
function pageGuard(call, maxPages) {
  let pages = 0;
  let last;
  return (token) => {
    pages++;
    if (!token) return void 0;
    if (token === last) throw new PagingError(`${call} returned the same page token twice; listing stopped`);
    if (pages >= maxPages)
      throw new PagingError(`${call} listed more than ${maxPages} pages; listing stopped`);
    last = token;
    return token;
  };
}

// src/aws/lambda-collect.ts
var Failures = class {
  byApi = /* @__PURE__ */ new Map();
  add(api, err) {
    const cur = this.byApi.get(api);
    if (cur) cur.count++;
    else this.byApi.set(api, { count: 1, first: typeof err === "string" ? err : describeAwsError(err) });
  }
  get size() {
    return this.byApi.size;
  }
  detail() {
    return [...this.byApi].map(([api, { count, first }]) => `${api}: ${count} call${count > 1 ? "s" : ""} failed (${first})`).join("; ");
  }
};
var MAX_FUNCTION_PAGES = 2e4;
var MAX_QUALIFIER_PAGES = 100;
async function collectRegion(opts) {
  const { clients, region } = opts;
  const lambda = clients.lambda(region);
  const control = clients.bucket("lambda:control-plane", region);
  const policyBucket = clients.bucket("lambda:GetPolicy", region);
  const failures = new Failures();
  const sem = new Semaphore(opts.concurrency ?? 12);
  let total = 0;
  let done = 0;
  const deleted = [];
  let listing = true;
  const progress = () => opts.onProgress?.({
    region,
    functionsDone: done,
    functionsTotal: total,
    listing,
    waiting: control.pending + policyBucket.pending
  });
  const getPolicy = async (name, qualifier) => {
    try {
      const out = await lambda.send(
        new GetPolicyCommand({ FunctionName: name, ...qualifier ? { Qualifier: qualifier } : {} })
      );
      const raw = out.Policy ?? "";
      try {
        return {
          status: "ok",
          document: parsePolicy(raw, `${name}${qualifier ? `:${qualifier}` : ""}`),
          raw
        };
      } catch (err) {
        const error = err instanceof Error ? err.message : String(err);
        failures.add("GetPolicy (unparseable policy)", error);
        return { status: "invalid", error, raw };
      }
    } catch (err) {
      if (isFunctionGone(err)) throw err;
      if (isNotFound(err)) return { status: "absent" };
      failures.add("GetPolicy", err);
      return { status: "unreadable", error: describeAwsError(err) };
    }
  };
  const processFunction = async (fn) => {
    const name = fn.FunctionName;
    try {
      const urls = [];
      let marker;
      const nextUrls = pageGuard("lambda:ListFunctionUrlConfigs", MAX_QUALIFIER_PAGES);
      do {
        const page = await lambda.send(
          new ListFunctionUrlConfigsCommand({ FunctionName: name, Marker: marker, MaxItems: 50 })
        );
        for (const u of page.FunctionUrlConfigs ?? []) {
          urls.push({
            qualifier: splitFunctionArn(u.FunctionArn ?? "").qualifier,
            authType: u.AuthType === "NONE" ? "NONE" : "AWS_IAM",
            url: u.FunctionUrl ?? ""
          });
        }
        marker = nextUrls(page.NextMarker);
      } while (marker);
      const aliases = [];
      try {
        marker = void 0;
        const nextAliases = pageGuard("lambda:ListAliases", MAX_QUALIFIER_PAGES);
        do {
          const page = await lambda.send(
            new ListAliasesCommand({ FunctionName: name, Marker: marker, MaxItems: 50 })
          );
          for (const a of page.Aliases ?? []) if (a.Name) aliases.push(a.Name);
          marker = nextAliases(page.NextMarker);
        } while (marker);
      } catch (err) {
        if (isNotFound(err)) throw err;
        failures.add("ListAliases", err);
      }
      const qualifiers = [.../* @__PURE__ */ new Set(["", ...urls.map((u) => u.qualifier ?? ""), ...aliases])];
      const policies = /* @__PURE__ */ new Map();
      await Promise.all(
        qualifiers.map(async (q) => policies.set(q, await getPolicy(name, q === "" ? null : q)))
      );
      opts.onFunction({
        region,
        accountId: opts.accountId,
        partition: opts.partition,
        functionName: name,
        functionArn: functionArn(opts.partition, region, opts.accountId, name),
        urls,
        policies,
        aliases
      });
    } catch (err) {
      if (isNotFound(err)) deleted.push(name);
      else failures.add("ListFunctionUrlConfigs", err);
    } finally {
      done++;
      progress();
    }
  };
  const work = [];
  try {
    let marker;
    const nextFunctions = pageGuard("lambda:ListFunctions", MAX_FUNCTION_PAGES);
    do {
      const page = await lambda.send(
        new ListFunctionsCommand({ Marker: marker, MaxItems: 50 })
      );
      for (const fn of page.Functions ?? []) {
        if (!fn.FunctionName) continue;
        total++;
        work.push(sem.run(() => processFunction(fn)));
      }
      progress();
      marker = nextFunctions(page.NextMarker);
    } while (marker);
  } catch (err) {
    listing = false;
    await Promise.all(work);
    if (total === 0 && isRegionRefusal(err)) {
      return { scope: `${region}/lambda`, status: "failed", detail: regionNotEnabled(region, err) };
    }
    return {
      scope: `${region}/lambda`,
      status: total > 0 ? "partial" : "failed",
      detail: `ListFunctions failed after ${total} functions: ${describeAwsError(err)}`
    };
  }
  listing = false;
  await Promise.all(work);
  progress();
  const notes = [];
  if (deleted.length > 0) {
    const names = deleted.sort().slice(0, 10).join(", ");
    notes.push(
      `${deleted.length} function${deleted.length > 1 ? "s" : ""} deleted during the scan, not analysed: ${names}${deleted.length > 10 ? ", \u2026" : ""}`
    );
  }
  if (failures.size > 0) notes.push(failures.detail());
  return {
    scope: `${region}/lambda`,
    status: failures.size > 0 ? "partial" : "complete",
    detail: [`${total} functions`, ...notes].join("; ")
  };
}
async function readTags(clients, region, arn) {
  try {
    const out = await clients.lambda(region).send(new ListTagsCommand({ Resource: arn }));
    return out.Tags ?? {};
  } catch {
    return null;
  }
}

// node_modules/@aws-sdk/client-iam/dist-es/commandBuilder.js
var command2 = makeBuilder(commonParams4, "AWSIdentityManagementV20100508", "IAMClient", getEndpointPlugin);
var _ep02 = {};
var _mw02 = (Command, cs, config, o) => [];

// node_modules/@aws-sdk/client-iam/dist-es/commands/GetAccountAuthorizationDetailsCommand.js
var GetAccountAuthorizationDetailsCommand = class extends command2(_ep02, _mw02, "GetAccountAuthorizationDetails", GetAccountAuthorizationDetails$) {
};

// node_modules/@aws-sdk/client-iam/dist-es/commands/SimulatePrincipalPolicyCommand.js
var SimulatePrincipalPolicyCommand = class extends command2(_ep02, _mw02, "SimulatePrincipalPolicy", SimulatePrincipalPolicy$) {
};

// src/aws/lg004/authorization-details.ts
function decodePolicyDocument(text) {
  if (text === void 0) return void 0;
  let decoded = text;
  try {
    decoded = decodeURIComponent(text);
  } catch {
  }
  try {
    return JSON.parse(decoded);
  } catch {
    return decoded;
  }
}
var principalKey = (type, name) => `${type}/${name.toLowerCase()}`;
function addPage(snap, out) {
  for (const u of out.UserDetailList ?? []) {
    if (!u.Arn || !u.UserName) continue;
    snap.principals.set(principalKey("user", u.UserName), {
      arn: u.Arn,
      name: u.UserName,
      type: "user",
      path: u.Path ?? "/",
      inline: u.UserPolicyList ?? [],
      attached: u.AttachedManagedPolicies ?? [],
      groups: u.GroupList ?? [],
      ...u.PermissionsBoundary?.PermissionsBoundaryArn ? { boundaryArn: u.PermissionsBoundary.PermissionsBoundaryArn } : {}
    });
  }
  for (const r of out.RoleDetailList ?? []) {
    if (!r.Arn || !r.RoleName) continue;
    snap.principals.set(principalKey("role", r.RoleName), {
      arn: r.Arn,
      name: r.RoleName,
      type: "role",
      path: r.Path ?? "/",
      inline: r.RolePolicyList ?? [],
      attached: r.AttachedManagedPolicies ?? [],
      groups: [],
      ...r.PermissionsBoundary?.PermissionsBoundaryArn ? { boundaryArn: r.PermissionsBoundary.PermissionsBoundaryArn } : {}
    });
  }
  for (const g of out.GroupDetailList ?? []) {
    if (!g.GroupName) continue;
    snap.groups.set(g.GroupName, {
      name: g.GroupName,
      inline: g.GroupPolicyList ?? [],
      attached: g.AttachedManagedPolicies ?? []
    });
  }
  for (const p of out.Policies ?? []) {
    if (!p.Arn) continue;
    const def = p.PolicyVersionList?.find((v) => v.IsDefaultVersion) ?? p.PolicyVersionList?.find((v) => v.VersionId === p.DefaultVersionId);
    snap.policies.set(p.Arn, {
      name: p.PolicyName ?? p.Arn.split("/").at(-1),
      document: decodePolicyDocument(def?.Document)
    });
  }
}
async function fetchAuthorizationDetails(clients) {
  const iam = clients.iam();
  const snap = { principals: /* @__PURE__ */ new Map(), groups: /* @__PURE__ */ new Map(), policies: /* @__PURE__ */ new Map(), pages: 0 };
  let marker;
  const next = pageGuard("iam:GetAccountAuthorizationDetails", 1e3);
  for (; ; ) {
    let out;
    try {
      out = await iam.send(
        new GetAccountAuthorizationDetailsCommand({ MaxItems: 1e3, ...marker ? { Marker: marker } : {} })
      );
    } catch (err) {
      return {
        status: "failed",
        // The permission hint only when it was a denial: a call that kept failing needs no new permission.
        detail: `${describeAwsError(err)}${isAccessDenied(err) ? " \u2014 allow iam:GetAccountAuthorizationDetails to the scanning role" : ""}`
      };
    }
    snap.pages++;
    addPage(snap, out);
    if (!out.IsTruncated) break;
    if (!out.Marker) {
      return { snapshot: snap, status: "failed", detail: "IAM returned IsTruncated without a Marker" };
    }
    try {
      marker = next(out.Marker);
    } catch (err) {
      return { snapshot: snap, status: "failed", detail: describeAwsError(err) };
    }
  }
  return { snapshot: snap, status: "complete" };
}
function policiesFor(snap, detail) {
  const identityPolicies = [];
  const missing = [];
  const used = /* @__PURE__ */ new Set();
  const unique = (name) => {
    let n = name;
    for (let i = 2; used.has(n); i++) n = `${name} (${i})`;
    used.add(n);
    return n;
  };
  const managed = (a, group) => {
    const arn = a.PolicyArn;
    const p = arn ? snap.policies.get(arn) : void 0;
    if (!arn || !p) {
      missing.push(arn ?? a.PolicyName ?? "(unnamed)");
      return;
    }
    identityPolicies.push({
      name: unique(p.name),
      kind: group ? "group-managed" : "managed",
      arn,
      ...group ? { group } : {},
      document: p.document
    });
  };
  for (const i of detail.inline) {
    identityPolicies.push({
      name: unique(i.PolicyName ?? "inline"),
      kind: "inline",
      document: decodePolicyDocument(i.PolicyDocument)
    });
  }
  for (const a of detail.attached) managed(a);
  for (const g of detail.groups) {
    const group = snap.groups.get(g);
    if (!group) {
      missing.push(`group ${g}`);
      continue;
    }
    for (const i of group.inline) {
      identityPolicies.push({
        name: unique(i.PolicyName ?? "inline"),
        kind: "group-inline",
        group: g,
        document: decodePolicyDocument(i.PolicyDocument)
      });
    }
    for (const a of group.attached) managed(a, g);
  }
  const out = { identityPolicies, missing };
  if (detail.boundaryArn) {
    const b = snap.policies.get(detail.boundaryArn);
    if (b) out.boundary = { name: b.name, kind: "managed", arn: detail.boundaryArn, document: b.document };
    else missing.push(`boundary ${detail.boundaryArn}`);
  }
  return out;
}

// src/aws/lg004/principals.ts
var str = (v) => typeof v === "string" && v !== "" ? v : void 0;
var obj = (v) => v && typeof v === "object" && !Array.isArray(v) ? v : void 0;
function isSsoRoleName(name) {
  return name.startsWith("AWSReservedSSO_");
}
function principalFromArn(arn) {
  const m = /^arn:([^:]+):(iam|sts)::(\d{12}|aws):(.+)$/.exec(arn);
  if (!m) return void 0;
  const [, partition, service, accountId, rest] = m;
  if (rest === "root") return { kind: "principal", arn, type: "root", accountId, name: "root", sso: false };
  if (service === "iam" && rest.startsWith("user/")) {
    const name = rest.split("/").at(-1) ?? "";
    return { kind: "principal", arn, type: "user", accountId, name, sso: false };
  }
  if (service === "iam" && rest.startsWith("role/")) {
    const name = rest.split("/").at(-1) ?? "";
    return { kind: "principal", arn, type: "role", accountId, name, sso: isSsoRoleName(name) };
  }
  if (service === "sts" && rest.startsWith("assumed-role/")) {
    const [, name = "", session = ""] = rest.split("/");
    return {
      kind: "principal",
      arn: `arn:${partition}:iam::${accountId}:role/${name}`,
      type: "role",
      accountId,
      name,
      sso: isSsoRoleName(name),
      via: { type: "assumed-role", session }
    };
  }
  return void 0;
}
function resolveIdentity(identity) {
  const id = obj(identity);
  if (!id) return { kind: "unresolved", type: "missing", detail: "the event has no userIdentity" };
  const type = str(id.type) ?? "Unknown";
  const invokedBy = str(id.invokedBy);
  if (type === "AWSService" || invokedBy) {
    return { kind: "service", invokedBy: invokedBy ?? str(id.principalId) ?? "an AWS service" };
  }
  const arn = str(id.arn);
  const accountId = str(id.accountId);
  const issuer = obj(obj(id.sessionContext)?.sessionIssuer);
  const issuerArn = str(issuer?.arn);
  switch (type) {
    case "IAMUser": {
      const p = arn ? principalFromArn(arn) : void 0;
      if (p?.type === "user") return p;
      return { kind: "unresolved", type, detail: `IAM user without a usable ARN (${arn ?? "none"})` };
    }
    case "Root": {
      const acct = accountId ?? (arn ? arn.split(":")[4] : void 0);
      if (!acct) return { kind: "unresolved", type, detail: "root caller without an account id" };
      const partition = arn?.split(":")[1] ?? "aws";
      return {
        kind: "principal",
        arn: `arn:${partition}:iam::${acct}:root`,
        type: "root",
        accountId: acct,
        name: "root",
        sso: false
      };
    }
    case "AssumedRole": {
      const session = arn?.split("/").at(-1) ?? "";
      const p = issuerArn ? principalFromArn(issuerArn) : void 0;
      if (p && p.type === "role") {
        return { ...p, via: { type: "assumed-role", session } };
      }
      const fromSession = arn ? principalFromArn(arn) : void 0;
      if (fromSession?.type === "role") return fromSession;
      return {
        kind: "unresolved",
        type,
        detail: `assumed role without a session issuer (${arn ?? "no ARN"})`
      };
    }
    case "FederatedUser": {
      const session = arn?.split("/").at(-1) ?? str(id.principalId)?.split(":").at(-1) ?? "";
      const p = issuerArn ? principalFromArn(issuerArn) : void 0;
      if (p && (p.type === "user" || p.type === "root")) {
        return { ...p, via: { type: "federated-user", session } };
      }
      return {
        kind: "unresolved",
        type,
        detail: `federated user without an issuing IAM user (${arn ?? "no ARN"})`
      };
    }
    default:
      return {
        kind: "unresolved",
        type,
        detail: `${type} caller ${arn ?? str(id.principalId) ?? ""}`.trim()
      };
  }
}
function samePrincipal(a, b) {
  return !!b && a.accountId === b.accountId && a.type === b.type && a.name === b.name;
}

// src/aws/lg004/callers.ts
var GET_FUNCTION_EVENT_NAMES = ["GetFunction20150331v2", "GetFunction"];
function emptyCallerStats() {
  return {
    records: 0,
    duplicates: 0,
    failed: 0,
    service: 0,
    self: 0,
    unresolved: 0,
    unresolvedTypes: {},
    noFunction: 0
  };
}
var MAX_SESSIONS = 5;
var str2 = (v) => typeof v === "string" && v !== "" ? v : void 0;
var obj2 = (v) => v && typeof v === "object" && !Array.isArray(v) ? v : void 0;
function resolveFunctionArn(functionName, region, accountId, partition) {
  let raw = functionName.trim();
  if (raw.includes("%")) {
    try {
      raw = decodeURIComponent(raw);
    } catch {
    }
  }
  if (raw === "") return void 0;
  const parts = raw.split(":");
  let p = partition;
  let r = region;
  let a = accountId;
  let name;
  let qualifier;
  if (parts[0] === "arn") {
    if (parts[2] !== "lambda" || parts[5] !== "function" || parts.length < 7 || parts.length > 8)
      return void 0;
    p = parts[1] || partition;
    r = parts[3] || region;
    a = parts[4] || accountId;
    name = parts[6];
    qualifier = parts[7];
  } else if (parts.length >= 3 && parts[1] === "function" && /^\d{12}$/.test(parts[0] ?? "")) {
    if (parts.length > 4) return void 0;
    a = parts[0];
    name = parts[2];
    qualifier = parts[3];
  } else if (parts.length <= 2) {
    name = parts[0];
    qualifier = parts[1];
  } else {
    return void 0;
  }
  if (!name || !/^[A-Za-z0-9_-]{1,140}$/.test(name)) return void 0;
  return {
    arn: `arn:${p}:lambda:${r}:${a}:function:${name}`,
    region: r,
    name,
    qualifier: qualifier && qualifier !== "$LATEST" ? qualifier : null
  };
}
var CallerCollector = class {
  constructor(opts) {
    this.opts = opts;
  }
  opts;
  callers = /* @__PURE__ */ new Map();
  stats = emptyCallerStats();
  seen = /* @__PURE__ */ new Set();
  /**
   * One LookupEvents event: its id, name, region and the `CloudTrailEvent` JSON (or the parsed record).
   * Returns true when the event counted towards a caller.
   */
  add(eventId, record2, fallbackRegion, calls = 1) {
    const id = eventId ?? str2(record2.eventID);
    if (id) {
      if (this.seen.has(id)) {
        this.stats.duplicates++;
        return false;
      }
      this.seen.add(id);
    }
    this.stats.records++;
    const eventName = str2(record2.eventName) ?? "";
    if (!GET_FUNCTION_EVENT_NAMES.includes(eventName)) return false;
    if (str2(record2.errorCode)) {
      this.stats.failed++;
      return false;
    }
    const who = resolveIdentity(record2.userIdentity);
    if (who.kind === "service") {
      this.stats.service++;
      return false;
    }
    if (who.kind === "unresolved") {
      this.stats.unresolved++;
      this.stats.unresolvedTypes[who.type] = (this.stats.unresolvedTypes[who.type] ?? 0) + 1;
      return false;
    }
    if (samePrincipal(who, this.opts.scanner)) {
      this.stats.self++;
      return false;
    }
    const region = str2(record2.awsRegion) ?? fallbackRegion;
    const fnName = str2(obj2(record2.requestParameters)?.functionName);
    const fn = fnName ? resolveFunctionArn(fnName, region, this.opts.accountId, this.opts.partition) : void 0;
    if (!fn) {
      this.stats.noFunction++;
      return false;
    }
    const time = Date.parse(str2(record2.eventTime) ?? "");
    const key = `${who.type}\0${who.arn}`;
    let caller = this.callers.get(key);
    if (!caller) {
      const { via: _via, ...principal } = who;
      caller = {
        principal,
        functions: /* @__PURE__ */ new Map(),
        events: 0,
        eventNames: /* @__PURE__ */ new Set(),
        sessions: /* @__PURE__ */ new Set(),
        federated: false
      };
      this.callers.set(key, caller);
    }
    caller.events += calls;
    caller.eventNames.add(eventName);
    if (who.via && caller.sessions.size < MAX_SESSIONS)
      caller.sessions.add(`${who.via.type}/${who.via.session}`);
    if (who.via?.type === "federated-user") caller.federated = true;
    const read = caller.functions.get(fn.arn);
    const t = Number.isNaN(time) ? 0 : time;
    if (read) {
      read.calls += calls;
      if (t > read.lastSeen) read.lastSeen = t;
    } else {
      caller.functions.set(fn.arn, { arn: fn.arn, region: fn.region, lastSeen: t, calls });
    }
    return true;
  }
};

// src/aws/lg004/evaluate-callers.ts
var ParseCache = class {
  cache = /* @__PURE__ */ new Map();
  get(doc, where) {
    let v = this.cache.get(doc);
    if (v === void 0) {
      try {
        v = parsePolicy(doc, where);
      } catch (err) {
        v = err instanceof Error ? err : new Error(String(err));
      }
      if (doc !== null && (typeof doc === "object" || typeof doc === "string")) this.cache.set(doc, v);
    }
    return v;
  }
};
var TextCache = class _TextCache {
  static texts = /* @__PURE__ */ new WeakMap();
  of(doc) {
    let t = _TextCache.texts.get(doc);
    if (t === void 0) {
      t = JSON.stringify(doc);
      _TextCache.texts.set(doc, t);
    }
    return t;
  }
};
var PRINCIPAL_SPECIFIC = /aws:principal(arn|type)|aws:username|aws:userid|\$\{/i;
function setKey(detail, policies, boundary, texts) {
  const parts = policies.map((p) => `${p.name}\0${texts.of(p.document)}`);
  if (boundary) parts.push(`boundary\0${boundary.name}\0${texts.of(boundary.document)}`);
  const key = `${detail.type}${parts.join("")}`;
  return PRINCIPAL_SPECIFIC.test(key) ? `${detail.arn}${key}` : key;
}
var VerdictCache = class {
  sets = /* @__PURE__ */ new Map();
  forSet(key) {
    let m = this.sets.get(key);
    if (!m) {
      m = /* @__PURE__ */ new Map();
      this.sets.set(key, m);
    }
    return m;
  }
};
function evaluateCallers(callers, snap, opts) {
  const action = opts.action ?? "lambda:ListTags";
  const parsed = new ParseCache();
  const cache = new VerdictCache();
  const out = [];
  for (const caller of callers) {
    const p = caller.principal;
    if (p.accountId !== opts.accountId) {
      out.push({ status: "cross-account", caller });
      continue;
    }
    if (p.type === "root") {
      out.push({ status: "root", caller });
      continue;
    }
    const detail = snap.principals.get(principalKey(p.type, p.name));
    if (!detail) {
      out.push({ status: "unknown-principal", caller });
      continue;
    }
    const pol = policiesFor(snap, detail);
    const unreadable = [...pol.missing];
    const identityPolicies = [];
    const texts = new TextCache();
    const refs = [];
    for (const d of pol.identityPolicies) {
      const doc = parsed.get(d.document, `${detail.arn} policy ${d.name}`);
      if (doc instanceof Error) {
        unreadable.push(`${d.name}: ${doc.message}`);
        continue;
      }
      identityPolicies.push({ name: d.name, document: doc });
      refs.push({
        name: d.name,
        kind: d.kind,
        ...d.arn ? { arn: d.arn } : {},
        ...d.group ? { group: d.group } : {}
      });
    }
    let boundary;
    if (pol.boundary) {
      const doc = parsed.get(pol.boundary.document, `${detail.arn} boundary ${pol.boundary.name}`);
      if (doc instanceof Error) unreadable.push(`boundary ${pol.boundary.name}: ${doc.message}`);
      else {
        boundary = { name: pol.boundary.name, document: doc };
        refs.push({
          name: pol.boundary.name,
          kind: "boundary",
          ...pol.boundary.arn ? { arn: pol.boundary.arn } : {}
        });
      }
    }
    const functions = [];
    const granted = /* @__PURE__ */ new Map();
    const memo = cache.forSet(setKey(detail, identityPolicies, boundary, texts));
    for (const fn of caller.functions.values()) {
      let m = memo.get(fn.arn);
      if (!m) {
        const r = evaluateIdentity({
          identityPolicies,
          ...boundary ? { boundary } : {},
          principalArn: detail.arn,
          accountId: opts.accountId,
          action,
          resource: fn.arn,
          ...opts.now ? { now: opts.now } : {}
        });
        m = {
          decision: r.decision,
          reason: r.reason,
          statements: r.statements.map((s) => ({
            policy: s.policy,
            index: s.index,
            ...s.sid ? { sid: s.sid } : {}
          })),
          conditions: [...r.conditions],
          granting: r.decision === "allowed" ? [] : findGrantingStatements(identityPolicies, "lambda:GetFunction", fn.arn).map((s) => ({
            policy: s.policy,
            index: s.index,
            ...s.sid ? { sid: s.sid } : {}
          }))
        };
        memo.set(fn.arn, m);
      }
      functions.push({
        ...fn,
        decision: m.decision,
        reason: m.reason,
        statements: m.statements,
        conditions: m.conditions
      });
      for (const s of m.granting) {
        const list = granted.get(s.policy) ?? [];
        if (!list.some((x) => x.index === s.index)) list.push(s);
        granted.set(s.policy, list);
      }
    }
    functions.sort((a, b) => a.arn < b.arn ? -1 : a.arn > b.arn ? 1 : 0);
    const getFunctionGrantedBy = [...granted].map(([name, statements]) => {
      const ref = refs.find((x) => x.name === name) ?? { name, kind: "inline" };
      return { ...ref, statements: statements.sort((a, b) => a.index - b.index) };
    });
    out.push({
      status: "evaluated",
      caller,
      principalArn: detail.arn,
      functions,
      getFunctionGrantedBy,
      policies: refs,
      unreadable
    });
  }
  return out;
}

// src/aws/lg004/findings.ts
var FIX_POLICY_NAME = "lambda-guard-ListTags";
var INLINE_LIMIT = { role: 10240, user: 2048 };
var EVIDENCE_FUNCTIONS = 200;
var REASON_RANK = {
  deny: 4,
  boundary: 3,
  "no-statement": 2,
  conditional: 1,
  allowed: 0
};
var REASON_TEXT = {
  "no-statement": "no statement allows it",
  deny: "an explicit Deny forbids it",
  boundary: "the permissions boundary does not allow it",
  conditional: "the only Allow depends on request context the scan cannot know"
};
var iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
var shellQuote = (s) => `'${s.replace(/'/g, `'"'"'`)}'`;
function fixPolicy(arns, principalType) {
  const exact = [...new Set(arns)].sort();
  const make = (resources) => ({
    Version: "2012-10-17",
    Statement: [
      { Sid: "AllowListTagsForGetFunction", Effect: "Allow", Action: "lambda:ListTags", Resource: resources }
    ]
  });
  const doc = make(exact);
  if (JSON.stringify(doc).length <= INLINE_LIMIT[principalType]) return { document: doc, widened: false };
  const regional = [...new Set(exact.map((a) => a.split(":").slice(0, 5).join(":") + ":function:*"))].sort();
  return { document: make(regional), widened: true };
}
function attachCommand(type, name, doc) {
  const json = shellQuote(JSON.stringify(doc));
  return type === "user" ? `aws iam put-user-policy --user-name ${name} --policy-name ${FIX_POLICY_NAME} --policy-document ${json}` : `aws iam put-role-policy --role-name ${name} --policy-name ${FIX_POLICY_NAME} --policy-document ${json}`;
}
function functionEvidence(f) {
  return {
    arn: f.arn,
    region: f.region,
    lastSeen: iso(f.lastSeen),
    calls: f.calls,
    decision: f.decision,
    reason: f.reason,
    ...f.conditions.length > 0 ? { conditions: f.conditions } : {},
    ...f.statements.length > 0 ? { statements: f.statements } : {}
  };
}
function principalLabel(v) {
  const p = v.caller.principal;
  if (p.sso) return `IAM Identity Center role ${p.name}`;
  return `${p.type === "user" ? "IAM user" : "Role"} ${p.name}`;
}
function evaluatedFinding(v, simulation) {
  const failing = v.functions.filter((f) => f.decision !== "allowed");
  if (failing.length === 0) return void 0;
  const p = v.caller.principal;
  const type = p.type === "user" ? "user" : "role";
  const reasons = {};
  for (const f of failing) reasons[f.reason] = (reasons[f.reason] ?? 0) + 1;
  const reason = failing.reduce(
    (r, f) => REASON_RANK[f.reason] > REASON_RANK[r] ? f.reason : r,
    "allowed"
  );
  const conditions = [...new Set(failing.flatMap((f) => f.conditions))].sort();
  const onlyConditional = failing.every((f) => f.decision === "conditional");
  let severity = onlyConditional ? "low" : RULES.LG004.defaultSeverity;
  const lastSeen = Math.max(...failing.map((f) => f.lastSeen));
  const fix = fixPolicy(
    failing.map((f) => f.arn),
    type
  );
  const grantedBy = v.getFunctionGrantedBy.map((g) => g.name);
  const notes = [];
  const commands = [];
  if (fix.widened) {
    notes.push(
      `The exact list of ${failing.length} function ARNs exceeds IAM's inline policy size; the statement uses per-region wildcards. Narrow it to a name prefix if the functions share one.`
    );
  }
  if (p.sso) {
    notes.push(
      "This role is provisioned by IAM Identity Center and cannot be edited directly: add the statement to the permission set's inline policy (merge, do not replace) and re-provision it."
    );
    commands.push(
      `aws sso-admin put-inline-policy-to-permission-set --instance-arn <instance-arn> --permission-set-arn <permission-set-arn> --inline-policy ${shellQuote(JSON.stringify(fix.document))}`,
      "aws sso-admin provision-permission-set --instance-arn <instance-arn> --permission-set-arn <permission-set-arn> --target-type ALL_PROVISIONED_ACCOUNTS"
    );
  } else {
    commands.push(attachCommand(type, p.name, fix.document));
  }
  if (reasons.deny) {
    const denies = [
      ...new Set(
        failing.filter((f) => f.reason === "deny").flatMap(
          (f) => f.statements.map((s) => `${s.policy}${s.sid ? ` (${s.sid})` : ` (statement ${s.index})`}`)
        )
      )
    ];
    notes.push(
      `An explicit Deny wins over any Allow: narrow or remove ${denies.length > 0 ? denies.join(", ") : "the denying statement"} first, or the new statement has no effect.`
    );
  }
  const boundaryRef = v.policies.find((x) => x.kind === "boundary");
  if (reasons.boundary) {
    notes.push(
      `The permissions boundary ${boundaryRef?.name ?? ""} must also allow lambda:ListTags on these functions; an identity policy alone cannot exceed it.`.replace(
        "  ",
        " "
      )
    );
    if (boundaryRef?.arn) {
      commands.push(
        `aws iam create-policy-version --policy-arn ${boundaryRef.arn} --policy-document file://boundary-with-listtags.json --set-as-default`
      );
    }
  }
  if (reasons.conditional) {
    notes.push(
      `lambda:ListTags is allowed only under conditions (${conditions.join(", ") || "request context"}); calls that do not meet them get no tags. Grant it unconditionally on these functions if the caller relies on tags.`
    );
  }
  if (v.caller.federated) {
    notes.push(
      "Some calls came from federated-user sessions issued by this user: the session policy passed to GetFederationToken must allow lambda:ListTags too."
    );
  }
  if (grantedBy.length > 0) {
    notes.push(
      `lambda:GetFunction is granted today by ${grantedBy.join(", ")}: adding lambda:ListTags to that statement (same resources) is the IaC fix.`
    );
  }
  let simulatorEvidence;
  if (simulation) {
    if (simulation.error) {
      simulatorEvidence = { error: simulation.error };
    } else {
      const disagreements = failing.filter((f) => simulation.decisions.get(f.arn)?.decision === "allowed").map((f) => ({ arn: f.arn, scan: f.decision, simulator: "allowed" }));
      const organizationsDenied = failing.filter((f) => simulation.decisions.get(f.arn)?.allowedByOrganizations === false).map((f) => f.arn);
      simulatorEvidence = {
        confirmed: disagreements.length === 0,
        disagreements,
        ...organizationsDenied.length > 0 ? { organizationsDenied } : {}
      };
      if (disagreements.length > 0) {
        notes.push(
          `The IAM policy simulator says lambda:ListTags is allowed on ${disagreements.length} of these functions; the scan's evaluation disagrees. Check the policies named in the evidence.`
        );
        if (disagreements.length === failing.length) severity = "low";
      }
      if (organizationsDenied.length > 0) {
        notes.push(
          "A service control policy (AWS Organizations) denies lambda:ListTags here: the identity-policy fix alone will not help."
        );
      }
    }
  }
  const label = principalLabel(v);
  const n = failing.length;
  const message = `${label} called GetFunction on ${n} function${n > 1 ? "s" : ""} (last ${iso(lastSeen)}) but is not allowed lambda:ListTags on ${n > 1 ? "them" : "it"}: ${REASON_TEXT[reason]}. Since 2024 GetFunction returns tags only to callers allowed lambda:ListTags; this caller silently gets TagsError instead, and CloudTrail records no error.`;
  return {
    fingerprint: fingerprint("LG004", v.principalArn),
    rule: "LG004",
    severity,
    title: RULES.LG004.title,
    message,
    resource: { kind: "principal", arn: v.principalArn, accountId: p.accountId },
    evidence: {
      principalType: p.type,
      ...p.sso ? { sso: true } : {},
      ...v.caller.federated ? { federated: true } : {},
      ...v.caller.sessions.size > 0 ? { sessions: [...v.caller.sessions].sort() } : {},
      functions: failing.slice(0, EVIDENCE_FUNCTIONS).map(functionEvidence),
      ...failing.length > EVIDENCE_FUNCTIONS ? { functionsOmitted: failing.length - EVIDENCE_FUNCTIONS } : {},
      allowedFunctions: v.functions.length - failing.length,
      lastSeen: iso(lastSeen),
      reason,
      reasons,
      conditions,
      getFunctionGrantedBy: grantedBy,
      getFunctionStatements: v.getFunctionGrantedBy,
      policies: v.policies,
      ...v.unreadable.length > 0 ? { unreadablePolicies: v.unreadable } : {},
      eventNames: [...v.caller.eventNames].sort(),
      events: v.caller.events,
      ...simulatorEvidence ? { simulator: simulatorEvidence } : {}
    },
    remediation: {
      summary: reasons.deny ? `Remove or narrow the Deny on lambda:ListTags, then allow lambda:ListTags on the ${n} function${n > 1 ? "s" : ""} this ${p.type} reads.` : `Allow lambda:ListTags on the ${n} function${n > 1 ? "s" : ""} this ${p.type} reads with GetFunction${grantedBy.length > 0 ? `, beside the statement in ${grantedBy.join(", ")}` : ""}.`,
      policy: fix.document,
      commands,
      notes
    }
  };
}
function crossAccountFinding(v) {
  const p = v.caller.principal;
  const fns = [...v.caller.functions.values()].sort((a, b) => a.arn < b.arn ? -1 : 1);
  const lastSeen = Math.max(...fns.map((f) => f.lastSeen));
  const type = p.type === "user" ? "user" : "role";
  const fix = fixPolicy(
    fns.map((f) => f.arn),
    type
  );
  const n = fns.length;
  return {
    fingerprint: fingerprint("LG004", p.arn),
    rule: "LG004",
    severity: "low",
    title: "GetFunction caller from another account (not evaluated)",
    message: `${p.type === "root" ? "The root user" : `${type === "user" ? "IAM user" : "Role"} ${p.name}`} of account ${p.accountId} called GetFunction on ${n} function${n > 1 ? "s" : ""} here (last ${iso(lastSeen)}). Its policies live in account ${p.accountId}, so this scan cannot tell whether it may call lambda:ListTags; if not, it silently gets no tags.`,
    resource: { kind: "principal", arn: p.arn, accountId: p.accountId },
    evidence: {
      evaluated: false,
      reason: "cross-account",
      callerAccountId: p.accountId,
      principalType: p.type,
      functions: fns.slice(0, EVIDENCE_FUNCTIONS).map((f) => ({
        arn: f.arn,
        region: f.region,
        lastSeen: iso(f.lastSeen),
        calls: f.calls
      })),
      ...fns.length > EVIDENCE_FUNCTIONS ? { functionsOmitted: fns.length - EVIDENCE_FUNCTIONS } : {},
      lastSeen: iso(lastSeen),
      conditions: [],
      getFunctionGrantedBy: [],
      eventNames: [...v.caller.eventNames].sort(),
      events: v.caller.events
    },
    remediation: {
      summary: `Scan account ${p.accountId} with lambda-guard, or check there that this ${p.type} is allowed lambda:ListTags on these functions.`,
      policy: fix.document,
      commands: p.type === "root" ? [] : [`${attachCommand(type, p.name, fix.document)} --profile <account-${p.accountId}>`],
      notes: [
        `Run the command with credentials for account ${p.accountId}. Cross-account GetFunction also needs this function's resource-based policy to allow the caller.`
      ]
    }
  };
}

// node_modules/@aws-sdk/client-cloudtrail/dist-es/commandBuilder.js
var command3 = makeBuilder(commonParams2, "CloudTrail_20131101", "CloudTrailClient", getEndpointPlugin);
var _ep03 = {};
var _mw03 = (Command, cs, config, o) => [];

// node_modules/@aws-sdk/client-cloudtrail/dist-es/commands/LookupEventsCommand.js
var LookupEventsCommand = class extends command3(_ep03, _mw03, "LookupEvents", LookupEvents$) {
};

// src/aws/lg004/lookup-events.ts
var SPLIT_MIN_PAGES = 40;
var SPLIT_EVERY_PAGES = 20;
async function lookupRegion(opts) {
  const { clients, region } = opts;
  const client = clients.cloudtrail(region);
  const bucket = clients.bucket("cloudtrail:LookupEvents", region);
  const maxChains = opts.maxChains ?? Math.min(16, Math.max(4, Math.ceil(bucket.rate * 2)));
  const minSplit = opts.minSplitMs ?? 2e3;
  let pages = 0;
  let events = 0;
  let chains = 0;
  let okPages = 0;
  const errors = [];
  const running = /* @__PURE__ */ new Set();
  const progress = () => opts.onProgress?.({ region, events, pages, waiting: bucket.pending > 0 });
  const page = (c) => client.send(
    new LookupEventsCommand({
      LookupAttributes: [{ AttributeKey: "EventName", AttributeValue: c.eventName }],
      StartTime: new Date(c.start),
      EndTime: new Date(c.end),
      MaxResults: 50,
      ...c.token ? { NextToken: c.token } : {}
    })
  );
  async function run(c) {
    chains++;
    let newest = c.end;
    const next = pageGuard(`cloudtrail:LookupEvents in ${region}`, 2e4);
    for (; ; ) {
      let out;
      try {
        out = await page(c);
      } catch (err) {
        errors.push({ err, lostFrom: c.floor, lostTo: newest });
        return;
      }
      pages++;
      okPages++;
      const list = out.Events ?? [];
      const pageNewest = newest;
      let oldest = newest;
      let passedFloor = false;
      for (const ev of list) {
        const t = ev.EventTime?.getTime() ?? oldest;
        if (t < c.floor) {
          passedFloor = true;
          break;
        }
        oldest = Math.min(oldest, t);
        events++;
        opts.onEvent(ev);
      }
      newest = oldest;
      progress();
      if (passedFloor || !out.NextToken || list.length === 0) return;
      try {
        c.token = next(out.NextToken);
      } catch (err) {
        errors.push({ err, lostFrom: c.floor, lostTo: newest });
        return;
      }
      maybeSplit(c, pageNewest, oldest, list.length);
    }
  }
  function maybeSplit(c, pageNewest, oldest, count) {
    if (running.size >= maxChains) return;
    if ((chains - opts.eventNames.length + 1) * SPLIT_EVERY_PAGES > pages) return;
    const remaining = oldest - c.floor;
    if (remaining < 2 * minSplit) return;
    const span = Math.max(1, pageNewest - oldest);
    const pagesLeft = remaining / span * (count / 50);
    if (pagesLeft < SPLIT_MIN_PAGES) return;
    const mid = Math.floor((c.floor + remaining / 2) / 1e3) * 1e3;
    if (mid <= c.floor || mid >= oldest) return;
    spawn({ eventName: c.eventName, start: c.floor, end: mid, floor: c.floor });
    c.floor = mid;
  }
  function spawn(c) {
    const p = run(c).finally(() => running.delete(p));
    running.add(p);
  }
  const start = Math.floor(opts.start.getTime() / 1e3) * 1e3;
  const end = Math.ceil(opts.end.getTime() / 1e3) * 1e3;
  for (const eventName of opts.eventNames) spawn({ eventName, start, end, floor: start });
  while (running.size > 0) await Promise.all([...running]);
  const result = { region, pages, events, chains, status: "complete" };
  if (errors.length > 0) {
    const first = errors[0];
    const lost = errors.map((e) => `${new Date(e.lostFrom).toISOString()}\u2013${new Date(e.lostTo).toISOString()}`).slice(0, 3).join(", ");
    const refused = errors.every((e) => isRegionRefusal(e.err));
    const denied = !refused && errors.every((e) => isAccessDenied(e.err));
    result.status = okPages === 0 ? "failed" : "partial";
    result.detail = result.status === "failed" ? refused ? regionNotEnabled(region, first.err) : `${describeAwsError(first.err)}${denied ? " \u2014 allow cloudtrail:LookupEvents to the scanning role" : ""}` : `${describeAwsError(first.err)}; events not read for ${lost}${errors.length > 3 ? " and more" : ""}`;
  }
  return result;
}

// src/aws/lg004/simulator.ts
var CHUNK = 50;
async function simulateListTags(clients, principalArn, resources, opts = {}) {
  const iam = clients.iam();
  const decisions = /* @__PURE__ */ new Map();
  const action = opts.action ?? "lambda:ListTags";
  for (let i = 0; i < resources.length; i += CHUNK) {
    const chunk = resources.slice(i, i + CHUNK);
    let marker;
    const next = pageGuard("iam:SimulatePrincipalPolicy", 100);
    for (; ; ) {
      let out;
      try {
        out = await iam.send(
          new SimulatePrincipalPolicyCommand({
            PolicySourceArn: principalArn,
            ActionNames: [action],
            ResourceArns: chunk,
            ...marker ? { Marker: marker } : {}
          })
        );
      } catch (err) {
        return { decisions, error: describeAwsError(err) };
      }
      for (const r of out.EvaluationResults ?? []) record(decisions, r);
      if (!out.IsTruncated || !out.Marker) break;
      try {
        marker = next(out.Marker);
      } catch (err) {
        return { decisions, error: describeAwsError(err) };
      }
    }
  }
  return { decisions };
}
function record(decisions, r) {
  const decision = r.EvalDecision;
  if (!decision) return;
  const entry = {
    decision,
    missingContextValues: r.MissingContextValues ?? [],
    ...r.OrganizationsDecisionDetail?.AllowedByOrganizations !== void 0 ? { allowedByOrganizations: r.OrganizationsDecisionDetail.AllowedByOrganizations } : {}
  };
  if (r.EvalResourceName) decisions.set(r.EvalResourceName, entry);
  for (const s of r.ResourceSpecificResults ?? []) {
    if (!s.EvalResourceName || !s.EvalResourceDecision) continue;
    decisions.set(s.EvalResourceName, {
      ...entry,
      decision: s.EvalResourceDecision
    });
  }
}

// src/aws/lg004/index.ts
var DAY_MS = 864e5;
async function scanGetFunctionCallers(opts) {
  const now = opts.now ?? /* @__PURE__ */ new Date();
  const days = Math.min(90, Math.max(1, Math.floor(opts.lookbackDays)));
  const start = new Date(now.getTime() - days * DAY_MS);
  const scanner = principalFromArn(opts.scannerArn);
  const collector = new CallerCollector({
    accountId: opts.accountId,
    partition: opts.partition,
    ...scanner ? { scanner } : {}
  });
  let unparsable = 0;
  const t0 = performance.now();
  const iamPromise = fetchAuthorizationDetails(opts.clients);
  const regionResults = await Promise.all(
    opts.regions.map(
      (region) => lookupRegion({
        clients: opts.clients,
        region,
        eventNames: GET_FUNCTION_EVENT_NAMES,
        start,
        end: now,
        onEvent: (ev) => {
          let record2;
          try {
            record2 = JSON.parse(ev.CloudTrailEvent ?? "");
          } catch {
            unparsable++;
            return;
          }
          if (!record2 || typeof record2 !== "object") {
            unparsable++;
            return;
          }
          collector.add(ev.EventId, record2, region);
        },
        ...opts.onProgress ? { onProgress: opts.onProgress } : {}
      })
    )
  );
  const cloudtrailMs = performance.now() - t0;
  const coverage = regionResults.map((r) => ({
    scope: `${r.region}/cloudtrail`,
    status: r.status,
    ...r.detail ? { detail: r.detail } : {}
  }));
  const iam = await iamPromise;
  const callers = [...collector.callers.values()];
  const stats = {
    regions: regionResults,
    callers: { ...collector.stats, unparsable },
    principals: callers.length,
    evaluationMs: 0,
    cloudtrailMs,
    iamPages: iam.snapshot?.pages ?? 0,
    simulatorCalls: 0
  };
  const evaluated = await evaluateGetFunctionCallers({
    clients: opts.clients,
    accountId: opts.accountId,
    callers,
    iam,
    stats,
    days,
    confirmWithSimulator: opts.confirmWithSimulator,
    now
  });
  return { findings: evaluated.findings, coverage: [...coverage, ...evaluated.coverage], stats };
}
async function evaluateGetFunctionCallers(input) {
  const { iam, callers, stats, days, now } = input;
  const opts = input;
  const coverage = [];
  const findings = [];
  if (!iam.snapshot || iam.status === "failed") {
    const local = callers.filter(
      (c) => c.principal.accountId === opts.accountId && c.principal.type !== "root"
    );
    coverage.push({
      scope: "global/iam",
      status: "failed",
      detail: `${iam.detail ?? "IAM authorization details unavailable"}; ${local.length} GetFunction caller${local.length === 1 ? "" : "s"} not evaluated for LG004`
    });
    for (const c of callers) {
      if (c.principal.accountId !== opts.accountId)
        findings.push(crossAccountFinding({ status: "cross-account", caller: c }));
    }
    return { findings, coverage };
  }
  const t1 = performance.now();
  const verdicts = evaluateCallers(callers, iam.snapshot, { accountId: opts.accountId, now });
  stats.evaluationMs = performance.now() - t1;
  let simulations = /* @__PURE__ */ new Map();
  if (opts.confirmWithSimulator) {
    const sim = await confirm(opts.clients, verdicts);
    simulations = sim.results;
    stats.simulatorCalls = sim.calls;
    coverage.push({
      scope: "global/iam-simulator",
      status: sim.failed === 0 ? "complete" : sim.failed === sim.results.size ? "failed" : "partial",
      ...sim.firstError ? { detail: `${sim.failed} principal(s) not simulated: ${sim.firstError}` } : {}
    });
  }
  const notes = [];
  const unknown = [];
  const unreadable = /* @__PURE__ */ new Set();
  let roots = 0;
  for (const v of verdicts) {
    switch (v.status) {
      case "evaluated": {
        const f = evaluatedFinding(v, simulations.get(v.principalArn));
        if (f) findings.push(f);
        for (const u of v.unreadable) unreadable.add(u);
        break;
      }
      case "cross-account":
        findings.push(crossAccountFinding(v));
        break;
      case "root":
        roots++;
        break;
      case "unknown-principal":
        unknown.push(v.caller.principal.arn);
        break;
    }
  }
  const s = stats.callers;
  notes.push(
    `${callers.length} principal${callers.length === 1 ? "" : "s"} called GetFunction in the last ${days} day${days === 1 ? "" : "s"}`
  );
  const skipped = [
    s.failed ? `${s.failed} failed call${s.failed === 1 ? "" : "s"}` : "",
    s.service ? `${s.service} by AWS services` : "",
    s.self ? `${s.self} by the scanner itself` : "",
    s.unresolved ? `${s.unresolved} by unresolvable identities (${Object.entries(s.unresolvedTypes).map(([k, n]) => `${k} ${n}`).join(", ")})` : "",
    roots ? `root (not limited by identity policies)` : ""
  ].filter(Boolean);
  if (skipped.length > 0) notes.push(`skipped: ${skipped.join(", ")}`);
  if (unknown.length > 0) {
    notes.push(
      `${unknown.length} caller${unknown.length === 1 ? "" : "s"} no longer exist${unknown.length === 1 ? "s" : ""} in IAM: ${unknown.slice(0, 5).join(", ")}${unknown.length > 5 ? ", \u2026" : ""}`
    );
  }
  if (unreadable.size > 0) {
    notes.push(
      `policies not evaluated (their statements are unknown, so results for principals using them may be wrong): ${[...unreadable].slice(0, 5).join("; ")}`
    );
  }
  coverage.push({
    scope: "global/iam",
    status: unreadable.size > 0 ? "partial" : "complete",
    detail: notes.join("; ")
  });
  return { findings, coverage };
}
async function confirm(clients, verdicts) {
  const results = /* @__PURE__ */ new Map();
  let calls = 0;
  let failed = 0;
  let firstError;
  for (const v of verdicts) {
    if (v.status !== "evaluated") continue;
    const flagged = v.functions.filter((f) => f.decision !== "allowed").map((f) => f.arn);
    if (flagged.length === 0) continue;
    calls += Math.ceil(flagged.length / 50);
    const r = await simulateListTags(clients, v.principalArn, flagged);
    if (r.error) {
      failed++;
      firstError ??= r.error;
    }
    results.set(v.principalArn, r);
  }
  return { results, calls, failed, ...firstError ? { firstError } : {} };
}

// node_modules/@aws-sdk/client-account/dist-es/commandBuilder.js
var command4 = makeBuilder(commonParams, "Account", "AccountClient", getEndpointPlugin);
var _ep04 = {};
var _mw04 = (Command, cs, config, o) => [];

// node_modules/@aws-sdk/client-account/dist-es/commands/ListRegionsCommand.js
var ListRegionsCommand = class extends command4(_ep04, _mw04, "ListRegions", ListRegions$) {
};

// node_modules/@aws-sdk/client-ec2/dist-es/commandBuilder.js
var command5 = makeBuilder(commonParams3, "AmazonEC2", "EC2Client", getEndpointPlugin);
var _ep05 = {};
var _mw05 = (Command, cs, config, o) => [];

// node_modules/@aws-sdk/client-ec2/dist-es/commands/DescribeRegionsCommand.js
var DescribeRegionsCommand = class extends command5(_ep05, _mw05, "DescribeRegions", DescribeRegions$) {
};

// src/aws/regions.ts
async function listEnabledRegions(clients) {
  const errors = [];
  try {
    const regions = [];
    let token;
    const next = pageGuard("account:ListRegions", 20);
    do {
      const out = await clients.account().send(
        new ListRegionsCommand({
          RegionOptStatusContains: ["ENABLED", "ENABLED_BY_DEFAULT"],
          NextToken: token,
          MaxResults: 50
        })
      );
      for (const r of out.Regions ?? []) if (r.RegionName) regions.push(r.RegionName);
      token = next(out.NextToken);
    } while (token);
    return { regions: regions.sort() };
  } catch (err) {
    errors.push(`account:ListRegions: ${describeAwsError(err)}`);
  }
  try {
    const out = await clients.ec2(clients.homeRegion).send(new DescribeRegionsCommand({}));
    const regions = (out.Regions ?? []).map((r) => r.RegionName).filter((r) => !!r);
    return { regions: regions.sort() };
  } catch (err) {
    errors.push(`ec2:DescribeRegions: ${describeAwsError(err)}`);
  }
  return {
    regions: [clients.homeRegion],
    problem: `could not list the account's regions (${errors.join("; ")}); scanned only ${clients.homeRegion}. Allow account:ListRegions or pass --regions.`
  };
}

// src/aws/url-findings.ts
function analyzeFunction(facts, now = /* @__PURE__ */ new Date()) {
  const statements = [];
  const failures = [];
  for (const [key, policy] of facts.policies) {
    const qualifier = key === "" ? null : key;
    if (policy.status === "ok")
      policy.document.Statement.forEach(
        (st, i) => statements.push({
          qualifier,
          label: statementLabel(st, i),
          statement: { ...st },
          provenance: { kind: "account" },
          ref: null
        })
      );
    else if (policy.status !== "absent")
      failures.push({ qualifier, status: policy.status, error: policy.error });
  }
  const urls = facts.urls.map((u) => ({
    qualifier: u.qualifier,
    auth: { kind: u.authType },
    url: u.url,
    ref: null
  }));
  const { exposures } = decideExposure(
    {
      target: {
        accountId: facts.accountId,
        partition: facts.partition,
        region: facts.region,
        functionName: facts.functionName
      },
      urls,
      statements,
      failures,
      ...facts.tags ? { tags: facts.tags } : {}
    },
    now
  );
  return exposures.map((x) => toFinding(facts, x));
}
function toFinding(facts, x) {
  const q = x.qualifier;
  const labels = x.statements.map((s) => s.label);
  const commands = [];
  for (const intent of x.fix) {
    if (intent.kind === "set-auth-iam")
      commands.push(cli(facts, q, "update-function-url-config {fn} --auth-type AWS_IAM"));
    else
      commands.push(
        ...removeCommands(
          facts,
          q,
          intent.statements.map((s) => s.label)
        )
      );
  }
  if (x.kind === "unanalysable-policy") commands.unshift(cli(facts, q, "get-policy {fn}"));
  const title = x.kind === "restricted-url" ? "Function URL is public to an IP allow-list" : x.kind === "unanalysable-policy" ? "Function URL may be public: its policy could not be analysed" : x.kind === "latent-grant" ? "Public function URL permission without a URL" : RULES[x.rule].title;
  const summary = x.rule === "LG002" ? `Remove the statements whose principal is * (${labels.join(", ")}) or scope them to the account or service that needs to invoke ${display(facts, q)} (with aws:SourceArn / aws:SourceAccount).` : x.kind === "unanalysable-policy" ? "Read the policy (aws lambda get-policy) and check it by hand, or set the URL to AWS_IAM." : x.url ? `Set the URL's auth type to AWS_IAM and remove the public statements (${labels.join(", ")}).` : `Remove the unused public statements (${labels.join(", ")}).`;
  const endpoint = x.url?.url ? { url: x.url.url } : {};
  return base(
    x.rule,
    x.severity,
    facts,
    q,
    x.resourceKind,
    title,
    `${display(facts, q)}: ${x.reason}.`,
    { ...x.evidence, ...endpoint },
    {
      summary,
      commands,
      console: consoleSteps(facts, q, x.url !== void 0),
      notes: unnamedNote(labels)
    }
  );
}
function display(facts, qualifier) {
  return qualifier ? `${facts.functionName}:${qualifier}` : facts.functionName;
}
function cli(facts, qualifier, rest) {
  const q = qualifier ? ` --qualifier ${qualifier}` : "";
  return `aws lambda ${rest.replace("{fn}", `--function-name ${facts.functionName}${q}`)} --region ${facts.region}`;
}
function removeCommands(facts, qualifier, statements) {
  return statements.filter((s) => !s.startsWith("#")).map((sid) => cli(facts, qualifier, `remove-permission {fn} --statement-id ${sid}`));
}
function unnamedNote(statements) {
  return statements.some((s) => s.startsWith("#")) ? [
    "Some public statements have no Sid, so remove-permission cannot name them: rewrite the policy with `aws lambda put-resource-policy` (or in the IaC) without them."
  ] : [];
}
function consoleSteps(facts, qualifier, url) {
  const where = qualifier ? ` (alias or version ${qualifier})` : "";
  const steps = [`Lambda console \u2192 Functions \u2192 ${facts.functionName}${where} \u2192 Configuration.`];
  if (url) steps.push("Function URL \u2192 Edit \u2192 Auth type: AWS_IAM \u2192 Save.");
  steps.push(
    "Permissions \u2192 Resource-based policy statements \u2192 delete the public statements listed in the evidence."
  );
  return steps;
}
function base(rule, severity, facts, qualifier, kind, title, message, evidence, remediation) {
  return {
    fingerprint: fingerprint(rule, facts.functionArn, qualifier),
    rule,
    severity,
    title,
    message,
    resource: {
      kind,
      arn: facts.functionArn,
      region: facts.region,
      accountId: facts.accountId,
      functionName: facts.functionName,
      qualifier,
      ...facts.tags ? { tags: facts.tags } : {}
    },
    evidence,
    remediation
  };
}

// src/aws/scan.ts
var URL_RULES = ["LG001", "LG002", "LG003"];
async function callerIdentity(clients) {
  try {
    const out = await clients.sts().send(new GetCallerIdentityCommand({}));
    return { accountId: out.Account, arn: out.Arn, partition: partitionOf(out.Arn) };
  } catch (err) {
    if (err instanceof ScanTimeoutError || err instanceof CallDeadlineError) throw err;
    throw new InputError(
      `cannot identify the AWS account (sts:GetCallerIdentity failed: ${describeAwsError(err)}) \u2014 configure credentials (AWS_PROFILE, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or the Action's role-to-assume) or check --endpoint-url`,
      "AWS credentials"
    );
  }
}
async function scanAccount(opts) {
  const now = opts.now ?? /* @__PURE__ */ new Date();
  const { clients } = opts;
  let me;
  try {
    me = await callerIdentity(clients);
  } catch (err) {
    if (!(err instanceof ScanTimeoutError || err instanceof CallDeadlineError)) throw err;
    const timedOut2 = err instanceof ScanTimeoutError;
    return buildReport({
      version: VERSION,
      target: { kind: "aws-account", accountId: "unknown", partition: "aws", regions: [] },
      coverage: [
        {
          scope: "global/sts",
          status: timedOut2 ? "timed-out" : "failed",
          detail: timedOut2 ? `the scan's ${opts.timeoutLabel ?? "timeout"} was reached before sts:GetCallerIdentity answered; nothing was scanned` : `${err.message}; nothing was scanned \u2014 check --endpoint-url and the network path to AWS`
        }
      ],
      findings: [],
      now
    });
  }
  const coverage = [];
  let regions;
  if (opts.regions === "all") {
    const listed = await listEnabledRegions(clients);
    regions = listed.regions;
    if (listed.problem) coverage.push({ scope: "global/regions", status: "partial", detail: listed.problem });
  } else {
    regions = [...opts.regions];
  }
  const wantUrl = opts.rules.some((r) => URL_RULES.includes(r));
  const findings = [];
  const signal = clients.signal;
  const timedOut = () => signal?.aborted === true;
  const why = `the scan's ${opts.timeoutLabel ?? "timeout"} was reached`;
  const unfinished = /* @__PURE__ */ new Map();
  const lambdaScans = wantUrl ? regions.map(async (region) => {
    const scope = `${region}/lambda`;
    const regionFindings = [];
    let functions = 0;
    let total = 0;
    unfinished.set(scope, () => ({
      detail: `${why} after ${functions} of ${total} functions listed so far; findings below cover those`,
      findings: regionFindings
    }));
    const cov = await collectRegion({
      clients,
      region,
      accountId: me.accountId,
      partition: me.partition,
      onFunction: (facts) => {
        functions++;
        for (const f of analyzeFunction(facts, now))
          if (opts.rules.includes(f.rule)) regionFindings.push(f);
      },
      onProgress: (p) => {
        total = p.functionsTotal;
        opts.onProgress?.({ kind: "lambda", ...p });
      }
    });
    await attachTags(clients, region, regionFindings);
    if (timedOut()) return;
    unfinished.delete(scope);
    coverage.push(cov);
    findings.push(...regionFindings);
    opts.onProgress?.({
      kind: "region-done",
      region,
      functions,
      findings: regionFindings.length,
      coverage: cov
    });
  }) : [];
  if (opts.rules.includes("LG004")) {
    const lg004Detail = () => ({
      detail: `${why} before LG004's CloudTrail lookups and IAM evaluation finished; LG004 not evaluated`,
      findings: []
    });
    for (const r of regions) unfinished.set(`${r}/cloudtrail`, lg004Detail);
    unfinished.set("global/iam", lg004Detail);
  }
  const lg004 = opts.rules.includes("LG004") ? scanGetFunctionCallers({
    clients,
    accountId: me.accountId,
    partition: me.partition,
    regions,
    lookbackDays: opts.lookbackDays,
    scannerArn: me.arn,
    confirmWithSimulator: opts.confirmWithSimulator,
    now,
    onProgress: (e) => opts.onProgress?.({ kind: "cloudtrail", ...e })
  }).then((r) => {
    if (timedOut()) return;
    for (const r2 of regions) unfinished.delete(`${r2}/cloudtrail`);
    unfinished.delete("global/iam");
    findings.push(...r.findings);
    coverage.push(...r.coverage);
  }) : Promise.resolve();
  const all = Promise.all([...lambdaScans, lg004]);
  if (signal) {
    await Promise.race([
      all,
      new Promise((resolve) => {
        if (signal.aborted) resolve();
        else signal.addEventListener("abort", () => resolve(), { once: true });
      })
    ]);
    all.catch(() => void 0);
  } else {
    await all;
  }
  if (timedOut()) {
    for (const [scope, describe] of unfinished) {
      const { detail, findings: partial } = describe();
      findings.push(...partial);
      coverage.push({ scope, status: "timed-out", detail });
    }
  }
  const final = applyAllowList(applyRuleOverrides(findings, opts.config), opts.config, now);
  return buildReport({
    version: VERSION,
    target: { kind: "aws-account", accountId: me.accountId, partition: me.partition, regions },
    coverage: coverage.sort((a, b) => a.scope.localeCompare(b.scope)),
    findings: final,
    now
  });
}
async function attachTags(clients, region, findings) {
  const arns = [...new Set(findings.map((f) => f.resource.arn).filter((a) => !!a))];
  const tags = /* @__PURE__ */ new Map();
  await Promise.all(
    arns.map(async (arn) => {
      const t = await readTags(clients, region, arn);
      if (t) tags.set(arn, t);
    })
  );
  for (const f of findings) {
    const t = f.resource.arn ? tags.get(f.resource.arn) : void 0;
    if (t) f.resource.tags = t;
  }
}

export {
  command3 as command,
  _ep03 as _ep0,
  _mw03 as _mw0,
  command as command2,
  _ep0 as _ep02,
  _mw0 as _mw02,
  fetchAuthorizationDetails,
  principalFromArn,
  GET_FUNCTION_EVENT_NAMES,
  emptyCallerStats,
  resolveFunctionArn,
  CallerCollector,
  crossAccountFinding,
  evaluateGetFunctionCallers,
  callerIdentity,
  scanAccount
};
