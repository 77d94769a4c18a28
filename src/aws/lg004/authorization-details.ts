/**
 * One paginated `iam:GetAccountAuthorizationDetails` (IAM is global: once per scan), indexed for per-principal
 * policy lookup. Every policy document is URL-decoded (IAM sends them RFC 3986-encoded) and parsed once.
 * Pagination follows `IsTruncated`/`Marker` even when a page holds fewer items than asked for.
 */
import {
  GetAccountAuthorizationDetailsCommand,
  type GetAccountAuthorizationDetailsCommandOutput,
} from "@aws-sdk/client-iam";
import type { AwsClients } from "../clients.js";
import { describeAwsError, isAccessDenied } from "../errors.js";
import { pageGuard } from "../pages.js";

export interface NamedDocument {
  /** Unique label: the inline policy name, or the managed policy's name. */
  name: string;
  kind: "inline" | "managed" | "group-inline" | "group-managed";
  /** Managed policy ARN. */
  arn?: string;
  /** Group the policy came through. */
  group?: string;
  /** The decoded JSON document (object), or the raw text when it did not decode or parse. */
  document: unknown;
}

interface InlinePolicy {
  PolicyName?: string;
  PolicyDocument?: string;
}
interface AttachedPolicy {
  PolicyName?: string;
  PolicyArn?: string;
}

export interface IamPrincipalDetail {
  arn: string;
  name: string;
  type: "user" | "role";
  path: string;
  inline: InlinePolicy[];
  attached: AttachedPolicy[];
  groups: string[];
  boundaryArn?: string;
}

interface GroupDetail {
  name: string;
  inline: InlinePolicy[];
  attached: AttachedPolicy[];
}

export interface IamSnapshot {
  /** By lower-cased `type/name` (names are unique per account regardless of path). */
  principals: Map<string, IamPrincipalDetail>;
  groups: Map<string, GroupDetail>;
  /** Managed policy ARN → name and decoded default-version document. */
  policies: Map<string, { name: string; document: unknown }>;
  pages: number;
}

export interface PrincipalPolicies {
  identityPolicies: NamedDocument[];
  boundary?: NamedDocument;
  /** Managed policies referenced but not in the snapshot (their statements are unknown). */
  missing: string[];
}

/** URL-decodes an IAM policy document and parses the JSON; returns the text when either step fails. */
export function decodePolicyDocument(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  let decoded = text;
  try {
    decoded = decodeURIComponent(text);
  } catch {
    // keep the raw text: the parser reports it
  }
  try {
    return JSON.parse(decoded) as unknown;
  } catch {
    return decoded;
  }
}

export const principalKey = (type: "user" | "role", name: string) => `${type}/${name.toLowerCase()}`;

export function buildSnapshot(
  pages: readonly Partial<GetAccountAuthorizationDetailsCommandOutput>[],
): IamSnapshot {
  const snap: IamSnapshot = {
    principals: new Map(),
    groups: new Map(),
    policies: new Map(),
    pages: pages.length,
  };
  for (const out of pages) addPage(snap, out);
  return snap;
}

function addPage(snap: IamSnapshot, out: Partial<GetAccountAuthorizationDetailsCommandOutput>): void {
  for (const u of out.UserDetailList ?? []) {
    if (!u.Arn || !u.UserName) continue;
    snap.principals.set(principalKey("user", u.UserName), {
      arn: u.Arn,
      name: u.UserName,
      type: "user",
      path: u.Path ?? "/",
      inline: u.UserPolicyList ?? [],
      attached: u.AttachedManagedPolicies ?? [],
      groups: u.GroupList ?? [],
      ...(u.PermissionsBoundary?.PermissionsBoundaryArn
        ? { boundaryArn: u.PermissionsBoundary.PermissionsBoundaryArn }
        : {}),
    });
  }
  for (const r of out.RoleDetailList ?? []) {
    if (!r.Arn || !r.RoleName) continue;
    snap.principals.set(principalKey("role", r.RoleName), {
      arn: r.Arn,
      name: r.RoleName,
      type: "role",
      path: r.Path ?? "/",
      inline: r.RolePolicyList ?? [],
      attached: r.AttachedManagedPolicies ?? [],
      groups: [],
      ...(r.PermissionsBoundary?.PermissionsBoundaryArn
        ? { boundaryArn: r.PermissionsBoundary.PermissionsBoundaryArn }
        : {}),
    });
  }
  for (const g of out.GroupDetailList ?? []) {
    if (!g.GroupName) continue;
    snap.groups.set(g.GroupName, {
      name: g.GroupName,
      inline: g.GroupPolicyList ?? [],
      attached: g.AttachedManagedPolicies ?? [],
    });
  }
  for (const p of out.Policies ?? []) {
    if (!p.Arn) continue;
    const def =
      p.PolicyVersionList?.find((v) => v.IsDefaultVersion) ??
      p.PolicyVersionList?.find((v) => v.VersionId === p.DefaultVersionId);
    snap.policies.set(p.Arn, {
      name: p.PolicyName ?? p.Arn.split("/").at(-1)!,
      document: decodePolicyDocument(def?.Document),
    });
  }
}

