import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  GetFunctionCommand,
  GetFunctionConfigurationCommand,
  GetFunctionUrlConfigCommand,
  GetPolicyCommand,
  ListAliasesCommand,
  ListFunctionUrlConfigsCommand,
  ListFunctionsCommand,
  ListTagsCommand,
  ListVersionsByFunctionCommand,
  paginateListFunctions,
  ResourceNotFoundException,
  type FunctionConfiguration,
} from "@aws-sdk/client-lambda";
import { startEmulator, type EmulatorHandle } from "../../src/emulator/index.js";
import { ACCOUNT, authHeader, baseState, lambda, rejection } from "./helpers.js";

let h: EmulatorHandle;
const arn = (name: string, region = "us-east-1") => `arn:aws:lambda:${region}:${ACCOUNT}:function:${name}`;

beforeAll(async () => {
  h = await startEmulator(
    baseState((json) => {
      const fns = json.functions as Array<Record<string, unknown>>;
      const webhook = fns[0]!;
      webhook.aliases = [
        ...(webhook.aliases as unknown[]),
        ...Array.from({ length: 54 }, (_, i) => ({ name: `a${String(i).padStart(2, "0")}`, version: "1" })),
      ];
      webhook.urls = [
        ...(webhook.urls as unknown[]),
        ...Array.from({ length: 54 }, (_, i) => ({
          qualifier: `a${String(i).padStart(2, "0")}`,
          authType: "AWS_IAM",
        })),
      ];
      for (let i = 0; i < 118; i++)
        fns.push({ region: "us-east-1", name: `bulk-${String(i).padStart(3, "0")}` });
    }),
  );
});
afterAll(async () => h.close());

describe("ListFunctions", () => {
  it("pages at 50 with NextMarker and walks all pages with the SDK paginator", async () => {
    const client = lambda(h);
    const first = await client.send(new ListFunctionsCommand({}));
    expect(first.Functions).toHaveLength(50);
    expect(first.NextMarker).toBeTruthy();
    expect(first.Functions![0]!.FunctionArn).toBe(arn(first.Functions![0]!.FunctionName!));
    const capped = await client.send(new ListFunctionsCommand({ MaxItems: 500 }));
    expect(capped.Functions).toHaveLength(50);

    const names: string[] = [];
    for await (const page of paginateListFunctions({ client, pageSize: 7 }, {})) {
      expect(page.Functions!.length).toBeLessThanOrEqual(7);
      names.push(...page.Functions!.map((f) => f.FunctionName!));
    }
    expect(names).toHaveLength(120);
    expect(new Set(names).size).toBe(120);
    expect(names).toContain("webhook");
    expect(names).not.toContain("eu-only");
  });

  it("returns configuration fields and all versions with FunctionVersion=ALL", async () => {
    const client = lambda(h);
    const all: FunctionConfiguration[] = [];
    for await (const page of paginateListFunctions({ client }, { FunctionVersion: "ALL" }))
      all.push(...page.Functions!);
    const webhook = all.filter((f) => f.FunctionName === "webhook");
    expect(webhook.map((f) => f.Version)).toEqual(["$LATEST", "1", "2"]);
    expect(webhook[1]!.FunctionArn).toBe(`${arn("webhook")}:1`);
    const latest = all.find((f) => f.FunctionName === "internal" && f.Version === "$LATEST")!;
    expect(latest.FunctionArn).toBe(`${arn("internal")}:$LATEST`);
    expect(latest.Runtime).toBe("python3.12");
    expect(latest.LastModified).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/);
  });

  it("answers with and without the trailing slash, and rejects a bad marker", async () => {
    for (const path of ["/2015-03-31/functions/", "/2015-03-31/functions"]) {
      const res = await fetch(`${h.url}${path}?MaxItems=2`, {
        headers: { authorization: authHeader("us-east-1", "lambda") },
      });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { Functions: unknown[]; NextMarker: string };
      expect(body.Functions).toHaveLength(2);
    }
    const err = await rejection(lambda(h).send(new ListFunctionsCommand({ Marker: "garbage" })));
    expect(err.name).toBe("InvalidParameterValueException");
  });
});

