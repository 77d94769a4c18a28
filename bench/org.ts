/**
 * Organization scale at AWS's real quotas (no time compression): 20 member accounts × 2 regions × 100 functions
 * (5% with public URLs), 20 ms latency. `scan --accounts all` must finish within 1.3× the slowest single
 * account's quota bound (the accounts really run in parallel, each on its own buckets), with no quota exceeded
 * and peak RSS < 400 MB. Then LG004 for the same organization from a CloudTrail Lake store of 200,000 events:
 * one query plus its result pages.
 */
import { AwsClients, type AwsClientOptions } from "../src/aws/clients.js";
import { lakeLg004 } from "../src/aws/org/lake-lg004.js";
import { scanOrganization } from "../src/aws/org/scan-org.js";
import { DOCUMENTED_QUOTAS } from "../src/aws/quotas.js";
import { publicUrlStatements } from "../src/emulator/demo/functions.js";
import { EMULATOR_STATE_SCHEMA_ID } from "../src/emulator/state.js";
import { defaultConfig } from "../src/model/index.js";
import { peakRssSampler, startEmulatorProcess } from "./emulator-process.js";

const MANAGEMENT = "100000000000";
const DEFAULT_MEMBERS = 20;
let MEMBERS = DEFAULT_MEMBERS;
const REGIONS = ["us-east-1", "eu-west-1"];
const FUNCTIONS = 100;
const CREDS = { accessKeyId: "AKIABENCHBENCHBENCH0", secretAccessKey: "bench" };
const BUDGET = 0.9;
const ROLE = "lambda-guard-scan";
const DAY = 86_400_000;

const memberId = (i: number) => String(200000000000 + i);

function functionsOf(accountId: string) {
  const out: unknown[] = [];
  for (const region of REGIONS) {
    for (let i = 0; i < FUNCTIONS; i++) {
      const name = `fn-${String(i).padStart(3, "0")}`;
      const pub = i % 20 === 0; // 5%
      out.push({
        region,
        name,
        urls: pub ? [{ qualifier: null, authType: "NONE" }] : [],
        policies: pub
          ? {
              "": {
                Version: "2012-10-17",
                Statement: publicUrlStatements(`arn:aws:lambda:${region}:${accountId}:function:${name}`),
              },
            }
          : {},
      });
    }
  }
  return out;
}

/** 200,000 GetFunction events: per account 10 roles × 5 sessions, each role reading 10 functions. */
function lakeEvents(accountId: string, perAccount: number, now: number): unknown[] {
  const out: unknown[] = [];
  for (let k = 0; k < perAccount; k++) {
    const role = `reader-${k % 10}`;
    const fn = `fn-${String((k % 10) * 10 + ((k >> 4) % 10)).padStart(3, "0")}`;
    out.push({
      eventVersion: "1.09",
      eventID: `${accountId}-${k}`,
      eventTime: new Date(now - (k % 300) * DAY).toISOString(),
      eventSource: "lambda.amazonaws.com",
      eventName: "GetFunction20150331v2",
      awsRegion: REGIONS[k % 2],
      recipientAccountId: accountId,
      userIdentity: {
        type: "AssumedRole",
        arn: `arn:aws:sts::${accountId}:assumed-role/${role}/s${k % 5}`,
        accountId,
        sessionContext: { sessionIssuer: { type: "Role", arn: `arn:aws:iam::${accountId}:role/${role}` } },
      },
      requestParameters: { functionName: fn },
    });
  }
  return out;
}

function roles(accountId: string) {
  return Array.from({ length: 10 }, (_, i) => ({
    RoleName: `reader-${i}`,
    Arn: `arn:aws:iam::${accountId}:role/reader-${i}`,
    Path: "/",
    RoleId: `AROA${accountId}${String(i).padStart(5, "0")}`,
    CreateDate: "2024-01-01T00:00:00Z",
    RolePolicyList: [
      {
        PolicyName: "read",
        PolicyDocument: {
          Version: "2012-10-17",
          Statement: [
            {
              Effect: "Allow",
              Action: i % 2 === 0 ? ["lambda:GetFunction"] : ["lambda:GetFunction", "lambda:ListTags"],
              Resource: "*",
            },
          ],
        },
      },
    ],
    AttachedManagedPolicies: [],
  }));
}

function organization(events: number) {
  const now = Date.now();
  const perAccount = Math.floor(events / MEMBERS);
  return {
    schema: EMULATOR_STATE_SCHEMA_ID,
    accountId: MANAGEMENT,
    regions: REGIONS,
    callerArn: `arn:aws:sts::${MANAGEMENT}:assumed-role/org-scanner/bench`,
    behaviour: { latencyMs: 20 },
    organization: { id: "o-bench00000", managementAccountId: MANAGEMENT },
    roles: [ROLE],
    cloudtrailLake: { eventDataStores: [{ id: "eds-org-bench", organization: true }] },
    accounts: Array.from({ length: MEMBERS }, (_, i) => {
      const id = memberId(i);
      return {
        accountId: id,
        name: `member-${i}`,
        roles: [ROLE],
        regions: REGIONS,
        functions: functionsOf(id),
        cloudtrail: events > 0 ? lakeEvents(id, perAccount, now) : [],
        iam: { RoleDetailList: roles(id) },
        behaviour: { latencyMs: 20 },
      };
    }),
  };
}

