/** Read and validate emulator state files (format: README "The emulator"); errors name the file, the field and the fix. */
import { readFile } from "node:fs/promises";
import type { z } from "zod";
import { InputError } from "../model/errors.js";
import { EMULATOR_STATE_SCHEMA_ID, EmulatorStateSchema, type EmulatorState } from "./state.js";

/** `functions[0].urls[1].authType` from a zod issue path. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) {
    if (typeof p === "number") out += `[${p}]`;
    else out += out === "" ? String(p) : `.${String(p)}`;
  }
  return out === "" ? "(top level)" : out;
}

function hint(field: string, issue: z.core.$ZodIssue): string {
  if (field === "schema") return `set "schema": "${EMULATOR_STATE_SCHEMA_ID}"`;
  if (field === "accountId") return 'use a 12-digit account id in quotes, e.g. "111122223333"';
  if (field === "regions") return 'list at least one enabled region, e.g. ["us-east-1"]';
  if (/^(accounts\[\d+\]\.)?functions\[\d+\]\.name$/.test(field))
    return "use 1-64 letters, digits, hyphens or underscores";
  if (/\.authType$/.test(field)) return 'use "NONE" or "AWS_IAM"';
  if (/\.rate$/.test(field)) return "use a number from 0 to 1";
  if (/^behaviour\.quotas\./.test(field))
    return 'use a positive number of requests per second or "unlimited"';
  if (issue.code === "invalid_type") return `give it the expected type (${issue.expected})`;
  return "see the README section 'The emulator' for the state format";
}

function fail(where: string, field: string, problem: string, fix: string): never {
  throw new InputError(`field "${field}": ${problem}; ${fix}.`, where);
}

/** Validate parsed JSON as emulator state; `where` names the source (a file path) in errors. */
export function parseEmulatorState(json: unknown, where: string): EmulatorState {
  const result = EmulatorStateSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const field = fieldPath(issue.path);
    const more =
      result.error.issues.length > 1 ? ` (and ${result.error.issues.length - 1} more problem(s))` : "";
    fail(where, field, `${issue.message}${more}`, hint(field, issue));
  }
  const state = result.data;
  checkAccount(where, state, "");
  checkMembers(where, state);
  return state;
}

/** Members of an organization: unique ids, the caller's partition, each checked like a single account. */
function checkMembers(where: string, state: EmulatorState): void {
  const ids = new Set([state.accountId]);
  (state.accounts ?? []).forEach((m, i) => {
    if (ids.has(m.accountId)) {
      fail(
        where,
        `accounts[${i}].accountId`,
        `account ${m.accountId} is listed twice`,
        "give each account its own id",
      );
    }
    ids.add(m.accountId);
    // Every account of an organization lives in the organization's partition.
    m.partition = state.partition;
    checkAccount(where, m, `accounts[${i}].`);
  });
  if ((state.accounts?.length ?? 0) > 0 && !state.organization) {
    fail(
      where,
      "organization",
      "member accounts are listed but there is no organization",
      'add "organization": { "id": "o-…", "managementAccountId": "<accountId>" }',
    );
  }
}

function checkAccount(where: string, state: EmulatorState, prefix: string): void {
  const known = new Set([...state.regions, ...state.disabledRegions]);
  const seen = new Set<string>();
  state.functions.forEach((fn, i) => {
    const at = `${prefix}functions[${i}]`;
    if (!known.has(fn.region)) {
      fail(
        where,
        `${at}.region`,
        `"${fn.region}" is in neither "regions" nor "disabledRegions"`,
        `add it to "regions"`,
      );
    }
    const key = `${fn.region}/${fn.name}`;
    if (seen.has(key))
      fail(where, `${at}.name`, `a second function "${fn.name}" in ${fn.region}`, "rename one");
    seen.add(key);
    const aliases = new Set(fn.aliases.map((a) => a.name));
    // CONTRACTS.md §5 does not require `versions` to list every version: an alias's version, or a numeric
    // policy key, implies that the version exists (as it must in AWS).
    const implied = [
      ...fn.aliases.map((a) => a.version),
      ...Object.keys(fn.policies).filter((q) => /^\d+$/.test(q)),
    ];
    for (const v of implied) if (v !== "$LATEST" && !fn.versions.includes(v)) fn.versions.push(v);
    fn.urls.forEach((u, j) => {
      if (u.qualifier !== null && !aliases.has(u.qualifier)) {
        fail(
          where,
          `${at}.urls[${j}].qualifier`,
          `"${u.qualifier}" is not an alias of "${fn.name}" (function URLs live on $LATEST or an alias)`,
          `use null or one of the aliases in ${at}.aliases`,
        );
      }
    });
    for (const q of Object.keys(fn.policies)) {
      if (q !== "" && q !== "$LATEST" && !aliases.has(q) && !fn.versions.includes(q)) {
        fail(
          where,
          `${at}.policies.${q}`,
          `"${q}" is neither an alias nor a version of "${fn.name}"`,
          `use "" for the unqualified function, or add the alias/version`,
        );
      }
    }
  });
}

/** Read, parse and validate a state file. */
export async function loadEmulatorState(file: string): Promise<EmulatorState> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(
      code === "ENOENT"
        ? "no such file; pass the path of an emulator state JSON file (format: README, 'The emulator')"
        : `cannot read the file (${code ?? String(err)})`,
      file,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    let where = file;
    const lineCol = /line (\d+) column (\d+)/.exec(msg);
    const pos = /position (\d+)/.exec(msg);
    if (lineCol) {
      where = `${file}:${lineCol[1]}:${lineCol[2]}`;
    } else if (pos) {
      const before = text.slice(0, Number(pos[1]));
      const line = before.split("\n").length;
      const column = before.length - before.lastIndexOf("\n");
      where = `${file}:${line}:${column}`;
    }
    throw new InputError(
      `not valid JSON (${msg}); fix the syntax (comments and trailing commas are not allowed)`,
      where,
    );
  }
  return parseEmulatorState(json, file);
}
