/**
 * LG004 findings: one per principal, with the functions it read, why it may not list their tags, and a fix — a
 * least-privilege `lambda:ListTags` statement on exactly those functions, the CLI command that attaches it, and
 * the policies where `lambda:GetFunction` is granted today (for the IaC half).
 */
import { fingerprint, RULES, type Finding, type Severity } from "../../model/index.js";
import type { CallerVerdict, FunctionVerdict, Reason } from "./evaluate-callers.js";
import type { SimulatorResult } from "./simulator.js";

export const FIX_POLICY_NAME = "lambda-guard-ListTags";
/** IAM inline policy size limits (characters, whitespace excluded): roles 10,240, users 2,048. */
const INLINE_LIMIT = { role: 10_240, user: 2_048 } as const;
/** Functions listed in evidence; the rest are counted. */
const EVIDENCE_FUNCTIONS = 200;

const REASON_RANK: Record<Reason, number> = {
  deny: 4,
  boundary: 3,
  "no-statement": 2,
  conditional: 1,
  allowed: 0,
};
const REASON_TEXT: Record<Exclude<Reason, "allowed">, string> = {
  "no-statement": "no statement allows it",
  deny: "an explicit Deny forbids it",
  boundary: "the permissions boundary does not allow it",
  conditional: "the only Allow depends on request context the scan cannot know",
};

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
const shellQuote = (s: string) => `'${s.replace(/'/g, `'"'"'`)}'`;

export interface FixPolicy {
  document: {
    Version: "2012-10-17";
    Statement: { Sid: string; Effect: "Allow"; Action: string; Resource: string[] }[];
  };
  /** True when the exact ARN list would exceed IAM's inline policy size and per-region wildcards are used. */
  widened: boolean;
}

/** The least-privilege statement: `lambda:ListTags` on exactly `arns` (per-region wildcards if too large). */
export function fixPolicy(arns: readonly string[], principalType: "user" | "role"): FixPolicy {
  const exact = [...new Set(arns)].sort();
  const make = (resources: string[]): FixPolicy["document"] => ({
    Version: "2012-10-17",
    Statement: [
      { Sid: "AllowListTagsForGetFunction", Effect: "Allow", Action: "lambda:ListTags", Resource: resources },
    ],
  });
  const doc = make(exact);
  if (JSON.stringify(doc).length <= INLINE_LIMIT[principalType]) return { document: doc, widened: false };
  const regional = [...new Set(exact.map((a) => a.split(":").slice(0, 5).join(":") + ":function:*"))].sort();
  return { document: make(regional), widened: true };
}

function attachCommand(type: "user" | "role", name: string, doc: FixPolicy["document"]): string {
  const json = shellQuote(JSON.stringify(doc));
  return type === "user"
    ? `aws iam put-user-policy --user-name ${name} --policy-name ${FIX_POLICY_NAME} --policy-document ${json}`
    : `aws iam put-role-policy --role-name ${name} --policy-name ${FIX_POLICY_NAME} --policy-document ${json}`;
}

function functionEvidence(f: FunctionVerdict) {
  return {
    arn: f.arn,
    region: f.region,
    lastSeen: iso(f.lastSeen),
    calls: f.calls,
    decision: f.decision,
    reason: f.reason,
    ...(f.conditions.length > 0 ? { conditions: f.conditions } : {}),
    ...(f.statements.length > 0 ? { statements: f.statements } : {}),
  };
}

function principalLabel(v: Extract<CallerVerdict, { status: "evaluated" }>): string {
  const p = v.caller.principal;
  if (p.sso) return `IAM Identity Center role ${p.name}`;
  return `${p.type === "user" ? "IAM user" : "Role"} ${p.name}`;
}

