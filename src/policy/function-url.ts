import {
  RequestContext,
  absentKey,
  chosenKey,
  unknownKey,
  type ChosenDomain,
  type ContextValues,
} from "./context.js";
import type { PolicyDocument } from "./document.js";
import { assessStatements, type RequestPrincipal, type StatementAssessment } from "./evaluate.js";

export type Exposure = "public" | "restricted" | "none";

export interface ExposureVerdict {
  exposure: Exposure;
  /** Labels (Sid or `#index`) of the Allow statements behind the exposure. */
  allowStatements: string[];
  /** Labels of Deny statements that apply to some or all of these callers. */
  denyStatements: string[];
  /** What stands between the function and everyone, when `restricted`: source ranges, unknown conditions. */
  restrictions: string[];
}

export interface UrlTarget {
  accountId: string;
  partition?: string;
  region: string;
  functionName: string;
  /** Alias or version the URL (and the policy) belongs to; null for the unqualified function. */
  qualifier: string | null;
  authType: "NONE" | "AWS_IAM";
  now?: Date;
  /** The function's tags when the scan read them; otherwise conditions on aws:ResourceTag are unknown. */
  tags?: Record<string, string>;
}

export interface FunctionUrlAnalysis {
  /** lambda:InvokeFunctionUrl by an anonymous caller, with lambda:FunctionUrlAuthType = NONE. */
  invokeFunctionUrl: ExposureVerdict;
  /** lambda:InvokeFunction by an anonymous caller, with lambda:InvokedViaFunctionUrl = true. */
  invokeFunctionViaUrl: ExposureVerdict;
  /** The URL under the two-permission model (October 2025): public only when both are. */
  url: ExposureVerdict;
}

export type DirectInvokeScope = "anyone" | "any-account" | "none";

const NONE: ExposureVerdict = { exposure: "none", allowStatements: [], denyStatements: [], restrictions: [] };

export function functionArn(target: Omit<UrlTarget, "authType">): string {
  const base = `arn:${target.partition ?? "aws"}:lambda:${target.region}:${target.accountId}:function:${target.functionName}`;
  return target.qualifier ? `${base}:${target.qualifier}` : base;
}

const any = (): ContextValues[string] => chosenKey({ kind: "any" });
const foreign = (format: "account" | "arn" | "id", mayBeAbsent: boolean): ContextValues[string] =>
  chosenKey({ kind: "foreign", format, mayBeAbsent } satisfies ChosenDomain);

/** Facts about the target and the time, shared by every caller. */
function targetContext(target: Omit<UrlTarget, "authType">): ContextValues {
  const now = target.now ?? new Date();
  const entries: ContextValues = {
    "aws:CurrentTime": now,
    "aws:EpochTime": Math.floor(now.getTime() / 1000),
    "aws:RequestedRegion": target.region,
    "aws:ResourceAccount": target.accountId,
    "aws:ResourceOrgID": unknownKey(true),
    "aws:ResourceOrgPaths": unknownKey(true),
    // Function URLs and the Lambda API answer only over TLS.
    "aws:SecureTransport": true,
    "aws:SourceIp": chosenKey({ kind: "publicIp" }),
    "aws:ResourceTag/*": target.tags ? absentKey() : unknownKey(true),
  };
  for (const [k, v] of Object.entries(target.tags ?? {})) entries[`aws:ResourceTag/${k}`] = v;
  return entries;
}

/**
 * An unsigned request from the Internet. It carries no identity, so every principal, organization and source
 * key is absent (plain operators on them fail; IfExists and negated operators pass); it writes its own
 * headers; its address is some public address.
 */
export function anonymousContext(target: Omit<UrlTarget, "authType">): RequestContext {
  // The caller's part is the same for every function: built once, then layered under each function's own facts
  // (a scan of thousands of functions otherwise rebuilt these sixty keys for each).
  anonymousCaller ??= anonymousCallerContext();
  return anonymousCaller.with(targetContext(target));
}

let anonymousCaller: RequestContext | undefined;

