import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { CloudTrailClient, LookupEventsCommand } from "@aws-sdk/client-cloudtrail";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  EMULATOR_STATE_SCHEMA_ID,
  EmulatorStateSchema,
  startEmulator,
  type EmulatorHandle,
} from "../../src/emulator/index.js";
import { AWS_CLI } from "../helpers/aws-cli.js";

const ACCOUNT = "111122223333";
const NOW = Date.parse("2026-03-01T12:00:00Z");
const credentials = { accessKeyId: "AKIDEMULATOR", secretAccessKey: "emulator-secret" };
const exec = promisify(execFile);

function record(i: number, opts: { name?: string; region?: string; ageMs?: number; user?: string } = {}) {
  return {
    eventVersion: "1.09",
    eventTime: new Date(NOW - (opts.ageMs ?? i * 60_000)).toISOString().replace(/\.\d{3}Z$/, "Z"),
    eventSource: "lambda.amazonaws.com",
    eventName: opts.name ?? "GetFunction20150331v2",
    awsRegion: opts.region ?? "us-east-1",
    eventID: `00000000-0000-4000-a000-${String(i).padStart(12, "0")}`,
    readOnly: true,
    userIdentity: {
      type: "IAMUser",
      arn: `arn:aws:iam::${ACCOUNT}:user/${opts.user ?? "alice"}`,
      accountId: ACCOUNT,
      userName: opts.user ?? "alice",
      accessKeyId: "AKIAEXAMPLE",
    },
    requestParameters: { functionName: `fn-${i % 7}` },
  };
}

let emu: EmulatorHandle;
let ct: CloudTrailClient;

beforeAll(async () => {
  const events = [
    ...Array.from({ length: 120 }, (_, i) => record(i)),
    record(500, { name: "GetFunction", ageMs: 30_000 }),
    record(501, { name: "ListFunctions20150331" }),
    record(502, { region: "eu-west-1" }),
    record(503, { ageMs: 100 * 86_400_000 }), // beyond the 90-day lookup window
    record(504, { user: "bob", ageMs: 45_000 }),
  ];
  const state = EmulatorStateSchema.parse({
    schema: EMULATOR_STATE_SCHEMA_ID,
    accountId: ACCOUNT,
    regions: ["us-east-1", "eu-west-1"],
    cloudtrail: events,
    behaviour: { quotas: { "cloudtrail:LookupEvents": "unlimited" } },
  });
  emu = await startEmulator(state, { port: 0, now: () => new Date(NOW) });
  ct = new CloudTrailClient({ region: "us-east-1", endpoint: emu.url, credentials, maxAttempts: 1 });
});

afterAll(async () => {
  ct.destroy();
  await emu.close();
});

const byName = (name: string) => [{ AttributeKey: "EventName" as const, AttributeValue: name }];