export function evaluatedFinding(
  v: Extract<CallerVerdict, { status: "evaluated" }>,
  simulation?: SimulatorResult,
): Finding | undefined {
  const failing = v.functions.filter((f) => f.decision !== "allowed");
  if (failing.length === 0) return undefined;
  const p = v.caller.principal;
  const type = p.type === "user" ? "user" : "role";
  const reasons: Partial<Record<Reason, number>> = {};
  for (const f of failing) reasons[f.reason] = (reasons[f.reason] ?? 0) + 1;
  const reason = failing.reduce<Reason>(
    (r, f) => (REASON_RANK[f.reason] > REASON_RANK[r] ? f.reason : r),
    "allowed",
  );
  const conditions = [...new Set(failing.flatMap((f) => f.conditions))].sort();
  const onlyConditional = failing.every((f) => f.decision === "conditional");
  let severity: Severity = onlyConditional ? "low" : RULES.LG004.defaultSeverity;
  const lastSeen = Math.max(...failing.map((f) => f.lastSeen));
  const fix = fixPolicy(
    failing.map((f) => f.arn),
    type,
  );
  const grantedBy = v.getFunctionGrantedBy.map((g) => g.name);
  const notes: string[] = [];
  const commands: string[] = [];
  if (fix.widened) {
    notes.push(
      `The exact list of ${failing.length} function ARNs exceeds IAM's inline policy size; the statement uses per-region wildcards. Narrow it to a name prefix if the functions share one.`,
    );
  }
  if (p.sso) {
    notes.push(
      "This role is provisioned by IAM Identity Center and cannot be edited directly: add the statement to the permission set's inline policy (merge, do not replace) and re-provision it.",
    );
    commands.push(
      `aws sso-admin put-inline-policy-to-permission-set --instance-arn <instance-arn> --permission-set-arn <permission-set-arn> --inline-policy ${shellQuote(JSON.stringify(fix.document))}`,
      "aws sso-admin provision-permission-set --instance-arn <instance-arn> --permission-set-arn <permission-set-arn> --target-type ALL_PROVISIONED_ACCOUNTS",
    );
  } else {
    commands.push(attachCommand(type, p.name, fix.document));
  }
  if (reasons.deny) {
    const denies = [
      ...new Set(
        failing
          .filter((f) => f.reason === "deny")
          .flatMap((f) =>
            f.statements.map((s) => `${s.policy}${s.sid ? ` (${s.sid})` : ` (statement ${s.index})`}`),
          ),
      ),
    ];
    notes.push(
      `An explicit Deny wins over any Allow: narrow or remove ${denies.length > 0 ? denies.join(", ") : "the denying statement"} first, or the new statement has no effect.`,
    );
  }
  const boundaryRef = v.policies.find((x) => x.kind === "boundary");
  if (reasons.boundary) {
    notes.push(
      `The permissions boundary ${boundaryRef?.name ?? ""} must also allow lambda:ListTags on these functions; an identity policy alone cannot exceed it.`.replace(
        "  ",
        " ",
      ),
    );
    if (boundaryRef?.arn) {
      commands.push(
        `aws iam create-policy-version --policy-arn ${boundaryRef.arn} --policy-document file://boundary-with-listtags.json --set-as-default`,
      );
    }
  }
  if (reasons.conditional) {
    notes.push(
      `lambda:ListTags is allowed only under conditions (${conditions.join(", ") || "request context"}); calls that do not meet them get no tags. Grant it unconditionally on these functions if the caller relies on tags.`,
    );
  }
  if (v.caller.federated) {
    notes.push(
      "Some calls came from federated-user sessions issued by this user: the session policy passed to GetFederationToken must allow lambda:ListTags too.",
    );
  }
  if (grantedBy.length > 0) {
    notes.push(
      `lambda:GetFunction is granted today by ${grantedBy.join(", ")}: adding lambda:ListTags to that statement (same resources) is the IaC fix.`,
    );
  }

  let simulatorEvidence: Record<string, unknown> | undefined;
  if (simulation) {
    if (simulation.error) {
      simulatorEvidence = { error: simulation.error };
    } else {
      const disagreements = failing
        .filter((f) => simulation.decisions.get(f.arn)?.decision === "allowed")
        .map((f) => ({ arn: f.arn, scan: f.decision, simulator: "allowed" }));
      const organizationsDenied = failing
        .filter((f) => simulation.decisions.get(f.arn)?.allowedByOrganizations === false)
        .map((f) => f.arn);
      simulatorEvidence = {
        confirmed: disagreements.length === 0,
        disagreements,
        ...(organizationsDenied.length > 0 ? { organizationsDenied } : {}),
      };
      if (disagreements.length > 0) {
        notes.push(
          `The IAM policy simulator says lambda:ListTags is allowed on ${disagreements.length} of these functions; the scan's evaluation disagrees. Check the policies named in the evidence.`,
        );
        if (disagreements.length === failing.length) severity = "low";
      }
      if (organizationsDenied.length > 0) {
        notes.push(
          "A service control policy (AWS Organizations) denies lambda:ListTags here: the identity-policy fix alone will not help.",
        );
      }
    }
  }

  const label = principalLabel(v);
  const n = failing.length;
  const message =
    `${label} called GetFunction on ${n} function${n > 1 ? "s" : ""} (last ${iso(lastSeen)}) but is not allowed lambda:ListTags on ${n > 1 ? "them" : "it"}: ${REASON_TEXT[reason as Exclude<Reason, "allowed">]}. ` +
    "Since 2024 GetFunction returns tags only to callers allowed lambda:ListTags; this caller silently gets TagsError instead, and CloudTrail records no error.";

  return {
    fingerprint: fingerprint("LG004", v.principalArn),
    rule: "LG004",
    severity,
    title: RULES.LG004.title,
    message,
    resource: { kind: "principal", arn: v.principalArn, accountId: p.accountId },
    evidence: {
      principalType: p.type,
      ...(p.sso ? { sso: true } : {}),
      ...(v.caller.federated ? { federated: true } : {}),
      ...(v.caller.sessions.size > 0 ? { sessions: [...v.caller.sessions].sort() } : {}),
      functions: failing.slice(0, EVIDENCE_FUNCTIONS).map(functionEvidence),
      ...(failing.length > EVIDENCE_FUNCTIONS
        ? { functionsOmitted: failing.length - EVIDENCE_FUNCTIONS }
        : {}),
      allowedFunctions: v.functions.length - failing.length,
      lastSeen: iso(lastSeen),
      reason,
      reasons,
      conditions,
      getFunctionGrantedBy: grantedBy,
      getFunctionStatements: v.getFunctionGrantedBy,
      policies: v.policies,
      ...(v.unreadable.length > 0 ? { unreadablePolicies: v.unreadable } : {}),
      eventNames: [...v.caller.eventNames].sort(),
      events: v.caller.events,
      ...(simulatorEvidence ? { simulator: simulatorEvidence } : {}),
    },
    remediation: {
      summary: reasons.deny
        ? `Remove or narrow the Deny on lambda:ListTags, then allow lambda:ListTags on the ${n} function${n > 1 ? "s" : ""} this ${p.type} reads.`
        : `Allow lambda:ListTags on the ${n} function${n > 1 ? "s" : ""} this ${p.type} reads with GetFunction${grantedBy.length > 0 ? `, beside the statement in ${grantedBy.join(", ")}` : ""}.`,
      policy: fix.document,
      commands,
      notes,
    },
  };
}

