/**
 * AWS Lambda, REST-JSON: the read APIs a scanner needs (functions, versions, aliases, function URLs,
 * resource policies, tags) with Lambda's paths, pagination and error shapes.
 */
import { createHash } from "node:crypto";
import { paginate, restJsonError, restJsonResult } from "../protocol.js";
import type { EmulatedFunction } from "../state.js";
import type {
  EmulatorRequest,
  EmulatorResponse,
  ResolvedOperation,
  ServiceContext,
  ServiceModule,
} from "../types.js";
import { ServiceError } from "../types.js";

const PAGE_MAX = 50;

function hash(...parts: string[]): Buffer {
  return createHash("sha256").update(parts.join("\u0000")).digest();
}

/** A stable UUID-shaped id from its inputs (RevisionIds). */
function stableUuid(...parts: string[]): string {
  const h = hash(...parts).toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The 32-character url-id of a function URL, derived from account, region, name and qualifier. */
export function functionUrlId(
  accountId: string,
  region: string,
  name: string,
  qualifier: string | null,
): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyz234567";
  const h = hash("url", accountId, region, name, qualifier ?? "");
  let out = "";
  for (let i = 0; i < 32; i++) out += alphabet[(h[i] ?? 0) % 32];
  return out;
}

/** Lambda's LastModified format: 2024-05-01T00:00:00.000+0000. */
function lambdaTimestamp(iso: string | undefined): string {
  const d = new Date(iso ?? "2024-01-01T00:00:00Z");
  const t = Number.isNaN(d.getTime()) ? new Date("2024-01-01T00:00:00Z") : d;
  return t.toISOString().replace("Z", "+0000");
}

function notFound(message: string): ServiceError {
  return new ServiceError("ResourceNotFoundException", message, 404);
}

function invalidParameter(message: string): ServiceError {
  return new ServiceError("InvalidParameterValueException", message, 400);
}

/** The parts of a FunctionName parameter: name, full ARN, partial ARN, each optionally qualified. */
interface FunctionRef {
  name: string;
  qualifier?: string;
  region?: string;
  account?: string;
}

const NAME = "[A-Za-z0-9_-]{1,64}";
const QUAL = "(\\$LATEST|[A-Za-z0-9_-]{1,128})";
const FULL_ARN = new RegExp(
  `^arn:(aws[a-z-]*):lambda:([a-z0-9-]+):(\\d{12}):function:(${NAME})(?::${QUAL})?$`,
);
const PARTIAL_ARN = new RegExp(`^(\\d{12}):function:(${NAME})(?::${QUAL})?$`);
const PLAIN = new RegExp(`^(${NAME})(?::${QUAL})?$`);

export function parseFunctionRef(raw: string): FunctionRef | undefined {
  let m = FULL_ARN.exec(raw);
  if (m) return { name: m[4]!, region: m[2]!, account: m[3]!, ...(m[5] ? { qualifier: m[5] } : {}) };
  m = PARTIAL_ARN.exec(raw);
  if (m) return { name: m[2]!, account: m[1]!, ...(m[3] ? { qualifier: m[3] } : {}) };
  m = PLAIN.exec(raw);
  if (m) return { name: m[1]!, ...(m[2] ? { qualifier: m[2] } : {}) };
  return undefined;
}

function decodeSegment(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    throw invalidParameter(`Invalid percent-encoding in the request path: ${s}`);
  }
}

function maxItems(query: URLSearchParams): number {
  const raw = query.get("MaxItems");
  if (raw === null || raw === "") return PAGE_MAX;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 10000) {
    throw new ServiceError(
      "ValidationException",
      `1 validation error detected: Value '${raw}' at 'maxItems' failed to satisfy constraint: ` +
        "Member must have value between 1 and 10000",
      400,
    );
  }
  return Math.min(n, PAGE_MAX);
}

const badMarker = () => invalidParameter("Invalid Marker.");

interface Target {
  fn: EmulatedFunction;
  /** The qualifier asked for (alias, version or $LATEST), if any. */
  qualifier?: string;
  /** The version the qualifier resolves to ("$LATEST" when unqualified). */
  version: string;
}