describe("CloudTrail LookupEvents", () => {
  it("pages newest first, 50 per page, exact EventName match", async () => {
    const times: number[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const out = await ct.send(
        new LookupEventsCommand({ LookupAttributes: byName("GetFunction20150331v2"), NextToken: token }),
      );
      pages++;
      expect(out.Events!.length).toBeLessThanOrEqual(50);
      for (const e of out.Events!) {
        expect(e.EventName).toBe("GetFunction20150331v2");
        times.push(e.EventTime!.getTime());
        const parsed = JSON.parse(e.CloudTrailEvent!) as { eventID: string };
        expect(parsed.eventID).toBe(e.EventId);
      }
      token = out.NextToken;
    } while (token);
    // 120 + bob's event in us-east-1 within 90 days; the 100-day-old one is outside the window.
    expect(times).toHaveLength(121);
    expect(pages).toBe(3);
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    const old = await ct.send(new LookupEventsCommand({ LookupAttributes: byName("GetFunction") }));
    expect(old.Events!.map((e) => e.EventId)).toEqual(["00000000-0000-4000-a000-000000000500"]);
    const prefix = await ct.send(new LookupEventsCommand({ LookupAttributes: byName("GetFunction2015") }));
    expect(prefix.Events).toEqual([]);
  });

  it("filters by time window (epoch seconds), region and other attributes", async () => {
    const out = await ct.send(
      new LookupEventsCommand({
        LookupAttributes: byName("GetFunction20150331v2"),
        StartTime: new Date(NOW - 10 * 60_000),
        EndTime: new Date(NOW - 2 * 60_000),
      }),
    );
    expect(out.Events!.length).toBe(9);
    const eu = new CloudTrailClient({ region: "eu-west-1", endpoint: emu.url, credentials, maxAttempts: 1 });
    const euOut = await eu.send(
      new LookupEventsCommand({ LookupAttributes: byName("GetFunction20150331v2") }),
    );
    eu.destroy();
    expect(euOut.Events!.map((e) => e.EventId)).toEqual(["00000000-0000-4000-a000-000000000502"]);
    const bob = await ct.send(
      new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: "Username", AttributeValue: "bob" }] }),
    );
    expect(bob.Events!.map((e) => e.Username)).toEqual(["bob"]);
    // A start older than 90 days is clamped, not refused.
    const clamped = await ct.send(
      new LookupEventsCommand({
        LookupAttributes: byName("GetFunction20150331v2"),
        StartTime: new Date(0),
        MaxResults: 1,
      }),
    );
    expect(clamped.Events).toHaveLength(1);
  });

  it("binds NextToken to its parameters and validates the request like AWS", async () => {
    const first = await ct.send(
      new LookupEventsCommand({ LookupAttributes: byName("GetFunction20150331v2") }),
    );
    expect(first.NextToken).toBeDefined();
    await expect(
      ct.send(
        new LookupEventsCommand({ LookupAttributes: byName("GetFunction"), NextToken: first.NextToken }),
      ),
    ).rejects.toMatchObject({ name: "InvalidNextTokenException" });
    await expect(
      ct.send(
        new LookupEventsCommand({
          LookupAttributes: [...byName("GetFunction"), { AttributeKey: "Username", AttributeValue: "bob" }],
        }),
      ),
    ).rejects.toMatchObject({ name: "InvalidLookupAttributesException" });
    await expect(
      ct.send(new LookupEventsCommand({ StartTime: new Date(NOW), EndTime: new Date(NOW - 1000) })),
    ).rejects.toMatchObject({ name: "InvalidTimeRangeException" });
    await expect(ct.send(new LookupEventsCommand({ MaxResults: 51 }))).rejects.toMatchObject({
      name: "InvalidMaxResultsException",
    });
  });

  it("accepts both X-Amz-Target prefixes", async () => {
    for (const target of [
      "CloudTrail_20131101.LookupEvents",
      "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents",
    ]) {
      const res = await fetch(`${emu.url}/`, {
        method: "POST",
        headers: {
          "content-type": "application/x-amz-json-1.1",
          "x-amz-target": target,
          authorization: `AWS4-HMAC-SHA256 Credential=AKIDEMULATOR/20260301/us-east-1/cloudtrail/aws4_request, SignedHeaders=host, Signature=00`,
        },
        body: JSON.stringify({
          LookupAttributes: byName("GetFunction"),
          StartTime: (NOW - 3_600_000) / 1000,
        }),
      });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { Events: { EventTime: number }[] };
      expect(body.Events).toHaveLength(1);
      expect(body.Events[0]!.EventTime).toBe((NOW - 30_000) / 1000);
    }
  });

  it("serves the AWS CLI's lookup-events", async () => {
    const { stdout } = await exec(
      AWS_CLI,
      [
        "cloudtrail",
        "lookup-events",
        "--endpoint-url",
        emu.url,
        "--region",
        "us-east-1",
        "--lookup-attributes",
        "AttributeKey=EventName,AttributeValue=GetFunction20150331v2",
        "--output",
        "json",
      ],
      {
        env: {
          ...process.env,
          AWS_ACCESS_KEY_ID: credentials.accessKeyId,
          AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
          AWS_PAGER: "",
        },
      },
    );
    const out = JSON.parse(stdout) as { Events: unknown[] };
    expect(out.Events).toHaveLength(121);
  });
});