function anonymousCallerContext(): RequestContext {
  const absent = [
    "aws:SourceAccount",
    "aws:SourceArn",
    "aws:SourceOwner",
    "aws:SourceOrgID",
    "aws:SourceOrgPaths",
    "aws:PrincipalOrgID",
    "aws:PrincipalOrgPaths",
    "aws:PrincipalArn",
    "aws:PrincipalAccount",
    "aws:PrincipalServiceName",
    "aws:PrincipalServiceNamesList",
    "aws:PrincipalTag/*",
    "aws:userid",
    "aws:username",
    "aws:SourceIdentity",
    "aws:FederatedProvider",
    "aws:TokenIssueTime",
    "aws:MultiFactorAuthPresent",
    "aws:MultiFactorAuthAge",
    "aws:CalledVia",
    "aws:CalledViaFirst",
    "aws:CalledViaLast",
    "aws:SourceVpc",
    "aws:SourceVpce",
    "aws:VpcSourceIp",
    "aws:Ec2InstanceSourceVpc",
    "aws:Ec2InstanceSourcePrivateIPv4",
    "aws:RequestTag/*",
    "aws:TagKeys",
    "lambda:EventSourceToken",
    "lambda:SourceFunctionArn",
  ];
  const entries: ContextValues = {
    ...Object.fromEntries(absent.map((k) => [k, absentKey()])),
    "aws:PrincipalType": "Anonymous",
    "aws:PrincipalIsAWSService": false,
    "aws:ViaAWSService": false,
    "aws:UserAgent": any(),
    "aws:Referer": any(),
  };
  // Keys this list does not know are unknown: a condition on them makes the verdict restricted, not public.
  return new RequestContext(entries, "unknown");
}

/**
 * A signed request from an authenticated principal in some other account, calling Invoke directly. The caller
 * controls its own identity's attributes (tags, names, MFA) but cannot be the account, organization or source
 * resource a policy names.
 */
export function strangerContext(target: Omit<UrlTarget, "authType">): RequestContext {
  strangerCaller ??= strangerCallerContext();
  return strangerCaller.with(targetContext(target));
}

let strangerCaller: RequestContext | undefined;

function strangerCallerContext(): RequestContext {
  const entries: ContextValues = {
    "lambda:InvokedViaFunctionUrl": absentKey(),
    "lambda:FunctionUrlAuthType": absentKey(),
    "aws:PrincipalAccount": foreign("account", false),
    "aws:PrincipalArn": foreign("arn", false),
    "aws:PrincipalOrgID": foreign("id", true),
    "aws:PrincipalOrgPaths": foreign("id", true),
    "aws:SourceAccount": foreign("account", true),
    "aws:SourceOwner": foreign("account", true),
    "aws:SourceArn": foreign("arn", true),
    "aws:SourceOrgID": foreign("id", true),
    "aws:SourceOrgPaths": foreign("id", true),
    "aws:SourceVpc": foreign("id", true),
    "aws:SourceVpce": foreign("id", true),
    "lambda:EventSourceToken": foreign("id", true),
    "lambda:SourceFunctionArn": foreign("arn", true),
  };
  for (const key of [
    "aws:PrincipalTag/*",
    "aws:PrincipalType",
    "aws:userid",
    "aws:username",
    "aws:MultiFactorAuthPresent",
    "aws:MultiFactorAuthAge",
    "aws:CalledVia",
    "aws:CalledViaFirst",
    "aws:CalledViaLast",
    "aws:ViaAWSService",
    "aws:PrincipalIsAWSService",
    "aws:UserAgent",
    "aws:Referer",
    "aws:RequestTag/*",
    "aws:TagKeys",
    "aws:SourceIdentity",
    "aws:TokenIssueTime",
    "aws:FederatedProvider",
    "aws:VpcSourceIp",
  ]) {
    entries[key] = any();
  }
  return new RequestContext(entries, "unknown");
}

function doubts(a: StatementAssessment): string[] {
  if (a.outcome.kind === "unknown") return a.outcome.conditions;
  if (a.outcome.kind === "partial") return a.outcome.restrictions;
  return [];
}

function uniq(list: string[]): string[] {
  return [...new Set(list)];
}