class LambdaApi {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly region: string,
  ) {}

  arn(name: string, qualifier?: string): string {
    const base = `arn:${this.ctx.partition}:lambda:${this.region}:${this.ctx.accountId}:function:${name}`;
    return qualifier === undefined ? base : `${base}:${qualifier}`;
  }

  functions(): EmulatedFunction[] {
    return this.ctx.state.functions
      .filter((f) => f.region === this.region)
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** Resolve FunctionName (+ optional Qualifier parameter) to a function, or 404 like Lambda. */
  target(rawName: string, qualifierParam: string | null, allowQualifier = true): Target {
    const ref = parseFunctionRef(rawName);
    if (!ref) {
      throw new ServiceError(
        "ValidationException",
        `1 validation error detected: Value '${rawName}' at 'functionName' failed to satisfy constraint: ` +
          "Member must satisfy regular expression pattern: (arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_\\.]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?",
        400,
      );
    }
    if (ref.region !== undefined && ref.region !== this.region) {
      throw notFound(`Functions from '${ref.region}' are not reachable in this region ('${this.region}')`);
    }
    if (ref.account !== undefined && ref.account !== this.ctx.accountId) {
      throw new ServiceError(
        "AccessDeniedException",
        `User is not authorized to access function ${rawName} in account ${ref.account}`,
        403,
      );
    }
    const param = qualifierParam === null || qualifierParam === "" ? undefined : qualifierParam;
    if (param !== undefined && ref.qualifier !== undefined && param !== ref.qualifier) {
      throw invalidParameter(
        "The derived qualifier from the function name does not match the specified qualifier.",
      );
    }
    const qualifier = param ?? ref.qualifier;
    if (qualifier !== undefined && !allowQualifier) {
      throw invalidParameter("Qualifiers are not supported for this operation.");
    }
    const fn = this.ctx.state.functions.find((f) => f.region === this.region && f.name === ref.name);
    if (!fn) throw notFound(`Function not found: ${this.arn(ref.name, qualifier)}`);
    if (qualifier === undefined || qualifier === "$LATEST") {
      return { fn, version: "$LATEST", ...(qualifier ? { qualifier } : {}) };
    }
    if (fn.versions.includes(qualifier)) return { fn, qualifier, version: qualifier };
    const alias = fn.aliases.find((a) => a.name === qualifier);
    if (alias) return { fn, qualifier, version: alias.version };
    throw notFound(`Function not found: ${this.arn(fn.name, qualifier)}`);
  }

  configuration(fn: EmulatedFunction, version: string, arnQualifier?: string): Record<string, unknown> {
    const acct = this.ctx.accountId;
    const codeHash = hash("code", fn.name, version).toString("base64");
    return {
      FunctionName: fn.name,
      FunctionArn: this.arn(fn.name, arnQualifier),
      Runtime: fn.runtime,
      Role: fn.role ?? `arn:${this.ctx.partition}:iam::${acct}:role/${fn.name}-role`,
      Handler: fn.handler ?? "index.handler",
      CodeSize: 200 + (hash("size", fn.name).readUInt16BE(0) % 4000),
      Description: fn.description ?? "",
      Timeout: fn.timeout ?? 3,
      MemorySize: fn.memorySize ?? 128,
      LastModified: lambdaTimestamp(fn.lastModified),
      CodeSha256: codeHash,
      Version: version,
      TracingConfig: { Mode: "PassThrough" },
      RevisionId: stableUuid("rev", acct, this.region, fn.name, version),
      PackageType: "Zip",
      Architectures: ["x86_64"],
      EphemeralStorage: { Size: 512 },
      SnapStart: { ApplyOn: "None", OptimizationStatus: "Off" },
      LoggingConfig: { LogFormat: "Text", LogGroup: `/aws/lambda/${fn.name}` },
      State: "Active",
      LastUpdateStatus: "Successful",
      RuntimeVersionConfig: {
        RuntimeVersionArn: `arn:${this.ctx.partition}:lambda:${this.region}::runtime:${hash("rt", fn.runtime).toString("hex")}`,
      },
    };
  }

  urlConfig(fn: EmulatedFunction, url: EmulatedFunction["urls"][number]): Record<string, unknown> {
    const id = functionUrlId(this.ctx.accountId, this.region, fn.name, url.qualifier);
    const created = url.creationTime ?? "2024-01-01T00:00:00.000000Z";
    return {
      FunctionUrl: `https://${id}.lambda-url.${this.region}.on.aws/`,
      FunctionArn: this.arn(fn.name, url.qualifier ?? undefined),
      AuthType: url.authType,
      ...(url.cors !== undefined ? { Cors: url.cors } : {}),
      CreationTime: created,
      LastModifiedTime: url.lastModifiedTime ?? created,
      InvokeMode: url.invokeMode ?? "BUFFERED",
    };
  }

  aliasConfig(fn: EmulatedFunction, alias: EmulatedFunction["aliases"][number]): Record<string, unknown> {
    return {
      AliasArn: this.arn(fn.name, alias.name),
      Name: alias.name,
      FunctionVersion: alias.version,
      Description: typeof alias.description === "string" ? alias.description : "",
      RevisionId: stableUuid("alias", this.ctx.accountId, this.region, fn.name, alias.name, alias.version),
    };
  }

  // ------------------------------------------------------------------------------------ operations

  listFunctions(query: URLSearchParams): unknown {
    const all = query.get("FunctionVersion");
    if (all !== null && all !== "ALL") {
      throw new ServiceError(
        "ValidationException",
        `1 validation error detected: Value '${all}' at 'functionVersion' failed to satisfy constraint: ` +
          "Member must satisfy enum value set: [ALL]",
        400,
      );
    }
    const entries: Array<{ fn: EmulatedFunction; version: string }> = [];
    for (const fn of this.functions()) {
      entries.push({ fn, version: "$LATEST" });
      if (all === "ALL") for (const v of fn.versions) entries.push({ fn, version: v });
    }
    const scope = `lambda:ListFunctions:${this.region}:${all ?? ""}`;
    const page = paginate(entries, query.get("Marker"), maxItems(query), scope, badMarker);
    return {
      Functions: page.items.map((e) =>
        this.configuration(e.fn, e.version, all === "ALL" ? e.version : undefined),
      ),
      ...(page.next ? { NextMarker: page.next } : {}),
    };
  }

  getFunction(raw: string, query: URLSearchParams): unknown {
    const t = this.target(raw, query.get("Qualifier"));
    const fn = t.fn;
    const tags =
      this.ctx.state.behaviour.getFunctionTags === "denied"
        ? {
            TagsError: {
              ErrorCode: "AccessDeniedException",
              Message:
                `User: ${this.callerArn()} is not authorized to perform: lambda:ListTags on resource: ` +
                `${this.arn(fn.name)} because no identity-based policy allows the lambda:ListTags action`,
            },
          }
        : Object.keys(fn.tags).length > 0
          ? { Tags: fn.tags }
          : {};
    const location =
      `https://awslambda-${this.region}-tasks.s3.${this.region}.amazonaws.com/snapshots/${this.ctx.accountId}/` +
      `${fn.name}-${stableUuid("code", fn.name, t.version)}?X-Amz-Security-Token=emulator`;
    return {
      Configuration: this.configuration(fn, t.version, t.qualifier),
      Code: { RepositoryType: "S3", Location: location },
      ...tags,
    };
  }

  callerArn(): string {
    return this.ctx.state.callerArn ?? `arn:${this.ctx.partition}:iam::${this.ctx.accountId}:user/emulator`;
  }

  getFunctionConfiguration(raw: string, query: URLSearchParams): unknown {
    const t = this.target(raw, query.get("Qualifier"));
    return this.configuration(t.fn, t.version, t.qualifier);
  }

  getPolicy(raw: string, query: URLSearchParams): unknown {
    const t = this.target(raw, query.get("Qualifier"));
    const key = t.qualifier === undefined || t.qualifier === "$LATEST" ? "" : t.qualifier;
    const policy = t.fn.policies[key] ?? (key === "" ? t.fn.policies["$LATEST"] : undefined);
    if (policy === undefined) throw notFound("The resource you requested does not exist.");
    const text = typeof policy === "string" ? policy : JSON.stringify(policy);
    return {
      Policy: text,
      RevisionId: stableUuid("policy", this.ctx.accountId, this.region, t.fn.name, key, text),
    };
  }

  listFunctionUrlConfigs(raw: string, query: URLSearchParams): unknown {
    const t = this.target(raw, null, false);
    const urls = [...t.fn.urls].sort((a, b) => (a.qualifier ?? "").localeCompare(b.qualifier ?? ""));
    const scope = `lambda:ListFunctionUrlConfigs:${this.region}:${t.fn.name}`;
    const page = paginate(urls, query.get("Marker"), maxItems(query), scope, badMarker);
    return {
      FunctionUrlConfigs: page.items.map((u) => this.urlConfig(t.fn, u)),
      ...(page.next ? { NextMarker: page.next } : {}),
    };
  }

  getFunctionUrlConfig(raw: string, query: URLSearchParams): unknown {
    const t = this.target(raw, query.get("Qualifier"));
    if (t.qualifier !== undefined && t.fn.versions.includes(t.qualifier)) {
      throw invalidParameter("Function URL configurations can only be accessed for an alias or $LATEST.");
    }
    const wanted = t.qualifier === undefined || t.qualifier === "$LATEST" ? null : t.qualifier;
    const url = t.fn.urls.find((u) => (u.qualifier ?? null) === wanted);
    if (!url) throw notFound("The resource you requested does not exist.");
    return this.urlConfig(t.fn, url);
  }

  listAliases(raw: string, query: URLSearchParams): unknown {
    const t = this.target(raw, null, false);
    const version = query.get("FunctionVersion");
    const aliases = t.fn.aliases
      .filter((a) => version === null || version === "" || a.version === version)
      .sort((a, b) => a.name.localeCompare(b.name));
    const scope = `lambda:ListAliases:${this.region}:${t.fn.name}:${version ?? ""}`;
    const page = paginate(aliases, query.get("Marker"), maxItems(query), scope, badMarker);
    return {
      Aliases: page.items.map((a) => this.aliasConfig(t.fn, a)),
      ...(page.next ? { NextMarker: page.next } : {}),
    };
  }

  getAlias(raw: string, name: string): unknown {
    const t = this.target(raw, null, false);
    const alias = t.fn.aliases.find((a) => a.name === name);
    if (!alias) throw notFound(`Cannot find alias arn: ${this.arn(t.fn.name, name)}`);
    return this.aliasConfig(t.fn, alias);
  }

  listVersionsByFunction(raw: string, query: URLSearchParams): unknown {
    const t = this.target(raw, null, false);
    const versions = ["$LATEST", ...[...t.fn.versions].sort((a, b) => Number(a) - Number(b))];
    const scope = `lambda:ListVersionsByFunction:${this.region}:${t.fn.name}`;
    const page = paginate(versions, query.get("Marker"), maxItems(query), scope, badMarker);
    return {
      Versions: page.items.map((v) => this.configuration(t.fn, v, v)),
      ...(page.next ? { NextMarker: page.next } : {}),
    };
  }

  listTags(rawArn: string): unknown {
    const m = FULL_ARN.exec(rawArn);
    if (!m) {
      throw new ServiceError(
        "ValidationException",
        `1 validation error detected: Value '${rawArn}' at 'resource' failed to satisfy constraint: ` +
          "Member must satisfy regular expression pattern: arn:(aws[a-zA-Z-]*):lambda:[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:\\d{12}:(function:[a-zA-Z0-9-_]+(:(\\$LATEST|[a-zA-Z0-9-_]+))?|layer:[a-zA-Z0-9-_]+)",
        400,
      );
    }
    const t = this.target(rawArn, null);
    return { Tags: t.fn.tags };
  }
}

