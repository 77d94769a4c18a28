import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/**
 * Validates GitHub request and response bodies against GitHub's official OpenAPI description
 * (@octokit/openapi, api.github.com.json). A small JSON-Schema subset validator, written here so the
 * tests depend on nothing that is not a direct devDependency: it covers the keywords the Checks API
 * schemas use (type, properties, required, enum, items, max/minItems, max/minLength, anyOf/oneOf/allOf,
 * nullable, $ref, format date-time). Lengths count code points, as JSON Schema (and GitHub) do.
 */

type Schema = Record<string, unknown>;
type Spec = {
  paths: Record<string, Record<string, Schema>>;
  components: Record<string, Record<string, Schema>>;
};

let cached: Spec | undefined;
export function githubSpec(): Spec {
  if (!cached) {
    const require = createRequire(import.meta.url);
    const file = require.resolve("@octokit/openapi/generated/api.github.com.json");
    cached = JSON.parse(readFileSync(file, "utf8")) as Spec;
  }
  return cached;
}

function resolveRef(spec: Spec, schema: Schema): Schema {
  let s = schema;
  for (let i = 0; i < 20 && typeof s.$ref === "string"; i++) {
    const parts = (s.$ref as string).replace(/^#\//, "").split("/");
    let cur: unknown = spec;
    for (const p of parts) cur = (cur as Record<string, unknown>)[p.replace(/~1/g, "/").replace(/~0/g, "~")];
    s = cur as Schema;
  }
  return s;
}

function typeOf(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  return typeof v;
}

export function validate(spec: Spec, schemaIn: Schema, value: unknown, path = "$"): string[] {
  const schema = resolveRef(spec, schemaIn);
  const errors: string[] = [];
  const t = typeOf(value);
  if (
    value === null &&
    (schema.nullable === true || (Array.isArray(schema.type) && schema.type.includes("null")))
  ) {
    return errors;
  }
  if (schema.type !== undefined) {
    const types = (Array.isArray(schema.type) ? schema.type : [schema.type]) as string[];
    const ok = types.some((ty) => ty === t || (ty === "number" && t === "integer"));
    if (!ok) return [`${path}: expected ${types.join("|")}, got ${t}`];
  }
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) {
    errors.push(`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  }
  if (schema.const !== undefined && schema.const !== value)
    errors.push(`${path}: must be ${JSON.stringify(schema.const)}`);
  if (typeof value === "string") {
    const len = [...value].length;
    if (typeof schema.maxLength === "number" && len > schema.maxLength) {
      errors.push(`${path}: ${len} characters, more than maxLength ${schema.maxLength}`);
    }
    if (typeof schema.minLength === "number" && len < schema.minLength)
      errors.push(`${path}: shorter than ${schema.minLength}`);
    if (typeof schema.pattern === "string" && !new RegExp(schema.pattern, "u").test(value)) {
      errors.push(`${path}: does not match ${schema.pattern}`);
    }
    if (schema.format === "date-time" && Number.isNaN(Date.parse(value)))
      errors.push(`${path}: not a date-time`);
  }
  if (typeof value === "number") {
    if (typeof schema.minimum === "number" && value < schema.minimum)
      errors.push(`${path}: below ${schema.minimum}`);
    if (typeof schema.maximum === "number" && value > schema.maximum)
      errors.push(`${path}: above ${schema.maximum}`);
  }
  if (Array.isArray(value)) {
    if (typeof schema.maxItems === "number" && value.length > schema.maxItems) {
      errors.push(`${path}: ${value.length} items, more than maxItems ${schema.maxItems}`);
    }
    if (typeof schema.minItems === "number" && value.length < schema.minItems)
      errors.push(`${path}: fewer than ${schema.minItems} items`);
    if (schema.items && typeof schema.items === "object") {
      value.forEach((item, i) =>
        errors.push(...validate(spec, schema.items as Schema, item, `${path}[${i}]`)),
      );
    }
  }
  if (t === "object") {
    const obj = value as Record<string, unknown>;
    for (const r of (schema.required as string[] | undefined) ?? []) {
      if (!(r in obj)) errors.push(`${path}: missing required property '${r}'`);
    }
    const props = (schema.properties as Record<string, Schema> | undefined) ?? {};
    for (const [k, v] of Object.entries(obj)) {
      if (props[k]) errors.push(...validate(spec, props[k], v, `${path}.${k}`));
      else if (schema.additionalProperties === false) errors.push(`${path}: unknown property '${k}'`);
      else if (typeof schema.additionalProperties === "object") {
        errors.push(...validate(spec, schema.additionalProperties as Schema, v, `${path}.${k}`));
      }
    }
  }
  for (const s of (schema.allOf as Schema[] | undefined) ?? [])
    errors.push(...validate(spec, s, value, path));
  const anyOf = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (anyOf && !anyOf.some((s) => validate(spec, s, value, path).length === 0)) {
    errors.push(`${path}: matches none of the ${schema.anyOf ? "anyOf" : "oneOf"} alternatives`);
  }
  return errors;
}

export function requestSchema(spec: Spec, path: string, method: string): Schema {
  const op = spec.paths[path]?.[method.toLowerCase()] as Schema | undefined;
  if (!op) throw new Error(`no operation ${method} ${path} in GitHub's OpenAPI description`);
  const body = resolveRef(spec, op.requestBody as Schema);
  return ((body.content as Record<string, Schema>)["application/json"] as Schema).schema as Schema;
}

export function responseSchema(spec: Spec, path: string, method: string, status: number): Schema {
  const op = spec.paths[path]?.[method.toLowerCase()] as Schema | undefined;
  const res = resolveRef(spec, (op!.responses as Record<string, Schema>)[String(status)]!);
  return ((res.content as Record<string, Schema>)["application/json"] as Schema).schema as Schema;
}

export const CHECK_RUNS = "/repos/{owner}/{repo}/check-runs";
export const CHECK_RUN = "/repos/{owner}/{repo}/check-runs/{check_run_id}";

/**
 * What the description states only in prose (so no schema enforces it) but GitHub does: an annotation
 * title of at most 255 characters, message and raw_details of at most 64 KB, columns only on one line.
 */
export function proseLimits(body: unknown): string[] {
  const errors: string[] = [];
  const anns = ((body as { output?: { annotations?: Record<string, unknown>[] } }).output?.annotations ??
    []) as Record<string, unknown>[];
  anns.forEach((a, i) => {
    if (typeof a.title === "string" && [...a.title].length > 255)
      errors.push(`annotations[${i}].title over 255 characters`);
    for (const k of ["message", "raw_details"]) {
      if (typeof a[k] === "string" && Buffer.byteLength(a[k] as string) > 64 * 1024)
        errors.push(`annotations[${i}].${k} over 64 KB`);
    }
    if ((a.start_column !== undefined || a.end_column !== undefined) && a.start_line !== a.end_line) {
      errors.push(`annotations[${i}]: columns on a multi-line annotation`);
    }
  });
  return errors;
}

export function validateCheckRequest(method: "POST" | "PATCH", body: unknown): string[] {
  const spec = githubSpec();
  const schema =
    method === "POST" ? requestSchema(spec, CHECK_RUNS, "post") : requestSchema(spec, CHECK_RUN, "patch");
  return [...validate(spec, schema, body), ...proseLimits(body)];
}
