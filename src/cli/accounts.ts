/** `lambda-guard accounts`: the organization's ACTIVE accounts, for people (text), scripts (json) and
 * GitHub Actions matrices (`matrix`: one JSON line for `strategy.matrix`). */
import { AwsClients } from "../aws/clients.js";
import {
  listOrgAccounts,
  parseAccountPatterns,
  selectAccounts,
  type OrgAccount,
} from "../aws/org/accounts.js";
import { InputError } from "../model/index.js";
import type { Io } from "./io.js";
import { parseEndpointUrl } from "./options.js";

const FORMATS = ["text", "json", "matrix"] as const;
type AccountsFormat = (typeof FORMATS)[number];

export function renderAccounts(accounts: readonly OrgAccount[], format: AccountsFormat): string {
  switch (format) {
    case "matrix":
      return `${JSON.stringify({ include: accounts.map((a) => ({ account: a.id, name: a.name })) })}\n`;
    case "json":
      return `${JSON.stringify(
        accounts.map((a) => ({ account: a.id, name: a.name, status: a.status })),
        null,
        2,
      )}\n`;
    case "text": {
      if (accounts.length === 0) return "no ACTIVE accounts matched\n";
      return `${accounts.map((a) => `${a.id}  ${a.name}`).join("\n")}\n`;
    }
  }
}

export async function runAccounts(
  io: Io,
  v: Record<string, string | boolean | undefined>,
  emit: (text: string) => Promise<void>,
): Promise<number> {
  const format = (v.format as string | undefined) ?? "text";
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new InputError(`must be one of ${FORMATS.join(", ")} for 'accounts', got '${format}'`, "--format");
  }
  const include = parseAccountPatterns("--include", v.include as string | undefined);
  const exclude = parseAccountPatterns("--exclude", v.exclude as string | undefined);
  const endpointUrl = parseEndpointUrl(v["endpoint-url"] as string | undefined);
  const clients = new AwsClients({ apiBudget: 0.9, ...(endpointUrl ? { endpointUrl } : {}) });
  try {
    const selected = selectAccounts(await listOrgAccounts(clients), include, exclude);
    await emit(renderAccounts(selected, format as AccountsFormat));
    // An empty matrix fails the workflow later with an obscure message; say it here.
    if (selected.length === 0 && format === "matrix") {
      io.err("lambda-guard: no ACTIVE account matched --include/--exclude; the matrix is empty\n");
    }
    return 0;
  } finally {
    clients.destroy();
  }
}