interface Route {
  name: string;
  /** Path after the API date, as segments; `{F}` = FunctionName, `{A}` = alias name, `{R}` = resource ARN. */
  date: string;
  pattern: string[];
  run(api: LambdaApi, params: Record<string, string>, query: URLSearchParams): unknown;
}

const ROUTES: Route[] = [
  {
    name: "ListFunctions",
    date: "2015-03-31",
    pattern: ["functions"],
    run: (a, _p, q) => a.listFunctions(q),
  },
  {
    name: "GetFunction",
    date: "2015-03-31",
    pattern: ["functions", "{F}"],
    run: (a, p, q) => a.getFunction(p.F!, q),
  },
  {
    name: "GetFunctionConfiguration",
    date: "2015-03-31",
    pattern: ["functions", "{F}", "configuration"],
    run: (a, p, q) => a.getFunctionConfiguration(p.F!, q),
  },
  {
    name: "GetPolicy",
    date: "2015-03-31",
    pattern: ["functions", "{F}", "policy"],
    run: (a, p, q) => a.getPolicy(p.F!, q),
  },
  {
    name: "ListAliases",
    date: "2015-03-31",
    pattern: ["functions", "{F}", "aliases"],
    run: (a, p, q) => a.listAliases(p.F!, q),
  },
  {
    name: "GetAlias",
    date: "2015-03-31",
    pattern: ["functions", "{F}", "aliases", "{A}"],
    run: (a, p) => a.getAlias(p.F!, p.A!),
  },
  {
    name: "ListVersionsByFunction",
    date: "2015-03-31",
    pattern: ["functions", "{F}", "versions"],
    run: (a, p, q) => a.listVersionsByFunction(p.F!, q),
  },
  {
    name: "ListFunctionUrlConfigs",
    date: "2021-10-31",
    pattern: ["functions", "{F}", "urls"],
    run: (a, p, q) => a.listFunctionUrlConfigs(p.F!, q),
  },
  {
    name: "GetFunctionUrlConfig",
    date: "2021-10-31",
    pattern: ["functions", "{F}", "url"],
    run: (a, p, q) => a.getFunctionUrlConfig(p.F!, q),
  },
  { name: "ListTags", date: "2017-03-31", pattern: ["tags", "{R}"], run: (a, p) => a.listTags(p.R!) },
];

