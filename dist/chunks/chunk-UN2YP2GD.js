import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  FailOnSchema,
  InputError,
  RULE_IDS,
  RuleIdSchema,
  SeveritySchema,
  external_exports,
  require_dist
} from "./chunk-KZI3EHBT.js";
import {
  __toESM
} from "./chunk-LYD5ERHY.js";

// src/model/concurrency.ts
async function mapLimit(items, limit, fn) {
  const out = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

// src/model/config.ts
var import_yaml = __toESM(require_dist(), 1);
import { readFile } from "node:fs/promises";
import { join } from "node:path";
var DEFAULT_CONFIG_PATH = ".github/lambda-guard.yml";
var isoDate = external_exports.union([external_exports.string(), external_exports.date()]).transform((v) => v instanceof Date ? v.toISOString().slice(0, 10) : v).refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)), {
  message: "must be a date written YYYY-MM-DD"
});
var AllowEntrySchema = external_exports.strictObject({
  rule: RuleIdSchema,
  resource: external_exports.string().min(1, "must name an ARN, a glob or an IaC address"),
  reason: external_exports.string().trim().min(1, "must say why the exposure is intended"),
  expires: isoDate.optional()
});
var ConfigSchema = external_exports.strictObject({
  failOn: FailOnSchema.default("high"),
  regions: external_exports.union([external_exports.literal("all"), external_exports.array(external_exports.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/))]).default("all"),
  lookbackDays: external_exports.number().int().min(1).max(90).default(90),
  rules: external_exports.partialRecord(RuleIdSchema, external_exports.union([SeveritySchema, external_exports.literal("off")])).default({}),
  allow: external_exports.array(AllowEntrySchema).default([]),
  /** Branches (besides the default branch) whose reports the app acts on. */
  branches: external_exports.array(external_exports.string().min(1)).default([]),
  pullRequests: external_exports.strictObject({
    enabled: external_exports.boolean().default(true),
    labels: external_exports.array(external_exports.string()).default([]),
    reviewers: external_exports.array(external_exports.string()).default([])
  }).prefault({}),
  issues: external_exports.strictObject({
    enabled: external_exports.boolean().default(true),
    labels: external_exports.array(external_exports.string()).default([])
  }).prefault({})
});
function defaultConfig() {
  return ConfigSchema.parse({});
}
var FIXES = {
  failOn: "use one of critical, high, medium, low, none",
  regions: 'use "all" or a list of region names such as [us-east-1, eu-west-1]',
  lookbackDays: "use a whole number of days from 1 to 90",
  rules: `map a rule id (${RULE_IDS.join(", ")}) to a severity or "off"`,
  allow: "each entry needs rule, resource and reason; expires is optional (YYYY-MM-DD)"
};
function fieldPath(path) {
  return path.map((p, i) => typeof p === "number" ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`).join("");
}
function lineOf(doc, lc, path) {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true);
    if ((0, import_yaml.isNode)(node) && node.range) return lc.linePos(node.range[0]).line;
  }
  return void 0;
}
function closedQuote(src, q) {
  if (src.length < 2 || !src.endsWith(q)) return false;
  if (q === "'") return true;
  const backslashes = /\\*$/.exec(src.slice(0, -1))[0].length;
  return backslashes % 2 === 0;
}
function unterminatedOpener(text, pos) {
  let best;
  const visit = (node, depth) => {
    if (depth > 200 || !node || typeof node !== "object") return;
    const t = node;
    if (typeof t.offset === "number" && t.offset <= pos) {
      const src = t.source ?? "";
      const open = t.type === "double-quoted-scalar" && !closedQuote(src, '"') || t.type === "single-quoted-scalar" && !closedQuote(src, "'") || t.type === "flow-collection" && !(t.end ?? []).some((x) => /[\]}]/.test(x.source ?? ""));
      if (open && (best === void 0 || t.offset > best)) best = t.offset;
    }
    for (const v of Object.values(node)) if (v && typeof v === "object") visit(v, depth + 1);
  };
  for (const token of new import_yaml.Parser().parse(text)) visit(token, 0);
  return best;
}
function parseConfig(text, file = DEFAULT_CONFIG_PATH) {
  const lc = new import_yaml.LineCounter();
  const doc = (0, import_yaml.parseDocument)(text, { lineCounter: lc, prettyErrors: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const opener = unterminatedOpener(text, e.pos[0]);
    const line = lc.linePos(opener ?? e.pos[0]).line;
    const what = opener === void 0 ? e.message.split("\n")[0] : "a quote or bracket opened here is never closed";
    throw new InputError(`invalid YAML: ${what} \u2014 fix the syntax on that line`, `${file}:${line}`);
  }
  let raw;
  try {
    raw = doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (err) {
    throw new InputError(
      `invalid YAML: too many alias (*name) expansions (${err instanceof Error ? err.message : String(err)}) \u2014 write the values out instead of repeating anchors`,
      file
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
      msg = `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `'${k}'`).join(", ")} \u2014 remove it or check the spelling (fields: ${Object.keys(ConfigSchema.shape).join(", ")})`;
      path = [...path, issue.keys[0]];
    }
    const line = lineOf(doc, lc, path);
    const field = fieldPath(path) || "(top level)";
    const fix = FIXES[String(path[0])];
    return `${file}${line ? `:${line}` : ""}: ${field}: ${msg}${fix && issue.code !== "unrecognized_keys" ? ` \u2014 ${fix}` : ""}`;
  });
  throw new InputError(messages.join("\n"));
}
async function loadConfig(file, cwd = process.cwd()) {
  const path = file ?? join(cwd, DEFAULT_CONFIG_PATH);
  let text;
  try {
    text = await readFile(path, "utf8");
  } catch (err) {
    if (err.code === "ENOENT" && file === void 0) {
      return { config: defaultConfig(), path: null };
    }
    throw new InputError(
      `cannot read the config file (${err.code ?? "error"}) \u2014 check the path given to --config`,
      path
    );
  }
  return { config: parseConfig(text, path), path };
}

// src/model/duration.ts
function parseDuration(text) {
  const t = text.trim().toLowerCase();
  const m = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(t);
  if (!m || t === "" || !m[1] && !m[2] && !m[3]) return void 0;
  return ((Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0)) * 60 + Number(m[3] ?? 0)) * 1e3;
}

// src/model/scan-settings.ts
function isRegionName(text) {
  return /^[a-z]{2}(-[a-z]+)+-\d+$/.test(text);
}
var API_BUDGET_MAX = 1e3;
function apiBudgetOf(text) {
  const n = /^\d+(\.\d+)?$|^\.\d+$/.test(text) ? Number(text) : NaN;
  return Number.isFinite(n) && n > 0 && n <= API_BUDGET_MAX ? n : void 0;
}
var LOOKBACK_MAX_DAYS = { lookupEvents: 90, cloudtrailLake: 3653 };
function lookbackDaysOf(text, max) {
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  return Number.isInteger(n) && n >= 1 && n <= max ? n : void 0;
}
function scanTimeoutOf(text) {
  const ms = parseDuration(text);
  return ms !== void 0 && ms >= 1e3 && ms <= 864e5 ? ms : void 0;
}
function isAccountId(text) {
  return /^\d{12}$/.test(text);
}
function isRoleName(text) {
  return /^[\w+=,.@-]{1,64}$/.test(text);
}
function isExternalId(text) {
  return /^[\w+=,.@:/-]{2,1224}$/.test(text);
}
function isEventDataStore(text) {
  return /^[A-Za-z0-9-]{3,128}$/.test(text) || /^arn:[\w-]+:cloudtrail:[a-z0-9-]+:\d{12}:eventdatastore\/[A-Za-z0-9-]{3,128}$/.test(text);
}

export {
  mapLimit,
  DEFAULT_CONFIG_PATH,
  ConfigSchema,
  defaultConfig,
  loadConfig,
  isRegionName,
  apiBudgetOf,
  LOOKBACK_MAX_DAYS,
  lookbackDaysOf,
  scanTimeoutOf,
  isAccountId,
  isRoleName,
  isExternalId,
  isEventDataStore
};
