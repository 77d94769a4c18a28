/**
 * LG004's callers from CloudTrail Lake instead of LookupEvents: ONE SQL query over an event data store (an
 * organization store holds every account and region, and keeps events longer than LookupEvents' 90 days),
 * grouped by caller and function so the result is one row per (caller session, function), not per event.
 * `StartQuery` → `DescribeQuery` until it finishes → `GetQueryResults` page by page, each row folded into the
 * caller collector as it arrives.
 */
import { DescribeQueryCommand, GetQueryResultsCommand, StartQueryCommand } from "@aws-sdk/client-cloudtrail";
import type { AwsClients } from "../clients.js";
import { describeAwsError } from "../errors.js";
import { GET_FUNCTION_EVENT_NAMES, resolveFunctionArn } from "./callers.js";

export interface LakeQueryOptions {
  clients: AwsClients;
  /** Event data store id or ARN (the ARN names its region). */
  eventDataStore: string;
  partition: string;
  start: Date;
  /** Only events on functions of these accounts (all when absent). */
  recipientAccounts?: readonly string[];
  /** Called once per result row with a CloudTrail-record-shaped caller and the calls it stands for. */
  onRow: (record: Record<string, unknown>, calls: number) => void;
  /** Injected in tests; the default waits `ms` of wall time. */
  sleep?: (ms: number) => Promise<void>;
  /** Give up waiting for the query after this many DescribeQuery polls (default 600, about 10 min). */
  maxPolls?: number;
  /** Bound on result pages (default 10,000 pages of 1,000 rows). */
  maxPages?: number;
}

export interface LakeQueryResult {
  queryId?: string;
  pages: number;
  rows: number;
  polls: number;
  status: "complete" | "partial" | "failed";
  detail?: string;
}

const POLL_MS = 1000;

/** `arn:aws:cloudtrail:eu-west-1:111122223333:eventdatastore/ID` → region and id; a bare id → home region. */
export function parseEventDataStore(eds: string, homeRegion: string): { region: string; name: string } {
  const m = /^arn:[\w-]+:cloudtrail:([a-z0-9-]+):\d{12}:eventdatastore\/([A-Za-z0-9-]+)$/.exec(eds);
  // FROM takes the store's id, the ARN's last part.
  if (m) return { region: m[1]!, name: m[2]! };
  return { region: homeRegion, name: eds };
}

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;
/** Lake compares eventTime with `YYYY-MM-DD HH:MM:SS` literals. */
const lakeTime = (d: Date) =>
  d
    .toISOString()
    .replace("T", " ")
    .replace(/\.\d{3}Z$/, "");

/** The one query: successful GetFunction calls since `start`, grouped by caller session and function. */
export function callersQuery(eds: string, start: Date, recipientAccounts?: readonly string[]): string {
  const keys = [
    "recipientAccountId",
    "awsRegion",
    "eventName",
    "userIdentity.type",
    "userIdentity.arn",
    "userIdentity.accountId",
    "userIdentity.invokedBy",
    "userIdentity.sessionContext.sessionIssuer.arn",
    "element_at(requestParameters, 'functionName')",
  ];
  const names = [
    "recipientAccountId",
    "awsRegion",
    "eventName",
    "identityType",
    "identityArn",
    "identityAccountId",
    "invokedBy",
    "issuerArn",
    "functionName",
  ];
  const recipients =
    recipientAccounts && recipientAccounts.length > 0
      ? ` AND recipientAccountId IN (${recipientAccounts.map(quote).join(", ")})`
      : "";
  return (
    `SELECT ${keys.map((k, i) => `${k} AS ${names[i]}`).join(", ")}, COUNT(*) AS calls, MAX(eventTime) AS lastSeen ` +
    `FROM ${eds} ` +
    `WHERE eventSource = 'lambda.amazonaws.com' AND eventName IN (${GET_FUNCTION_EVENT_NAMES.map(quote).join(", ")}) ` +
    `AND errorCode IS NULL AND eventTime >= ${quote(lakeTime(start))}${recipients} ` +
    `GROUP BY ${keys.join(", ")}`
  );
}

