import { AccountClient } from "@aws-sdk/client-account";
import { CloudTrailClient } from "@aws-sdk/client-cloudtrail";
import { EC2Client } from "@aws-sdk/client-ec2";
import { IAMClient } from "@aws-sdk/client-iam";
import { LambdaClient } from "@aws-sdk/client-lambda";
import { SecurityHubClient } from "@aws-sdk/client-securityhub";
import { OrganizationsClient } from "@aws-sdk/client-organizations";
import { STSClient } from "@aws-sdk/client-sts";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from "@smithy/types";
import { Agent } from "node:https";
import { Agent as HttpAgent } from "node:http";
import { bucketFor, DOCUMENTED_QUOTAS, type QuotaBucket } from "./quotas.js";
import { TokenBucket } from "./ratelimit.js";
import {
  DEFAULT_RETRY_POLICY,
  realClock,
  withRetry,
  type ErrorKind,
  type RetryClock,
  type RetryPolicy,
} from "./retry.js";

export interface AwsClientOptions {
  /** Send every call here (the emulator, a VPC endpoint proxy…). */
  endpointUrl?: string;
  /** Fraction of the documented quotas the scan may use. */
  apiBudget: number;
  /** Region for global services (IAM, STS, Account). */
  homeRegion?: string;
  /** Explicit credentials (the demo's emulator), or a provider (a member account's assumed role, refreshed
   * before it expires); otherwise the SDK's default chain. */
  credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /** Per-call deadline, per-attempt bound and backoff (src/aws/retry.ts). */
  retry?: Partial<RetryPolicy>;
  /** Scan-wide cancellation (scan --timeout): waiting and running calls end with ScanTimeoutError. */
  signal?: AbortSignal;
  /** Injected time for tests. */
  clock?: RetryClock;
}

/** Minimal view of the SDK's middleware stack and handler context, for the one middleware we add. */
interface Stack {
  add(mw: unknown, opts: { step: string; priority?: string; name: string; override?: boolean }): void;
}
type Next = (args: unknown) => Promise<unknown>;

/**
 * One place that builds SDK clients (one per region and service, reused) and the token buckets that pace
 * them. Every client built here gets the retry policy of src/aws/retry.ts as a middleware around the whole
 * call (serialize → send → parse), with the SDK's own retries off: each attempt takes a token from the
 * call's bucket (src/aws/quotas.ts `bucketFor`), throttles slow that bucket down, and the call gives up only at
 * its deadline. Callers just `send`; they never take tokens or retry themselves.
 */
export class AwsClients {
  private readonly cache = new Map<string, unknown>();
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly handler: NodeHttpHandler;
  readonly apiBudget: number;
  readonly homeRegion: string;
  readonly policy: RetryPolicy;
  readonly signal: AbortSignal | undefined;
  private readonly clock: RetryClock;

  /** Throttling errors AWS returned, on any attempt, including ones retried away. */
  throttled = 0;
  /** Failed attempts by kind (statistics for benchmarks and progress). */
  readonly attemptErrors: Partial<Record<ErrorKind, number>> = {};

  constructor(private readonly opts: AwsClientOptions) {
    if (!(opts.apiBudget > 0)) throw new RangeError("apiBudget must be > 0");
    this.apiBudget = opts.apiBudget;
    this.homeRegion =
      opts.homeRegion ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? "us-east-1";
    this.policy = { ...DEFAULT_RETRY_POLICY, ...opts.retry };
    this.signal = opts.signal;
    this.clock = opts.clock ?? realClock;
    const agentOpts = { keepAlive: true, maxSockets: 64 };
    // Timeouts that abort (not just warn): connect, whole request, and an idle socket mid-body. The retry
    // middleware bounds each attempt as well, so a response that trickles forever is cut too.
    const attempt = this.policy.attemptTimeoutMs;
    this.handler = new NodeHttpHandler({
      httpAgent: new HttpAgent(agentOpts),
      httpsAgent: new Agent(agentOpts),
      connectionTimeout: Math.min(5_000, attempt),
      requestTimeout: attempt,
      throwOnRequestTimeout: true,
      socketTimeout: attempt,
    });
  }

