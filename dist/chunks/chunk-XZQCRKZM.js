import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  DescribeOrganization$,
  ListAccounts$,
  OrganizationsClient,
  commonParams
} from "./chunk-4VCTXFRF.js";
import {
  awsErrorCode,
  describeAwsError
} from "./chunk-E6L6MX7O.js";
import {
  createPaginator
} from "./chunk-WF2JIZYK.js";
import {
  getEndpointPlugin,
  makeBuilder
} from "./chunk-AHIWXY2A.js";
import {
  InputError
} from "./chunk-JAJAJYEP.js";

// node_modules/@aws-sdk/client-organizations/dist-es/commandBuilder.js
var command = makeBuilder(commonParams, "AWSOrganizationsV20161128", "OrganizationsClient", getEndpointPlugin);
var _ep0 = {};
var _mw0 = (Command, cs, config, o) => [];

// node_modules/@aws-sdk/client-organizations/dist-es/commands/DescribeOrganizationCommand.js
var DescribeOrganizationCommand = class extends command(_ep0, _mw0, "DescribeOrganization", DescribeOrganization$) {
};

// node_modules/@aws-sdk/client-organizations/dist-es/commands/ListAccountsCommand.js
var ListAccountsCommand = class extends command(_ep0, _mw0, "ListAccounts", ListAccounts$) {
};

// node_modules/@aws-sdk/client-organizations/dist-es/pagination/ListAccountsPaginator.js
var paginateListAccounts = createPaginator(OrganizationsClient, ListAccountsCommand, "NextToken", "NextToken", "MaxResults");

// src/aws/org/accounts.ts
var MAX_PAGES = 600;
function orgError(what, err) {
  const code = awsErrorCode(err);
  const fix = code === "AWSOrganizationsNotInUseException" ? "the credentials' account is not in an organization; use 'scan' without --accounts" : code === "AccessDeniedException" ? "run it with credentials of the management account or a delegated administrator, allowed organizations:ListAccounts and organizations:DescribeOrganization" : "check the credentials and --endpoint-url";
  return new InputError(`${what} failed: ${describeAwsError(err)} \u2014 ${fix}`, "AWS Organizations");
}
async function describeOrganization(clients) {
  try {
    const out = await clients.organizations().send(new DescribeOrganizationCommand({}));
    return { id: out.Organization.Id, managementAccountId: out.Organization.MasterAccountId };
  } catch (err) {
    throw orgError("organizations:DescribeOrganization", err);
  }
}
async function listOrgAccounts(clients) {
  const out = [];
  let pages = 0;
  try {
    const pager = paginateListAccounts({ client: clients.organizations(), pageSize: 20 }, {});
    for (; ; ) {
      const next = await pager.next();
      if (next.done) break;
      for (const a of next.value.Accounts ?? []) {
        if (!a.Id) continue;
        out.push({ id: a.Id, name: a.Name ?? a.Id, status: String(a.State ?? a.Status ?? "ACTIVE") });
      }
      if (++pages >= MAX_PAGES) break;
    }
  } catch (err) {
    throw orgError("organizations:ListAccounts", err);
  }
  return out;
}
function parseAccountPatterns(flag, value) {
  if (value === void 0) return void 0;
  const list = value.split(",").map((s) => s.trim()).filter(Boolean);
  if (list.length === 0) {
    throw new InputError(`is empty \u2014 give account ids or name globs, e.g. 444455556666,payments-*`, flag);
  }
  return list;
}
function globToRegExp(glob) {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  return new RegExp(`^${body}$`, "i");
}
function matchesAny(account, patterns) {
  return patterns.some((p) => /^\d{12}$/.test(p) ? account.id === p : globToRegExp(p).test(account.name));
}
function selectAccounts(accounts, include, exclude) {
  return accounts.filter(
    (a) => a.status === "ACTIVE" && (!include || matchesAny(a, include)) && !(exclude && matchesAny(a, exclude))
  );
}

export {
  describeOrganization,
  listOrgAccounts,
  parseAccountPatterns,
  selectAccounts
};
