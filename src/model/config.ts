import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { LineCounter, parseDocument, isNode, type Document } from "yaml";
import { z } from "zod";
import { InputError } from "./errors.js";
import { RULE_IDS, RuleIdSchema } from "./rules.js";
import { FailOnSchema, SeveritySchema, type FailOn } from "./severity.js";

export const DEFAULT_CONFIG_PATH = ".github/lambda-guard.yml";

const isoDate = z
  .union([z.string(), z.date()])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v))
  .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)), {
    message: "must be a date written YYYY-MM-DD",
  });

const AllowEntrySchema = z.strictObject({
  rule: RuleIdSchema,
  resource: z.string().min(1, "must name an ARN, a glob or an IaC address"),
  reason: z.string().trim().min(1, "must say why the exposure is intended"),
  expires: isoDate.optional(),
});
export type AllowEntry = z.infer<typeof AllowEntrySchema>;

export const ConfigSchema = z.strictObject({
  failOn: FailOnSchema.default("high"),
  regions: z.union([z.literal("all"), z.array(z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/))]).default("all"),
  lookbackDays: z.number().int().min(1).max(90).default(90),
  rules: z.partialRecord(RuleIdSchema, z.union([SeveritySchema, z.literal("off")])).default({}),
  allow: z.array(AllowEntrySchema).default([]),
  /** Branches (besides the default branch) whose reports the app acts on. */
  branches: z.array(z.string().min(1)).default([]),
  pullRequests: z
    .strictObject({
      enabled: z.boolean().default(true),
      labels: z.array(z.string()).default([]),
      reviewers: z.array(z.string()).default([]),
    })
    .prefault({}),
  issues: z
    .strictObject({
      enabled: z.boolean().default(true),
      labels: z.array(z.string()).default([]),
    })
    .prefault({}),
});
export type Config = z.infer<typeof ConfigSchema>;

export function defaultConfig(): Config {
  return ConfigSchema.parse({});
}

const FIXES: Record<string, string> = {
  failOn: "use one of critical, high, medium, low, none",
  regions: 'use "all" or a list of region names such as [us-east-1, eu-west-1]',
  lookbackDays: "use a whole number of days from 1 to 90",
  rules: `map a rule id (${RULE_IDS.join(", ")}) to a severity or "off"`,
  allow: "each entry needs rule, resource and reason; expires is optional (YYYY-MM-DD)",
};

function fieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
    .join("");
}

function lineOf(doc: Document, lc: LineCounter, path: readonly PropertyKey[]): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n) as unknown[], true);
    if (isNode(node) && node.range) return lc.linePos(node.range[0]).line;
  }
  return undefined;
}

/** Parses and validates config text; every error names the file, the line, the field and the fix. */
export function parseConfig(text: string, file = DEFAULT_CONFIG_PATH): Config {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const line = lc.linePos(e.pos[0]).line;
    throw new InputError(
      `invalid YAML: ${e.message.split("\n")[0]} — fix the syntax on that line`,
      `${file}:${line}`,
    );
  }
  const raw: unknown = doc.toJS() ?? {};
  if (typeof raw !== "object" || Array.isArray(raw)) {
    throw new InputError("the file must be a YAML mapping (key: value), see README 'Configuration'", file);
  }
  const parsed = ConfigSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const messages = parsed.error.issues.map((issue) => {
    let path = issue.path;
    let msg = issue.message;
    if (issue.code === "unrecognized_keys") {
      msg = `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `'${k}'`).join(", ")} — remove it or check the spelling (fields: ${Object.keys(ConfigSchema.shape).join(", ")})`;
      path = [...path, issue.keys[0]!];
    }
    const line = lineOf(doc, lc, path);
    const field = fieldPath(path) || "(top level)";
    const fix = FIXES[String(path[0])];
    return `${file}${line ? `:${line}` : ""}: ${field}: ${msg}${fix && issue.code !== "unrecognized_keys" ? ` — ${fix}` : ""}`;
  });
  throw new InputError(messages.join("\n"));
}

/** Loads a config file. A missing default file yields defaults; a missing explicit file is an error. */
export async function loadConfig(
  file?: string,
  cwd = process.cwd(),
): Promise<{ config: Config; path: string | null }> {
  const path = file ?? join(cwd, DEFAULT_CONFIG_PATH);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT" && file === undefined) {
      return { config: defaultConfig(), path: null };
    }
    throw new InputError(
      `cannot read the config file (${(err as NodeJS.ErrnoException).code ?? "error"}) — check the path given to --config`,
      path,
    );
  }
  return { config: parseConfig(text, path), path };
}

export type { FailOn };
