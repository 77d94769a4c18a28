import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CloudTrailClient,
  DescribeQueryCommand,
  GetQueryResultsCommand,
  StartQueryCommand,
} from "@aws-sdk/client-cloudtrail";
import { callersQuery, rowToRecord } from "../../src/aws/lg004/cloudtrail-lake.js";
import { main } from "../../src/cli/main.js";
import { startEmulator, type EmulatorHandle } from "../../src/emulator/index.js";
import { ReportSchema } from "../../src/model/index.js";
import { fakeIo } from "../cli/helpers.js";
import { AWS_CLI_MAJOR, awsCliEnv } from "../helpers/aws-cli.js";
import { awsCliBatch } from "../helpers/aws-cli-batch.js";
import { MANAGEMENT, MEMBERS, ROLE, orgState } from "../org/org-state.js";

const PROD = MEMBERS[0]!.accountId;
const DATA = MEMBERS[2]!.accountId;
const OUTSIDER = "999988887777";
const now = Date.now();
let seq = 0;

function getFunction(
  account: string,
  roleName: string,
  fn: string,
  opts: { ageDays?: number; error?: string } = {},
) {
  return {
    eventVersion: "1.09",
    eventID: `lake-${seq++}`,
    eventTime: new Date(now - (opts.ageDays ?? 1) * 86_400_000).toISOString(),
    eventSource: "lambda.amazonaws.com",
    eventName: "GetFunction20150331v2",
    awsRegion: "us-east-1",
    userIdentity: {
      type: "AssumedRole",
      arn: `arn:aws:sts::${account}:assumed-role/${roleName}/s${seq}`,
      accountId: account,
      sessionContext: { sessionIssuer: { type: "Role", arn: `arn:aws:iam::${account}:role/${roleName}` } },
    },
    requestParameters: { functionName: fn },
    ...(opts.error ? { errorCode: opts.error } : {}),
  };
}

function role(account: string, name: string, actions: string[]) {
  return {
    RoleName: name,
    Arn: `arn:aws:iam::${account}:role/${name}`,
    Path: "/",
    RoleId: `AROA${name
      .toUpperCase()
      .replace(/[^A-Z]/g, "")
      .padEnd(17, "X")
      .slice(0, 17)}`,
    CreateDate: "2024-01-01T00:00:00Z",
    RolePolicyList: [
      {
        PolicyName: "p",
        PolicyDocument: {
          Version: "2012-10-17",
          Statement: [{ Effect: "Allow", Action: actions, Resource: "*" }],
        },
      },
    ],
    AttachedManagedPolicies: [],
  };
}

let h: EmulatorHandle;
beforeAll(async () => {
  Object.assign(process.env, {
    AWS_ACCESS_KEY_ID: "AKIATESTTESTTEST0000",
    AWS_SECRET_ACCESS_KEY: "test",
    AWS_REGION: "us-east-1",
  });
  h = await startEmulator(
    orgState((j) => {
      const accounts = j.accounts as Record<string, unknown>[];
      // payments-prod: a reader without ListTags (finding), 3 calls over two sessions, one older than 90 days
      // (LookupEvents would not see it, Lake does), and a failed call that does not count.
      accounts[0]!.cloudtrail = [
        getFunction(PROD, "reader", "payments-prod-webhook"),
        getFunction(PROD, "reader", "payments-prod-webhook", { ageDays: 2 }),
        getFunction(PROD, "reader", "payments-prod-webhook", { ageDays: 120 }),
        getFunction(PROD, "reader", "payments-prod-webhook", { error: "AccessDeniedException" }),
        // A role of data-prod reads payments-prod's function: evaluated in data-prod.
        getFunction(DATA, "etl", `arn:aws:lambda:us-east-1:${PROD}:function:payments-prod-webhook`),
        // An account outside the organization.
        getFunction(OUTSIDER, "partner", `arn:aws:lambda:us-east-1:${PROD}:function:payments-prod-webhook`),
      ];
      accounts[0]!.iam = { RoleDetailList: [role(PROD, "reader", ["lambda:GetFunction"])] };
      accounts[2]!.cloudtrail = [getFunction(DATA, "tagger", "data-prod-webhook")];
      accounts[2]!.iam = {
        RoleDetailList: [
          role(DATA, "etl", ["lambda:GetFunction"]),
          role(DATA, "tagger", ["lambda:GetFunction", "lambda:ListTags"]),
        ],
      };
      j.cloudtrailLake = { eventDataStores: [{ id: "eds-org-0001", organization: true }] };
      j.behaviour = { quotas: { "cloudtrail:lake": "unlimited", organizations: "unlimited" } };
    }),
  );
});
afterAll(async () => h.close());

