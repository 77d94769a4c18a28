/**
 * What went wrong with AWS credentials before the scan, said so that the person reading the failed
 * check knows what to change. The check then completes as `failure` whatever `incomplete` says: a scan
 * that never reached the account is not an incomplete scan of it.
 */
export type CredentialsProblemKind = "not-obtained" | "refused" | "account";

export class CredentialsProblem extends Error {
  constructor(
    readonly kind: CredentialsProblemKind,
    readonly detail: string,
    /** The account STS named, when it answered. */
    readonly accountId?: string,
  ) {
    super(detail);
    this.name = "CredentialsProblem";
  }
}

export interface CredentialsFacts {
  repository: string;
  roleToAssume?: string | undefined;
  audience?: string | undefined;
  allowedAccountIds?: readonly string[] | undefined;
  /** The account the credentials belong to, when known. */
  accountId?: string | undefined;
}

const TITLES: Record<CredentialsProblemKind, string> = {
  "not-obtained": "Lambda Guard could not get AWS credentials",
  refused: "AWS refused the credentials",
  account: "The credentials belong to an account that is not allowed",
};

export function credentialsTitle(kind: CredentialsProblemKind): string {
  return TITLES[kind];
}

/** The check run's summary: what happened, then what to check, most likely cause first. */
export function credentialsSummary(p: CredentialsProblem, f: CredentialsFacts): string {
  const role = f.roleToAssume ? `\`${f.roleToAssume}\`` : "the role";
  const lines: string[] = [`**${TITLES[p.kind]}.** ${p.detail}`, "", "Nothing was scanned. To fix it:", ""];
  if (p.kind === "account") {
    lines.push(
      `- If ${f.accountId ? `account \`${f.accountId}\`` : "this account"} is right, add it to \`allowed-account-ids\` (now: ${(f.allowedAccountIds ?? []).map((a) => `\`${a}\``).join(", ") || "empty"}).`,
      `- Otherwise point \`role-to-assume\` at the scan role in an allowed account (the account id is the fifth field of the role ARN).`,
    );
  } else if (p.kind === "not-obtained") {
    lines.push(
      `- The job needs \`permissions: id-token: write\` for GitHub's OIDC token.`,
      `- The trust policy of ${role} must allow \`sts:AssumeRoleWithWebIdentity\` (and \`sts:TagSession\`) for the federated principal \`token.actions.githubusercontent.com\` of that account.`,
      `- Its \`token.actions.githubusercontent.com:sub\` condition must match this job: \`repo:${f.repository}:environment:<name>\` when the job sets \`environment:\` (the README's example uses \`production\`), else \`repo:${f.repository}:ref:refs/heads/<branch>\`.`,
      `- Its \`token.actions.githubusercontent.com:aud\` must equal the \`audience\` input (now \`${f.audience || "sts.amazonaws.com"}\`).`,
      `- The role ARN must exist, in the account you mean (\`allowed-account-ids\` stops the step when it does not).`,
      `- The configure-aws-credentials step's log (just above in the job) has AWS's exact error.`,
    );
  } else {
    lines.push(
      `- The credentials were issued but STS did not accept them: check that the session has not expired and that \`aws-region\` is a region enabled for the account.`,
      `- With \`role-to-assume\` empty, the scan uses whatever credentials are in the job's environment: set \`role-to-assume\` to the scan role instead.`,
    );
  }
  return lines.join("\n");
}

/** `allowed-account-ids` enforced on the account STS named, before any Lambda, CloudTrail or IAM call. */
export function accountProblem(accountId: string, allowed: readonly string[]): CredentialsProblem | null {
  if (allowed.length === 0 || allowed.includes(accountId)) return null;
  return new CredentialsProblem(
    "account",
    `sts:GetCallerIdentity says the credentials are for account ${accountId}, which is not in allowed-account-ids (${allowed.join(", ")}).`,
    accountId,
  );
}
