/**
 * Wire-protocol helpers shared by the emulated services: REST-JSON and JSON 1.1 bodies and errors, Query/XML
 * (IAM, STS) and EC2 Query results and errors, request parameter parsing and opaque pagination tokens.
 */
import type {
  EmulatorRequest,
  EmulatorResponse,
  StandardErrorInfo,
  StandardErrorKind,
  WireProtocol,
} from "./types.js";
import { ServiceError } from "./types.js";

// ---------------------------------------------------------------------------------------------- JSON

/** A REST-JSON (Lambda, Account) success body. */
export function restJsonResult(body: unknown, status = 200): EmulatorResponse {
  return {
    status,
    headers: { "content-type": "application/json" },
    body: body === undefined ? "" : JSON.stringify(body),
  };
}

/**
 * A REST-JSON error the way Lambda sends it: `x-amzn-ErrorType` header and `{"Type":"User","message":…}`
 * (Type "Service" for 5xx), plus any extra members (`Reason`) and `Retry-After` when set.
 */
export function restJsonError(err: ServiceError): EmulatorResponse {
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "x-amzn-errortype": err.code,
  };
  if (err.extra.retryAfterSeconds !== undefined) headers["retry-after"] = String(err.extra.retryAfterSeconds);
  const body = {
    Type: err.status >= 500 ? "Service" : "User",
    ...err.extra.fields,
    message: err.message,
  };
  return { status: err.status, headers, body: JSON.stringify(body) };
}

/** A JSON 1.1 (CloudTrail) success body. */
export function json11Result(body: unknown, status = 200): EmulatorResponse {
  return {
    status,
    headers: { "content-type": "application/x-amz-json-1.1" },
    body: JSON.stringify(body ?? {}),
  };
}

/** A JSON 1.1 error: `{"__type": code, "message": …}` and the `x-amzn-ErrorType` header. */
export function json11Error(err: ServiceError): EmulatorResponse {
  const headers: Record<string, string> = {
    "content-type": "application/x-amz-json-1.1",
    "x-amzn-errortype": err.code,
  };
  if (err.extra.retryAfterSeconds !== undefined) headers["retry-after"] = String(err.extra.retryAfterSeconds);
  return {
    status: err.status,
    headers,
    body: JSON.stringify({ __type: err.code, ...err.extra.fields, message: err.message }),
  };
}

/** Parse a JSON request body; an empty body is `{}`. Bad JSON → SerializationException (400). */
export function parseJsonBody(req: EmulatorRequest): Record<string, unknown> {
  const text = req.body.toString("utf8").trim();
  if (text === "") return {};
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new ServiceError("SerializationException", "The request body is not a JSON object.", 400);
}

// ----------------------------------------------------------------------------------------------- XML

export function xmlEscape(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/**
 * Render a value as XML children: object keys become elements (undefined/null members are left out),
 * arrays become repeated `<member>` (Query) or `<item>` (EC2) elements, Dates ISO 8601, the rest text.
 */
export function toXml(value: unknown, listItem = "member"): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) {
    return value.map((v) => `<${listItem}>${toXml(v, listItem)}</${listItem}>`).join("");
  }
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") {
    return Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined && v !== null)
      .map(([k, v]) => `<${k}>${toXml(v, listItem)}</${k}>`)
      .join("");
  }
  return xmlEscape(String(value));
}

const XML_HEADERS = { "content-type": "text/xml" };

/**
 * A Query (IAM, STS) success response:
 * `<ActionResponse xmlns=…><ActionResult>…</ActionResult><ResponseMetadata><RequestId>`.
 */
export function queryResult(
  action: string,
  result: Record<string, unknown> | undefined,
  namespace: string,
  req: EmulatorRequest,
): EmulatorResponse {
  const inner = result === undefined ? "" : `<${action}Result>${toXml(result)}</${action}Result>`;
  const body =
    `<${action}Response xmlns="${xmlEscape(namespace)}">${inner}` +
    `<ResponseMetadata><RequestId>${xmlEscape(req.requestId ?? "")}</RequestId></ResponseMetadata>` +
    `</${action}Response>`;
  return { status: 200, headers: { ...XML_HEADERS }, body };
}

