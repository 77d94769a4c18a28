import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  BatchImportFindings$,
  GetFindings$,
  commonParams
} from "./chunk-KBE33ETN.js";
import {
  awsErrorCode,
  describeAwsError
} from "./chunk-E6L6MX7O.js";
import {
  getEndpointPlugin,
  makeBuilder
} from "./chunk-AHIWXY2A.js";
import {
  archivedCopy,
  defaultProductArn,
  renderAsff
} from "./chunk-AGXIWYW7.js";
import {
  RULE_IDS
} from "./chunk-JAJAJYEP.js";
import {
  isIncomplete
} from "./chunk-4GMCL7QT.js";

// node_modules/@aws-sdk/client-securityhub/dist-es/commandBuilder.js
var command = makeBuilder(commonParams, "SecurityHubAPIService", "SecurityHubClient", getEndpointPlugin);
var _ep0 = {};
var _mw0 = (Command, cs, config, o) => [];

// node_modules/@aws-sdk/client-securityhub/dist-es/commands/BatchImportFindingsCommand.js
var BatchImportFindingsCommand = class extends command(_ep0, _mw0, "BatchImportFindings", BatchImportFindings$) {
};

// node_modules/@aws-sdk/client-securityhub/dist-es/commands/GetFindingsCommand.js
var GetFindingsCommand = class extends command(_ep0, _mw0, "GetFindings", GetFindings$) {
};

