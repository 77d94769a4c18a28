import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import {
  applyAllowList,
  applyRuleOverrides,
  buildReport,
  InputError,
  VERSION,
  type Config,
  type Coverage,
  type Finding,
  type Report,
  type RuleId,
} from "../model/index.js";
import { partitionOf } from "./arn.js";
import type { AwsClients } from "./clients.js";
import { describeAwsError } from "./errors.js";
import { CallDeadlineError, ScanTimeoutError } from "./retry.js";
import { collectRegion, readTags, type RegionProgress } from "./lambda-collect.js";
import { scanGetFunctionCallers } from "./lg004/index.js";
import { listEnabledRegions } from "./regions.js";
import { analyzeFunction } from "./url-findings.js";

export type ScanProgress =
  | ({ kind: "lambda" } & RegionProgress)
  | { kind: "cloudtrail"; region: string; events: number; pages: number; waiting: boolean }
  | { kind: "region-done"; region: string; functions: number; findings: number; coverage: Coverage };

export interface ScanOptions {
  clients: AwsClients;
  regions: "all" | string[];
  lookbackDays: number;
  rules: readonly RuleId[];
  config: Config;
  confirmWithSimulator: boolean;
  onProgress?: (e: ScanProgress) => void;
  now?: Date;
  /** How the scan-wide deadline was set, for coverage details (e.g. "--timeout 30m"). The deadline itself is
   * `clients.signal`: when it aborts, every scope not finished becomes `timed-out` and the report is built
   * from what was read. */
  timeoutLabel?: string;
}

const URL_RULES: RuleId[] = ["LG001", "LG002", "LG003"];

export interface CallerIdentity {
  accountId: string;
  arn: string;
  partition: string;
}

export async function callerIdentity(clients: AwsClients): Promise<CallerIdentity> {
  try {
    const out = await clients.sts().send(new GetCallerIdentityCommand({}));
    return { accountId: out.Account!, arn: out.Arn!, partition: partitionOf(out.Arn!) };
  } catch (err) {
    // Turbulence, not bad credentials: the caller reports it as coverage (scanAccount).
    if (err instanceof ScanTimeoutError || err instanceof CallDeadlineError) throw err;
    throw new InputError(
      `cannot identify the AWS account (sts:GetCallerIdentity failed: ${describeAwsError(err)}) — configure credentials (AWS_PROFILE, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or the Action's role-to-assume) or check --endpoint-url`,
      "AWS credentials",
    );
  }
}

