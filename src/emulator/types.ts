import type { IncomingHttpHeaders } from "node:http";
import type { EmulatorState } from "./state.js";

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
    readonly extra: { retryAfterSeconds?: number; type?: "Sender" | "Receiver" } = {},
  ) {
    super(message);
  }
}

export interface ServiceContext {
  state: EmulatorState;
  accountId: string;
  partition: string;
  now(): Date;
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
}
