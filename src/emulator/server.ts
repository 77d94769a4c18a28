/**
 * The emulator's HTTP core: SigV4 routing to a ServiceModule, region checks, quotas (token buckets), injected
 * faults, latency and statistics. The modules only speak their wire protocol.
 */
import http from "node:http";
import type { IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { DOCUMENTED_QUOTAS } from "../aws/quotas.js";
import { sessionExpired, stateForAccessKey } from "./accounts.js";
import { FaultSampler, CORE_FAULTS, deleteFunction, wrongProtocolBody } from "./faults.js";
import { json11Error, malformedBody, queryError, restJsonError, standardError } from "./protocol.js";
import { credentialScope } from "./sigv4.js";
import type { EmulatorState, Fault } from "./state.js";
import { Throttler, type QuotaValue } from "./throttle.js";
import type {
  EmulatorRequest,
  EmulatorResponse,
  ServiceContext,
  ServiceModule,
  StandardErrorInfo,
  StandardErrorKind,
} from "./types.js";
import { ServiceError } from "./types.js";

export interface EmulatorOptions {
  /** 0 (default) = a random free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Wall clock for timestamps the services make up. */
  now?: () => Date;
  /** One line per request. */
  log?: (line: string) => void;
}

export interface EmulatorStats {
  /** Requests by "service:Operation" (throttled and faulted ones included). */
  requests: Record<string, number>;
  /** Throttled requests by "service:Operation". */
  throttled: Record<string, number>;
  /** Injected faults that fired. */
  faults: number;
}

export interface EmulatorHandle {
  /** e.g. http://127.0.0.1:43123 — pass as the SDK's `endpoint` or the CLI's `--endpoint-url`. */
  url: string;
  port: number;
  close(): Promise<void>;
  stats(): EmulatorStats;
  /** The live state: changes (quotas, faults, functions) apply to the next request. */
  state: EmulatorState;
}

type Outcome =
  | { response: EmulatorResponse; label: string }
  | { reset: true; label: string }
  | { hang: true; label: string };

function firstHeader(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** What AWS answers an unsigned request, in the shape the request's protocol suggests. */
function unsigned(headers: IncomingHttpHeaders, query: URLSearchParams, body: Buffer): EmulatorResponse {
  const hasAuth = firstHeader(headers, "authorization") !== undefined;
  const [code, message] = hasAuth
    ? [
        "IncompleteSignature",
        "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' " +
          "parameter. Authorization header requires 'SignedHeaders' parameter.",
      ]
    : ["MissingAuthenticationToken", "Missing Authentication Token"];
  const fake: EmulatorRequest = {
    method: "",
    path: "",
    query,
    headers,
    body,
    region: "",
    service: "",
    requestId: randomUUID(),
  };
  const contentType = firstHeader(headers, "content-type") ?? "";
  const isQuery =
    query.has("Action") ||
    (contentType.includes("x-www-form-urlencoded") && /(^|&)Action=/.test(body.toString("utf8")));
  if (isQuery) return queryError(new ServiceError(code, message, 403), "", fake);
  const err = new ServiceError(`${code}Exception`, message, 403);
  if (firstHeader(headers, "x-amz-target") !== undefined) return json11Error(err);
  const rendered = restJsonError(err);
  return { ...rendered, body: JSON.stringify({ message }) };
}

export async function startServer(
  state: EmulatorState,
  modules: readonly ServiceModule[],
  opts: EmulatorOptions = {},
): Promise<EmulatorHandle> {
  const bySigningName = new Map<string, ServiceModule>();
  for (const m of modules) for (const s of m.services) bySigningName.set(s, m);

  const now = opts.now ?? (() => new Date());
  const root = state;
  const stats: EmulatorStats = { requests: {}, throttled: {}, faults: 0 };
  const throttler = new Throttler(() => performance.now());
  const sampler = new FaultSampler(() => state.behaviour.seed ?? 0);
  const bump = (rec: Record<string, number>, key: string) => {
    rec[key] = (rec[key] ?? 0) + 1;
  };

  // Quotas are per account: each account's own `behaviour.quotas` and its own buckets.
  const quotaFor = (bucket: string, account: EmulatorState): QuotaValue => {
    const quotas = account.behaviour.quotas;
    if (quotas === "unlimited") return "unlimited";
    const documented = DOCUMENTED_QUOTAS as Record<string, number>;
    const service = bucket.split(":")[0] ?? bucket;
    return quotas[bucket] ?? documented[bucket] ?? quotas[service] ?? documented[service] ?? "unlimited";
  };

  // `state` here is the account the request is served from (accounts.ts), shadowing the root state.
  async function dispatch(
    mod: ServiceModule,
    req: EmulatorRequest,
    state: EmulatorState,
    expired = false,
  ): Promise<Outcome> {
    const protocol = mod.protocol ?? "json-1.1";
    const render = (err: ServiceError) => mod.renderError(err, req);
    const callerArn = state.callerArn ?? `arn:${state.partition}:iam::${state.accountId}:user/emulator`;
    const std = (kind: StandardErrorKind, info: StandardErrorInfo) =>
      mod.standardError?.(kind, info) ?? standardError(protocol, kind, info);
    let label = `${req.service}:?`;

    const enabled = state.regions.includes(req.region) && !state.disabledRegions.includes(req.region);
    if (!mod.global && !enabled) {
      const info = { action: `${req.service}:*`, callerArn, resource: "*" };
      return { label, response: render(std("UnrecognizedClient", info)) };
    }

    let op;
    try {
      op = mod.resolve(req);
    } catch (err) {
      if (err instanceof ServiceError) return { label, response: render(err) };
      throw err;
    }
    label = `${req.service}:${op.name}`;
    bump(stats.requests, label);
    const info: StandardErrorInfo = {
      action: `${req.service}:${op.name}`,
      callerArn,
      resource:
        op.functionName !== undefined
          ? `arn:${state.partition}:lambda:${req.region}:${state.accountId}:function:${op.functionName}`
          : "*",
    };
    // An assumed role's session that has ended: refused before quotas, faults or the operation.
    if (expired) return { label, response: render(std("ExpiredToken", info)) };

    const scope = `${state.accountId}/${mod.global ? "account" : req.region}`;
    const wait = throttler.take(scope, op.bucket, quotaFor(op.bucket, state));
    if (wait > 0) {
      bump(stats.throttled, label);
      const retryAfterSeconds = Math.max(1, Math.ceil(wait / 1000));
      return { label, response: render(std("Throttling", { ...info, retryAfterSeconds })) };
    }

    const fired = sampler.select(state.behaviour.faults, {
      region: req.region,
      service: req.service,
      operation: op.name,
      ...(op.functionName !== undefined ? { functionName: op.functionName } : {}),
    });
    const custom: Fault[] = [];
    for (const f of fired) {
      stats.faults++;
      if (mod.customFaults?.includes(f.error) && !CORE_FAULTS.has(f.error)) {
        custom.push(f);
        continue;
      }
      switch (f.error) {
        case "reset":
          return { label, reset: true };
        case "hang":
          return { label, hang: true };
        case "wrongProtocol":
          return { label, response: wrongProtocolBody() };
        case "latency":
          await new Promise((r) => setTimeout(r, f.latencyMs ?? 0));
          continue;
        case "deleteFunction":
          deleteFunction(state, req.region, op.functionName);
          continue;
        case "malformed":
          return { label, response: mod.malformedBody?.() ?? malformedBody(protocol) };
        case "AccessDeniedException":
          return { label, response: render(std("AccessDenied", info)) };
        case "ResourceNotFoundException":
          return { label, response: render(std("ResourceNotFound", info)) };
        case "ServiceException":
          return { label, response: render(std("ServiceException", info)) };
        case "ServiceUnavailable":
          return { label, response: render(std("ServiceUnavailable", info)) };
        case "Throttling":
          bump(stats.throttled, label);
          return {
            label,
            response: render(std("Throttling", { ...info, retryAfterSeconds: f.retryAfterSeconds ?? 1 })),
          };
        default:
          return { label, response: render(new ServiceError(f.error, `Injected fault: ${f.error}`, 400)) };
      }
    }

    const ctx: ServiceContext = {
      state,
      root,
      accountId: state.accountId,
      partition: state.partition,
      now,
      ...(custom.length > 0 ? { activeFaults: custom } : {}),
    };
    try {
      return { label, response: await op.handle(ctx) };
    } catch (err) {
      if (err instanceof ServiceError) return { label, response: render(err) };
      opts.log?.(
        `internal error in ${label}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
      );
      return { label, response: render(std("InternalError", info)) };
    }
  }

  async function onRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const url = new URL(req.url ?? "/", "http://emulator.invalid");
    const requestId = randomUUID();
    const scope = credentialScope(req.headers, url.searchParams);

    let outcome: Outcome;
    if (!scope) {
      outcome = { label: "unsigned", response: unsigned(req.headers, url.searchParams, body) };
    } else {
      const mod = bySigningName.get(scope.service);
      if (!mod) {
        const err = new ServiceError(
          "UnknownServiceException",
          `The emulator does not serve the service "${scope.service}" (from the SigV4 credential scope).`,
          400,
        );
        outcome = { label: `${scope.service}:?`, response: restJsonError(err) };
      } else {
        outcome = await dispatch(
          mod,
          {
            method: req.method ?? "GET",
            path: url.pathname,
            query: url.searchParams,
            headers: req.headers,
            body,
            region: scope.region,
            service: scope.service,
            requestId,
          },
          stateForAccessKey(root, scope.accessKeyId),
          sessionExpired(root, scope.accessKeyId, now()),
        );
      }
    }

    const latency = state.behaviour.latencyMs;
    if (latency > 0) await new Promise((r) => setTimeout(r, latency));

    if ("hang" in outcome) {
      // Accepted and never answered: the socket stays open until the client gives up or the emulator closes.
      opts.log?.(`${req.method} ${url.pathname} ${outcome.label} hang`);
      return;
    }
    if ("reset" in outcome) {
      opts.log?.(`${req.method} ${url.pathname} ${outcome.label} reset`);
      req.socket.destroy();
      return;
    }
    const { response } = outcome;
    const payload =
      response.body === undefined
        ? Buffer.alloc(0)
        : Buffer.isBuffer(response.body)
          ? response.body
          : Buffer.from(response.body, "utf8");
    opts.log?.(`${req.method} ${url.pathname} ${outcome.label} ${response.status}`);
    res.writeHead(response.status, {
      ...response.headers,
      "x-amzn-requestid": requestId,
      "content-length": String(payload.length),
    });
    res.end(payload);
  }

  const server = http.createServer((req, res) => {
    onRequest(req, res).catch((err: unknown) => {
      opts.log?.(`emulator failure: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      if (!res.headersSent) {
        res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ message: "emulator failure" }));
      } else {
        res.destroy();
      }
    });
  });

  const host = opts.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(":") ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${port}`,
    port,
    state,
    stats: () => ({
      requests: { ...stats.requests },
      throttled: { ...stats.throttled },
      faults: stats.faults,
    }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
