export type OperatorFamily = "String" | "Numeric" | "Date" | "Bool" | "Binary" | "Ip" | "Arn" | "Null";

export interface BaseOperator {
  /** Canonical spelling, e.g. `StringNotLike`. */
  name: string;
  family: OperatorFamily;
  /** Negated operators list values with NOR semantics and hold when the key is absent. */
  negated: boolean;
  /** The positive comparison this operator (or its negation) is built on. */
  compare:
    | "equals"
    | "equalsIgnoreCase"
    | "like"
    | "lt"
    | "lte"
    | "gt"
    | "gte"
    | "bool"
    | "binary"
    | "ip"
    | "arn"
    | "null";
}

export interface ParsedOperator {
  /** As written in the policy (used in messages). */
  written: string;
  base: BaseOperator;
  set?: "ForAnyValue" | "ForAllValues";
  ifExists: boolean;
}

const BASES: BaseOperator[] = [
  { name: "StringEquals", family: "String", negated: false, compare: "equals" },
  { name: "StringNotEquals", family: "String", negated: true, compare: "equals" },
  { name: "StringEqualsIgnoreCase", family: "String", negated: false, compare: "equalsIgnoreCase" },
  { name: "StringNotEqualsIgnoreCase", family: "String", negated: true, compare: "equalsIgnoreCase" },
  { name: "StringLike", family: "String", negated: false, compare: "like" },
  { name: "StringNotLike", family: "String", negated: true, compare: "like" },
  { name: "NumericEquals", family: "Numeric", negated: false, compare: "equals" },
  { name: "NumericNotEquals", family: "Numeric", negated: true, compare: "equals" },
  { name: "NumericLessThan", family: "Numeric", negated: false, compare: "lt" },
  { name: "NumericLessThanEquals", family: "Numeric", negated: false, compare: "lte" },
  { name: "NumericGreaterThan", family: "Numeric", negated: false, compare: "gt" },
  { name: "NumericGreaterThanEquals", family: "Numeric", negated: false, compare: "gte" },
  { name: "DateEquals", family: "Date", negated: false, compare: "equals" },
  { name: "DateNotEquals", family: "Date", negated: true, compare: "equals" },
  { name: "DateLessThan", family: "Date", negated: false, compare: "lt" },
  { name: "DateLessThanEquals", family: "Date", negated: false, compare: "lte" },
  { name: "DateGreaterThan", family: "Date", negated: false, compare: "gt" },
  { name: "DateGreaterThanEquals", family: "Date", negated: false, compare: "gte" },
  { name: "Bool", family: "Bool", negated: false, compare: "bool" },
  { name: "BinaryEquals", family: "Binary", negated: false, compare: "binary" },
  { name: "IpAddress", family: "Ip", negated: false, compare: "ip" },
  { name: "NotIpAddress", family: "Ip", negated: true, compare: "ip" },
  { name: "ArnEquals", family: "Arn", negated: false, compare: "arn" },
  { name: "ArnLike", family: "Arn", negated: false, compare: "arn" },
  { name: "ArnNotEquals", family: "Arn", negated: true, compare: "arn" },
  { name: "ArnNotLike", family: "Arn", negated: true, compare: "arn" },
  { name: "Null", family: "Null", negated: false, compare: "null" },
];
const BY_NAME = new Map(BASES.map((b) => [b.name.toLowerCase(), b]));

/**
 * Splits `ForAnyValue:StringLikeIfExists` into its parts; undefined when the name is not an IAM operator.
 * Matching is case-insensitive so that a policy AWS accepted is never rejected here on spelling alone.
 */
export function parseConditionOperator(written: string): ParsedOperator | undefined {
  let rest = written;
  let set: ParsedOperator["set"];
  const colon = rest.indexOf(":");
  if (colon >= 0) {
    const qualifier = rest.slice(0, colon).toLowerCase();
    if (qualifier === "foranyvalue") set = "ForAnyValue";
    else if (qualifier === "forallvalues") set = "ForAllValues";
    else return undefined;
    rest = rest.slice(colon + 1);
  }
  let ifExists = false;
  if (rest.toLowerCase().endsWith("ifexists")) {
    ifExists = true;
    rest = rest.slice(0, -"IfExists".length);
  }
  const base = BY_NAME.get(rest.toLowerCase());
  if (base === undefined) return undefined;
  // Null tests existence itself, so it takes neither a set qualifier nor IfExists.
  if (base.family === "Null" && (ifExists || set !== undefined)) return undefined;
  const parsed: ParsedOperator = { written, base, ifExists };
  if (set !== undefined) parsed.set = set;
  return parsed;
}
