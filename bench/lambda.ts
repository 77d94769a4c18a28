import {
  GetPolicyCommand,
  ListAliasesCommand,
  ListFunctionsCommand,
  ListFunctionUrlConfigsCommand,
} from "@aws-sdk/client-lambda";
import { AwsClients } from "../src/aws/clients.js";
import { DOCUMENTED_QUOTAS } from "../src/aws/quotas.js";
import { scanAccount } from "../src/aws/scan.js";
import {
  EMULATOR_STATE_SCHEMA_ID,
  EmulatorStateSchema,
  type EmulatedFunction,
} from "../src/emulator/state.js";
import { publicUrlStatements } from "../src/emulator/demo/functions.js";
import { defaultConfig } from "../src/model/index.js";
import { peakRssSampler, startEmulatorProcess } from "./emulator-process.js";

const ACCOUNT = "123456789012";
const REGIONS = ["us-east-1", "us-west-2", "eu-west-1", "ap-northeast-1"];
const CREDS = { accessKeyId: "AKIABENCHBENCHBENCH0", secretAccessKey: "bench" };

function account(functionsPerRegion: number, scale: number) {
  const functions: EmulatedFunction[] = [];
  for (const region of REGIONS) {
    for (let i = 0; i < functionsPerRegion; i++) {
      const name = `fn-${String(i).padStart(5, "0")}`;
      const arn = `arn:aws:lambda:${region}:${ACCOUNT}:function:${name}`;
      const withUrl = i % 20 === 0; // 5%
      functions.push({
        region,
        name,
        runtime: "nodejs22.x",
        tags: {},
        versions: [],
        aliases: [],
        urls: withUrl ? [{ qualifier: null, authType: i % 40 === 0 ? "NONE" : "AWS_IAM" }] : [],
        policies: withUrl
          ? {
              "": {
                Version: "2012-10-17",
                Statement: publicUrlStatements(arn),
              },
            }
          : {},
      });
    }
  }
  const quotas = Object.fromEntries(Object.entries(DOCUMENTED_QUOTAS).map(([k, v]) => [k, v * scale]));
  return EmulatorStateSchema.parse({
    schema: EMULATOR_STATE_SCHEMA_ID,
    accountId: ACCOUNT,
    regions: REGIONS,
    functions,
    behaviour: { latencyMs: 20, quotas },
  });
}

/** The quota lower bound for the calls actually made: per region, the slowest bucket; regions run in parallel. */
function lowerBoundSeconds(stats: Record<string, { taken: number }>, scale: number, budget: number): number {
  let bound = 0;
  for (const [key, s] of Object.entries(stats)) {
    const bucket = key.slice(key.indexOf("/") + 1) as keyof typeof DOCUMENTED_QUOTAS;
    bound = Math.max(bound, s.taken / (DOCUMENTED_QUOTAS[bucket] * Math.min(scale, budget)));
  }
  return bound;
}

/** One call at a time, like a shell loop over `aws lambda …` (without the CLI's own start-up cost). */
async function sequentialBaseline(clients: AwsClients, region: string, limit: number) {
  const lambda = clients.lambda(region);
  let calls = 0;
  const start = performance.now();
  const names: string[] = [];
  let marker: string | undefined;
  do {
    const page = await lambda.send(new ListFunctionsCommand({ Marker: marker }));
    calls++;
    names.push(...(page.Functions ?? []).map((f) => f.FunctionName!));
    marker = page.NextMarker;
  } while (marker && names.length < limit);
  for (const name of names.slice(0, limit)) {
    await lambda.send(new ListFunctionUrlConfigsCommand({ FunctionName: name }));
    await lambda.send(new ListAliasesCommand({ FunctionName: name }));
    await lambda.send(new GetPolicyCommand({ FunctionName: name })).catch(() => undefined);
    calls += 3;
  }
  return { calls, seconds: (performance.now() - start) / 1000 };
}

export async function benchLambda(opts: { functionsPerRegion?: number; scale?: number } = {}) {
  const perRegion = opts.functionsPerRegion ?? 1000;
  const scale = opts.scale ?? 20;
  const emu = await startEmulatorProcess(account(perRegion, scale));
  try {
    const clients = new AwsClients({
      endpointUrl: emu.url,
      apiBudget: scale,
      credentials: CREDS,
      homeRegion: "us-east-1",
    });
    const rss = peakRssSampler();
    const cpu0 = process.cpuUsage();
    const start = performance.now();
    const report = await scanAccount({
      clients,
      regions: REGIONS,
      lookbackDays: 90,
      rules: ["LG001", "LG002", "LG003"],
      config: defaultConfig(),
      confirmWithSimulator: false,
    });
    const wall = (performance.now() - start) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const peak = rss.stop();
    const bound = lowerBoundSeconds(
      Object.fromEntries(Object.entries(clients.bucketStats()).filter(([k]) => !k.startsWith("global/"))),
      scale,
      scale,
    );
    const calls = Object.values(clients.bucketStats()).reduce((n, s) => n + s.taken, 0);
    const throttled = clients.throttled;
    clients.destroy();

    // The baseline on a sample of one region, extrapolated per call to the same call count.
    const base = new AwsClients({
      endpointUrl: emu.url,
      apiBudget: scale,
      credentials: CREDS,
    });
    const sample = await sequentialBaseline(base, REGIONS[0]!, Math.min(200, perRegion));
    base.destroy();
    const baselineSeconds = (sample.seconds / sample.calls) * calls;
    return {
      "lambda: account": `${REGIONS.length} regions × ${perRegion} functions, 5% with URLs, 20 ms latency, quotas × ${scale}`,
      "lambda: findings": report.findings.length,
      "lambda: AWS calls": calls,
      "lambda: wall time (s)": wall.toFixed(2),
      "lambda: quota lower bound (s)": bound.toFixed(2),
      "lambda: ratio to bound (target ≤ 1.2)": (wall / bound).toFixed(3),
      "lambda: throttling errors seen by the SDK (target 0)": throttled,
      "lambda: peak RSS (MB, target < 300)": (peak / 1e6).toFixed(0),
      "lambda: scanner CPU (s)": ((cpu.user + cpu.system) / 1e6).toFixed(2),
      "lambda: sequential baseline (s, extrapolated from a sample)": `${baselineSeconds.toFixed(1)} (${sample.calls} calls measured in ${sample.seconds.toFixed(1)} s)`,
      "lambda: speed-up over baseline (target ≥ 20)": (baselineSeconds / wall).toFixed(1),
      "lambda: coverage complete": report.coverage.every((c) => c.status === "complete"),
    };
  } finally {
    emu.stop();
  }
}