describe("GetFunction and GetFunctionConfiguration", () => {
  it.each([["webhook"], [arn("webhook")], [`${ACCOUNT}:function:webhook`]])("finds %s", async (name) => {
    const out = await lambda(h).send(new GetFunctionCommand({ FunctionName: name }));
    expect(out.Configuration!.FunctionArn).toBe(arn("webhook"));
    expect(out.Configuration!.Version).toBe("$LATEST");
    expect(out.Code!.RepositoryType).toBe("S3");
    expect(out.Tags).toEqual({
      "aws:cloudformation:stack-name": "payments",
      "aws:cloudformation:logical-id": "WebhookFunction",
    });
  });

  it("resolves qualified names, ARNs and the Qualifier parameter to the alias's version", async () => {
    const client = lambda(h);
    for (const input of [
      { FunctionName: "webhook:live" },
      { FunctionName: `${arn("webhook")}:live` },
      { FunctionName: "webhook", Qualifier: "live" },
    ]) {
      const out = await client.send(new GetFunctionCommand(input));
      expect(out.Configuration!.FunctionArn).toBe(`${arn("webhook")}:live`);
      expect(out.Configuration!.Version).toBe("2");
    }
    const cfg = await client.send(
      new GetFunctionConfigurationCommand({ FunctionName: "webhook", Qualifier: "1" }),
    );
    expect(cfg.Version).toBe("1");
    expect(cfg.FunctionArn).toBe(`${arn("webhook")}:1`);
  });

  it("404s unknown functions, aliases and other regions' functions", async () => {
    const client = lambda(h);
    const e1 = await rejection(client.send(new GetFunctionCommand({ FunctionName: "nope" })));
    expect(e1).toBeInstanceOf(ResourceNotFoundException);
    expect(e1.message).toBe(`Function not found: ${arn("nope")}`);
    expect((e1.$metadata as { httpStatusCode: number }).httpStatusCode).toBe(404);
    expect(e1.Type).toBe("User");
    const e2 = await rejection(
      client.send(new GetFunctionConfigurationCommand({ FunctionName: "webhook:ghost" })),
    );
    expect(e2.name).toBe("ResourceNotFoundException");
    const e3 = await rejection(client.send(new GetFunctionCommand({ FunctionName: "eu-only" })));
    expect(e3.name).toBe("ResourceNotFoundException");
    const e4 = await rejection(
      client.send(new GetFunctionCommand({ FunctionName: arn("eu-only", "eu-west-1") })),
    );
    expect(e4.name).toBe("ResourceNotFoundException");
    const e5 = await rejection(
      client.send(new GetFunctionCommand({ FunctionName: "webhook:live", Qualifier: "old" })),
    );
    expect(e5.name).toBe("InvalidParameterValueException");
  });

  it("sends TagsError instead of Tags when getFunctionTags is denied", async () => {
    h.state.behaviour.getFunctionTags = "denied";
    try {
      const out = await lambda(h).send(new GetFunctionCommand({ FunctionName: "webhook" }));
      expect(out.Tags).toBeUndefined();
      expect(out.TagsError?.ErrorCode).toBe("AccessDeniedException");
      expect(out.TagsError?.Message).toContain("lambda:ListTags");
    } finally {
      delete h.state.behaviour.getFunctionTags;
    }
  });
});

describe("function URLs", () => {
  it("lists URL configs across pages", async () => {
    const client = lambda(h);
    const first = await client.send(new ListFunctionUrlConfigsCommand({ FunctionName: "webhook" }));
    expect(first.FunctionUrlConfigs).toHaveLength(50);
    const second = await client.send(
      new ListFunctionUrlConfigsCommand({ FunctionName: "webhook", Marker: first.NextMarker }),
    );
    expect(second.FunctionUrlConfigs).toHaveLength(6);
    expect(second.NextMarker).toBeUndefined();
    const all = [...first.FunctionUrlConfigs!, ...second.FunctionUrlConfigs!];
    const unqualified = all.find((u) => u.FunctionArn === arn("webhook"))!;
    expect(unqualified.AuthType).toBe("NONE");
    expect(unqualified.FunctionUrl).toMatch(/^https:\/\/[a-z2-7]{32}\.lambda-url\.us-east-1\.on\.aws\/$/);
    expect(unqualified.Cors?.AllowOrigins).toEqual(["*"]);
    const none = await client.send(new ListFunctionUrlConfigsCommand({ FunctionName: "internal" }));
    expect(none.FunctionUrlConfigs).toEqual([]);
  });

  it("gets a URL config by qualifier, and 404s when there is none", async () => {
    const client = lambda(h);
    const base = await client.send(new GetFunctionUrlConfigCommand({ FunctionName: "webhook" }));
    expect(base.AuthType).toBe("NONE");
    expect(base.CreationTime).toBe("2024-05-01T00:00:00Z");
    const live = await client.send(
      new GetFunctionUrlConfigCommand({ FunctionName: "webhook", Qualifier: "live" }),
    );
    expect(live.AuthType).toBe("AWS_IAM");
    expect(live.FunctionArn).toBe(`${arn("webhook")}:live`);
    expect(live.FunctionUrl).not.toBe(base.FunctionUrl);
    const err = await rejection(client.send(new GetFunctionUrlConfigCommand({ FunctionName: "internal" })));
    expect(err.name).toBe("ResourceNotFoundException");
    const err2 = await rejection(
      client.send(new GetFunctionUrlConfigCommand({ FunctionName: "webhook:old" })),
    );
    expect(err2.name).toBe("ResourceNotFoundException");
  });
});

