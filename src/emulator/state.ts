import { z } from "zod";

export const EMULATOR_STATE_SCHEMA_ID = "lambda-guard/emulator-state@1";

const PolicyValue = z.union([z.string(), z.record(z.string(), z.unknown())]);

export const EmulatedUrlSchema = z.looseObject({
  qualifier: z.string().nullable().default(null),
  authType: z.enum(["NONE", "AWS_IAM"]),
  creationTime: z.string().optional(),
  lastModifiedTime: z.string().optional(),
  invokeMode: z.enum(["BUFFERED", "RESPONSE_STREAM"]).optional(),
  cors: z.record(z.string(), z.unknown()).optional(),
});

export const EmulatedFunctionSchema = z.looseObject({
  region: z.string(),
  name: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  runtime: z.string().default("nodejs22.x"),
  handler: z.string().optional(),
  role: z.string().optional(),
  description: z.string().optional(),
  tags: z.record(z.string(), z.string()).default({}),
  versions: z.array(z.string()).default([]),
  aliases: z.array(z.looseObject({ name: z.string(), version: z.string() })).default([]),
  urls: z.array(EmulatedUrlSchema).default([]),
  /** key "" = unqualified; a string value is served as-is (even if invalid JSON). */
  policies: z.record(z.string(), PolicyValue).default({}),
  /** Lambda's LastModified; ISO 8601 (default 2024-01-01T00:00:00Z). */
  lastModified: z.string().optional(),
  memorySize: z.number().int().min(128).max(10240).optional(),
  timeout: z.number().int().min(1).max(900).optional(),
});
export type EmulatedFunction = z.infer<typeof EmulatedFunctionSchema>;

export const FaultSchema = z.looseObject({
  region: z.string().optional(),
  service: z.string().optional(),
  operation: z.string().optional(),
  /** AccessDeniedException, ResourceNotFoundException, ServiceException (500), ServiceUnavailable (503),
   * Throttling (429/400 with Retry-After), reset (socket destroyed), malformed (unparseable body), hang (the
   * connection is accepted and never answered), wrongProtocol (200 with an HTML page, as a proxy sends),
   * latency (delay by latencyMs, then answer normally), deleteFunction (delete the request's function from
   * the state, then answer as AWS then would), shortPage (IAM: a truncated page with fewer items than
   * MaxItems), or any AWS error code. */
  error: z.string(),
  rate: z.number().min(0).max(1).default(1),
  /** Only for requests whose target function name matches (Lambda). */
  functionName: z.string().optional(),
  /** Skip the first N matching requests (e.g. a function deleted after N calls). */
  after: z.number().int().min(0).optional(),
  /** For `latency`: milliseconds added to matching requests. */
  latencyMs: z.number().min(0).max(600_000).optional(),
  /** For `Throttling`: the Retry-After header, in seconds (default 1). */
  retryAfterSeconds: z.number().int().min(0).max(3600).optional(),
});
export type Fault = z.infer<typeof FaultSchema>;

export const SimulationSchema = z.looseObject({
  principalArn: z.string(),
  action: z.string(),
  /** Resource ARN or "*" (matches any resource). */
  resource: z.string().default("*"),
  decision: z.enum(["allowed", "explicitDeny", "implicitDeny"]),
  /** Organizations (SCP) part of the decision, as SimulatePrincipalPolicy reports it. */
  allowedByOrganizations: z.boolean().optional(),
});
export type Simulation = z.infer<typeof SimulationSchema>;

/** One account's state: the top level of a state file, and each member account of an organization. */
const AccountStateSchema = z.looseObject({
  schema: z.literal(EMULATOR_STATE_SCHEMA_ID),
  accountId: z.string().regex(/^\d{12}$/),
  partition: z.string().default("aws"),
  /** Enabled regions. */
  regions: z.array(z.string()).min(1),
  /** Regions that exist but are not enabled (opt-in regions that refuse requests). */
  disabledRegions: z.array(z.string()).default([]),
  /** The principal the credentials belong to (STS GetCallerIdentity). */
  callerArn: z.string().optional(),
  functions: z.array(EmulatedFunctionSchema).default([]),
  /** CloudTrail event records as CloudTrail writes them. */
  cloudtrail: z.array(z.record(z.string(), z.unknown())).default([]),
  /** The GetAccountAuthorizationDetails result: UserDetailList, GroupDetailList, RoleDetailList, Policies. */
  iam: z.record(z.string(), z.unknown()).default({}),
  /** Answers for iam:SimulatePrincipalPolicy (first match wins; absent = implicitDeny). */
  simulations: z.array(SimulationSchema).default([]),
  behaviour: z
    .looseObject({
      latencyMs: z.number().min(0).default(0),
      /** Per bucket (a number or "unlimited"), or "unlimited" for the whole account. */
      quotas: z
        .union([
          z.literal("unlimited"),
          z.record(z.string(), z.union([z.number().positive(), z.literal("unlimited")])),
        ])
        .default({}),
      faults: z.array(FaultSchema).default([]),
      /** Deterministic fault sampling. */
      seed: z.number().int().optional(),
      /** "denied": GetFunction answers with `TagsError` (AccessDeniedException) instead of `Tags`, as Lambda
       * does when the caller may GetFunction but not ListTags. */
      getFunctionTags: z.enum(["allowed", "denied"]).optional(),
    })
    .prefault({}),
});

// --- Organizations (CONTRACTS.md §5, additive) -------------------------------------------------------------

/** A member account: a single-account state plus what Organizations and STS AssumeRole know of it. */
export const MemberAccountSchema = AccountStateSchema.extend({
  schema: z.literal(EMULATOR_STATE_SCHEMA_ID).default(EMULATOR_STATE_SCHEMA_ID),
  name: z.string().min(1).max(50),
  email: z.string().optional(),
  status: z.enum(["ACTIVE", "SUSPENDED"]).default("ACTIVE"),
  /** Role names AssumeRole may enter; absent = any name. */
  roles: z.array(z.string().regex(/^[\w+=,.@-]{1,64}$/)).optional(),
  /** When set, AssumeRole into this account must pass this ExternalId. */
  externalId: z.string().optional(),
});
export type MemberAccount = z.infer<typeof MemberAccountSchema>;

export const EmulatorStateSchema = AccountStateSchema.extend({
  organization: z
    .looseObject({
      id: z.string().regex(/^o-[a-z0-9]{10,32}$/),
      managementAccountId: z.string().regex(/^\d{12}$/),
      /** The caller's own account in ListAccounts. */
      name: z.string().default("management"),
    })
    .optional(),
  /** Member accounts (the caller's own account is the top level). */
  accounts: z.array(MemberAccountSchema).optional(),
  /** Role names AssumeRole may enter in the caller's own account; absent = any name. */
  roles: z.array(z.string()).optional(),
  cloudtrailLake: z
    .looseObject({
      eventDataStores: z
        .array(
          z.looseObject({
            id: z.string().regex(/^[A-Za-z0-9-]{3,128}$/),
            /** true = every account's `cloudtrail` events; false = the caller's own. */
            organization: z.boolean().default(false),
          }),
        )
        .default([]),
    })
    .optional(),
});
export type EmulatorState = z.infer<typeof EmulatorStateSchema>;