/** An account's quota bound: per region, its slowest bucket at quota × budget; regions run in parallel. */
function accountBound(clients: AwsClients): number {
  let bound = 0;
  for (const [key, s] of Object.entries(clients.bucketStats())) {
    const bucket = key.slice(key.indexOf("/") + 1) as keyof typeof DOCUMENTED_QUOTAS;
    bound = Math.max(bound, s.taken / (DOCUMENTED_QUOTAS[bucket] * BUDGET));
  }
  return bound;
}

function orgClients(url: string, made: AwsClients[]) {
  const caller = new AwsClients({
    endpointUrl: url,
    apiBudget: BUDGET,
    credentials: CREDS,
    homeRegion: "us-east-1",
  });
  const clientsFor = (credentials: NonNullable<AwsClientOptions["credentials"]>) => {
    const c = new AwsClients({ endpointUrl: url, apiBudget: BUDGET, credentials, homeRegion: "us-east-1" });
    made.push(c);
    return c;
  };
  return { caller, clientsFor };
}

export async function benchOrg(opts: { lakeEvents?: number; members?: number } = {}) {
  MEMBERS = opts.members ?? DEFAULT_MEMBERS;
  const out: Record<string, string | number | boolean> = {};
  {
    const emu = await startEmulatorProcess(organization(0) as never);
    const made: AwsClients[] = [];
    const { caller, clientsFor } = orgClients(emu.url, made);
    try {
      const rss = peakRssSampler();
      const cpu0 = process.cpuUsage();
      const start = performance.now();
      const report = await scanOrganization({
        clients: caller,
        clientsFor,
        accounts: "all",
        roleName: ROLE,
        accountsInFlight: MEMBERS + 1,
        regions: REGIONS,
        lookbackDays: 90,
        rules: ["LG001", "LG002", "LG003"],
        config: defaultConfig(),
        confirmWithSimulator: false,
      });
      const wall = (performance.now() - start) / 1000;
      const cpu = process.cpuUsage(cpu0);
      const peak = rss.stop();
      const bounds = made.map(accountBound);
      const slowest = Math.max(...bounds);
      const throttled = made.reduce((n, c) => n + c.throttled, caller.throttled);
      const calls = made.reduce(
        (n, c) => n + Object.values(c.bucketStats()).reduce((m, s) => m + s.taken, 0),
        0,
      );
      out["org: organization"] =
        `${MEMBERS} members + management × ${REGIONS.length} regions × ${FUNCTIONS} functions, 5% public URLs, 20 ms latency, real quotas × ${BUDGET}`;
      out["org: accounts scanned"] =
        report.target.kind === "aws-organization" ? report.target.accounts.length : 0;
      out["org: findings"] = report.findings.length;
      out["org: AWS calls"] = calls;
      out["org: wall time (s)"] = wall.toFixed(2);
      out["org: slowest single account's quota bound (s)"] = slowest.toFixed(2);
      out["org: ratio to bound (target ≤ 1.3)"] = (wall / slowest).toFixed(3);
      out["org: throttling errors, any account (target 0)"] = throttled;
      out["org: scanner CPU (s)"] = ((cpu.user + cpu.system) / 1e6).toFixed(2);
      out["org: peak RSS (MB, target < 400)"] = (peak / 1e6).toFixed(0);
      out["org: coverage complete"] = report.coverage.every((c) => c.status === "complete");
    } finally {
      caller.destroy();
      emu.stop();
    }
  }
  if (opts.lakeEvents !== 0) {
    const events = opts.lakeEvents ?? 200_000;
    const emu = await startEmulatorProcess(organization(events) as never);
    const made: AwsClients[] = [];
    const { caller, clientsFor } = orgClients(emu.url, made);
    try {
      const lakeBucket = () => caller.bucketStats()["us-east-1/cloudtrail:lake"]?.taken ?? 0;
      const rss = peakRssSampler();
      const start = performance.now();
      let lakeCalls = 0;
      let coverage = "";
      const report = await scanOrganization({
        clients: caller,
        clientsFor,
        accounts: "all",
        roleName: ROLE,
        accountsInFlight: MEMBERS + 1,
        regions: REGIONS,
        lookbackDays: 365,
        rules: ["LG004"],
        config: defaultConfig(),
        confirmWithSimulator: false,
        lg004: async (entered, me) => {
          const r = await lakeLg004({
            clients: caller,
            eventDataStore: "eds-org-bench",
            lookbackDays: 365,
            confirmWithSimulator: false,
            now: new Date(),
            perAccount: true,
          })(entered, me);
          lakeCalls = lakeBucket();
          coverage = r.coverage.find((c) => c.scope === "cloudtrail-lake")?.detail ?? "";
          return r;
        },
      });
      const wall = (performance.now() - start) / 1000;
      out["lake: events in the organization store"] = events;
      out["lake: CloudTrail Lake calls (StartQuery + DescribeQuery + result pages)"] = lakeCalls;
      out["lake: query"] = coverage;
      out["lake: LG004 findings"] = report.findings.length;
      out["lake: wall time incl. IAM of every account (s)"] = wall.toFixed(2);
      rss.stop(); // this process built the 200,000-event state itself: its peak is not the scan's
    } finally {
      caller.destroy();
      emu.stop();
    }
  }
  return out;
}
