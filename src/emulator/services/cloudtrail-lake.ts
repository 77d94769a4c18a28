/**
 * CloudTrail Lake (JSON 1.1, the CloudTrail service): `StartQuery`, `DescribeQuery`, `GetQueryResults`. The
 * query runs in SQLite (sql.js, SQLite compiled to wasm) over the event data store's events: an organization
 * store holds every account's `cloudtrail` events, another store the caller's own. Results are paginated like
 * Lake's: rows of `[{column: "string value"}, …]`, at most 1,000 per page.
 *
 * Lake's SQL is Trino's. SQLite runs the query itself (filters, grouping, aggregates, ordering); two dialect
 * gaps are bridged, and only these, because SQLite has no struct type: struct fields (`userIdentity.arn`,
 * `userIdentity.sessionContext.sessionIssuer.arn`) are rewritten token by token into `json_extract` over the
 * column's JSON, and Trino's `element_at(map, key)` is a registered function. The data store named in the
 * query (id or ARN) is the table.
 */
import { randomUUID } from "node:crypto";
// The inline build carries its wasm in the JS, so it bundles into dist/ as is (the default build finds its
// .wasm through __dirname, which an ESM bundle does not have).
import initSqlJs, { type Database, type SqlJsStatic } from "sql.js/dist/sql-wasm-inline.js";
import { allAccounts } from "../accounts.js";
import { json11Result, parseJsonBody } from "../protocol.js";
import type { EmulatorState } from "../state.js";
import type { EmulatorRequest, ResolvedOperation, ServiceContext } from "../types.js";
import { ServiceError } from "../types.js";

export const LAKE_OPERATIONS = new Set(["StartQuery", "DescribeQuery", "GetQueryResults"]);

/** Lake's struct/map columns, kept as JSON text in SQLite. */
const JSON_COLUMNS = [
  "userIdentity",
  "requestParameters",
  "responseElements",
  "resources",
  "additionalEventData",
  "tlsDetails",
  "serviceEventDetails",
] as const;
const SCALAR_COLUMNS = [
  "eventVersion",
  "eventSource",
  "eventName",
  "eventTime",
  "awsRegion",
  "sourceIPAddress",
  "userAgent",
  "errorCode",
  "errorMessage",
  "requestID",
  "eventID",
  "readOnly",
  "eventType",
  "managementEvent",
  "recipientAccountId",
  "eventCategory",
] as const;
const PAGE_MAX = 1000;
/** Queries kept for DescribeQuery/GetQueryResults; the oldest is dropped first. */
const MAX_QUERIES = 64;

let engine: Promise<SqlJsStatic> | undefined;
function sqlite(): Promise<SqlJsStatic> {
  engine ??= initSqlJs();
  return engine;
}

interface StoreTable {
  db: Database;
  /** Events loaded, to notice state changes (tests add events between queries). */
  size: number;
}
interface Query {
  id: string;
  statement: string;
  columns: string[];
  rows: (string | null)[][];
  scanned: number;
  created: Date;
  ms: number;
}
interface LakeState {
  tables: Map<string, StoreTable>;
  queries: Map<string, Query>;
}
const lakes = new WeakMap<EmulatorState, LakeState>();
function lakeOf(root: EmulatorState): LakeState {
  let l = lakes.get(root);
  if (!l) lakes.set(root, (l = { tables: new Map(), queries: new Map() }));
  return l;
}

interface Store {
  id: string;
  arn: string;
  organization: boolean;
}
function stores(root: EmulatorState, region: string): Store[] {
  return (root.cloudtrailLake?.eventDataStores ?? []).map((s) => ({
    id: s.id,
    arn: `arn:${root.partition}:cloudtrail:${region}:${root.accountId}:eventdatastore/${s.id}`,
    organization: s.organization,
  }));
}

/** Lake renders eventTime as `2026-11-23 10:00:00.000`; comparisons with such literals must order. */
function lakeTime(v: unknown): string | null {
  if (typeof v !== "string") return null;
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? v : new Date(ms).toISOString().replace("T", " ").replace("Z", "");
}

function eventsOf(
  root: EmulatorState,
  store: Store,
): { accountId: string; records: EmulatorState["cloudtrail"] }[] {
  const accounts = store.organization ? allAccounts(root) : [root];
  return accounts.map((a) => ({ accountId: a.accountId, records: a.cloudtrail }));
}

