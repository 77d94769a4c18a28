import { createHmac } from "node:crypto";
import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  createLambdaHandler,
  selfInvokerFromEnv,
  type DeferredDelivery,
  type DeferredEvent,
} from "../../src/app/lambda.js";
import { FakeGitHub } from "../helpers/github-fake.js";
import {
  TF_MAIN,
  checkRunEvent,
  fakeEngine,
  newProbot,
  outputText,
  report,
  routeToFake,
  urlFinding,
} from "./helpers.js";

const SECRET = "lambda-secret";
let fake: FakeGitHub;

beforeEach(() => {
  nock.disableNetConnect();
  fake = new FakeGitHub({ files: { "infra/main.tf": TF_MAIN } });
  routeToFake(fake);
});
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

function httpEvent() {
  const body = JSON.stringify(
    checkRunEvent(fake, { text: outputText(report([urlFinding("webhook", "infra/main.tf", 7)])) }).payload,
  );
  return {
    body,
    isBase64Encoded: false,
    requestContext: { http: { method: "POST" } },
    headers: {
      "x-github-event": "check_run",
      "x-github-delivery": "d-1",
      "x-hub-signature-256": `sha256=${createHmac("sha256", SECRET).update(body).digest("hex")}`,
    },
  };
}

describe("Lambda: acknowledge at once, work in an asynchronous self-invocation", () => {
  it("answers 202 without any GitHub call; the deferred invocation opens the PR", async () => {
    const probot = await newProbot({ planFixes: fakeEngine() });
    const handed: DeferredDelivery[] = [];
    const handler = createLambdaHandler({
      probot: async () => probot,
      secret: () => SECRET,
      defer: async (d) => void handed.push(d),
    });
    const res = await handler(httpEvent());
    expect(res.statusCode).toBe(202);
    expect(fake.calls).toEqual([]);
    expect(handed).toHaveLength(1);
    expect(handed[0]).toMatchObject({ id: "d-1", name: "check_run" });

    // What the self-invocation receives is JSON, as Lambda delivers it.
    const deferred = JSON.parse(JSON.stringify({ lambdaGuardDelivery: handed[0] })) as DeferredEvent;
    expect((await handler(deferred)).statusCode).toBe(200);
    expect(fake.pulls).toHaveLength(1);
  });

  it("a hand-off that fails is not lost: the delivery is handled in this invocation", async () => {
    const probot = await newProbot({ planFixes: fakeEngine() });
    const handler = createLambdaHandler({
      probot: async () => probot,
      secret: () => SECRET,
      defer: async () => {
        throw new Error("AccessDeniedException: not allowed to invoke");
      },
    });
    expect((await handler(httpEvent())).statusCode).toBe(200);
    expect(fake.pulls).toHaveLength(1);
  });

  it("the self-invoker calls this very function asynchronously, and only inside Lambda", async () => {
    expect(selfInvokerFromEnv({})).toBeNull();
    expect(selfInvokerFromEnv({ AWS_LAMBDA_FUNCTION_NAME: "lg", LAMBDA_GUARD_DEFER: "false" })).toBeNull();
    const sent: { FunctionName: string; InvocationType: string; Payload: Uint8Array }[] = [];
    const invoke = selfInvokerFromEnv(
      { AWS_LAMBDA_FUNCTION_NAME: "lambda-guard-app" },
      async (i) => void sent.push(i),
    )!;
    await invoke({ id: "d-2", name: "check_run", payload: { action: "completed" } });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ FunctionName: "lambda-guard-app", InvocationType: "Event" });
    expect(JSON.parse(Buffer.from(sent[0]!.Payload).toString())).toEqual({
      lambdaGuardDelivery: { id: "d-2", name: "check_run", payload: { action: "completed" } },
    });
  });
});