/** Turns the statements that (may) apply to one kind of caller into an exposure. */
export function exposureOf(assessments: readonly StatementAssessment[]): ExposureVerdict {
  const allows = assessments.filter((a) => a.statement.Effect === "Allow");
  const denies = assessments.filter((a) => a.statement.Effect === "Deny");
  const wide = (a: StatementAssessment) =>
    a.outcome.kind === "true" || (a.outcome.kind === "partial" && a.outcome.broad);
  const denyStatements = uniq(denies.map((a) => a.label));
  if (allows.length === 0) return { ...NONE, denyStatements };

  const certainDenies = denies.filter((a) => a.outcome.kind === "true");
  if (certainDenies.length > 0) {
    return {
      exposure: "none",
      allowStatements: uniq(allows.map((a) => a.label)),
      denyStatements: uniq(certainDenies.map((a) => a.label)),
      restrictions: [],
    };
  }
  const publicAllows = allows.filter(wide);
  const narrowAllows = allows.filter((a) => !wide(a));
  let exposure: Exposure = publicAllows.length > 0 ? "public" : "restricted";
  const restrictions = exposure === "public" ? [] : narrowAllows.flatMap(doubts);
  // A Deny that covers most callers, or may cover them, leaves at best a narrow opening.
  const blocking = denies.filter(
    (a) => a.outcome.kind === "unknown" || (a.outcome.kind === "partial" && a.outcome.broad),
  );
  if (blocking.length > 0) {
    exposure = "restricted";
    for (const d of blocking)
      restrictions.push(...doubts(d).map((text) => `denied by ${d.label} when ${text}`));
  }
  const allowStatements = exposure === "public" ? publicAllows : [...publicAllows, ...narrowAllows];
  return {
    exposure,
    allowStatements: uniq(allowStatements.map((a) => a.label)),
    denyStatements,
    restrictions: uniq(restrictions),
  };
}

function policyAssessments(
  policy: PolicyDocument,
  principal: RequestPrincipal,
  action: string,
  resource: string,
  context: RequestContext,
): StatementAssessment[] {
  return assessStatements([{ name: "resource-policy", document: policy }], {
    principal,
    action,
    resource,
    context,
  });
}

function combine(a: ExposureVerdict, b: ExposureVerdict): ExposureVerdict {
  let exposure: Exposure = "none";
  if (a.exposure === "public" && b.exposure === "public") exposure = "public";
  else if (a.exposure !== "none" && b.exposure !== "none") exposure = "restricted";
  return {
    exposure,
    allowStatements: uniq([...a.allowStatements, ...b.allowStatements]),
    denyStatements: uniq([...a.denyStatements, ...b.denyStatements]),
    restrictions: uniq([...a.restrictions, ...b.restrictions]),
  };
}

/** Can an anonymous Internet caller invoke the function through its URL (`target.qualifier`'s policy)? */
export function analyzeFunctionUrl(policy: PolicyDocument | null, target: UrlTarget): FunctionUrlAnalysis {
  // An AWS_IAM URL requires a SigV4 signature, so no anonymous request gets past authentication.
  if (target.authType !== "NONE" || policy === null) {
    return { invokeFunctionUrl: NONE, invokeFunctionViaUrl: NONE, url: NONE };
  }
  const resource = functionArn(target);
  const anonymous: RequestPrincipal = { kind: "anonymous" };
  const pair = (base: RequestContext) => {
    const invokeFunctionUrl = exposureOf(
      policyAssessments(
        policy,
        anonymous,
        "lambda:InvokeFunctionUrl",
        resource,
        base.with({
          "lambda:FunctionUrlAuthType": target.authType,
          "lambda:InvokedViaFunctionUrl": absentKey(),
        }),
      ),
    );
    const invokeFunctionViaUrl = exposureOf(
      policyAssessments(
        policy,
        anonymous,
        "lambda:InvokeFunction",
        resource,
        // AWS does not document FunctionUrlAuthType on this check: unknown, so a condition on it (in an Allow
        // or a Deny) can neither prove nor rule out the exposure.
        base.with({ "lambda:InvokedViaFunctionUrl": true, "lambda:FunctionUrlAuthType": unknownKey(true) }),
      ),
    );
    return { invokeFunctionUrl, invokeFunctionViaUrl, url: combine(invokeFunctionUrl, invokeFunctionViaUrl) };
  };
  // One request carries one Referer and one User-Agent: both permissions are judged on the same choice.
  let best: FunctionUrlAnalysis | undefined;
  for (const choice of callerChoices(policy)) {
    const a = pair(anonymousContext(target).with(choice));
    if (!best || RANK[a.url.exposure] > RANK[best.url.exposure]) best = a;
    if (a.url.exposure === "public") break;
  }
  return best!;
}