  /**
   * Clients for other credentials (a member account's assumed role) with everything else of these: endpoint,
   * budget, home region, retry policy, scan-wide cancellation and clock. Their buckets are their own, as
   * quotas are per account.
   */
  forCredentials(credentials: NonNullable<AwsClientOptions["credentials"]>): AwsClients {
    return new AwsClients({ ...this.opts, credentials });
  }

  private config(region: string) {
    return {
      region,
      // One retry policy, ours (the middleware below); the SDK makes exactly one attempt per call.
      maxAttempts: 1,
      requestHandler: this.handler,
      ...(this.opts.credentials ? { credentials: this.opts.credentials } : {}),
      ...(this.opts.endpointUrl ? { endpoint: this.opts.endpointUrl } : {}),
    };
  }

  private get<T extends { middlewareStack: unknown }>(service: string, region: string, make: () => T): T {
    const key = `${service}/${region}`;
    let c = this.cache.get(key) as T | undefined;
    if (!c) {
      c = make();
      this.instrument(c.middlewareStack as Stack, service, region);
      this.cache.set(key, c);
    }
    return c;
  }

  private instrument(stack: Stack, service: string, region: string): void {
    // Outermost: the whole call, serialization and parsing included, so a body that does not parse is retried.
    stack.add(
      (next: Next, context: { commandName?: string }) => (args: unknown) => {
        const operation = (context.commandName ?? "Unknown").replace(/Command$/, "");
        const paced = bucketFor(service, operation);
        const pacer = paced ? this.bucket(paced.bucket, paced.global ? "global" : region) : undefined;
        return withRetry(() => next(args), {
          label: `${service}:${operation}${region === "global" ? "" : ` in ${region}`}`,
          policy: this.policy,
          clock: this.clock,
          ...(pacer ? { pacer } : {}),
          ...(this.signal ? { signal: this.signal } : {}),
          onAttemptError: (_err, kind) => {
            this.attemptErrors[kind] = (this.attemptErrors[kind] ?? 0) + 1;
            if (kind === "throttling") this.throttled++;
          },
        });
      },
      { step: "initialize", priority: "high", name: "lambdaGuardRetry", override: true },
    );
  }

  lambda(region: string): LambdaClient {
    return this.get("lambda", region, () => new LambdaClient(this.config(region)));
  }
  cloudtrail(region: string): CloudTrailClient {
    return this.get("cloudtrail", region, () => new CloudTrailClient(this.config(region)));
  }
  ec2(region: string): EC2Client {
    return this.get("ec2", region, () => new EC2Client(this.config(region)));
  }
  iam(): IAMClient {
    return this.get("iam", "global", () => new IAMClient(this.config(this.homeRegion)));
  }
  sts(): STSClient {
    return this.get("sts", "global", () => new STSClient(this.config(this.homeRegion)));
  }
  organizations(): OrganizationsClient {
    return this.get("organizations", "global", () => new OrganizationsClient(this.config(this.homeRegion)));
  }
  account(): AccountClient {
    return this.get("account", "global", () => new AccountClient(this.config(this.homeRegion)));
  }
  securityHub(region: string): SecurityHubClient {
    return this.get("securityhub", region, () => new SecurityHubClient(this.config(region)));
  }

  /** The pacing bucket for `bucket` in `region` (global buckets ignore the region). */
  bucket(bucket: QuotaBucket, region = "global"): TokenBucket {
    const key = `${region}/${bucket}`;
    let b = this.buckets.get(key);
    if (!b) {
      // Throttling may slow a bucket to a quarter of the documented quota (of the budget, if lower), no further:
      // random throttles (someone else's burst) must not stall the scan.
      const documented = DOCUMENTED_QUOTAS[bucket];
      b = new TokenBucket(
        documented * this.apiBudget,
        undefined,
        {},
        (documented * Math.min(1, this.apiBudget)) / 4,
      );
      this.buckets.set(key, b);
    }
    return b;
  }

  /** Total time callers spent waiting for tokens, per bucket key (progress and benchmarks). */
  bucketStats(): Record<string, TokenBucket["stats"]> {
    return Object.fromEntries([...this.buckets].map(([k, b]) => [k, b.stats]));
  }

  destroy(): void {
    for (const c of this.cache.values()) (c as { destroy(): void }).destroy();
    this.handler.destroy();
  }
}
