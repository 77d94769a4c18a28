import type { Config } from "../model/config.js";
import type { Coverage, Finding } from "../model/report.js";

export type Flavour = "terraform" | "cloudformation" | "sam" | "serverless" | "cdk";

/** A repository file, read once; `path` is repository-relative with forward slashes. */
export interface SourceFile {
  path: string;
  text: string;
}

/** A minimal edit on the original text; offsets are UTF-16 code unit offsets into `SourceFile.text`. */
export interface TextEdit {
  path: string;
  start: number;
  end: number;
  newText: string;
}

/** A Lambda function as the code declares it, so live findings can be mapped back to code. */
export interface IacFunction {
  flavour: Flavour;
  path: string;
  /** Terraform address, CloudFormation/SAM logical id, Serverless path (functions.NAME), CDK construct id. */
  address: string;
  /** The deployed function name when the code fixes it (literal or resolved variable). */
  functionName?: string;
  /** CloudFormation/SAM/CDK: the logical id the stack gives the function. */
  logicalId?: string;
  /** CloudFormation stack name when known (samconfig, serverless service-stage, CDK stack id). */
  stackName?: string;
  /** Serverless Framework: service and function key (deployed as <service>-<stage>-<function>). */
  serverless?: { service: string; function: string; stage?: string };
}

/** An IAM identity (role, user, group) the code declares, for LG004 → code mapping. */
export interface IacIdentity {
  flavour: Flavour;
  path: string;
  address: string;
  kind: "role" | "user" | "group" | "policy";
  /** The IAM name when the code fixes it. */
  name?: string;
  /** Names of inline or managed policies this identity gets from the code. */
  policyNames?: string[];
}

export interface IacFinding {
  /** A complete report finding: rule, severity, location (exact line), resource.iac.address, remediation. */
  finding: Finding;
  /** The minimal patch; absent when the code cannot be patched safely (the reason goes in `unfixable`). */
  fix?: { edits: TextEdit[]; notes: string[] };
  unfixable?: string;
  /** Lines of the whole resource or statement block, where inline intent comments are looked for. */
  resourceRange?: { startLine: number; endLine: number };
  /** The function (LG001–LG003) or identity (LG005) this finding belongs to. */
  function?: IacFunction;
  identity?: IacIdentity;
}

export interface DetectorContext {
  config: Config;
  /** All files read, by path, for cross-file resolution (tfvars, variables, templates). */
  files: ReadonlyMap<string, SourceFile>;
  /** The scan's clock (policy conditions on aws:CurrentTime); absent = now. */
  now?: Date;
}

export interface DetectorResult {
  findings: IacFinding[];
  coverage: Coverage[];
  functions: IacFunction[];
  identities: IacIdentity[];
}

export interface Detector {
  flavours: Flavour[];
  /** Claims the files this detector analyses (by path and a cheap sniff of the text). */
  claims(file: SourceFile): boolean;
  analyze(files: SourceFile[], ctx: DetectorContext): Promise<DetectorResult>;
}

/** A patched file offered to the user: it re-parsed and re-scanned clean before it got here. */
export interface FileChange {
  path: string;
  before: string;
  after: string;
  /** Unified diff (a/ b/ prefixes). */
  diff: string;
}

export interface FixPlan {
  changes: FileChange[];
  /** Findings the changes fix, with the notes the user must read (e.g. remove-permission for provider statements). */
  fixed: { finding: Finding; notes: string[] }[];
  /** Findings no code change fixes (no location, unfixable, suppressed): they need an issue. */
  unfixed: { finding: Finding; reason: string }[];
}
