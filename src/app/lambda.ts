import { createHmac, timingSafeEqual } from "node:crypto";
import { Probot, type ApplicationFunction } from "probot";
import { baseUrlFromEnv, privateKeyFromEnv, requiredEnv } from "./env.js";
import lambdaGuardApp from "./index.js";

/** Lambda function URL and API Gateway HTTP API (payload 2.0) events; REST API (1.0) has the same fields. */
export interface LambdaHttpEvent {
  body?: string | null;
  isBase64Encoded?: boolean;
  headers?: Record<string, string | undefined> | null;
  requestContext?: { http?: { method?: string } } | null;
  httpMethod?: string;
}

export interface LambdaHttpResult {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

/** GitHub caps webhook payloads at 25 MB. */
const MAX_BODY_BYTES = 25 * 1024 * 1024;

function reply(statusCode: number, message: string): LambdaHttpResult {
  return { statusCode, headers: { "content-type": "text/plain; charset=utf-8" }, body: `${message}\n` };
}

/** `x-hub-signature-256: sha256=<hex>` over the raw body, compared in constant time. */
export function verifySignature(secret: string, rawBody: Buffer, header: string | undefined): boolean {
  if (!header || !/^sha256=[0-9a-f]{64}$/i.test(header)) return false;
  const expected = createHmac("sha256", secret).update(rawBody).digest();
  const given = Buffer.from(header.slice(7), "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export interface LambdaHandlerOptions {
  /** The Probot instance (or a promise of it) the verified events go to. */
  probot: () => Promise<Probot>;
  secret: () => string;
}

/**
 * An ESM handler for a Lambda function URL or API Gateway: verifies the signature on the raw body
 * (401 when it does not match), then hands the event to Probot and answers when it is handled, so
 * the work is not frozen with the execution environment. GitHub stops waiting after 10 s (the
 * delivery shows a timeout) but the invocation runs to completion within the function's timeout.
 */
export function createLambdaHandler(
  opts: LambdaHandlerOptions,
): (event: LambdaHttpEvent) => Promise<LambdaHttpResult> {
  return async (event) => {
    const method = event.requestContext?.http?.method ?? event.httpMethod ?? "POST";
    if (method !== "POST") return reply(405, "method not allowed");
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(event.headers ?? {}))
      if (typeof v === "string") headers[k.toLowerCase()] = v;
    const body = event.body ?? "";
    if (body.length > MAX_BODY_BYTES * 1.4) return reply(413, "payload too large");
    const raw = Buffer.from(body, event.isBase64Encoded ? "base64" : "utf8");
    if (raw.length > MAX_BODY_BYTES) return reply(413, "payload too large");
    if (!verifySignature(opts.secret(), raw, headers["x-hub-signature-256"])) {
      return reply(401, "signature does not match");
    }
    const id = headers["x-github-delivery"];
    const name = headers["x-github-event"];
    if (!id || !name || !/^[a-z_]{1,64}$/.test(name))
      return reply(400, "missing x-github-delivery or x-github-event");
    let payload: unknown;
    try {
      payload = JSON.parse(raw.toString("utf8"));
    } catch {
      return reply(400, "body is not JSON");
    }
    const probot = await opts.probot();
    try {
      await probot.receive({ id, name, payload } as Parameters<Probot["receive"]>[0]);
    } catch (err) {
      probot.log.error({ err, id, name }, "webhook handler failed");
      return reply(500, "handler failed; redeliver from the app's advanced settings");
    }
    return reply(200, "ok");
  };
}

let instance: Promise<Probot> | null = null;

/** One Probot per execution environment, created on the first event (cold start). */
export function probotFromEnv(appFn: ApplicationFunction = lambdaGuardApp): Promise<Probot> {
  instance ??= (async () => {
    const probot = new Probot({
      appId: requiredEnv("APP_ID"),
      privateKey: privateKeyFromEnv(),
      secret: requiredEnv("WEBHOOK_SECRET"),
      baseUrl: baseUrlFromEnv(),
      logLevel: (process.env.LOG_LEVEL as "info" | undefined) ?? "info",
      logFormat: "json",
    });
    await probot.load(appFn);
    return probot;
  })().catch((err: unknown) => {
    instance = null;
    throw err;
  });
  return instance;
}

export const handler = createLambdaHandler({
  probot: () => probotFromEnv(),
  secret: () => requiredEnv("WEBHOOK_SECRET"),
});