const ct = () =>
  new CloudTrailClient({
    region: "us-east-1",
    endpoint: h.url,
    credentials: { accessKeyId: "AKIATESTTESTTEST0000", secretAccessKey: "test" },
    maxAttempts: 1,
  });

describe("emulated CloudTrail Lake (SQLite over every account's events)", () => {
  it("runs the grouped callers query and pages its results", async () => {
    const start = new Date(now - 200 * 86_400_000);
    const { QueryId } = await ct().send(
      new StartQueryCommand({ QueryStatement: callersQuery("eds-org-0001", start) }),
    );
    const d = await ct().send(new DescribeQueryCommand({ QueryId }));
    expect(d.QueryStatus).toBe("FINISHED");
    expect(d.QueryStatistics?.EventsScanned).toBe(7);
    const rows: Record<string, string>[][] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await ct().send(
        new GetQueryResultsCommand({ QueryId, MaxQueryResults: 2, ...(token ? { NextToken: token } : {}) }),
      );
      rows.push(...(page.QueryResultRows ?? []));
      token = page.NextToken;
      pages++;
    } while (token);
    // Sessions differ per event, so each successful call is its own group here: 3 + 1 + 1 + 1.
    expect(rows).toHaveLength(6);
    expect(pages).toBe(3);
    const records = rows.map((r) => rowToRecord(r, "aws").record);
    const reader = records.filter((r) => (r.userIdentity as { arn: string }).arn.includes("/reader/"));
    expect(reader).toHaveLength(3);
    expect(reader[0]!.requestParameters).toEqual({
      functionName: `arn:aws:lambda:us-east-1:${PROD}:function:payments-prod-webhook`,
    });
    expect(records.some((r) => (r.userIdentity as { accountId: string }).accountId === DATA)).toBe(true);
  });

  it("executes SQL it was never told about: aggregates, filters, ordering", async () => {
    const { QueryId } = await ct().send(
      new StartQueryCommand({
        QueryStatement:
          "SELECT recipientAccountId, COUNT(*) AS n FROM eds-org-0001 WHERE errorCode IS NULL " +
          "AND userIdentity.accountId <> '999988887777' GROUP BY recipientAccountId ORDER BY n DESC",
      }),
    );
    const out = await ct().send(new GetQueryResultsCommand({ QueryId }));
    expect(out.QueryResultRows).toEqual([
      [{ recipientAccountId: PROD }, { n: "4" }],
      [{ recipientAccountId: DATA }, { n: "1" }],
    ]);
  });

  it("refuses an unknown data store and invalid SQL with Lake's errors", async () => {
    await expect(
      ct().send(new StartQueryCommand({ QueryStatement: "SELECT * FROM eds-nope" })),
    ).rejects.toMatchObject({ name: "EventDataStoreNotFoundException" });
    await expect(
      ct().send(new StartQueryCommand({ QueryStatement: "SELECT FROM WHERE eds-org-0001" })),
    ).rejects.toMatchObject({ name: "InvalidQueryStatementException" });
  });
});