async function tableFor(root: EmulatorState, store: Store): Promise<Database> {
  const lake = lakeOf(root);
  const sources = eventsOf(root, store);
  const size = sources.reduce((n, s) => n + s.records.length, 0);
  const cached = lake.tables.get(store.id);
  if (cached && cached.size === size) return cached.db;
  cached?.db.close();
  const SQL = await sqlite();
  const db = new SQL.Database();
  db.create_function("element_at", (map: unknown, key: unknown) => {
    if (typeof map !== "string" || typeof key !== "string") return null;
    try {
      const v = (JSON.parse(map) as Record<string, unknown>)[key];
      return v === undefined || v === null ? null : typeof v === "string" ? v : JSON.stringify(v);
    } catch {
      return null;
    }
  });
  const cols = [...SCALAR_COLUMNS, ...JSON_COLUMNS];
  db.run(`CREATE TABLE events (${cols.map((c) => `"${c}"`).join(", ")})`);
  const insert = db.prepare(`INSERT INTO events VALUES (${cols.map(() => "?").join(", ")})`);
  db.run("BEGIN");
  for (const { accountId, records } of sources) {
    for (const r of records) {
      const row = cols.map((c) => {
        const v = r[c];
        if (c === "eventTime") return lakeTime(v);
        if (c === "recipientAccountId") return typeof v === "string" ? v : accountId;
        if (v === undefined || v === null) return null;
        if ((JSON_COLUMNS as readonly string[]).includes(c)) return JSON.stringify(v);
        return typeof v === "string" || typeof v === "number" ? v : String(v);
      });
      insert.run(row);
    }
  }
  db.run("COMMIT");
  insert.free();
  lake.tables.set(store.id, { db, size });
  return db;
}

// ------------------------------------------------------------------------------------ SQL dialect bridge

type Token = { kind: "ident" | "string" | "quoted" | "dot" | "other"; text: string };

/** Tokens enough to find identifiers outside strings and quoted names; everything else passes through. */
function tokenize(sql: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    if (c === "'" || c === '"' || c === "`") {
      let j = i + 1;
      for (; j < sql.length; j++) {
        if (sql[j] === c) {
          if (sql[j + 1] === c) j++;
          else break;
        }
      }
      out.push({ kind: c === "'" ? "string" : "quoted", text: sql.slice(i, j + 1) });
      i = j + 1;
    } else if (/[A-Za-z_]/.test(c)) {
      let j = i + 1;
      while (j < sql.length && /[A-Za-z0-9_$]/.test(sql[j]!)) j++;
      out.push({ kind: "ident", text: sql.slice(i, j) });
      i = j;
    } else if (c === ".") {
      out.push({ kind: "dot", text: c });
      i++;
    } else {
      out.push({ kind: "other", text: c });
      i++;
    }
  }
  return out;
}

/**
 * The statement for SQLite: the data store's id or ARN becomes the `events` table, and `struct.field.field`
 * paths on Lake's struct columns become `json_extract(struct, '$.field.field')`.
 */
export function toSqlite(statement: string, store: Store): string {
  let sql = statement;
  // The ARN contains the id; replace the longer name first. Lake accepts either, unquoted.
  for (const name of [store.arn, store.id]) sql = sql.split(name).join(" events ");
  const tokens = tokenize(sql);
  const jsonCols = new Map(JSON_COLUMNS.map((c) => [c.toLowerCase(), c]));
  let out = "";
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const col = t.kind === "ident" ? jsonCols.get(t.text.toLowerCase()) : undefined;
    const prev = tokens[i - 1];
    if (col && prev?.kind !== "dot" && tokens[i + 1]?.kind === "dot" && tokens[i + 2]?.kind === "ident") {
      const path: string[] = [];
      let j = i + 1;
      while (tokens[j]?.kind === "dot" && tokens[j + 1]?.kind === "ident") {
        path.push(tokens[j + 1]!.text);
        j += 2;
      }
      out += `json_extract("${col}", '$.${path.join(".")}')`;
      i = j - 1;
      continue;
    }
    out += t.text;
  }
  return out;
}

// ------------------------------------------------------------------------------------------ operations

function invalidQuery(message: string): ServiceError {
  return new ServiceError("InvalidQueryStatementException", message, 400);
}

