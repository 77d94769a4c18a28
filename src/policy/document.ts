import { InputError } from "../model/errors.js";
import { parseConditionOperator } from "./operators.js";

export type Effect = "Allow" | "Deny";

/** `"*"`, or principal type (`AWS`, `Service`, `Federated`, `CanonicalUser`) to identifiers. */
export type PrincipalSpec = "*" | Record<string, string[]>;

/** Operator (as written) → condition key (as written) → values, always strings. */
export type ConditionBlock = Record<string, Record<string, string[]>>;

export interface Statement {
  Sid?: string;
  Effect: Effect;
  Principal?: PrincipalSpec;
  NotPrincipal?: PrincipalSpec;
  Action?: string[];
  NotAction?: string[];
  Resource?: string[];
  NotResource?: string[];
  Condition?: ConditionBlock;
}

export interface PolicyDocument {
  Version?: string;
  Id?: string;
  Statement: Statement[];
}

export class PolicyParseError extends InputError {
  constructor(message: string, where?: string) {
    super(message, where);
  }
}

const STATEMENT_FIELDS = new Set([
  "Sid",
  "Effect",
  "Principal",
  "NotPrincipal",
  "Action",
  "NotAction",
  "Resource",
  "NotResource",
  "Condition",
]);
const DOCUMENT_FIELDS = new Set(["Version", "Id", "Statement"]);

/** The name reports use for a statement: its Sid, or `#index` when it has none. */
export function statementLabel(stmt: Pick<Statement, "Sid">, index: number): string {
  return stmt.Sid !== undefined && stmt.Sid !== "" ? stmt.Sid : `#${index}`;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function describeType(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  return typeof v === "object" ? "an object" : `a ${typeof v}`;
}

/**
 * Parses a policy document as AWS stores it (GetPolicy, GetAccountAuthorizationDetails after URL-decoding,
 * IaC after intrinsic functions are resolved) into a normalised form: scalar-or-array fields become arrays and
 * `Statement` is always an array. Errors name the statement (index and Sid) and the field.
 */
export function parsePolicy(input: unknown, where?: string): PolicyDocument {
  let raw: unknown = input;
  if (typeof input === "string") {
    try {
      raw = JSON.parse(input);
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err);
      throw new PolicyParseError(`policy is not valid JSON (${detail})`, where);
    }
  }
  if (!isRecord(raw)) {
    throw new PolicyParseError(`policy must be a JSON object, got ${describeType(raw)}`, where);
  }
  for (const key of Object.keys(raw)) {
    if (!DOCUMENT_FIELDS.has(key)) {
      throw new PolicyParseError(
        `unknown top-level field "${key}"; a policy has only Version, Id and Statement`,
        where,
      );
    }
  }
  const doc: PolicyDocument = { Statement: [] };
  if (raw.Version !== undefined) {
    if (typeof raw.Version !== "string") {
      throw new PolicyParseError(`Version must be a string such as "2012-10-17"`, where);
    }
    doc.Version = raw.Version;
  }
  if (raw.Id !== undefined) {
    if (typeof raw.Id !== "string") throw new PolicyParseError(`Id must be a string`, where);
    doc.Id = raw.Id;
  }
  if (raw.Statement === undefined) {
    throw new PolicyParseError(`policy has no Statement`, where);
  }
  const statements = Array.isArray(raw.Statement) ? raw.Statement : [raw.Statement];
  doc.Statement = statements.map((s, i) => parseStatement(s, i, where));
  return doc;
}

