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
import { DOCUMENTED_QUOTAS, type QuotaBucket } from "./quotas.js";
import { TokenBucket } from "./ratelimit.js";

const THROTTLING = new Set([
  "TooManyRequestsException",
  "ThrottlingException",
  "Throttling",
  "RequestLimitExceeded",
]);
function isThrottling(err: unknown): boolean {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return THROTTLING.has(e?.name ?? "") || e?.$metadata?.httpStatusCode === 429;
}

export interface AwsClientOptions {
  /** Send every call here (the emulator, a VPC endpoint proxy…). */
  endpointUrl?: string;
  /** Fraction of the documented quotas the scan may use. */
  apiBudget: number;
  /** Region for global services (IAM, STS, Account). */
  homeRegion?: string;
  /** Bounded SDK retries: a safety net behind our own pacing. */
  maxAttempts?: number;
  /** Explicit credentials (the demo's emulator), or a provider (a member account's assumed role, refreshed
   * before it expires); otherwise the SDK's default chain. */
  credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
}

/**
 * One place that builds SDK clients (one per region and service, reused) and the token buckets that pace
 * them. Global services (IAM, STS, Account) are paced per account, the rest per region.
 */
export class AwsClients {
  private readonly cache = new Map<string, unknown>();
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly handler: NodeHttpHandler;
  readonly apiBudget: number;
  readonly homeRegion: string;

  constructor(private readonly opts: AwsClientOptions) {
    if (!(opts.apiBudget > 0)) throw new RangeError("apiBudget must be > 0");
    this.apiBudget = opts.apiBudget;
    this.homeRegion =
      opts.homeRegion ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? "us-east-1";
    const agentOpts = { keepAlive: true, maxSockets: 64 };
    this.handler = new NodeHttpHandler({
      httpAgent: new HttpAgent(agentOpts),
      httpsAgent: new Agent(agentOpts),
      connectionTimeout: 5_000,
      requestTimeout: 30_000,
    });
  }

  private config(region: string) {
    return {
      region,
      maxAttempts: this.opts.maxAttempts ?? 4,
      requestHandler: this.handler,
      ...(this.opts.credentials ? { credentials: this.opts.credentials } : {}),
      ...(this.opts.endpointUrl ? { endpoint: this.opts.endpointUrl } : {}),
    };
  }

  /** Throttling errors AWS returned, on any attempt, including ones the SDK retried away. */
  throttled = 0;

  private get<T extends { middlewareStack: { add: (...a: never[]) => void } }>(
    key: string,
    make: () => T,
  ): T {
    let c = this.cache.get(key) as T | undefined;
    if (!c) {
      c = make();
      // Inside the retry middleware (finalizeRequest, low priority), so every attempt is seen.
      (c.middlewareStack as unknown as { add: (mw: unknown, o: unknown) => void }).add(
        (next: (a: unknown) => Promise<unknown>) => async (args: unknown) => {
          try {
            return await next(args);
          } catch (err) {
            if (isThrottling(err)) this.throttled++;
            throw err;
          }
        },
        { step: "finalizeRequest", priority: "low", name: "lambdaGuardThrottleCounter" },
      );
      this.cache.set(key, c);
    }
    return c;
  }

  lambda(region: string): LambdaClient {
    return this.get(`lambda/${region}`, () => new LambdaClient(this.config(region)));
  }
  cloudtrail(region: string): CloudTrailClient {
    return this.get(`cloudtrail/${region}`, () => new CloudTrailClient(this.config(region)));
  }
  ec2(region: string): EC2Client {
    return this.get(`ec2/${region}`, () => new EC2Client(this.config(region)));
  }
  iam(): IAMClient {
    return this.get("iam", () => new IAMClient(this.config(this.homeRegion)));
  }
  sts(): STSClient {
    return this.get("sts", () => new STSClient(this.config(this.homeRegion)));
  }
  organizations(): OrganizationsClient {
    return this.get("organizations", () => new OrganizationsClient(this.config(this.homeRegion)));
  }
  account(): AccountClient {
    return this.get("account", () => new AccountClient(this.config(this.homeRegion)));
  }
  securityHub(region: string): SecurityHubClient {
    return this.get(`securityhub/${region}`, () => new SecurityHubClient(this.config(region)));
  }

  /** The pacing bucket for `bucket` in `region` (global buckets ignore the region). */
  bucket(bucket: QuotaBucket, region = "global"): TokenBucket {
    const key = `${region}/${bucket}`;
    let b = this.buckets.get(key);
    if (!b) {
      b = new TokenBucket(DOCUMENTED_QUOTAS[bucket] * this.apiBudget);
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