function bucketOf(op: string): string {
  if (op === "GetPolicy") return "lambda:GetPolicy";
  if (op === "GetFunction") return "lambda:GetFunction";
  return "lambda:control-plane";
}

function match(req: EmulatorRequest): { route: Route; params: Record<string, string> } | undefined {
  const segments = req.path.split("/").slice(1);
  if (segments.length > 1 && segments.at(-1) === "") segments.pop(); // trailing slash
  const [date, ...rest] = segments;
  for (const route of ROUTES) {
    if (route.date !== date || route.pattern.length !== rest.length) continue;
    const params: Record<string, string> = {};
    let ok = true;
    route.pattern.forEach((p, i) => {
      const seg = rest[i] ?? "";
      if (p.startsWith("{")) {
        if (seg === "") ok = false;
        params[p.slice(1, -1)] = seg;
      } else if (p !== seg) ok = false;
    });
    if (ok) return { route, params };
  }
  return undefined;
}

export const lambdaService: ServiceModule = {
  services: ["lambda"],
  protocol: "rest-json",
  resolve(req: EmulatorRequest): ResolvedOperation {
    const m = req.method === "GET" ? match(req) : undefined;
    if (!m) {
      throw new ServiceError(
        "UnknownOperationException",
        `The emulator does not implement ${req.method} ${req.path} for Lambda.`,
        404,
      );
    }
    const params: Record<string, string> = {};
    for (const [k, v] of Object.entries(m.params)) params[k] = decodeSegment(v);
    const target = params.F ?? params.R;
    const functionName = target !== undefined ? parseFunctionRef(target)?.name : undefined;
    return {
      name: m.route.name,
      bucket: bucketOf(m.route.name),
      ...(functionName !== undefined ? { functionName } : {}),
      handle: (ctx) => restJsonResult(m.route.run(new LambdaApi(ctx, req.region), params, req.query)),
    };
  },
  renderError: (err: ServiceError): EmulatorResponse => restJsonError(err),
  standardError(kind, info) {
    if (kind === "Throttling") {
      return new ServiceError("TooManyRequestsException", "Rate exceeded", 429, {
        retryAfterSeconds: info.retryAfterSeconds ?? 1,
        fields: { Reason: "CallerRateLimitExceeded" },
      });
    }
    return undefined;
  },
};
