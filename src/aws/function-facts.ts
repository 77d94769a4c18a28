import type { PolicyDocument } from "../policy/index.js";

/** What one Lambda function looks like to the scan; built by the collector, read by the analysis. */
export type PolicyFact =
  | { status: "ok"; document: PolicyDocument; raw: string }
  | { status: "absent" }
  /** The policy was returned but is not a valid policy document. */
  | { status: "invalid"; error: string; raw: string }
  /** The policy could not be read (AccessDenied, throttled past retries, …). */
  | { status: "unreadable"; error: string };

export interface UrlFact {
  qualifier: string | null;
  authType: "NONE" | "AWS_IAM";
  url: string;
}

export interface FunctionFacts {
  region: string;
  accountId: string;
  partition: string;
  functionName: string;
  /** Unqualified ARN. */
  functionArn: string;
  urls: UrlFact[];
  /** By qualifier; "" = the unqualified function. Only qualifiers that were read appear. */
  policies: Map<string, PolicyFact>;
  aliases: string[];
  tags?: Record<string, string>;
}
