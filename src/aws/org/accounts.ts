/**
 * The organization's member accounts (Organizations `ListAccounts`, paginated, paced by our `organizations`
 * bucket) and the `--include`/`--exclude` selection over them.
 */
import { DescribeOrganizationCommand, paginateListAccounts } from "@aws-sdk/client-organizations";
import { InputError } from "../../model/index.js";
import type { AwsClients } from "../clients.js";
import { awsErrorCode, describeAwsError } from "../errors.js";

export interface OrgAccount {
  id: string;
  name: string;
  status: string;
}

export interface Organization {
  id: string;
  managementAccountId: string;
}

/** Bound on ListAccounts pages: Organizations allows at most 10,000 accounts at 20 per page. */
const MAX_PAGES = 600;

function orgError(what: string, err: unknown): InputError {
  const code = awsErrorCode(err);
  const fix =
    code === "AWSOrganizationsNotInUseException"
      ? "the credentials' account is not in an organization; use 'scan' without --accounts"
      : code === "AccessDeniedException"
        ? "run it with credentials of the management account or a delegated administrator, allowed organizations:ListAccounts and organizations:DescribeOrganization"
        : "check the credentials and --endpoint-url";
  return new InputError(`${what} failed: ${describeAwsError(err)} — ${fix}`, "AWS Organizations");
}

export async function describeOrganization(clients: AwsClients): Promise<Organization> {
  try {
    const out = await clients.organizations().send(new DescribeOrganizationCommand({}));
    return { id: out.Organization!.Id!, managementAccountId: out.Organization!.MasterAccountId! };
  } catch (err) {
    throw orgError("organizations:DescribeOrganization", err);
  }
}

/** Every account of the organization, in ListAccounts order (ACTIVE or not). */
export async function listOrgAccounts(clients: AwsClients): Promise<OrgAccount[]> {
  const out: OrgAccount[] = [];
  let pages = 0;
  try {
    const pager = paginateListAccounts({ client: clients.organizations(), pageSize: 20 }, {});
    for (;;) {
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

/** A comma-separated `--include`/`--exclude` list: 12-digit ids or name globs (`*`, `?`). */
export function parseAccountPatterns(flag: string, value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const list = value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (list.length === 0) {
    throw new InputError(`is empty — give account ids or name globs, e.g. 444455556666,payments-*`, flag);
  }
  return list;
}

function globToRegExp(glob: string): RegExp {
  const body = glob
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${body}$`, "i");
}

function matchesAny(account: OrgAccount, patterns: readonly string[]): boolean {
  return patterns.some((p) => (/^\d{12}$/.test(p) ? account.id === p : globToRegExp(p).test(account.name)));
}

/** ACTIVE accounts kept by `include` (all when absent) and not dropped by `exclude`. */
export function selectAccounts(
  accounts: readonly OrgAccount[],
  include?: readonly string[],
  exclude?: readonly string[],
): OrgAccount[] {
  return accounts.filter(
    (a) =>
      a.status === "ACTIVE" && (!include || matchesAny(a, include)) && !(exclude && matchesAny(a, exclude)),
  );
}
