/**
 * Reliability under turbulence: an account of 3 regions × 60 functions (30 public URLs in all) and CloudTrail
 * GetFunction history, served by the emulator at AWS's documented (real) request rates. Each scenario scans it
 * with the scan configured for 10× those rates (--api-budget 10), so AWS throttles it, plus injected faults.
 * Every scenario must report every finding of the fault-free run with complete coverage; a connection that
 * never answers must end the scan with only its scope marked. LG004's LookupEvents calls are compared with the
 * fewest pages possible.
 */
import { AwsClients, type AwsClientOptions } from "../src/aws/clients.js";
import { scanAccount } from "../src/aws/scan.js";
import { publicUrlStatements } from "../src/emulator/demo/functions.js";
import { startEmulator } from "../src/emulator/index.js";
import {
  EMULATOR_STATE_SCHEMA_ID,
  EmulatorStateSchema,
  type EmulatedFunction,
  type Fault,
} from "../src/emulator/state.js";
import { defaultConfig, type Report } from "../src/model/index.js";

const ACCOUNT = "123456789012";
const REGIONS = ["us-east-1", "eu-west-1", "ap-southeast-2"];
const PER_REGION = 60;
const EVENTS_PER_REGION = 4_000;
const CREDS = { accessKeyId: "AKIABENCHBENCHBENCH0", secretAccessKey: "bench" };
const NOW = new Date("2026-11-20T12:00:00Z");

function account(faults: Fault[]) {
  const functions: EmulatedFunction[] = [];
  const cloudtrail: Record<string, unknown>[] = [];
  for (const region of REGIONS) {
    for (let i = 0; i < PER_REGION; i++) {
      const name = `fn-${String(i).padStart(3, "0")}`;
      const arn = `arn:aws:lambda:${region}:${ACCOUNT}:function:${name}`;
      const url = i % 6 === 0; // 10 per region, all public
      functions.push({
        region,
        name,
        runtime: "nodejs22.x",
        tags: {},
        versions: [],
        aliases: [],
        urls: url ? [{ qualifier: null, authType: "NONE" }] : [],
        policies: url ? { "": { Version: "2012-10-17", Statement: publicUrlStatements(arn) } } : {},
      });
    }
    for (let i = 0; i < EVENTS_PER_REGION; i++) {
      cloudtrail.push({
        eventVersion: "1.09",
        eventID: `${region}-${i}`,
        eventTime: new Date(NOW.getTime() - 60_000 - i * 600_000).toISOString(),
        eventSource: "lambda.amazonaws.com",
        eventName: "GetFunction20150331v2",
        awsRegion: region,
        userIdentity: {
          type: "AssumedRole",
          arn: `arn:aws:sts::${ACCOUNT}:assumed-role/reader-${i % 5}/s`,
          accountId: ACCOUNT,
          sessionContext: {
            sessionIssuer: { type: "Role", arn: `arn:aws:iam::${ACCOUNT}:role/reader-${i % 5}` },
          },
        },
        requestParameters: { functionName: `fn-${String(i % PER_REGION).padStart(3, "0")}` },
      });
    }
  }
  const roles = Array.from({ length: 5 }, (_, i) => ({
    RoleName: `reader-${i}`,
    RoleId: `AROAREADER${i}`,
    Arn: `arn:aws:iam::${ACCOUNT}:role/reader-${i}`,
    Path: "/",
    RolePolicyList: [
      {
        PolicyName: "read",
        PolicyDocument: {
          Version: "2012-10-17",
          Statement: [{ Effect: "Allow", Action: "lambda:GetFunction", Resource: "*" }],
        },
      },
    ],
    AttachedManagedPolicies: [],
  }));
  return EmulatorStateSchema.parse({
    schema: EMULATOR_STATE_SCHEMA_ID,
    accountId: ACCOUNT,
    regions: REGIONS,
    functions,
    cloudtrail,
    iam: { RoleDetailList: roles },
    // No quotas: the emulator applies AWS's documented rates (Lambda 15 req/s, LookupEvents 2 req/s, …).
    behaviour: { seed: 42, faults },
  });
}

interface Run {
  report: Report;
  seconds: number;
  lookupCalls: number;
  throttledByEmulator: number;
  faults: number;
  retried: number;
}

async function run(faults: Fault[], clientOpts: Partial<AwsClientOptions>): Promise<Run> {
  const emu = await startEmulator(account(faults), { now: () => NOW });
  const clients = new AwsClients({
    endpointUrl: emu.url,
    apiBudget: 10,
    credentials: CREDS,
    homeRegion: "us-east-1",
    ...clientOpts,
  });
  try {
    const start = performance.now();
    const report = await scanAccount({
      clients,
      regions: REGIONS,
      lookbackDays: 90,
      rules: ["LG001", "LG002", "LG003", "LG004"],
      config: defaultConfig(),
      confirmWithSimulator: false,
      now: NOW,
    });
    const stats = emu.stats();
    return {
      report,
      seconds: (performance.now() - start) / 1000,
      lookupCalls: stats.requests["cloudtrail:LookupEvents"] ?? 0,
      throttledByEmulator: Object.values(stats.throttled).reduce((a, b) => a + b, 0),
      faults: stats.faults,
      retried: Object.values(clients.attemptErrors).reduce((a, b) => a + b, 0),
    };
  } finally {
    clients.destroy();
    await emu.close();
  }
}

