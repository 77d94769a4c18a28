/**
 * The facts of one Lambda function that LG001–LG003 are decided on. Front ends (the live scan, each IaC flavour)
 * only gather these; `decideExposure` alone turns them into findings. `R` is the front end's handle on where a
 * fact came from (an IaC node, a live statement), handed back on the exposures so it can place and fix them.
 */

/** Tool chains that add resource-policy statements nobody wrote; see TOOLCHAINS for what each adds. */
export type Toolchain = "terraform-provider" | "sam" | "serverless" | "cdk";

export type AuthFact =
  | { kind: "NONE" }
  | { kind: "AWS_IAM" }
  /** The value cannot be read (computed, unresolvable): it may be NONE, so it never rules exposure out. */
  | { kind: "unknown"; detail: string }
  /** NONE when `condition` holds (a CloudFormation `!If`, a parameter, a stage variable). */
  | { kind: "conditional"; condition: string };

export type Provenance =
  /** Written in the code, where the front end's ref points. */
  | { kind: "code" }
  /** Added by a tool chain for something in the code (the ref points at that cause, e.g. the URL). */
  | { kind: "toolchain"; by: Toolchain }
  /** Read from the account's policy. */
  | { kind: "account" };

export interface UrlFact<R> {
  /** Alias or version the URL belongs to; null for the unqualified function. */
  qualifier: string | null;
  auth: AuthFact;
  ref: R;
  /** The endpoint, when known (live scan). */
  url?: string;
}

export interface StatementFact<R> {
  /** Policies are per qualifier: a statement on the unqualified function does not cover an alias. */
  qualifier: string | null;
  /** Sid, or the front end's name for the statement (permission address, `#index`). */
  label: string;
  /** One IAM statement as JSON. Its Resource is honoured only for `account` statements: front ends attach the others. */
  statement: Record<string, unknown>;
  provenance: Provenance;
  ref: R;
}

export interface PolicyFailure {
  qualifier: string | null;
  status: "invalid" | "unreadable";
  error: string;
}

export interface FunctionFacts<R> {
  /** What is known of the function; unknown parts get placeholders no policy can name. */
  target: { accountId?: string; partition?: string; region?: string; functionName?: string };
  urls: UrlFact<R>[];
  statements: StatementFact<R>[];
  /** Qualifiers whose policy exists but could not be analysed: exposure cannot be ruled out there. */
  failures?: PolicyFailure[];
  tags?: Record<string, string>;
}
