import { LineCounter, Parser, parseDocument, isNode, type Document } from "yaml";
import { z } from "zod";
import { DEFAULT_CONFIG_PATH } from "./config.js";
import { InputError } from "./errors.js";
import { RULE_IDS } from "./rules.js";
import { FailOnSchema, RuleIdSchema, SeveritySchema } from "./schema.js";

// Reading a config file needs a YAML parser and zod; ./config.ts loads this module only when there is a
// file to read, so a run without one loads neither.

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

/** `"…"` ends with its quote, not an escaped one (`\"` in double quotes). */
function closedQuote(src: string, q: string): boolean {
  if (src.length < 2 || !src.endsWith(q)) return false;
  if (q === "'") return true;
  const backslashes = /\\*$/.exec(src.slice(0, -1))![0].length;
  return backslashes % 2 === 0;
}

/**
 * Where an unterminated quote or flow collection (`[`/`{`) that swallowed `pos` was opened. The parser notices
 * only where the text ends or the next line breaks the construct, lines after the mistake.
 */
function unterminatedOpener(text: string, pos: number): number | undefined {
  let best: number | undefined;
  const visit = (node: unknown, depth: number): void => {
    if (depth > 200 || !node || typeof node !== "object") return; // nesting bound on untrusted input
    const t = node as { type?: string; offset?: number; source?: string; end?: unknown[] };
    if (typeof t.offset === "number" && t.offset <= pos) {
      const src = t.source ?? "";
      const open =
        (t.type === "double-quoted-scalar" && !closedQuote(src, '"')) ||
        (t.type === "single-quoted-scalar" && !closedQuote(src, "'")) ||
        (t.type === "flow-collection" &&
          !(t.end ?? []).some((x) => /[\]}]/.test((x as { source?: string }).source ?? "")));
      if (open && (best === undefined || t.offset > best)) best = t.offset;
    }
    for (const v of Object.values(node)) if (v && typeof v === "object") visit(v, depth + 1);
  };
  for (const token of new Parser().parse(text)) visit(token, 0);
  return best;
}

/** Parses and validates config text; every error names the file, the line, the field and the fix. */
export function parseConfig(text: string, file = DEFAULT_CONFIG_PATH): Config {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const opener = unterminatedOpener(text, e.pos[0]);
    const line = lc.linePos(opener ?? e.pos[0]).line;
    const what =
      opener === undefined ? e.message.split("\n")[0] : "a quote or bracket opened here is never closed";
    throw new InputError(`invalid YAML: ${what} — fix the syntax on that line`, `${file}:${line}`);
  }
  let raw: unknown;
  try {
    // yaml caps alias expansion (maxAliasCount): a "billion laughs" file stops here instead of eating memory.
    raw = doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (err) {
    throw new InputError(
      `invalid YAML: too many alias (*name) expansions (${err instanceof Error ? err.message : String(err)}) — write the values out instead of repeating anchors`,
      file,
    );
  }
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