/** A Query (IAM, STS) error: `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/>`. */
export function queryError(err: ServiceError, namespace: string, req: EmulatorRequest): EmulatorResponse {
  const type = err.extra.type ?? (err.status >= 500 ? "Receiver" : "Sender");
  const body =
    `<ErrorResponse xmlns="${xmlEscape(namespace)}"><Error><Type>${type}</Type>` +
    `<Code>${xmlEscape(err.code)}</Code><Message>${xmlEscape(err.message)}</Message></Error>` +
    `<RequestId>${xmlEscape(req.requestId ?? "")}</RequestId></ErrorResponse>`;
  const headers: Record<string, string> = { ...XML_HEADERS };
  if (err.extra.retryAfterSeconds !== undefined) headers["retry-after"] = String(err.extra.retryAfterSeconds);
  return { status: err.status, headers, body };
}

/** An EC2 Query success response: `<ActionResponse xmlns=…><requestId/>…` with `<item>` lists. */
export function ec2Result(
  action: string,
  result: Record<string, unknown>,
  namespace: string,
  req: EmulatorRequest,
): EmulatorResponse {
  const body =
    `<${action}Response xmlns="${xmlEscape(namespace)}">` +
    `<requestId>${xmlEscape(req.requestId ?? "")}</requestId>${toXml(result, "item")}</${action}Response>`;
  return { status: 200, headers: { ...XML_HEADERS }, body };
}

/** An EC2 error: `<Response><Errors><Error><Code/><Message/></Error></Errors><RequestID/></Response>`. */
export function ec2Error(err: ServiceError, req: EmulatorRequest): EmulatorResponse {
  const body =
    `<Response><Errors><Error><Code>${xmlEscape(err.code)}</Code><Message>${xmlEscape(err.message)}</Message>` +
    `</Error></Errors><RequestID>${xmlEscape(req.requestId ?? "")}</RequestID></Response>`;
  return { status: err.status, headers: { ...XML_HEADERS }, body };
}

/** Query parameters of a Query/EC2 request: the URL query merged with a form-encoded body. */
export function queryParams(req: EmulatorRequest): URLSearchParams {
  const params = new URLSearchParams(req.query);
  const text = req.body.toString("utf8");
  if (text.trim() !== "") {
    for (const [k, v] of new URLSearchParams(text)) params.append(k, v);
  }
  return params;
}

/** A Query list parameter `Prefix.member.1`, `Prefix.member.2`… (or `Prefix.1`… with `infix` ""). */
export function queryList(params: URLSearchParams, prefix: string, infix = "member"): string[] {
  const out: string[] = [];
  const head = infix === "" ? `${prefix}.` : `${prefix}.${infix}.`;
  for (let i = 1; ; i++) {
    const v = params.get(`${head}${i}`);
    if (v === null) break;
    out.push(v);
  }
  return out;
}

// ------------------------------------------------------------------------------------- standard errors

/**
 * The error AWS sends for `kind` in each protocol family: Lambda/Account (REST-JSON), CloudTrail (JSON 1.1),
 * IAM/STS (Query), EC2. Modules refine it with `ServiceModule.standardError`.
 */
