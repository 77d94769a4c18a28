/**
 * Credentials for a member account: STS AssumeRole with the caller's credentials into
 * `arn:<partition>:iam::<id>:role/<name>`, shared by every client of that account and renewed before they
 * expire (a long organization scan outlives a one-hour session).
 */
import { AssumeRoleCommand } from "@aws-sdk/client-sts";
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from "@smithy/types";
import type { AwsClients } from "../clients.js";

/** Renew this long before expiry, so no request is signed with credentials about to lapse. */
const RENEW_BEFORE_MS = 5 * 60_000;

export interface AssumeRoleParams {
  partition: string;
  accountId: string;
  roleName: string;
  externalId?: string;
  /** RoleSessionName: shows in the member account's CloudTrail as the caller. */
  sessionName: string;
  now?: () => number;
}

export function roleArn(p: Pick<AssumeRoleParams, "partition" | "accountId" | "roleName">): string {
  return `arn:${p.partition}:iam::${p.accountId}:role/${p.roleName}`;
}

/** A provider that assumes the role on first use and again shortly before the session expires. */
export function assumedRoleCredentials(
  caller: AwsClients,
  params: AssumeRoleParams,
): AwsCredentialIdentityProvider {
  const now = params.now ?? Date.now;
  let current: Promise<AwsCredentialIdentity> | undefined;
  const fetchOnce = async (): Promise<AwsCredentialIdentity> => {
    const out = await caller.sts().send(
      new AssumeRoleCommand({
        RoleArn: roleArn(params),
        RoleSessionName: params.sessionName,
        DurationSeconds: 3600,
        ...(params.externalId !== undefined ? { ExternalId: params.externalId } : {}),
      }),
    );
    const c = out.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey) throw new Error("AssumeRole returned no credentials");
    return {
      accessKeyId: c.AccessKeyId,
      secretAccessKey: c.SecretAccessKey,
      ...(c.SessionToken ? { sessionToken: c.SessionToken } : {}),
      ...(c.Expiration ? { expiration: c.Expiration } : {}),
    };
  };
  return async () => {
    if (current) {
      const held = await current.catch(() => undefined);
      if (held && (!held.expiration || held.expiration.getTime() - now() > RENEW_BEFORE_MS)) return held;
    }
    current = fetchOnce();
    return current;
  };
}
