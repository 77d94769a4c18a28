/**
 * LG004 at scale: 100,000 GetFunction events over 4 regions plus 10,000 more in one region, 2,000 IAM roles.
 * Time-compressed: the emulator's quotas are AWS's × S and the scan's --api-budget is S, so the quota lower bound
 * (LookupEvents pages per region ÷ (2 rps × S), slowest region) stays the yardstick.
 */
import { rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AwsClients } from "../src/aws/clients.js";
import { scanGetFunctionCallers } from "../src/aws/lg004/index.js";
import { DOCUMENTED_QUOTAS } from "../src/aws/quotas.js";
import { EMULATOR_STATE_SCHEMA_ID, EmulatorStateSchema, type EmulatorState } from "../src/emulator/state.js";
import { peakRssSampler, runChild, startEmulatorProcess } from "./emulator-process.js";

const ACCOUNT = "123456789012";
const REGIONS = ["us-east-1", "us-west-2", "eu-west-1", "ap-northeast-1"];
const CREDS = { accessKeyId: "AKIABENCHBENCHBENCH0", secretAccessKey: "bench" };
const SCANNER = `arn:aws:sts::${ACCOUNT}:assumed-role/lambda-guard-scan/bench`;
const DAY = 86_400_000;

export interface Lg004BenchOptions {
  /** Events spread evenly over the 4 regions. */
  events?: number;
  /** Extra events in the first region. */
  extraEvents?: number;
  roles?: number;
  /** Roles that call GetFunction. */
  callers?: number;
  functionsPerRegion?: number;
  /** Time compression S: emulator quotas × S, --api-budget S. */
  scale?: number;
  latencyMs?: number;
}

const doc = (...Statement: unknown[]) => ({ Version: "2012-10-17", Statement });

/** Caller policies cycle through the cases LG004 tells apart. */
function rolePolicy(i: number): unknown {
  const all = `arn:aws:lambda:*:${ACCOUNT}:function:*`;
  switch (i % 5) {
    case 0:
      return doc({ Effect: "Allow", Action: "lambda:GetFunction", Resource: all });
    case 1:
      return doc({ Effect: "Allow", Action: "lambda:Get*", Resource: "*" });
    case 2:
      return doc({ Effect: "Allow", Action: ["lambda:GetFunction", "lambda:List*"], Resource: all });
    case 3:
      return doc(
        { Effect: "Allow", Action: "lambda:GetFunction", Resource: all },
        {
          Effect: "Allow",
          Action: "lambda:ListTags",
          Resource: all,
          Condition: { StringEquals: { "aws:ResourceTag/team": `t${i % 7}` } },
        },
      );
    default:
      return doc(
        { Effect: "Allow", Action: "lambda:*", Resource: "*" },
        {
          Effect: "Deny",
          Action: "lambda:ListTags",
          Resource: `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:*`,
        },
      );
  }
}