function parseStatement(raw: unknown, index: number, where: string | undefined): Statement {
  const sid = isRecord(raw) && typeof raw.Sid === "string" && raw.Sid !== "" ? raw.Sid : undefined;
  const at = `Statement[${index}]${sid !== undefined ? ` (Sid "${sid}")` : ""}`;
  const fail = (message: string): never => {
    throw new PolicyParseError(`${at}: ${message}`, where);
  };
  if (!isRecord(raw)) return fail(`must be an object, got ${describeType(raw)}`);
  for (const key of Object.keys(raw)) {
    if (!STATEMENT_FIELDS.has(key)) fail(`unknown field "${key}"`);
  }
  if (raw.Sid !== undefined && typeof raw.Sid !== "string") fail(`Sid must be a string`);
  if (raw.Effect === undefined) fail(`Effect is missing; use "Allow" or "Deny"`);
  if (raw.Effect !== "Allow" && raw.Effect !== "Deny") {
    fail(`Effect must be "Allow" or "Deny", got ${JSON.stringify(raw.Effect)}`);
  }
  const stmt: Statement = { Effect: raw.Effect as Effect };
  if (sid !== undefined) stmt.Sid = sid;

  const pair = (a: string, b: string, required: boolean): void => {
    if (raw[a] !== undefined && raw[b] !== undefined) fail(`has both ${a} and ${b}; use one of them`);
    if (required && raw[a] === undefined && raw[b] === undefined) fail(`needs ${a} or ${b}`);
  };
  pair("Action", "NotAction", true);
  // Trust policies have no Resource; such statements apply to whatever resource they are attached to.
  pair("Resource", "NotResource", false);
  pair("Principal", "NotPrincipal", false);

  for (const field of ["Action", "NotAction", "Resource", "NotResource"] as const) {
    if (raw[field] !== undefined) stmt[field] = stringList(raw[field], `${field}`, fail);
  }
  for (const field of ["Principal", "NotPrincipal"] as const) {
    if (raw[field] !== undefined) stmt[field] = parsePrincipal(raw[field], field, fail);
  }
  if (raw.Condition !== undefined) stmt.Condition = parseCondition(raw.Condition, fail);
  return stmt;
}

function stringList(v: unknown, field: string, fail: (m: string) => never): string[] {
  const items = Array.isArray(v) ? v : [v];
  if (Array.isArray(v) && v.length === 0) fail(`${field} is an empty list`);
  return items.map((item, i) => {
    if (typeof item !== "string" || item === "") {
      const at = Array.isArray(v) ? `${field}[${i}]` : field;
      return fail(`${at} must be a non-empty string, got ${describeType(item)}`);
    }
    return item;
  });
}

function parsePrincipal(v: unknown, field: string, fail: (m: string) => never): PrincipalSpec {
  if (v === "*") return "*";
  if (typeof v === "string") {
    fail(
      `${field} as a string must be "*"; wrap identifiers in an object such as {"AWS": ${JSON.stringify(v)}}`,
    );
  }
  if (!isRecord(v)) return fail(`${field} must be "*" or an object, got ${describeType(v)}`);
  const out: Record<string, string[]> = {};
  for (const [type, ids] of Object.entries(v)) {
    out[type] = stringList(ids, `${field}.${type}`, fail);
  }
  if (Object.keys(out).length === 0) fail(`${field} is an empty object`);
  return out;
}

function parseCondition(v: unknown, fail: (m: string) => never): ConditionBlock {
  if (!isRecord(v)) return fail(`Condition must be an object, got ${describeType(v)}`);
  const block: ConditionBlock = {};
  for (const [operator, keys] of Object.entries(v)) {
    if (parseConditionOperator(operator) === undefined) {
      fail(`Condition operator "${operator}" is not an IAM condition operator`);
    }
    if (!isRecord(keys)) {
      fail(`Condition.${operator} must map condition keys to values, got ${describeType(keys)}`);
    }
    const entries: Record<string, string[]> = {};
    for (const [key, values] of Object.entries(keys as Record<string, unknown>)) {
      const list = Array.isArray(values) ? values : [values];
      entries[key] = list.map((value, i) => {
        if (typeof value === "string") return value;
        if (typeof value === "number" || typeof value === "boolean") return String(value);
        const at = Array.isArray(values)
          ? `Condition.${operator}.${key}[${i}]`
          : `Condition.${operator}.${key}`;
        return fail(`${at} must be a string, number or boolean, got ${describeType(value)}`);
      });
    }
    block[operator] = entries;
  }
  return block;
}