export function standardError(
  protocol: WireProtocol,
  kind: StandardErrorKind,
  info: StandardErrorInfo,
): ServiceError {
  const denied =
    `User: ${info.callerArn} is not authorized to perform: ${info.action} on resource: ${info.resource} ` +
    `because no identity-based policy allows the ${info.action} action`;
  const retry = info.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: info.retryAfterSeconds };
  switch (kind) {
    case "Throttling":
      if (protocol === "rest-json")
        return new ServiceError("TooManyRequestsException", "Rate exceeded", 429, retry);
      if (protocol === "json-1.1")
        return new ServiceError("ThrottlingException", "Rate exceeded", 400, retry);
      if (protocol === "query") return new ServiceError("Throttling", "Rate exceeded", 400, retry);
      return new ServiceError("RequestLimitExceeded", "Request limit exceeded.", 503, retry);
    case "AccessDenied":
      if (protocol === "query") return new ServiceError("AccessDenied", denied, 403);
      if (protocol === "ec2-query") {
        return new ServiceError(
          "UnauthorizedOperation",
          "You are not authorized to perform this operation.",
          403,
        );
      }
      return new ServiceError("AccessDeniedException", denied, protocol === "json-1.1" ? 400 : 403);
    case "ResourceNotFound":
      if (protocol === "query") return new ServiceError("NoSuchEntity", "The resource does not exist.", 404);
      if (protocol === "ec2-query")
        return new ServiceError("InvalidParameterValue", "Resource not found.", 400);
      return new ServiceError(
        "ResourceNotFoundException",
        "The resource you requested does not exist.",
        protocol === "json-1.1" ? 400 : 404,
      );
    case "ServiceException":
      if (protocol === "query") return new ServiceError("ServiceFailure", "Internal failure.", 500);
      if (protocol === "ec2-query") {
        return new ServiceError("InternalError", "An internal error has occurred.", 500);
      }
      if (protocol === "json-1.1") return new ServiceError("InternalFailure", "Internal failure.", 500);
      return new ServiceError("ServiceException", "An internal error occurred.", 500);
    case "ServiceUnavailable":
      if (protocol === "ec2-query") {
        return new ServiceError("Unavailable", "The server is overloaded and can't handle the request.", 503);
      }
      return new ServiceError(
        protocol === "query" ? "ServiceUnavailable" : "ServiceUnavailableException",
        "Service is unavailable.",
        503,
      );
    case "UnrecognizedClient":
      if (protocol === "query") {
        return new ServiceError(
          "InvalidClientTokenId",
          "The security token included in the request is invalid.",
          403,
        );
      }
      if (protocol === "ec2-query") {
        return new ServiceError(
          "AuthFailure",
          "AWS was not able to validate the provided access credentials",
          401,
        );
      }
      return new ServiceError(
        "UnrecognizedClientException",
        "The security token included in the request is invalid.",
        403,
      );
    case "ExpiredToken":
      return protocol === "query" || protocol === "ec2-query"
        ? new ServiceError("ExpiredToken", "The security token included in the request is expired", 403)
        : new ServiceError(
            "ExpiredTokenException",
            "The security token included in the request is expired",
            403,
          );
    case "InternalError":
      return standardError(protocol, "ServiceException", info);
  }
}

/** A body that no client can parse, for the `malformed` fault. */
export function malformedBody(protocol: WireProtocol): EmulatorResponse {
  if (protocol === "query" || protocol === "ec2-query") {
    return { status: 200, headers: { ...XML_HEADERS }, body: "<Response><Unterminated attr=" };
  }
  const type = protocol === "json-1.1" ? "application/x-amz-json-1.1" : "application/json";
  return { status: 200, headers: { "content-type": type }, body: '{"truncated": [{"Functio' };
}

/** The error renderer of a protocol (for modules that need no customisation). */
export function renderProtocolError(
  protocol: WireProtocol,
  err: ServiceError,
  req: EmulatorRequest,
  namespace = "",
): EmulatorResponse {
  switch (protocol) {
    case "rest-json":
      return restJsonError(err);
    case "json-1.1":
      return json11Error(err);
    case "query":
      return queryError(err, namespace, req);
    case "ec2-query":
      return ec2Error(err, req);
  }
}

// ---------------------------------------------------------------------------------------- pagination

export interface Page<T> {
  items: T[];
  /** Opaque token for the next page; undefined on the last page. */
  next?: string;
}

/**
 * Offset pagination behind an opaque token (base64 JSON naming the listing `scope`, so a token from one
 * listing is refused by another). `invalid` builds the service's error for a bad token.
 */
export function paginate<T>(
  items: readonly T[],
  token: string | null | undefined,
  limit: number,
  scope: string,
  invalid: () => ServiceError,
): Page<T> {
  let offset = 0;
  if (token !== null && token !== undefined && token !== "") {
    let parsed: unknown;
    try {
      parsed = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
    } catch {
      throw invalid();
    }
    const p = parsed as { s?: unknown; o?: unknown } | null;
    if (!p || p.s !== scope || typeof p.o !== "number" || !Number.isInteger(p.o) || p.o < 0) throw invalid();
    offset = p.o;
  }
  const page = items.slice(offset, offset + limit);
  const end = offset + page.length;
  if (end >= items.length) return { items: page };
  return { items: page, next: Buffer.from(JSON.stringify({ s: scope, o: end })).toString("base64url") };
}
