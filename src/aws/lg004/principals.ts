/**
 * Who made a CloudTrail call, as an IAM principal whose policies can be evaluated: IAM users by ARN, assumed
 * roles (IAM Identity Center `AWSReservedSSO_*` roles included) by their session issuer's role ARN — never the
 * session ARN —, root, and federated users by the IAM user that issued their token.
 */

export type PrincipalType = "user" | "role" | "root";

export interface ResolvedPrincipal {
  kind: "principal";
  /** The IAM ARN whose policies decide: `arn:aws:iam::A:user/…`, `…:role/…`, `…:root`. */
  arn: string;
  type: PrincipalType;
  accountId: string;
  /** User or role name (no path); "root" for root. */
  name: string;
  /** An IAM Identity Center permission-set role (`AWSReservedSSO_*`). */
  sso: boolean;
  /** How the call was made when it was not the principal itself: a role session or a federated user. */
  via?: { type: "assumed-role" | "federated-user"; session: string };
}

export type Resolution =
  | ResolvedPrincipal
  /** An AWS service acting on its own or on a principal's behalf (`invokedBy`). */
  | { kind: "service"; invokedBy: string }
  /** Not an IAM principal we can evaluate (Identity Center user without a role, web identity, unknown…). */
  | { kind: "unresolved"; type: string; detail: string };

const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);
const obj = (v: unknown): Record<string, unknown> | undefined =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

export function isSsoRoleName(name: string): boolean {
  return name.startsWith("AWSReservedSSO_");
}

/** Parses an IAM or STS ARN into the principal whose policies apply. */
export function principalFromArn(arn: string): ResolvedPrincipal | undefined {
  const m = /^arn:([^:]+):(iam|sts)::(\d{12}|aws):(.+)$/.exec(arn);
  if (!m) return undefined;
  const [, partition, service, accountId, rest] = m as unknown as [string, string, string, string, string];
  if (rest === "root") return { kind: "principal", arn, type: "root", accountId, name: "root", sso: false };
  if (service === "iam" && rest.startsWith("user/")) {
    const name = rest.split("/").at(-1) ?? "";
    return { kind: "principal", arn, type: "user", accountId, name, sso: false };
  }
  if (service === "iam" && rest.startsWith("role/")) {
    const name = rest.split("/").at(-1) ?? "";
    return { kind: "principal", arn, type: "role", accountId, name, sso: isSsoRoleName(name) };
  }
  if (service === "sts" && rest.startsWith("assumed-role/")) {
    // The session ARN carries no role path: the role ARN is only exact from the session issuer.
    const [, name = "", session = ""] = rest.split("/");
    return {
      kind: "principal",
      arn: `arn:${partition}:iam::${accountId}:role/${name}`,
      type: "role",
      accountId,
      name,
      sso: isSsoRoleName(name),
      via: { type: "assumed-role", session },
    };
  }
  return undefined;
}

/** Resolves a CloudTrail `userIdentity` block. */
export function resolveIdentity(identity: unknown): Resolution {
  const id = obj(identity);
  if (!id) return { kind: "unresolved", type: "missing", detail: "the event has no userIdentity" };
  const type = str(id.type) ?? "Unknown";
  const invokedBy = str(id.invokedBy);
  if (type === "AWSService" || invokedBy) {
    return { kind: "service", invokedBy: invokedBy ?? str(id.principalId) ?? "an AWS service" };
  }
  const arn = str(id.arn);
  const accountId = str(id.accountId);
  const issuer = obj(obj(id.sessionContext)?.sessionIssuer);
  const issuerArn = str(issuer?.arn);
  switch (type) {
    case "IAMUser": {
      const p = arn ? principalFromArn(arn) : undefined;
      if (p?.type === "user") return p;
      return { kind: "unresolved", type, detail: `IAM user without a usable ARN (${arn ?? "none"})` };
    }
    case "Root": {
      const acct = accountId ?? (arn ? arn.split(":")[4] : undefined);
      if (!acct) return { kind: "unresolved", type, detail: "root caller without an account id" };
      const partition = arn?.split(":")[1] ?? "aws";
      return {
        kind: "principal",
        arn: `arn:${partition}:iam::${acct}:root`,
        type: "root",
        accountId: acct,
        name: "root",
        sso: false,
      };
    }
    case "AssumedRole": {
      const session = arn?.split("/").at(-1) ?? "";
      const p = issuerArn ? principalFromArn(issuerArn) : undefined;
      if (p && p.type === "role") {
        return { ...p, via: { type: "assumed-role", session } };
      }
      // Without a session issuer, the role name (not its path) is all the session ARN gives.
      const fromSession = arn ? principalFromArn(arn) : undefined;
      if (fromSession?.type === "role") return fromSession;
      return {
        kind: "unresolved",
        type,
        detail: `assumed role without a session issuer (${arn ?? "no ARN"})`,
      };
    }
    case "FederatedUser": {
      const session = arn?.split("/").at(-1) ?? str(id.principalId)?.split(":").at(-1) ?? "";
      const p = issuerArn ? principalFromArn(issuerArn) : undefined;
      if (p && (p.type === "user" || p.type === "root")) {
        return { ...p, via: { type: "federated-user", session } };
      }
      return {
        kind: "unresolved",
        type,
        detail: `federated user without an issuing IAM user (${arn ?? "no ARN"})`,
      };
    }
    default:
      return {
        kind: "unresolved",
        type,
        detail: `${type} caller ${arn ?? str(id.principalId) ?? ""}`.trim(),
      };
  }
}

/** The principal the scanner runs as (its own GetFunction calls are not findings). */
export function samePrincipal(a: ResolvedPrincipal, b: ResolvedPrincipal | undefined): boolean {
  // Role and user names are unique per account whatever their path; the session ARN has no path.
  return !!b && a.accountId === b.accountId && a.type === b.type && a.name === b.name;
}