describe("scan --accounts all --cloudtrail-lake", () => {
  it("takes LG004 from one Lake query and evaluates each caller in its own account", async () => {
    const before = h.stats().requests;
    const io = fakeIo();
    const code = await main(
      [
        "scan",
        "--endpoint-url",
        h.url,
        "--accounts",
        "all",
        "--role-name",
        ROLE,
        "--rules",
        "LG004",
        "--lookback-days",
        "365",
        "--cloudtrail-lake",
        "arn:aws:cloudtrail:us-east-1:111122223333:eventdatastore/eds-org-0001",
        "--format",
        "json",
      ],
      io,
    );
    expect(io.stderr()).not.toMatch(/unexpected/);
    const report = ReportSchema.parse(JSON.parse(io.stdout()));
    const after = h.stats().requests;
    const delta = (k: string) => (after[k] ?? 0) - (before[k] ?? 0);
    expect(delta("cloudtrail:StartQuery")).toBe(1);
    expect(delta("cloudtrail:GetQueryResults")).toBe(1);
    expect(delta("cloudtrail:LookupEvents")).toBe(0);

    const lg004 = report.findings.filter((f) => f.rule === "LG004");
    const byArn = new Map(lg004.map((f) => [f.resource.arn, f]));
    expect([...byArn.keys()].sort()).toEqual(
      [
        `arn:aws:iam::${PROD}:role/reader`,
        `arn:aws:iam::${DATA}:role/etl`,
        `arn:aws:iam::${OUTSIDER}:role/partner`,
      ].sort(),
    );
    const reader = byArn.get(`arn:aws:iam::${PROD}:role/reader`)!;
    expect(reader.resource.accountId).toBe(PROD);
    // Three successful calls, one of them 120 days ago: beyond LookupEvents' 90 days, inside Lake's window.
    expect(JSON.stringify(reader.evidence)).toMatch(/"calls":3\b/);
    expect(byArn.get(`arn:aws:iam::${DATA}:role/etl`)!.resource.accountId).toBe(DATA);
    // The outsider cannot be evaluated: a cross-account finding, never a silent pass.
    expect(byArn.get(`arn:aws:iam::${OUTSIDER}:role/partner`)!.severity).toBe("low");
    const lake = report.coverage.find((c) => c.scope === "cloudtrail-lake");
    expect(lake?.status).toBe("complete");
    expect(report.coverage.map((c) => c.scope)).toContain(`${DATA}/global/iam`);
    expect(code).toBe(0);
  });

  it("a single-account scan takes only events on its own functions", async () => {
    const io = fakeIo();
    await main(
      [
        "scan",
        "--endpoint-url",
        h.url,
        "--rules",
        "LG004",
        "--cloudtrail-lake",
        "eds-org-0001",
        "--format",
        "json",
        "--fail-on",
        "none",
      ],
      io,
    );
    const report = ReportSchema.parse(JSON.parse(io.stdout()));
    expect(report.target).toMatchObject({ kind: "aws-account", accountId: MANAGEMENT });
    expect(report.findings).toEqual([]);
    expect(report.coverage.find((c) => c.scope === "cloudtrail-lake")?.detail).toMatch(/0 caller rows/);
  });
});

describe.skipIf(AWS_CLI_MAJOR !== "2")("the real AWS CLI v2 against emulated CloudTrail Lake", () => {
  it("start-query, describe-query and get-query-results", async () => {
    const env = awsCliEnv({ AWS_ACCESS_KEY_ID: "AKIATESTTESTTEST0000", AWS_SECRET_ACCESS_KEY: "test" });
    /** Commands in one CLI process, each checked to succeed and parsed. */
    const aws = async (...commands: string[][]) =>
      (
        await awsCliBatch(
          commands.map((c) => [...c, "--endpoint-url", h.url, "--no-cli-pager", "--output", "json"]),
          env,
        )
      ).map((r, i) => {
        expect(r.rc, `${commands[i]!.join(" ")}: ${r.err}`).toBe(0);
        return JSON.parse(r.out) as Record<string, unknown>;
      });
    const [started] = await aws([
      "cloudtrail",
      "start-query",
      "--query-statement",
      "SELECT eventName, COUNT(*) AS n FROM eds-org-0001 WHERE userIdentity.sessionContext.sessionIssuer.arn LIKE '%:role/reader' GROUP BY eventName",
    ]);
    const { QueryId } = started as { QueryId: string };
    const [described, out] = await aws(
      ["cloudtrail", "describe-query", "--query-id", QueryId],
      ["cloudtrail", "get-query-results", "--query-id", QueryId],
    );
    expect(described!.QueryStatus).toBe("FINISHED");
    expect(out!.QueryResultRows).toEqual([[{ eventName: "GetFunction20150331v2" }, { n: "4" }]]);
  });
});