export function buildLg004State(
  opts: Required<Omit<Lg004BenchOptions, "scale" | "latencyMs">>,
  scale: number,
  latencyMs: number,
  now = Date.now(),
): EmulatorState {
  const cloudtrail: Record<string, unknown>[] = [];
  const window = 89 * DAY;
  const push = (region: string, i: number, k: number) => {
    const caller = (i * 7 + k) % opts.callers;
    const roleName = `app-role-${String(caller).padStart(4, "0")}`;
    const fn = `fn-${String((i * 13 + caller) % opts.functionsPerRegion).padStart(4, "0")}`;
    cloudtrail.push({
      eventVersion: "1.09",
      userIdentity: {
        type: "AssumedRole",
        principalId: `AROABENCH${caller}:s${i % 17}`,
        arn: `arn:aws:sts::${ACCOUNT}:assumed-role/${roleName}/s${i % 17}`,
        accountId: ACCOUNT,
        sessionContext: {
          sessionIssuer: {
            type: "Role",
            principalId: `AROABENCH${caller}`,
            arn: `arn:aws:iam::${ACCOUNT}:role/${roleName}`,
            accountId: ACCOUNT,
            userName: roleName,
          },
          attributes: { creationDate: "2026-01-01T00:00:00Z", mfaAuthenticated: "false" },
        },
      },
      eventTime: new Date(now - 60_000 - ((i * 104_729) % window)).toISOString().replace(/\.\d{3}Z$/, "Z"),
      eventSource: "lambda.amazonaws.com",
      eventName: i % 50 === 0 ? "GetFunction" : "GetFunction20150331v2",
      awsRegion: region,
      sourceIPAddress: "203.0.113.9",
      userAgent: "aws-sdk-js/3.700.0",
      requestParameters: {
        functionName: i % 3 === 0 ? `arn:aws:lambda:${region}:${ACCOUNT}:function:${fn}` : fn,
      },
      responseElements: null,
      requestID: `r-${region}-${k}-${i}`,
      eventID: `e-${region}-${k}-${i}`,
      readOnly: true,
      eventType: "AwsApiCall",
      managementEvent: true,
      recipientAccountId: ACCOUNT,
      eventCategory: "Management",
      ...(i % 97 === 0 ? { errorCode: "ResourceNotFoundException" } : {}),
    });
  };
  const perRegion = Math.floor(opts.events / REGIONS.length);
  REGIONS.forEach((region, k) => {
    for (let i = 0; i < perRegion; i++) push(region, i, k);
  });
  for (let i = 0; i < opts.extraEvents; i++) push(REGIONS[0]!, perRegion + i, 0);

  const shared = `arn:aws:iam::${ACCOUNT}:policy/SharedReadOnly`;
  const RoleDetailList = Array.from({ length: opts.roles }, (_, i) => {
    const name = `app-role-${String(i).padStart(4, "0")}`;
    return {
      Path: "/",
      RoleName: name,
      RoleId: `AROABENCH${i}`,
      Arn: `arn:aws:iam::${ACCOUNT}:role/${name}`,
      CreateDate: "2024-01-01T00:00:00Z",
      AssumeRolePolicyDocument: doc({
        Effect: "Allow",
        Principal: { Service: "lambda.amazonaws.com" },
        Action: "sts:AssumeRole",
      }),
      RolePolicyList: [{ PolicyName: `inline-${i % 5}`, PolicyDocument: rolePolicy(i) }],
      AttachedManagedPolicies: i % 2 === 0 ? [{ PolicyName: "SharedReadOnly", PolicyArn: shared }] : [],
      InstanceProfileList: [],
      Tags: [],
    };
  });
  const quotas = Object.fromEntries(Object.entries(DOCUMENTED_QUOTAS).map(([k, v]) => [k, v * scale]));
  return EmulatorStateSchema.parse({
    schema: EMULATOR_STATE_SCHEMA_ID,
    accountId: ACCOUNT,
    regions: REGIONS,
    callerArn: SCANNER,
    cloudtrail,
    iam: {
      RoleDetailList,
      Policies: [
        {
          PolicyName: "SharedReadOnly",
          Arn: shared,
          DefaultVersionId: "v1",
          PolicyVersionList: [
            {
              VersionId: "v1",
              IsDefaultVersion: true,
              Document: doc({ Effect: "Allow", Action: ["s3:Get*", "logs:Describe*"], Resource: "*" }),
            },
          ],
        },
      ],
    },
    behaviour: { latencyMs, quotas },
  });
}

/** Per-region event counts by name: the fewest LookupEvents calls possible follow from them. */
function summarize(state: EmulatorState): Record<string, number> {
  const names: Record<string, number> = {};
  for (const e of state.cloudtrail) {
    const key = `${String(e.awsRegion)}/${String(e.eventName)}`;
    names[key] = (names[key] ?? 0) + 1;
  }
  return names;
}

/**
 * The state is built and written by a child process, and the emulator runs in another, so the scanner's peak
 * RSS is its own (a 110,000-event state costs hundreds of MB to build and serialize).
 */
async function writeStateInChild(
  file: string,
  o: object,
  scale: number,
  latencyMs: number,
): Promise<Record<string, number>> {
  const out = await runChild(["--write-lg004-state", file, JSON.stringify({ o, scale, latencyMs })]);
  return JSON.parse(out) as Record<string, number>;
}