export function crossAccountFinding(v: Extract<CallerVerdict, { status: "cross-account" }>): Finding {
  const p = v.caller.principal;
  const fns = [...v.caller.functions.values()].sort((a, b) => (a.arn < b.arn ? -1 : 1));
  const lastSeen = Math.max(...fns.map((f) => f.lastSeen));
  const type = p.type === "user" ? "user" : "role";
  const fix = fixPolicy(
    fns.map((f) => f.arn),
    type,
  );
  const n = fns.length;
  return {
    fingerprint: fingerprint("LG004", p.arn),
    rule: "LG004",
    severity: "low",
    title: "GetFunction caller from another account (not evaluated)",
    message:
      `${p.type === "root" ? "The root user" : `${type === "user" ? "IAM user" : "Role"} ${p.name}`} of account ${p.accountId} called GetFunction on ${n} function${n > 1 ? "s" : ""} here (last ${iso(lastSeen)}). ` +
      `Its policies live in account ${p.accountId}, so this scan cannot tell whether it may call lambda:ListTags; if not, it silently gets no tags.`,
    resource: { kind: "principal", arn: p.arn, accountId: p.accountId },
    evidence: {
      evaluated: false,
      reason: "cross-account",
      callerAccountId: p.accountId,
      principalType: p.type,
      functions: fns.slice(0, EVIDENCE_FUNCTIONS).map((f) => ({
        arn: f.arn,
        region: f.region,
        lastSeen: iso(f.lastSeen),
        calls: f.calls,
      })),
      ...(fns.length > EVIDENCE_FUNCTIONS ? { functionsOmitted: fns.length - EVIDENCE_FUNCTIONS } : {}),
      lastSeen: iso(lastSeen),
      conditions: [],
      getFunctionGrantedBy: [],
      eventNames: [...v.caller.eventNames].sort(),
      events: v.caller.events,
    },
    remediation: {
      summary: `Scan account ${p.accountId} with lambda-guard, or check there that this ${p.type} is allowed lambda:ListTags on these functions.`,
      policy: fix.document,
      commands:
        p.type === "root"
          ? []
          : [`${attachCommand(type, p.name, fix.document)} --profile <account-${p.accountId}>`],
      notes: [
        `Run the command with credentials for account ${p.accountId}. Cross-account GetFunction also needs this function's resource-based policy to allow the caller.`,
      ],
    },
  };
}