const fingerprints = (r: Report) => new Set(r.findings.map((f) => f.fingerprint));
const incomplete = (r: Report) => r.coverage.filter((c) => c.status !== "complete");

export async function benchReliability(): Promise<Record<string, string | number>> {
  const out: Record<string, string | number> = {};
  // The fewest LookupEvents calls: full pages of the one event name with events, one empty page for the other.
  const minPages = REGIONS.length * (Math.ceil(EVENTS_PER_REGION / 50) + 1);

  const base = await run([], { apiBudget: 0.9 });
  const want = fingerprints(base.report);
  out["reliability: account"] =
    `${REGIONS.length} regions × ${PER_REGION} functions (${base.report.findings.filter((f) => f.rule === "LG001").length} public URLs), ${EVENTS_PER_REGION} GetFunction events per region; emulator at AWS's documented rates`;
  out["reliability: fault-free at --api-budget 0.9: findings, coverage"] =
    `${want.size}, ${incomplete(base.report).length === 0 ? "complete" : "INCOMPLETE"} (${base.seconds.toFixed(1)} s)`;
  out["reliability: LG004 LookupEvents calls / minimum pages (target ≤ 1.1)"] =
    `${(base.lookupCalls / minPages).toFixed(2)} (${base.lookupCalls} calls, ${minPages} pages)`;

  const scenarios: [string, Fault[]][] = [
    ["scan at 10× the real rates (AWS throttles, Retry-After)", []],
    [
      "+ 20 % 5xx",
      [
        { service: "lambda", error: "ServiceUnavailable", rate: 0.2 },
        { service: "cloudtrail", error: "ServiceException", rate: 0.2 },
      ],
    ],
    [
      "+ 50 % 5xx",
      [
        { service: "lambda", error: "ServiceException", rate: 0.5 },
        { service: "cloudtrail", error: "ServiceUnavailable", rate: 0.5 },
      ],
    ],
    ["+ 10 % connection resets", [{ error: "reset", rate: 0.1 }]],
    ["+ 10 % malformed bodies", [{ error: "malformed", rate: 0.1 }]],
    ["+ 10 % HTML pages from a proxy (wrong protocol)", [{ error: "wrongProtocol", rate: 0.1 }]],
    [
      "+ 10 % 429 with Retry-After: 2 (another tool's burst)",
      [{ error: "Throttling", rate: 0.1, retryAfterSeconds: 2 }],
    ],
  ];
  let allMet = true;
  for (const [name, faults] of scenarios) {
    const r = await run(faults, {});
    const got = fingerprints(r.report);
    const missing = [...want].filter((f) => !got.has(f)).length;
    const extra = [...got].filter((f) => !want.has(f)).length;
    const gaps = incomplete(r.report);
    const met = missing === 0 && extra === 0 && gaps.length === 0;
    allMet &&= met;
    out[`reliability: ${name}`] =
      `${met ? "MET" : "NOT MET"}: ${got.size - extra}/${want.size} findings, ${gaps.length === 0 ? "coverage complete" : `incomplete: ${gaps.map((g) => `${g.scope} ${g.status}`).join(", ")}`}; ${r.seconds.toFixed(1)} s, ${r.throttledByEmulator} throttled, ${r.faults} faults, ${r.retried} retried attempts, LookupEvents ${(r.lookupCalls / minPages).toFixed(2)}× pages`;
  }

  // One region's Lambda connections never answer: bounded attempts (3 s) and calls (15 s) end that scope only.
  const hung = await run([{ region: "eu-west-1", service: "lambda", error: "hang", rate: 1 }], {
    retry: { attemptTimeoutMs: 3_000, callTimeoutMs: 15_000 },
  });
  const hungGaps = incomplete(hung.report);
  const others = [...want].filter((f) => {
    const finding = base.report.findings.find((x) => x.fingerprint === f)!;
    return finding.resource.region !== "eu-west-1" || finding.rule === "LG004";
  });
  const hungGot = fingerprints(hung.report);
  const hungMet =
    hungGaps.length === 1 && hungGaps[0]!.scope === "eu-west-1/lambda" && others.every((f) => hungGot.has(f));
  allMet &&= hungMet;
  out["reliability: eu-west-1 Lambda connections never answer (3 s attempts, 15 s per call)"] =
    `${hungMet ? "MET" : "NOT MET"}: finished in ${hung.seconds.toFixed(1)} s; incomplete scopes: ${hungGaps.map((g) => `${g.scope} ${g.status} (${g.detail?.slice(0, 220)})`).join(", ")}; ${others.filter((f) => hungGot.has(f)).length}/${others.length} findings of the other scopes`;
  out["reliability: every target met"] = String(allMet);
  if (!allMet) throw new Error(`reliability targets not met:\n${JSON.stringify(out, null, 2)}`);
  return out;
}