export async function benchLg004(opts: Lg004BenchOptions = {}): Promise<Record<string, string | number>> {
  const o = {
    events: opts.events ?? 100_000,
    extraEvents: opts.extraEvents ?? 10_000,
    roles: opts.roles ?? 2_000,
    callers: opts.callers ?? 600,
    functionsPerRegion: opts.functionsPerRegion ?? 500,
  };
  const scale = opts.scale ?? 20;
  const latencyMs = opts.latencyMs ?? 50;
  const file = join(tmpdir(), `lg-bench-lg004-${process.pid}-${Date.now()}.json`);
  const names = await writeStateInChild(file, o, scale, latencyMs);
  // The fewest LookupEvents calls possible: full pages of each event name per region (at least one call each).
  const minPages = (region: string) =>
    Math.max(1, Math.ceil((names[`${region}/GetFunction20150331v2`] ?? 0) / 50)) +
    Math.max(1, Math.ceil((names[`${region}/GetFunction`] ?? 0) / 50));
  const rate = DOCUMENTED_QUOTAS["cloudtrail:LookupEvents"] * scale;
  // The first call of a bucket needs no wait.
  const bound = Math.max(...REGIONS.map((r) => (minPages(r) - 1) / rate));

  const emu = await startEmulatorProcess(file);
  try {
    const clients = new AwsClients({
      endpointUrl: emu.url,
      apiBudget: scale,
      credentials: CREDS,
      homeRegion: "us-east-1",
    });
    const rss = peakRssSampler();
    const start = performance.now();
    const cpu0 = process.cpuUsage();
    let waits = 0;
    const r = await scanGetFunctionCallers({
      clients,
      accountId: ACCOUNT,
      partition: "aws",
      regions: REGIONS,
      lookbackDays: 90,
      scannerArn: SCANNER,
      confirmWithSimulator: false,
      onProgress: (p) => {
        if (p.waiting) waits++;
      },
    });
    const wall = (performance.now() - start) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const cloudtrailDone = r.stats.cloudtrailMs / 1000;
    const peak = rss.stop();
    clients.destroy();
    const pages = r.stats.regions.reduce((n, x) => n + x.pages, 0);
    return {
      "lg004: account": `${o.events} events over ${REGIONS.length} regions + ${o.extraEvents} in ${REGIONS[0]}, ${o.roles} roles (${o.callers} callers), ${latencyMs} ms latency, quotas × ${scale}`,
      "lg004: events read": r.stats.regions.reduce((n, x) => n + x.events, 0),
      "lg004: LookupEvents calls (minimum possible)": `${pages} (${REGIONS.reduce((n, x) => n + minPages(x), 0)})`,
      "lg004: chains per region": r.stats.regions.map((x) => `${x.region} ${x.chains}`).join(", "),
      "lg004: findings": r.findings.length,
      "lg004: wall time (s)": wall.toFixed(2),
      "lg004: CloudTrail done after (s)": cloudtrailDone.toFixed(2),
      "lg004: quota lower bound (s)": bound.toFixed(2),
      "lg004: ratio to bound (target ≤ 1.2)": (wall / bound).toFixed(3),
      "lg004: IAM evaluation of all callers (ms, target < 2000)": r.stats.evaluationMs.toFixed(0),
      "lg004: scanner CPU (s)": ((cpu.user + cpu.system) / 1e6).toFixed(2),
      "lg004: peak RSS (MB, target < 500)": (peak / 1e6).toFixed(0),
      "lg004: progress events while queued on our own rate limit": waits,
      "lg004: coverage complete": String(r.coverage.every((c) => c.status === "complete")),
    };
  } finally {
    emu.stop();
    await rm(file, { force: true });
  }
}

/** The child side of writeStateInChild (bench/run.ts dispatches `--write-lg004-state FILE JSON` here). */
export async function writeLg004State(file: string, json: string): Promise<void> {
  const { o, scale, latencyMs } = JSON.parse(json) as {
    o: Required<Omit<Lg004BenchOptions, "scale" | "latencyMs">>;
    scale: number;
    latencyMs: number;
  };
  const state = buildLg004State(o, scale, latencyMs);
  await writeFile(file, JSON.stringify(state));
  process.stdout.write(JSON.stringify(summarize(state)));
}
