/**
 * LG004 end to end: CloudTrail GetFunction callers (every scanned region, in parallel, paced per region) →
 * principals → IAM authorization details (once) → "may this principal call lambda:ListTags on what it read?" →
 * optional simulator confirmation → one finding per principal, plus coverage per region and for IAM.
 *
 * Callers from other accounts cannot be evaluated here (their policies live elsewhere): each becomes a low
 * finding that names the account and the functions, never a silent pass. Root is not limited by identity
 * policies and yields no finding; AWS service callers (`invokedBy`), failed calls and the scanner's own calls
 * are skipped.
 */
import type { Coverage, Finding } from "../../model/index.js";
import type { AwsClients } from "../clients.js";
import { fetchAuthorizationDetails } from "./authorization-details.js";
import { CallerCollector, GET_FUNCTION_EVENT_NAMES, type Caller, type CallerStats } from "./callers.js";
import { evaluateCallers, type CallerVerdict } from "./evaluate-callers.js";
import { crossAccountFinding, evaluatedFinding } from "./findings.js";
import { lookupRegion, type LookupRegionResult } from "./lookup-events.js";
import { principalFromArn } from "./principals.js";
import { simulateListTags, type SimulatorResult } from "./simulator.js";

export interface Lg004Options {
  clients: AwsClients;
  accountId: string;
  partition: string;
  regions: string[];
  lookbackDays: number;
  scannerArn: string;
  confirmWithSimulator: boolean;
  now?: Date;
  onProgress?: (e: { region: string; events: number; pages: number; waiting: boolean }) => void;
}

export interface Lg004Stats {
  regions: LookupRegionResult[];
  callers: CallerStats & { unparsable: number };
  principals: number;
  /** Time spent evaluating every caller's permissions (ms). */
  evaluationMs: number;
  /** Time until every region's CloudTrail lookups finished (ms). */
  cloudtrailMs: number;
  iamPages: number;
  simulatorCalls: number;
}

export interface Lg004Result {
  findings: Finding[];
  coverage: Coverage[];
  stats: Lg004Stats;
}

const DAY_MS = 86_400_000;

export async function scanGetFunctionCallers(opts: Lg004Options): Promise<Lg004Result> {
  const now = opts.now ?? new Date();
  const days = Math.min(90, Math.max(1, Math.floor(opts.lookbackDays)));
  const start = new Date(now.getTime() - days * DAY_MS);
  const scanner = principalFromArn(opts.scannerArn);
  const collector = new CallerCollector({
    accountId: opts.accountId,
    partition: opts.partition,
    ...(scanner ? { scanner } : {}),
  });
  let unparsable = 0;

  const t0 = performance.now();
  // IAM is independent of CloudTrail: read it while the (slower) event lookups run.
  const iamPromise = fetchAuthorizationDetails(opts.clients);
  const regionResults = await Promise.all(
    opts.regions.map((region) =>
      lookupRegion({
        clients: opts.clients,
        region,
        eventNames: GET_FUNCTION_EVENT_NAMES,
        start,
        end: now,
        onEvent: (ev) => {
          let record: unknown;
          try {
            record = JSON.parse(ev.CloudTrailEvent ?? "");
          } catch {
            unparsable++;
            return;
          }
          if (!record || typeof record !== "object") {
            unparsable++;
            return;
          }
          collector.add(ev.EventId, record as Record<string, unknown>, region);
        },
        ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
      }),
    ),
  );
  const cloudtrailMs = performance.now() - t0;
  const coverage: Coverage[] = regionResults.map((r) => ({
    scope: `${r.region}/cloudtrail`,
    status: r.status,
    ...(r.detail ? { detail: r.detail } : {}),
  }));

  const iam = await iamPromise;
  const callers = [...collector.callers.values()];
  const stats: Lg004Stats = {
    regions: regionResults,
    callers: { ...collector.stats, unparsable },
    principals: callers.length,
    evaluationMs: 0,
    cloudtrailMs,
    iamPages: iam.snapshot?.pages ?? 0,
    simulatorCalls: 0,
  };
  const evaluated = await evaluateGetFunctionCallers({
    clients: opts.clients,
    accountId: opts.accountId,
    callers,
    iam,
    stats,
    days,
    confirmWithSimulator: opts.confirmWithSimulator,
    now,
  });
  return { findings: evaluated.findings, coverage: [...coverage, ...evaluated.coverage], stats };
}

export interface EvaluateCallersInput {
  clients: AwsClients;
  /** The account whose IAM `iam` is; callers from other accounts become cross-account findings. */
  accountId: string;
  callers: Caller[];
  iam: Awaited<ReturnType<typeof fetchAuthorizationDetails>>;
  /** `callers` statistics are read; `evaluationMs` and `simulatorCalls` are filled in. */
  stats: Lg004Stats;
  days: number;
  confirmWithSimulator: boolean;
  now: Date;
}

/**
 * LG004's decision for callers already collected (from LookupEvents or a CloudTrail Lake query): each caller of
 * `accountId` evaluated against that account's IAM, the rest reported as cross-account; IAM coverage.
 */
