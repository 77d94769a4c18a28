import { createHmac, timingSafeEqual } from "node:crypto";
import { Probot, type ApplicationFunction } from "probot";
import { probotOptionsFromEnv, requiredEnv } from "./env.js";
import { createApp } from "./index.js";
import { DeliveryQueue } from "./queue.js";

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

/** A verified delivery handed from the HTTP invocation to a later, asynchronous one. */
export interface DeferredDelivery {
  id: string;
  name: string;
  payload: unknown;
}

/** The event of the asynchronous self-invocation (never reachable from the function URL: not an HTTP event). */
export interface DeferredEvent {
  lambdaGuardDelivery: DeferredDelivery;
}

export interface LambdaHandlerOptions {
  /** The Probot instance (or a promise of it) the verified events go to. */
  probot: () => Promise<Probot>;
  secret: () => string;
  /**
   * Hands a verified delivery to another invocation of this function (`InvocationType: Event`), so the
   * HTTP answer goes back at once. Absent or null: the delivery is handled before answering.
   */
  defer?: ((delivery: DeferredDelivery) => Promise<void>) | null;
}

/** Lambda's limit for an asynchronous invocation's payload is 256 KB; bigger deliveries are handled inline. */
const MAX_DEFERRED_BYTES = 240 * 1024;

function isDeferred(e: unknown): e is DeferredEvent {
  const d = (e as { lambdaGuardDelivery?: Partial<DeferredDelivery> } | null)?.lambdaGuardDelivery;
  return typeof d?.id === "string" && typeof d.name === "string" && /^[a-z_]{1,64}$/.test(d.name);
}

/**
 * An ESM handler for a Lambda function URL or API Gateway: verifies the signature on the raw body
 * (401 when it does not match). With `defer`, it then invokes itself asynchronously with the verified
 * delivery and answers 202 at once (GitHub's 10 s budget); that second invocation runs the work to
 * completion, with the app's retries and the tracking issue for what still fails. Without `defer` (or
 * when the hand-off fails, or the delivery is too big to hand off) it works before answering.
 */
export function createLambdaHandler(
  opts: LambdaHandlerOptions,
): (event: LambdaHttpEvent | DeferredEvent) => Promise<LambdaHttpResult> {
  return async (incoming) => {
    if (isDeferred(incoming)) {
      const probot = await opts.probot();
      const d = incoming.lambdaGuardDelivery;
      await probot.receive({ id: d.id, name: d.name, payload: d.payload } as Parameters<
        Probot["receive"]
      >[0]);
      return reply(200, "handled");
    }
    const event = incoming as LambdaHttpEvent;
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
    if (opts.defer && raw.length <= MAX_DEFERRED_BYTES) {
      try {
        await opts.defer({ id, name, payload });
        return reply(202, "accepted");
      } catch (err) {
        // Not lost: handled in this invocation instead (GitHub may stop waiting; the work still completes).
        probot.log.warn(
          { err: String(err).slice(0, 300), id, name },
          "could not hand the delivery off; handling it now",
        );
      }
    }
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
export function probotFromEnv(
  // Inline: an invocation must finish its work before it returns, or Lambda freezes it half-way.
  appFn: ApplicationFunction = createApp({ queue: new DeliveryQueue({ background: false }) }),
): Promise<Probot> {
  instance ??= (async () => {
    const probot = new Probot({ ...probotOptionsFromEnv(), logFormat: "json" });
    await probot.load(appFn);
    return probot;
  })().catch((err: unknown) => {
    instance = null;
    throw err;
  });
  return instance;
}

/**
 * The asynchronous self-invocation: `InvocationType: Event` on this very function
 * (AWS_LAMBDA_FUNCTION_NAME), with a deadline and the SDK's retries. Null outside Lambda or with
 * LAMBDA_GUARD_DEFER=false. The function's role needs `lambda:InvokeFunction` on itself.
 */
export function selfInvokerFromEnv(
  env: NodeJS.ProcessEnv = process.env,
  send: (input: {
    FunctionName: string;
    InvocationType: "Event";
    Payload: Uint8Array;
  }) => Promise<unknown> = defaultSend,
): ((d: DeferredDelivery) => Promise<void>) | null {
  const fn = env.AWS_LAMBDA_FUNCTION_NAME;
  if (!fn || env.LAMBDA_GUARD_DEFER === "false") return null;
  return async (d) => {
    const event: DeferredEvent = { lambdaGuardDelivery: d };
    await send({ FunctionName: fn, InvocationType: "Event", Payload: Buffer.from(JSON.stringify(event)) });
  };
}

let lambdaClient: Promise<{ send: (input: never) => Promise<unknown> }> | null = null;

async function defaultSend(input: { FunctionName: string; InvocationType: "Event"; Payload: Uint8Array }) {
  const { LambdaClient, InvokeCommand } = await import("@aws-sdk/client-lambda");
  lambdaClient ??= (async () => {
    const { NodeHttpHandler } = await import("@smithy/node-http-handler");
    return new LambdaClient({
      maxAttempts: 3,
      requestHandler: new NodeHttpHandler({ connectionTimeout: 2_000, requestTimeout: 5_000 }),
    }) as unknown as { send: (input: never) => Promise<unknown> };
  })();
  const client = await lambdaClient;
  await client.send(new InvokeCommand(input) as never);
}

export const handler = createLambdaHandler({
  probot: () => probotFromEnv(),
  secret: () => requiredEnv("WEBHOOK_SECRET"),
  defer: selfInvokerFromEnv(),
});