async function startQuery(req: EmulatorRequest, ctx: ServiceContext) {
  const root = ctx.root ?? ctx.state;
  const body = parseJsonBody(req);
  const statement = body.QueryStatement;
  if (typeof statement !== "string" || statement.trim() === "" || statement.length > 10_000) {
    throw invalidQuery("QueryStatement must be 1 to 10000 characters.");
  }
  if (ctx.state.accountId !== root.accountId) {
    throw new ServiceError(
      "EventDataStoreNotFoundException",
      "The specified event data store was not found.",
      400,
    );
  }
  const all = stores(root, req.region);
  const store = all.filter((s) => statement.includes(s.id)).sort((a, b) => b.id.length - a.id.length)[0];
  if (!store) {
    throw new ServiceError(
      "EventDataStoreNotFoundException",
      "The query does not name an event data store of this account (FROM <event data store id>).",
      400,
    );
  }
  if (!/^\s*(select|with)\b/i.test(statement)) throw invalidQuery("Only SELECT queries are supported.");
  const db = await tableFor(root, store);
  const t0 = performance.now();
  let result;
  try {
    result = db.exec(toSqlite(statement, store));
  } catch (err) {
    throw invalidQuery(`Query statement is not valid: ${err instanceof Error ? err.message : String(err)}`);
  }
  const last = result.at(-1);
  const scanned = (db.exec("SELECT COUNT(*) FROM events")[0]?.values[0]?.[0] as number | undefined) ?? 0;
  const query: Query = {
    id: randomUUID(),
    statement,
    columns: last?.columns ?? [],
    rows: (last?.values ?? []).map((r) => r.map((v) => (v === null ? null : String(v)))),
    scanned,
    created: ctx.now(),
    ms: Math.round(performance.now() - t0),
  };
  const queries = lakeOf(root).queries;
  queries.set(query.id, query);
  if (queries.size > MAX_QUERIES) queries.delete(queries.keys().next().value!);
  return json11Result({ QueryId: query.id });
}

function queryOf(ctx: ServiceContext, body: Record<string, unknown>): Query {
  const id = body.QueryId;
  if (typeof id !== "string" || !/^[a-f0-9-]{36}$/.test(id)) {
    throw new ServiceError("InvalidParameterException", "QueryId is not valid.", 400);
  }
  const q = lakeOf(ctx.root ?? ctx.state).queries.get(id);
  if (!q) throw new ServiceError("QueryIdNotFoundException", "The query ID does not exist.", 400);
  return q;
}

function statistics(q: Query) {
  return {
    EventsMatched: q.rows.length,
    EventsScanned: q.scanned,
    BytesScanned: q.scanned * 1024,
    ExecutionTimeInMillis: q.ms,
    CreationTime: q.created.getTime() / 1000,
  };
}

function describeQuery(req: EmulatorRequest, ctx: ServiceContext) {
  const q = queryOf(ctx, parseJsonBody(req));
  return json11Result({
    QueryId: q.id,
    QueryString: q.statement,
    QueryStatus: "FINISHED",
    QueryStatistics: statistics(q),
  });
}

function getQueryResults(req: EmulatorRequest, ctx: ServiceContext) {
  const body = parseJsonBody(req);
  const q = queryOf(ctx, body);
  const max = body.MaxQueryResults ?? PAGE_MAX;
  if (typeof max !== "number" || !Number.isInteger(max) || max < 1 || max > PAGE_MAX) {
    throw new ServiceError("InvalidMaxResultsException", `MaxQueryResults must be 1 to ${PAGE_MAX}.`, 400);
  }
  let offset = 0;
  const token = body.NextToken;
  if (token !== undefined && token !== null && token !== "") {
    const m =
      typeof token === "string"
        ? /^([a-f0-9-]{36}):(\d+)$/.exec(Buffer.from(token, "base64url").toString())
        : null;
    if (!m || m[1] !== q.id || Number(m[2]) > q.rows.length) {
      throw new ServiceError("InvalidNextTokenException", "The NextToken is not valid.", 400);
    }
    offset = Number(m[2]);
  }
  const page = q.rows.slice(offset, offset + max);
  const end = offset + page.length;
  return json11Result({
    QueryStatus: "FINISHED",
    QueryStatistics: {
      ResultsCount: page.length,
      TotalResultsCount: q.rows.length,
      BytesScanned: q.scanned * 1024,
    },
    QueryResultRows: page.map((row) => row.map((v, i) => ({ [q.columns[i] ?? `_col${i}`]: v ?? "" }))),
    ...(end < q.rows.length ? { NextToken: Buffer.from(`${q.id}:${end}`).toString("base64url") } : {}),
  });
}

/** The CloudTrail module's resolver for Lake operations (paced by the `cloudtrail:lake` bucket). */
export function resolveLake(op: string, req: EmulatorRequest): ResolvedOperation {
  const handle =
    op === "StartQuery"
      ? (ctx: ServiceContext) => startQuery(req, ctx)
      : op === "DescribeQuery"
        ? (ctx: ServiceContext) => describeQuery(req, ctx)
        : (ctx: ServiceContext) => getQueryResults(req, ctx);
  return { name: op, bucket: "cloudtrail:lake", handle };
}