export async function evaluateGetFunctionCallers(
  input: EvaluateCallersInput,
): Promise<{ findings: Finding[]; coverage: Coverage[] }> {
  const { iam, callers, stats, days, now } = input;
  const opts = input;
  const coverage: Coverage[] = [];
  const findings: Finding[] = [];

  if (!iam.snapshot || iam.status === "failed") {
    // Without IAM nothing in this account can be evaluated; other accounts' callers are still reported.
    const local = callers.filter(
      (c) => c.principal.accountId === opts.accountId && c.principal.type !== "root",
    );
    coverage.push({
      scope: "global/iam",
      status: "failed",
      detail: `${iam.detail ?? "IAM authorization details unavailable"}; ${local.length} GetFunction caller${local.length === 1 ? "" : "s"} not evaluated for LG004`,
    });
    for (const c of callers) {
      if (c.principal.accountId !== opts.accountId)
        findings.push(crossAccountFinding({ status: "cross-account", caller: c }));
    }
    return { findings, coverage };
  }

  const t1 = performance.now();
  const verdicts = evaluateCallers(callers, iam.snapshot, { accountId: opts.accountId, now });
  stats.evaluationMs = performance.now() - t1;

  let simulations = new Map<string, SimulatorResult>();
  if (opts.confirmWithSimulator) {
    const sim = await confirm(opts.clients, verdicts);
    simulations = sim.results;
    stats.simulatorCalls = sim.calls;
    coverage.push({
      scope: "global/iam-simulator",
      status: sim.failed === 0 ? "complete" : sim.failed === sim.results.size ? "failed" : "partial",
      ...(sim.firstError ? { detail: `${sim.failed} principal(s) not simulated: ${sim.firstError}` } : {}),
    });
  }

  const notes: string[] = [];
  const unknown: string[] = [];
  const unreadable = new Set<string>();
  let roots = 0;
  for (const v of verdicts) {
    switch (v.status) {
      case "evaluated": {
        const f = evaluatedFinding(v, simulations.get(v.principalArn));
        if (f) findings.push(f);
        for (const u of v.unreadable) unreadable.add(u);
        break;
      }
      case "cross-account":
        findings.push(crossAccountFinding(v));
        break;
      case "root":
        roots++;
        break;
      case "unknown-principal":
        unknown.push(v.caller.principal.arn);
        break;
    }
  }
  const s = stats.callers;
  notes.push(
    `${callers.length} principal${callers.length === 1 ? "" : "s"} called GetFunction in the last ${days} day${days === 1 ? "" : "s"}`,
  );
  const skipped = [
    s.failed ? `${s.failed} failed call${s.failed === 1 ? "" : "s"}` : "",
    s.service ? `${s.service} by AWS services` : "",
    s.self ? `${s.self} by the scanner itself` : "",
    s.unresolved
      ? `${s.unresolved} by unresolvable identities (${Object.entries(s.unresolvedTypes)
          .map(([k, n]) => `${k} ${n}`)
          .join(", ")})`
      : "",
    roots ? `root (not limited by identity policies)` : "",
  ].filter(Boolean);
  if (skipped.length > 0) notes.push(`skipped: ${skipped.join(", ")}`);
  if (unknown.length > 0) {
    notes.push(
      `${unknown.length} caller${unknown.length === 1 ? "" : "s"} no longer exist${unknown.length === 1 ? "s" : ""} in IAM: ${unknown.slice(0, 5).join(", ")}${unknown.length > 5 ? ", …" : ""}`,
    );
  }
  if (unreadable.size > 0) {
    notes.push(
      `policies not evaluated (their statements are unknown, so results for principals using them may be wrong): ${[...unreadable].slice(0, 5).join("; ")}`,
    );
  }
  coverage.push({
    scope: "global/iam",
    status: unreadable.size > 0 ? "partial" : "complete",
    detail: notes.join("; "),
  });
  return { findings, coverage };
}

async function confirm(
  clients: AwsClients,
  verdicts: readonly CallerVerdict[],
): Promise<{ results: Map<string, SimulatorResult>; calls: number; failed: number; firstError?: string }> {
  const results = new Map<string, SimulatorResult>();
  let calls = 0;
  let failed = 0;
  let firstError: string | undefined;
  // Sequential: the simulator bucket is gentle anyway, and IAM is per account.
  for (const v of verdicts) {
    if (v.status !== "evaluated") continue;
    const flagged = v.functions.filter((f) => f.decision !== "allowed").map((f) => f.arn);
    if (flagged.length === 0) continue;
    calls += Math.ceil(flagged.length / 50);
    const r = await simulateListTags(clients, v.principalArn, flagged);
    if (r.error) {
      failed++;
      firstError ??= r.error;
    }
    results.set(v.principalArn, r);
  }
  return { results, calls, failed, ...(firstError ? { firstError } : {}) };
}

export { GET_FUNCTION_EVENT_NAMES } from "./callers.js";
export { resolveFunctionArn } from "./callers.js";
export { resolveIdentity, principalFromArn } from "./principals.js";
export { fixPolicy } from "./findings.js";
