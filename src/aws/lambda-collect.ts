import {
  GetPolicyCommand,
  ListAliasesCommand,
  ListFunctionsCommand,
  ListFunctionUrlConfigsCommand,
  ListTagsCommand,
  type FunctionConfiguration,
  type ListAliasesCommandOutput,
  type ListFunctionsCommandOutput,
  type ListFunctionUrlConfigsCommandOutput,
} from "@aws-sdk/client-lambda";
import type { Coverage } from "../model/index.js";
import { parsePolicy } from "../policy/index.js";
import { functionArn, splitFunctionArn } from "./arn.js";
import type { AwsClients } from "./clients.js";
import { describeAwsError, isFunctionGone, isNotFound, isRegionRefusal, regionNotEnabled } from "./errors.js";
import type { FunctionFacts, PolicyFact, UrlFact } from "./function-facts.js";
import { Semaphore } from "./semaphore.js";
import { pageGuard } from "./pages.js";

export interface RegionProgress {
  region: string;
  functionsDone: number;
  functionsTotal: number;
  /** True while the listing is still paging (the total can still grow). */
  listing: boolean;
  /** Calls queued behind our own rate limit (not AWS throttling). */
  waiting: number;
}

export interface CollectOptions {
  clients: AwsClients;
  region: string;
  accountId: string;
  partition: string;
  /** Called with each function's facts as soon as they are complete (analysis streams; facts are not kept). */
  onFunction: (facts: FunctionFacts) => void;
  onProgress?: (p: RegionProgress) => void;
  /** Functions in flight at once; the token buckets pace the calls. */
  concurrency?: number;
}

/** Per-API failure tally for one region, turned into a coverage entry at the end. */
class Failures {
  private readonly byApi = new Map<string, { count: number; first: string }>();
  add(api: string, err: unknown): void {
    const cur = this.byApi.get(api);
    if (cur) cur.count++;
    else this.byApi.set(api, { count: 1, first: typeof err === "string" ? err : describeAwsError(err) });
  }
  get size(): number {
    return this.byApi.size;
  }
  detail(): string {
    return [...this.byApi]
      .map(([api, { count, first }]) => `${api}: ${count} call${count > 1 ? "s" : ""} failed (${first})`)
      .join("; ");
  }
}

/** Bounds on page chains (50 items a page): a million functions in a region, 5,000 URLs or aliases per function. */
const MAX_FUNCTION_PAGES = 20_000;
const MAX_QUALIFIER_PAGES = 100;

/**
 * Reads every function of one region: URL configs (which cover aliases), aliases, and the policy of the
 * unqualified function, of every URL qualifier and of every alias. Failures become coverage, never a crash.
 */
