import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);

// src/action/credentials.ts
var CredentialsProblem = class extends Error {
  constructor(kind, detail, accountId) {
    super(detail);
    this.kind = kind;
    this.detail = detail;
    this.accountId = accountId;
    this.name = "CredentialsProblem";
  }
  kind;
  detail;
  accountId;
};
var TITLES = {
  "not-obtained": "Lambda Guard could not get AWS credentials",
  refused: "AWS refused the credentials",
  account: "The credentials belong to an account that is not allowed"
};
function credentialsTitle(kind) {
  return TITLES[kind];
}
function credentialsSummary(p, f) {
  const role = f.roleToAssume ? `\`${f.roleToAssume}\`` : "the role";
  const lines = [`**${TITLES[p.kind]}.** ${p.detail}`, "", "Nothing was scanned. To fix it:", ""];
  if (p.kind === "account") {
    lines.push(
      `- If ${f.accountId ? `account \`${f.accountId}\`` : "this account"} is right, add it to \`allowed-account-ids\` (now: ${(f.allowedAccountIds ?? []).map((a) => `\`${a}\``).join(", ") || "empty"}).`,
      `- Otherwise point \`role-to-assume\` at the scan role in an allowed account (the account id is the fifth field of the role ARN).`
    );
  } else if (p.kind === "not-obtained") {
    lines.push(
      `- The job needs \`permissions: id-token: write\` for GitHub's OIDC token.`,
      `- The trust policy of ${role} must allow \`sts:AssumeRoleWithWebIdentity\` (and \`sts:TagSession\`) for the federated principal \`token.actions.githubusercontent.com\` of that account.`,
      `- Its \`token.actions.githubusercontent.com:sub\` condition must match this job: \`repo:${f.repository}:environment:<name>\` when the job sets \`environment:\` (the README's example uses \`production\`), else \`repo:${f.repository}:ref:refs/heads/<branch>\`.`,
      `- Its \`token.actions.githubusercontent.com:aud\` must equal the \`audience\` input (now \`${f.audience || "sts.amazonaws.com"}\`).`,
      `- The role ARN must exist, in the account you mean (\`allowed-account-ids\` stops the step when it does not).`,
      `- The configure-aws-credentials step's log (just above in the job) has AWS's exact error.`
    );
  } else {
    lines.push(
      `- The credentials were issued but STS did not accept them: check that the session has not expired and that \`aws-region\` is a region enabled for the account.`,
      `- With \`role-to-assume\` empty, the scan uses whatever credentials are in the job's environment: set \`role-to-assume\` to the scan role instead.`
    );
  }
  return lines.join("\n");
}
function accountProblem(accountId, allowed) {
  if (allowed.length === 0 || allowed.includes(accountId)) return null;
  return new CredentialsProblem(
    "account",
    `sts:GetCallerIdentity says the credentials are for account ${accountId}, which is not in allowed-account-ids (${allowed.join(", ")}).`,
    accountId
  );
}

export {
  CredentialsProblem,
  credentialsTitle,
  credentialsSummary,
  accountProblem
};