/** A result row (`[{column: value}, …]`) as the CloudTrail record fields the caller collector reads. */
export function rowToRecord(
  row: readonly Record<string, string>[],
  partition: string,
): { record: Record<string, unknown>; calls: number } {
  const v: Record<string, string | undefined> = {};
  for (const cell of row) for (const [k, val] of Object.entries(cell)) v[k] = val === "" ? undefined : val;
  const region = v.awsRegion ?? "";
  const recipient = v.recipientAccountId ?? "";
  const fn = v.functionName ? resolveFunctionArn(v.functionName, region, recipient, partition) : undefined;
  const seen = v.lastSeen
    ? Date.parse(`${v.lastSeen.replace(" ", "T")}${/[zZ]|[+-]\d\d:?\d\d$/.test(v.lastSeen) ? "" : "Z"}`)
    : NaN;
  const record: Record<string, unknown> = {
    eventName: v.eventName,
    awsRegion: region,
    recipientAccountId: recipient,
    ...(Number.isNaN(seen) ? {} : { eventTime: new Date(seen).toISOString() }),
    userIdentity: {
      type: v.identityType,
      arn: v.identityArn,
      accountId: v.identityAccountId,
      ...(v.invokedBy ? { invokedBy: v.invokedBy } : {}),
      ...(v.issuerArn ? { sessionContext: { sessionIssuer: { type: "Role", arn: v.issuerArn } } } : {}),
    },
    ...(fn ? { requestParameters: { functionName: fn.arn } } : {}),
  };
  const calls = Number(v.calls ?? "1");
  return { record, calls: Number.isInteger(calls) && calls > 0 ? calls : 1 };
}

export async function queryLakeCallers(opts: LakeQueryOptions): Promise<LakeQueryResult> {
  const { region, name } = parseEventDataStore(opts.eventDataStore, opts.clients.homeRegion);
  const client = opts.clients.cloudtrail(region);
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const result: LakeQueryResult = { pages: 0, rows: 0, polls: 0, status: "failed" };
  try {
    const started = await client.send(
      new StartQueryCommand({ QueryStatement: callersQuery(name, opts.start, opts.recipientAccounts) }),
    );
    const queryId = started.QueryId!;
    result.queryId = queryId;
    for (;;) {
      result.polls++;
      const d = await client.send(new DescribeQueryCommand({ QueryId: queryId }));
      if (d.QueryStatus === "FINISHED") break;
      if (d.QueryStatus === "FAILED" || d.QueryStatus === "CANCELLED" || d.QueryStatus === "TIMED_OUT") {
        result.detail = `CloudTrail Lake query ${queryId} ${d.QueryStatus}: ${d.ErrorMessage ?? "no reason given"}`;
        return result;
      }
      if (result.polls >= (opts.maxPolls ?? 600)) {
        result.detail = `CloudTrail Lake query ${queryId} still ${d.QueryStatus} after ${result.polls} polls`;
        return result;
      }
      await sleep(POLL_MS);
    }
    let token: string | undefined;
    do {
      const page = await client.send(
        new GetQueryResultsCommand({
          QueryId: queryId,
          MaxQueryResults: 1000,
          ...(token ? { NextToken: token } : {}),
        }),
      );
      result.pages++;
      for (const row of page.QueryResultRows ?? []) {
        const { record, calls } = rowToRecord(row, opts.partition);
        result.rows++;
        opts.onRow(record, calls);
      }
      token = page.NextToken;
      if (token && result.pages >= (opts.maxPages ?? 10_000)) {
        result.status = "partial";
        result.detail = `stopped after ${result.pages} result pages (${result.rows} rows)`;
        return result;
      }
    } while (token);
    result.status = "complete";
    return result;
  } catch (err) {
    result.status = result.pages > 0 ? "partial" : "failed";
    result.detail = `CloudTrail Lake ${result.queryId ? `query ${result.queryId}` : "StartQuery"}: ${describeAwsError(err)}`;
    return result;
  }
}