// src/aws/security-hub.ts
var IMPORT_BATCH_FINDINGS = 100;
var IMPORT_BATCH_BYTES = 5 * 1024 * 1024;
var LIST_PAGE = 100;
var LIST_MAX_PAGES = 100;
function planSecurityHubSync(input) {
  const { report, rules, region, existing } = input;
  const now = report.generatedAt;
  const byId = new Map((existing ?? []).map((f) => [String(f.Id), f]));
  const firstSeen = new Map(
    [...byId].map(([id, f]) => [
      id,
      {
        CreatedAt: String(f.CreatedAt),
        ...typeof f.FirstObservedAt === "string" ? { FirstObservedAt: f.FirstObservedAt } : {}
      }
    ])
  );
  const active = renderAsff(report, { region, firstSeen });
  const current = new Set(active.map((f) => f.Id));
  const updated = active.filter((f) => byId.has(f.Id)).length;
  let archiveSkipped;
  let toArchive = [];
  if (existing === null) {
    archiveSkipped = `Security Hub could not be listed (${input.listProblem ?? "unknown error"}): nothing archived`;
  } else if (isIncomplete(report.coverage)) {
    archiveSkipped = "the scan was incomplete: nothing archived";
  } else {
    const target = report.target;
    const scannedRegions = new Set(Array.isArray(target.regions) ? target.regions : []);
    toArchive = existing.filter((f) => {
      if (f.RecordState !== "ACTIVE" || current.has(String(f.Id))) return false;
      if (!/^lg1:/.test(String(f.Id)) || !rules.includes(f.GeneratorId)) return false;
      if (typeof target.accountId === "string" && f.AwsAccountId !== target.accountId) return false;
      const resource = Array.isArray(f.Resources) ? f.Resources[0] : void 0;
      return resource?.Type !== "AwsLambdaFunction" || !resource.Region || scannedRegions.has(resource.Region);
    });
  }
  return {
    findings: [...active, ...toArchive.map((f) => archivedCopy(f, now))],
    created: active.length - updated,
    updated,
    archived: toArchive.length,
    ...archiveSkipped ? { archiveSkipped } : {}
  };
}
function importBatches(items, max = IMPORT_BATCH_FINDINGS, maxBytes = IMPORT_BATCH_BYTES) {
  const out = [];
  let batch = [];
  let bytes = 0;
  for (const item of items) {
    const size = Buffer.byteLength(JSON.stringify(item));
    if (batch.length > 0 && (batch.length >= max || bytes + size > maxBytes)) {
      out.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(item);
    bytes += size;
  }
  if (batch.length > 0) out.push(batch);
  return out;
}
function hint(code, region) {
  if (code === "InvalidAccessException")
    return ` \u2014 enable Security Hub in ${region} (aws securityhub enable-security-hub --region ${region})`;
  if (code === "AccessDeniedException" || code === "AccessDenied")
    return " \u2014 allow securityhub:BatchImportFindings and securityhub:GetFindings in the scan role";
  return "";
}
async function listExisting(clients, region, productArn, accountId) {
  const filters = {
    ProductArn: [{ Value: productArn, Comparison: "EQUALS" }],
    AwsAccountId: [{ Value: accountId, Comparison: "EQUALS" }],
    GeneratorId: RULE_IDS.map((r) => ({ Value: r, Comparison: "EQUALS" }))
  };
  const out = [];
  let token;
  for (let page = 0; page < LIST_MAX_PAGES; page++) {
    const res = await clients.securityHub(region).send(new GetFindingsCommand({ Filters: filters, MaxResults: LIST_PAGE, NextToken: token }));
    out.push(...res.Findings ?? []);
    token = res.NextToken || void 0;
    if (!token) return out;
  }
  throw new Error(`more than ${LIST_PAGE * LIST_MAX_PAGES} lambda-guard findings; stopped listing`);
}
async function syncSecurityHub(opts) {
  const { clients, report } = opts;
  const region = opts.region ?? clients.homeRegion;
  const target = report.target;
  const accountId = typeof target.accountId === "string" ? target.accountId : "";
  const partition = typeof target.partition === "string" ? target.partition : "aws";
  const productArn = defaultProductArn(partition, region, accountId);
  const scope = `${region}/securityhub`;
  if (target.kind !== "aws-account" || !/^\d{12}$/.test(accountId)) {
    const detail = `--security-hub imports one account's findings with that account's credentials; this report is a ${target.kind} report \u2014 scan each account with --security-hub (e.g. one matrix job per account)`;
    return {
      region,
      created: 0,
      updated: 0,
      archived: 0,
      failed: [],
      coverage: { scope, status: "skipped", detail }
    };
  }
  let existing = null;
  let listProblem;
  try {
    existing = await listExisting(clients, region, productArn, accountId);
  } catch (err) {
    listProblem = `GetFindings: ${describeAwsError(err)}${hint(awsErrorCode(err), region)}`;
  }
  const plan = planSecurityHubSync({
    report,
    rules: opts.rules,
    region,
    existing,
    ...listProblem ? { listProblem } : {}
  });
  const failed = [];
  const accepted = /* @__PURE__ */ new Set();
  for (const batch of importBatches(plan.findings)) {
    try {
      const res = await clients.securityHub(region).send(new BatchImportFindingsCommand({ Findings: batch }));
      const refused = /* @__PURE__ */ new Set();
      for (const f of res.FailedFindings ?? []) {
        refused.add(f.Id ?? "");
        failed.push({ id: f.Id ?? "-", code: f.ErrorCode ?? "Error", message: f.ErrorMessage ?? "" });
      }
      for (const f of batch)
        if (!refused.has(String(f.Id))) accepted.add(`${String(f.Id)}/${String(f.RecordState)}`);
    } catch (err) {
      const code = awsErrorCode(err);
      const message = `${describeAwsError(err)}${hint(code, region)}`;
      for (const f of batch) failed.push({ id: String(f.Id), code, message });
    }
  }
  const count = (pred) => plan.findings.filter((f) => pred(f) && accepted.has(`${String(f.Id)}/${String(f.RecordState)}`)).length;
  const known = new Set((existing ?? []).map((f) => String(f.Id)));
  const created = count((f) => f.RecordState === "ACTIVE" && !known.has(String(f.Id)));
  const updated = count((f) => f.RecordState === "ACTIVE" && known.has(String(f.Id)));
  const archived = count((f) => f.RecordState === "ARCHIVED");
  const parts = [`${created} new, ${updated} updated, ${archived} archived`];
  if (failed.length > 0) {
    const first = failed[0];
    parts.push(`${failed.length} refused (first: ${first.id} ${first.code}: ${first.message})`);
  }
  if (plan.archiveSkipped) parts.push(plan.archiveSkipped);
  const status = failed.length > 0 && accepted.size === 0 ? "failed" : failed.length > 0 || existing === null ? "partial" : "complete";
  return {
    region,
    created,
    updated,
    archived,
    failed,
    ...plan.archiveSkipped ? { archiveSkipped: plan.archiveSkipped } : {},
    coverage: { scope, status, detail: parts.join("; ").slice(0, 1e3) }
  };
}

export {
  syncSecurityHub
};
