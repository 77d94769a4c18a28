import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  Probot,
  probotOptionsFromEnv,
  requiredEnv
} from "../chunks/chunk-DZQDMRBX.js";
import "../chunks/chunk-CBQ3WTHE.js";
import {
  DeliveryQueue,
  createApp
} from "../chunks/chunk-PTZHQA2T.js";
import "../chunks/chunk-TPH6OF3P.js";
import "../chunks/chunk-W33SWCQ6.js";
import "../chunks/chunk-74QD6PXN.js";
import "../chunks/chunk-Y22KSWV4.js";
import "../chunks/chunk-RZOBS62O.js";
import "../chunks/chunk-NXJRENZE.js";
import "../chunks/chunk-KOHQH5XZ.js";
import "../chunks/chunk-CMKO3ROG.js";
import "../chunks/chunk-SYCOQQ3O.js";
import "../chunks/chunk-P2NUQOZL.js";
import "../chunks/chunk-JAJAJYEP.js";
import "../chunks/chunk-4GMCL7QT.js";
import "../chunks/chunk-LYD5ERHY.js";

// src/app/lambda.ts
import { createHmac, timingSafeEqual } from "node:crypto";
var MAX_BODY_BYTES = 25 * 1024 * 1024;
function reply(statusCode, message) {
  return { statusCode, headers: { "content-type": "text/plain; charset=utf-8" }, body: `${message}
` };
}
function verifySignature(secret, rawBody, header) {
  if (!header || !/^sha256=[0-9a-f]{64}$/i.test(header)) return false;
  const expected = createHmac("sha256", secret).update(rawBody).digest();
  const given = Buffer.from(header.slice(7), "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
var MAX_DEFERRED_BYTES = 240 * 1024;
function isDeferred(e) {
  const d = e?.lambdaGuardDelivery;
  return typeof d?.id === "string" && typeof d.name === "string" && /^[a-z_]{1,64}$/.test(d.name);
}
function createLambdaHandler(opts) {
  return async (incoming) => {
    if (isDeferred(incoming)) {
      const probot2 = await opts.probot();
      const d = incoming.lambdaGuardDelivery;
      await probot2.receive({ id: d.id, name: d.name, payload: d.payload });
      return reply(200, "handled");
    }
    const event = incoming;
    const method = event.requestContext?.http?.method ?? event.httpMethod ?? "POST";
    if (method !== "POST") return reply(405, "method not allowed");
    const headers = {};
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
    let payload;
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
        probot.log.warn(
          { err: String(err).slice(0, 300), id, name },
          "could not hand the delivery off; handling it now"
        );
      }
    }
    try {
      await probot.receive({ id, name, payload });
    } catch (err) {
      probot.log.error({ err, id, name }, "webhook handler failed");
      return reply(500, "handler failed; redeliver from the app's advanced settings");
    }
    return reply(200, "ok");
  };
}
var instance = null;
function probotFromEnv(appFn = createApp({ queue: new DeliveryQueue({ background: false }) })) {
  instance ??= (async () => {
    const probot = new Probot({ ...probotOptionsFromEnv(), logFormat: "json" });
    await probot.load(appFn);
    return probot;
  })().catch((err) => {
    instance = null;
    throw err;
  });
  return instance;
}
function selfInvokerFromEnv(env = process.env, send = defaultSend) {
  const fn = env.AWS_LAMBDA_FUNCTION_NAME;
  if (!fn || env.LAMBDA_GUARD_DEFER === "false") return null;
  return async (d) => {
    const event = { lambdaGuardDelivery: d };
    await send({ FunctionName: fn, InvocationType: "Event", Payload: Buffer.from(JSON.stringify(event)) });
  };
}
var lambdaClient = null;
async function defaultSend(input) {
  const { LambdaClient, InvokeCommand } = await import("../chunks/dist-es-GHANNQ74.js");
  lambdaClient ??= (async () => {
    const { NodeHttpHandler } = await import("../chunks/dist-es-BDAQA5DG.js");
    return new LambdaClient({
      maxAttempts: 3,
      requestHandler: new NodeHttpHandler({ connectionTimeout: 2e3, requestTimeout: 5e3 })
    });
  })();
  const client = await lambdaClient;
  await client.send(new InvokeCommand(input));
}
var handler = createLambdaHandler({
  probot: () => probotFromEnv(),
  secret: () => requiredEnv("WEBHOOK_SECRET"),
  defer: selfInvokerFromEnv()
});
export {
  createLambdaHandler,
  handler,
  probotFromEnv,
  selfInvokerFromEnv,
  verifySignature
};
