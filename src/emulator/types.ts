import type { IncomingHttpHeaders } from "node:http";
import type { EmulatorState, Fault } from "./state.js";

/** A request after SigV4 routing: the credential scope names the region and the service. */
export interface EmulatorRequest {
  method: string;
  /** Path without the query string, percent-decoding left to the service. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
  region: string;
  service: string;
  /** The x-amzn-RequestId the core sends back (Query/XML bodies repeat it). Set by the server core. */
  requestId?: string;
}

export interface EmulatorResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** An AWS error to be rendered in the service's own wire shape. */
export class ServiceError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    readonly extra: {
      retryAfterSeconds?: number;
      type?: "Sender" | "Receiver";
      /** Extra members of the error body (REST-JSON/JSON 1.1), e.g. Lambda's `Reason`. */
      fields?: Record<string, unknown>;
    } = {},
  ) {
    super(message);
  }
}

export interface ServiceContext {
  /** The account the request is served from (a member's state for AssumeRole credentials). */
  state: EmulatorState;
  /** The whole state file (organization, every account); `state` unless a member serves the request. */
  root?: EmulatorState;
  accountId: string;
  partition: string;
  now(): Date;
  /** Faults of a kind the module declared in `customFaults` (e.g. IAM's "shortPage") that fired for this
   * request; the module applies them itself. */
  activeFaults?: Fault[];
}

export interface ResolvedOperation {
  /** AWS operation name, e.g. "ListFunctions", "LookupEvents". Used for faults and quotas. */
  name: string;
  /** Quota bucket: "lambda:control-plane", "lambda:GetPolicy", "lambda:GetFunction",
   * "cloudtrail:LookupEvents", "iam", "sts", "account", "ec2". */
  bucket: string;
  /** Function name the request targets, when there is one (for function-scoped faults). */
  functionName?: string;
  handle(ctx: ServiceContext): Promise<EmulatorResponse> | EmulatorResponse;
}

/** One AWS service's wire protocol. The server core does routing, quotas, latency and faults. */
export interface ServiceModule {
  /** SigV4 signing name(s): "lambda", "cloudtrail", "iam", "sts", "account", "ec2". */
  services: string[];
  /** Global services (IAM, STS, Account) meter quotas per account, not per region. */
  global?: boolean;
  /** Identify the operation, or throw ServiceError for unknown ones. */
  resolve(req: EmulatorRequest): ResolvedOperation;
  /** Render an error in this service's wire shape (REST-JSON, JSON 1.1, Query/XML). */
  renderError(err: ServiceError, req: EmulatorRequest): EmulatorResponse;
  /** The wire protocol: picks the real throttling/denial/fault error codes the core sends (protocol.ts
   * `standardError`). Default "json-1.1". */
  protocol?: WireProtocol;
  /** Override the core's standard errors for this service (e.g. Lambda's throttling `Reason`). Return
   * undefined to keep the protocol default. */
  standardError?(kind: StandardErrorKind, info: StandardErrorInfo): ServiceError | undefined;
  /** A body that does not parse, for the `malformed` fault. Default: by protocol. */
  malformedBody?(): EmulatorResponse;
  /** Fault kinds this module applies itself (seen in `ServiceContext.activeFaults`), e.g. ["shortPage"]. */
  customFaults?: string[];
}

export type WireProtocol = "rest-json" | "json-1.1" | "query" | "ec2-query";

/** Errors the server core raises on a service's behalf (routing, quotas, injected faults). */
export type StandardErrorKind =
  | "Throttling"
  | "AccessDenied"
  | "ResourceNotFound"
  | "ServiceException"
  | "ServiceUnavailable"
  | "UnrecognizedClient"
  | "ExpiredToken"
  | "InternalError";

export interface StandardErrorInfo {
  /** "lambda:GetPolicy" style action name. */
  action: string;
  /** The caller's ARN (state.callerArn or the default). */
  callerArn: string;
  /** The resource ARN when known, else "*". */
  resource: string;
  retryAfterSeconds?: number;
}