export interface FetchResult {
  snapshot?: IamSnapshot;
  status: "complete" | "failed";
  detail?: string;
}

/** Reads the whole account's authorization details; a failure is coverage, not a crash. */
export async function fetchAuthorizationDetails(clients: AwsClients): Promise<FetchResult> {
  const iam = clients.iam();
  const snap: IamSnapshot = { principals: new Map(), groups: new Map(), policies: new Map(), pages: 0 };
  let marker: string | undefined;
  // 1,000 entities a page: a million users, groups, roles and policies.
  const next = pageGuard("iam:GetAccountAuthorizationDetails", 1_000);
  for (;;) {
    // Paced and retried by the client (clients.ts).
    let out: GetAccountAuthorizationDetailsCommandOutput;
    try {
      out = await iam.send(
        new GetAccountAuthorizationDetailsCommand({ MaxItems: 1000, ...(marker ? { Marker: marker } : {}) }),
      );
    } catch (err) {
      return {
        status: "failed",
        // The permission hint only when it was a denial: a call that kept failing needs no new permission.
        detail: `${describeAwsError(err)}${isAccessDenied(err) ? " — allow iam:GetAccountAuthorizationDetails to the scanning role" : ""}`,
      };
    }
    snap.pages++;
    addPage(snap, out);
    // IAM may return a short page that is still truncated: only IsTruncated ends the listing.
    if (!out.IsTruncated) break;
    if (!out.Marker) {
      return { snapshot: snap, status: "failed", detail: "IAM returned IsTruncated without a Marker" };
    }
    try {
      marker = next(out.Marker);
    } catch (err) {
      return { snapshot: snap, status: "failed", detail: describeAwsError(err) };
    }
  }
  return { snapshot: snap, status: "complete" };
}

/** Identity policies and boundary of one principal: inline, attached managed, and (users) their groups'. */
export function policiesFor(snap: IamSnapshot, detail: IamPrincipalDetail): PrincipalPolicies {
  const identityPolicies: NamedDocument[] = [];
  const missing: string[] = [];
  const used = new Set<string>();
  const unique = (name: string) => {
    let n = name;
    for (let i = 2; used.has(n); i++) n = `${name} (${i})`;
    used.add(n);
    return n;
  };
  const managed = (a: AttachedPolicy, group?: string) => {
    const arn = a.PolicyArn;
    const p = arn ? snap.policies.get(arn) : undefined;
    if (!arn || !p) {
      missing.push(arn ?? a.PolicyName ?? "(unnamed)");
      return;
    }
    identityPolicies.push({
      name: unique(p.name),
      kind: group ? "group-managed" : "managed",
      arn,
      ...(group ? { group } : {}),
      document: p.document,
    });
  };
  for (const i of detail.inline) {
    identityPolicies.push({
      name: unique(i.PolicyName ?? "inline"),
      kind: "inline",
      document: decodePolicyDocument(i.PolicyDocument),
    });
  }
  for (const a of detail.attached) managed(a);
  for (const g of detail.groups) {
    const group = snap.groups.get(g);
    if (!group) {
      missing.push(`group ${g}`);
      continue;
    }
    for (const i of group.inline) {
      identityPolicies.push({
        name: unique(i.PolicyName ?? "inline"),
        kind: "group-inline",
        group: g,
        document: decodePolicyDocument(i.PolicyDocument),
      });
    }
    for (const a of group.attached) managed(a, g);
  }
  const out: PrincipalPolicies = { identityPolicies, missing };
  if (detail.boundaryArn) {
    const b = snap.policies.get(detail.boundaryArn);
    if (b) out.boundary = { name: b.name, kind: "managed", arn: detail.boundaryArn, document: b.document };
    else missing.push(`boundary ${detail.boundaryArn}`);
  }
  return out;
}