/** The live account scan: every enabled region in parallel, each paced at the documented quotas × budget. */
export async function scanAccount(opts: ScanOptions): Promise<Report> {
  const now = opts.now ?? new Date();
  const { clients } = opts;
  let me: CallerIdentity;
  try {
    me = await callerIdentity(clients);
  } catch (err) {
    if (!(err instanceof ScanTimeoutError || err instanceof CallDeadlineError)) throw err;
    // AWS (or the endpoint) never answered: a report that says so, rather than no report at all.
    const timedOut = err instanceof ScanTimeoutError;
    return buildReport({
      version: VERSION,
      target: { kind: "aws-account", accountId: "unknown", partition: "aws", regions: [] },
      coverage: [
        {
          scope: "global/sts",
          status: timedOut ? "timed-out" : "failed",
          detail: timedOut
            ? `the scan's ${opts.timeoutLabel ?? "timeout"} was reached before sts:GetCallerIdentity answered; nothing was scanned`
            : `${err.message}; nothing was scanned — check --endpoint-url and the network path to AWS`,
        },
      ],
      findings: [],
      now,
    });
  }
  const coverage: Coverage[] = [];

  let regions: string[];
  if (opts.regions === "all") {
    const listed = await listEnabledRegions(clients);
    regions = listed.regions;
    if (listed.problem) coverage.push({ scope: "global/regions", status: "partial", detail: listed.problem });
  } else {
    regions = [...opts.regions];
  }

  const wantUrl = opts.rules.some((r) => URL_RULES.includes(r));
  const findings: Finding[] = [];
  const signal = clients.signal;
  const timedOut = () => signal?.aborted === true;
  const why = `the scan's ${opts.timeoutLabel ?? "timeout"} was reached`;
  /** Scopes still being read, with what to say about them if the deadline passes now. */
  const unfinished = new Map<string, () => { detail: string; findings: Finding[] }>();

  const lambdaScans = wantUrl
    ? regions.map(async (region) => {
        const scope = `${region}/lambda`;
        const regionFindings: Finding[] = [];
        let functions = 0;
        let total = 0;
        unfinished.set(scope, () => ({
          detail: `${why} after ${functions} of ${total} functions listed so far; findings below cover those`,
          findings: regionFindings,
        }));
        const cov = await collectRegion({
          clients,
          region,
          accountId: me.accountId,
          partition: me.partition,
          onFunction: (facts) => {
            functions++;
            for (const f of analyzeFunction(facts, now))
              if (opts.rules.includes(f.rule)) regionFindings.push(f);
          },
          onProgress: (p) => {
            total = p.functionsTotal;
            opts.onProgress?.({ kind: "lambda", ...p });
          },
        });
        await attachTags(clients, region, regionFindings);
        if (timedOut()) return; // reported as timed-out below, with what was read
        unfinished.delete(scope);
        coverage.push(cov);
        findings.push(...regionFindings);
        opts.onProgress?.({
          kind: "region-done",
          region,
          functions,
          findings: regionFindings.length,
          coverage: cov,
        });
      })
    : [];

  if (opts.rules.includes("LG004")) {
    // LG004 needs every region's events and IAM before it can judge anyone: unfinished, it reports nothing.
    const lg004Detail = () => ({
      detail: `${why} before LG004's CloudTrail lookups and IAM evaluation finished; LG004 not evaluated`,
      findings: [],
    });
    for (const r of regions) unfinished.set(`${r}/cloudtrail`, lg004Detail);
    unfinished.set("global/iam", lg004Detail);
  }
  const lg004 = opts.rules.includes("LG004")
    ? scanGetFunctionCallers({
        clients,
        accountId: me.accountId,
        partition: me.partition,
        regions,
        lookbackDays: opts.lookbackDays,
        scannerArn: me.arn,
        confirmWithSimulator: opts.confirmWithSimulator,
        now,
        onProgress: (e) => opts.onProgress?.({ kind: "cloudtrail", ...e }),
      }).then((r) => {
        if (timedOut()) return;
        for (const r2 of regions) unfinished.delete(`${r2}/cloudtrail`);
        unfinished.delete("global/iam");
        findings.push(...r.findings);
        coverage.push(...r.coverage);
      })
    : Promise.resolve();

  // A hung scope never holds the report: at the deadline, stop waiting and report what was read.
  const all = Promise.all([...lambdaScans, lg004]);
  if (signal) {
    await Promise.race([
      all,
      new Promise<void>((resolve) => {
        if (signal.aborted) resolve();
        else signal.addEventListener("abort", () => resolve(), { once: true });
      }),
    ]);
    all.catch(() => undefined); // late failures of abandoned scopes are moot
  } else {
    await all;
  }
  if (timedOut()) {
    for (const [scope, describe] of unfinished) {
      const { detail, findings: partial } = describe();
      findings.push(...partial);
      coverage.push({ scope, status: "timed-out", detail });
    }
  }

  const final = applyAllowList(applyRuleOverrides(findings, opts.config), opts.config, now);
  return buildReport({
    version: VERSION,
    target: { kind: "aws-account", accountId: me.accountId, partition: me.partition, regions },
    coverage: coverage.sort((a, b) => a.scope.localeCompare(b.scope)),
    findings: final,
    now,
  });
}

/** One ListTags per affected function, not per finding. */
async function attachTags(clients: AwsClients, region: string, findings: Finding[]): Promise<void> {
  const arns = [...new Set(findings.map((f) => f.resource.arn).filter((a): a is string => !!a))];
  const tags = new Map<string, Record<string, string>>();
  await Promise.all(
    arns.map(async (arn) => {
      const t = await readTags(clients, region, arn);
      if (t) tags.set(arn, t);
    }),
  );
  for (const f of findings) {
    const t = f.resource.arn ? tags.get(f.resource.arn) : undefined;
    if (t) f.resource.tags = t;
  }
}
