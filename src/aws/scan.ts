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
  const me = await callerIdentity(clients);
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

  const lambdaScans = wantUrl
    ? regions.map(async (region) => {
        const regionFindings: Finding[] = [];
        let functions = 0;
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
          onProgress: (p) => opts.onProgress?.({ kind: "lambda", ...p }),
        });
        await attachTags(clients, region, regionFindings);
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
        findings.push(...r.findings);
        coverage.push(...r.coverage);
      })
    : Promise.resolve();

  await Promise.all([...lambdaScans, lg004]);

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
