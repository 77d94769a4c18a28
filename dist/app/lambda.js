import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  Probot,
  baseUrlFromEnv,
  privateKeyFromEnv,
  requiredEnv
} from "../chunks/chunk-RJJFWSPR.js";
import "../chunks/chunk-75E5FFQV.js";
import {
  app_default
} from "../chunks/chunk-JV5SVGI2.js";
import "../chunks/chunk-7UB6RAKB.js";
import "../chunks/chunk-BO5MT2CP.js";
import "../chunks/chunk-ZQ6YMG2R.js";
import "../chunks/chunk-WAXEVTA2.js";
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
function createLambdaHandler(opts) {
  return async (event) => {
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
function probotFromEnv(appFn = app_default) {
  instance ??= (async () => {
    const probot = new Probot({
      appId: requiredEnv("APP_ID"),
      privateKey: privateKeyFromEnv(),
      secret: requiredEnv("WEBHOOK_SECRET"),
      baseUrl: baseUrlFromEnv(),
      logLevel: process.env.LOG_LEVEL ?? "info",
      logFormat: "json"
    });
    await probot.load(appFn);
    return probot;
  })().catch((err) => {
    instance = null;
    throw err;
  });
  return instance;
}
var handler = createLambdaHandler({
  probot: () => probotFromEnv(),
  secret: () => requiredEnv("WEBHOOK_SECRET")
});
export {
  createLambdaHandler,
  handler,
  probotFromEnv,
  verifySignature
};
