import type { Severity } from "./severity.js";

export const RULE_IDS = ["LG001", "LG002", "LG003", "LG004", "LG005"] as const;
export type RuleId = (typeof RULE_IDS)[number];

export interface Rule {
  id: RuleId;
  name: string;
  /** Short title used in tables, annotations and SARIF. */
  title: string;
  defaultSeverity: Severity;
  foundBy: ("scan" | "iac")[];
  /** One paragraph: what the rule means and why it matters (SARIF fullDescription, help text). */
  description: string;
  /** How to fix, in Markdown (SARIF help.markdown, check-run summary). */
  help: string;
  helpUri: string;
}

const DOCS = "https://github.com/lambda-guard/lambda-guard#rules";

export const RULES: Record<RuleId, Rule> = {
  LG001: {
    id: "LG001",
    name: "public-function-url",
    title: "Function URL is public",
    defaultSeverity: "critical",
    foundBy: ["scan", "iac"],
    description:
      "The function URL uses AuthType NONE and the resource-based policy of that qualifier lets anonymous Internet callers invoke the function through the URL (both lambda:InvokeFunctionUrl and lambda:InvokeFunction, the model AWS enforces since October 2025). Anyone who learns the URL can run the function and read what it returns.",
    help: "Set the URL's auth type to `AWS_IAM` and remove the public statement (by default `FunctionURLAllowPublicAccess`, and `FunctionURLAllowInvokeAction` where present). If the exposure is intended (a signed webhook, say), record it in `.github/lambda-guard.yml` under `allow` with a reason.",
    helpUri: `${DOCS}-lg001`,
  },
  LG002: {
    id: "LG002",
    name: "public-invoke-permission",
    title: "Anyone may invoke the function",
    defaultSeverity: "high",
    foundBy: ["scan", "iac"],
    description:
      "The function's resource-based policy lets any principal, or any AWS account, call lambda:InvokeFunction directly. Any AWS customer can run the function with inputs of their choosing.",
    help: "Remove the statement whose principal is `*`, or scope it to the account, organization or service (with `aws:SourceArn`/`aws:SourceAccount`) that needs to invoke the function.",
    helpUri: `${DOCS}-lg002`,
  },
  LG003: {
    id: "LG003",
    name: "function-url-permission-model",
    title: "Function URL permissions follow only one of the two models",
    defaultSeverity: "high",
    foundBy: ["scan", "iac"],
    description:
      "Since October 2025 a function URL with AuthType NONE needs both lambda:InvokeFunctionUrl and lambda:InvokeFunction (with lambda:InvokedViaFunctionUrl) granted publicly. This policy grants only one of them publicly: with lambda:InvokeFunctionUrl alone the URL is public wherever AWS's legacy one-permission exception still applies and answers 403 elsewhere; with lambda:InvokeFunction alone the grant is latent and becomes public as soon as the other permission is added.",
    help: "Decide whether the URL should be public. If not, set `AWS_IAM` and remove both statements. If it should, grant both permissions and record the intent under `allow` in `.github/lambda-guard.yml`.",
    helpUri: `${DOCS}-lg003`,
  },
  LG004: {
    id: "LG004",
    name: "getfunction-caller-lacks-listtags",
    title: "GetFunction caller is not allowed lambda:ListTags",
    defaultSeverity: "medium",
    foundBy: ["scan"],
    description:
      "CloudTrail shows this principal calling GetFunction (recorded as GetFunction20150331v2), but it is not allowed lambda:ListTags on those functions. Since 2024, GetFunction returns tags only to callers with an explicit lambda:ListTags allow; this caller silently receives no tags, which breaks tag-driven tooling without any error.",
    help: "Grant `lambda:ListTags` on exactly the functions the principal reads, beside its existing `lambda:GetFunction` statement.",
    helpUri: `${DOCS}-lg004`,
  },
  LG005: {
    id: "LG005",
    name: "iac-getfunction-without-listtags",
    title: "Policy grants GetFunction without ListTags",
    defaultSeverity: "medium",
    foundBy: ["iac"],
    description:
      "An identity policy in the infrastructure code grants lambda:GetFunction (also via lambda:Get* or lambda:GetFunction*) but the identity is not allowed lambda:ListTags, so GetFunction returns no tags to it.",
    help: "Add `lambda:ListTags` to the statement that grants `lambda:GetFunction`, with the same resources and conditions.",
    helpUri: `${DOCS}-lg005`,
  },
};

export function isRuleId(v: string): v is RuleId {
  return (RULE_IDS as readonly string[]).includes(v);
}