describe("GetPolicy", () => {
  it("serves the unqualified policy as a JSON string with a RevisionId", async () => {
    const out = await lambda(h).send(new GetPolicyCommand({ FunctionName: "webhook" }));
    const policy = JSON.parse(out.Policy!) as { Statement: Array<{ Sid: string }> };
    expect(policy.Statement[0]!.Sid).toBe("FunctionURLAllowPublicAccess");
    expect(out.RevisionId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("serves an alias's policy via Qualifier and via a qualified ARN", async () => {
    const client = lambda(h);
    for (const input of [
      { FunctionName: "webhook", Qualifier: "live" },
      { FunctionName: `${arn("webhook")}:live` },
    ]) {
      const out = await client.send(new GetPolicyCommand(input));
      expect(JSON.parse(out.Policy!)).toMatchObject({ Statement: [{ Sid: "live-only" }] });
    }
  });

  it("serves an invalid-JSON policy raw", async () => {
    const out = await lambda(h).send(new GetPolicyCommand({ FunctionName: "webhook", Qualifier: "old" }));
    expect(out.Policy).toBe("{not json at all");
  });

  it("404s when there is no policy", async () => {
    const err = await rejection(lambda(h).send(new GetPolicyCommand({ FunctionName: "internal" })));
    expect(err).toBeInstanceOf(ResourceNotFoundException);
    expect(err.message).toBe("The resource you requested does not exist.");
    const err2 = await rejection(
      lambda(h).send(new GetPolicyCommand({ FunctionName: "webhook", Qualifier: "2" })),
    );
    expect(err2.name).toBe("ResourceNotFoundException");
  });
});

describe("aliases, versions and tags", () => {
  it("lists aliases across pages and filters by FunctionVersion", async () => {
    const client = lambda(h);
    const first = await client.send(new ListAliasesCommand({ FunctionName: "webhook" }));
    expect(first.Aliases).toHaveLength(50);
    const second = await client.send(
      new ListAliasesCommand({ FunctionName: "webhook", Marker: first.NextMarker }),
    );
    expect(second.Aliases).toHaveLength(6);
    expect(second.NextMarker).toBeUndefined();
    const live = [...first.Aliases!, ...second.Aliases!].find((a) => a.Name === "live")!;
    expect(live).toMatchObject({ AliasArn: `${arn("webhook")}:live`, FunctionVersion: "2" });
    const v2 = await client.send(new ListAliasesCommand({ FunctionName: "webhook", FunctionVersion: "2" }));
    expect(v2.Aliases!.map((a) => a.Name)).toEqual(["live"]);
  });

  it("lists versions with $LATEST first", async () => {
    const out = await lambda(h).send(new ListVersionsByFunctionCommand({ FunctionName: "webhook" }));
    expect(out.Versions!.map((v) => v.Version)).toEqual(["$LATEST", "1", "2"]);
    expect(out.Versions![2]!.FunctionArn).toBe(`${arn("webhook")}:2`);
  });

  it("lists tags by ARN and 404s unknown ones", async () => {
    const out = await lambda(h).send(new ListTagsCommand({ Resource: arn("webhook") }));
    expect(out.Tags!["aws:cloudformation:stack-name"]).toBe("payments");
    const empty = await lambda(h).send(new ListTagsCommand({ Resource: arn("internal") }));
    expect(empty.Tags).toEqual({});
    const err = await rejection(lambda(h).send(new ListTagsCommand({ Resource: arn("ghost") })));
    expect(err.name).toBe("ResourceNotFoundException");
  });
});