export async function collectRegion(opts: CollectOptions): Promise<Coverage> {
  const { clients, region } = opts;
  const lambda = clients.lambda(region);
  const control = clients.bucket("lambda:control-plane", region);
  const policyBucket = clients.bucket("lambda:GetPolicy", region);
  const failures = new Failures();
  const sem = new Semaphore(opts.concurrency ?? 12);
  let total = 0;
  let done = 0;
  const deleted: string[] = [];
  let listing = true;
  const progress = () =>
    opts.onProgress?.({
      region,
      functionsDone: done,
      functionsTotal: total,
      listing,
      waiting: control.pending + policyBucket.pending,
    });

  const getPolicy = async (name: string, qualifier: string | null): Promise<PolicyFact> => {
    try {
      const out = await lambda.send(
        new GetPolicyCommand({ FunctionName: name, ...(qualifier ? { Qualifier: qualifier } : {}) }),
      );
      const raw = out.Policy ?? "";
      try {
        return {
          status: "ok",
          document: parsePolicy(raw, `${name}${qualifier ? `:${qualifier}` : ""}`),
          raw,
        };
      } catch (err) {
        const error = err instanceof Error ? err.message : String(err);
        // Read but not analysable: a coverage gap as well as a finding (LG001 cannot be ruled out).
        failures.add("GetPolicy (unparseable policy)", error);
        return { status: "invalid", error, raw };
      }
    } catch (err) {
      // The function vanished: not "no policy"; processFunction reports it as deleted.
      if (isFunctionGone(err)) throw err;
      if (isNotFound(err)) return { status: "absent" };
      failures.add("GetPolicy", err);
      return { status: "unreadable", error: describeAwsError(err) };
    }
  };

  const processFunction = async (fn: FunctionConfiguration): Promise<void> => {
    const name = fn.FunctionName!;
    try {
      const urls: UrlFact[] = [];
      let marker: string | undefined;
      const nextUrls = pageGuard("lambda:ListFunctionUrlConfigs", MAX_QUALIFIER_PAGES);
      do {
        const page: ListFunctionUrlConfigsCommandOutput = await lambda.send(
          new ListFunctionUrlConfigsCommand({ FunctionName: name, Marker: marker, MaxItems: 50 }),
        );
        for (const u of page.FunctionUrlConfigs ?? []) {
          urls.push({
            qualifier: splitFunctionArn(u.FunctionArn ?? "").qualifier,
            authType: u.AuthType === "NONE" ? "NONE" : "AWS_IAM",
            url: u.FunctionUrl ?? "",
          });
        }
        marker = nextUrls(page.NextMarker);
      } while (marker);

      const aliases: string[] = [];
      try {
        marker = undefined;
        const nextAliases = pageGuard("lambda:ListAliases", MAX_QUALIFIER_PAGES);
        do {
          const page: ListAliasesCommandOutput = await lambda.send(
            new ListAliasesCommand({ FunctionName: name, Marker: marker, MaxItems: 50 }),
          );
          for (const a of page.Aliases ?? []) if (a.Name) aliases.push(a.Name);
          marker = nextAliases(page.NextMarker);
        } while (marker);
      } catch (err) {
        if (isNotFound(err)) throw err;
        failures.add("ListAliases", err);
      }

      const qualifiers = [...new Set(["", ...urls.map((u) => u.qualifier ?? ""), ...aliases])];
      const policies = new Map<string, PolicyFact>();
      await Promise.all(
        qualifiers.map(async (q) => policies.set(q, await getPolicy(name, q === "" ? null : q))),
      );
      opts.onFunction({
        region,
        accountId: opts.accountId,
        partition: opts.partition,
        functionName: name,
        functionArn: functionArn(opts.partition, region, opts.accountId, name),
        urls,
        policies,
        aliases,
      });
    } catch (err) {
      // Deleted between ListFunctions and now: nothing left to expose, but say which.
      if (isNotFound(err)) deleted.push(name);
      else failures.add("ListFunctionUrlConfigs", err);
    } finally {
      done++;
      progress();
    }
  };

  const work: Promise<void>[] = [];
  try {
    let marker: string | undefined;
    const nextFunctions = pageGuard("lambda:ListFunctions", MAX_FUNCTION_PAGES);
    do {
      const page: ListFunctionsCommandOutput = await lambda.send(
        new ListFunctionsCommand({ Marker: marker, MaxItems: 50 }),
      );
      for (const fn of page.Functions ?? []) {
        if (!fn.FunctionName) continue;
        total++;
        work.push(sem.run(() => processFunction(fn)));
      }
      progress();
      marker = nextFunctions(page.NextMarker);
    } while (marker);
  } catch (err) {
    listing = false;
    await Promise.all(work);
    if (total === 0 && isRegionRefusal(err)) {
      return { scope: `${region}/lambda`, status: "failed", detail: regionNotEnabled(region, err) };
    }
    return {
      scope: `${region}/lambda`,
      status: total > 0 ? "partial" : "failed",
      detail: `ListFunctions failed after ${total} functions: ${describeAwsError(err)}`,
    };
  }
  listing = false;
  await Promise.all(work);
  progress();

  const notes: string[] = [];
  if (deleted.length > 0) {
    const names = deleted.sort().slice(0, 10).join(", ");
    notes.push(
      `${deleted.length} function${deleted.length > 1 ? "s" : ""} deleted during the scan, not analysed: ${names}${deleted.length > 10 ? ", …" : ""}`,
    );
  }
  if (failures.size > 0) notes.push(failures.detail());
  return {
    scope: `${region}/lambda`,
    status: failures.size > 0 ? "partial" : "complete",
    detail: [`${total} functions`, ...notes].join("; "),
  };
}

/** Tags of a function with findings, so `fix --report` can map it to CloudFormation/SAM/CDK code. */
export async function readTags(
  clients: AwsClients,
  region: string,
  arn: string,
): Promise<Record<string, string> | null> {
  try {
    const out = await clients.lambda(region).send(new ListTagsCommand({ Resource: arn }));
    return out.Tags ?? {};
  } catch {
    return null;
  }
}