const RANK: Record<Exposure, number> = { none: 0, restricted: 1, public: 2 };
/** Headers the caller writes itself. Source addresses are ranges, judged by the IP classification instead. */
const CALLER_HEADERS = ["aws:referer", "aws:useragent"];
const MAX_CHOICES = 64;

/**
 * The header values worth trying as one request: absent, an unrelated value, and every value the policy names
 * for them (literally and with wildcards filled in). More than MAX_CHOICES combinations fall back to letting
 * each permission pick its own (the answer can then only be too wide, never too narrow).
 */
function callerChoices(policy: PolicyDocument): ContextValues[] {
  const named = new Map<string, Set<string>>();
  for (const st of policy.Statement) {
    for (const block of Object.values(st.Condition ?? {})) {
      for (const [key, values] of Object.entries(block)) {
        const k = key.toLowerCase();
        if (!CALLER_HEADERS.includes(k)) continue;
        const set = named.get(k) ?? new Set<string>();
        for (const v of values) set.add(v).add(v.replace(/[*?]/g, "x"));
        named.set(k, set);
      }
    }
  }
  let out: ContextValues[] = [{}];
  for (const [key, values] of named) {
    const options: ContextValues[string][] = [absentKey(), "lambda-guard-caller-value", ...values];
    if (out.length * options.length > MAX_CHOICES) return [{}];
    out = out.flatMap((c) => options.map((o) => ({ ...c, [key]: o })));
  }
  return out;
}

/**
 * May anyone, or any AWS account, call lambda:InvokeFunction directly (not through a URL)? `scope` says who:
 * `anyone` when a statement names Principal `"*"`, `any-account` for `{"AWS": "*"}` or a NotPrincipal.
 */
export function analyzeDirectInvoke(
  policy: PolicyDocument | null,
  target: Omit<UrlTarget, "authType">,
): ExposureVerdict & { scope: DirectInvokeScope } {
  if (policy === null) return { ...NONE, scope: "none" };
  const assessments = policyAssessments(
    policy,
    { kind: "anyAccount" },
    "lambda:InvokeFunction",
    functionArn(target),
    strangerContext(target),
  );
  const verdict = exposureOf(assessments);
  if (verdict.exposure === "none") return { ...verdict, scope: "none" };
  const granting = assessments.filter(
    (a) => a.statement.Effect === "Allow" && verdict.allowStatements.includes(a.label),
  );
  const scope: DirectInvokeScope = granting.some((a) => a.statement.Principal === "*")
    ? "anyone"
    : "any-account";
  return { ...verdict, scope };
}

/**
 * May an authenticated principal of any AWS account call an `AWS_IAM` URL? A stranger's own identity policy is
 * theirs to write, so only this resource policy stands in the way (two permissions since October 2025, as for
 * NONE URLs). `invokeFunctionUrl` alone is enough wherever AWS's legacy one-permission exception applies.
 */
export function analyzeIamUrl(
  policy: PolicyDocument | null,
  target: Omit<UrlTarget, "authType">,
): FunctionUrlAnalysis {
  if (policy === null) return { invokeFunctionUrl: NONE, invokeFunctionViaUrl: NONE, url: NONE };
  const resource = functionArn(target);
  const stranger: RequestPrincipal = { kind: "anyAccount" };
  const base = strangerContext(target);
  const invokeFunctionUrl = exposureOf(
    policyAssessments(
      policy,
      stranger,
      "lambda:InvokeFunctionUrl",
      resource,
      base.with({ "lambda:FunctionUrlAuthType": "AWS_IAM" }),
    ),
  );
  const invokeFunctionViaUrl = exposureOf(
    policyAssessments(
      policy,
      stranger,
      "lambda:InvokeFunction",
      resource,
      base.with({ "lambda:InvokedViaFunctionUrl": true, "lambda:FunctionUrlAuthType": unknownKey(true) }),
    ),
  );
  return { invokeFunctionUrl, invokeFunctionViaUrl, url: combine(invokeFunctionUrl, invokeFunctionViaUrl) };
}
