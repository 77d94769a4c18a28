import type { Finding } from "../../model/index.js";
import type { EmulatorState } from "../state.js";

/**
 * Applies each finding's remediation to an emulated account, as the printed commands would to a real one:
 * URLs to AWS_IAM and public statements removed (LG001–LG003), the least-privilege ListTags policy attached
 * inline (LG004). The demo scans again afterwards, which shows the fixes work — and which ones cannot work on
 * their own (an explicit Deny or a permissions boundary still wins over the new Allow). Returns what it did.
 */
export function applyRemediations(state: EmulatorState, findings: readonly Finding[]): string[] {
  const done: string[] = [];
  // The emulated IAM caches its answer per `state.iam` object: edit a copy and swap it in.
  state.iam = structuredClone(state.iam);
  for (const f of findings) {
    if (f.suppression) continue;
    if (f.rule === "LG004") {
      const applied = attachListTags(state, f);
      if (applied) done.push(applied);
      continue;
    }
    const fn = state.functions.find(
      (x) => x.name === f.resource.functionName && x.region === f.resource.region,
    );
    if (!fn) continue;
    const key = f.resource.qualifier ?? "";
    if (f.resource.kind === "function-url") {
      for (const url of fn.urls) if ((url.qualifier ?? "") === key) url.authType = "AWS_IAM";
      done.push(`${fn.name}${key ? `:${key}` : ""}: update-function-url-config --auth-type AWS_IAM`);
    }
    const policy = fn.policies[key];
    if (typeof policy === "string") {
      // An unreadable policy cannot be edited statement by statement: it is replaced (put-resource-policy).
      delete fn.policies[key];
      done.push(`${fn.name}${key ? `:${key}` : ""}: unparseable policy removed`);
      continue;
    }
    const statements = Array.isArray(f.evidence.statements) ? (f.evidence.statements as string[]) : [];
    if (policy && Array.isArray(policy.Statement) && statements.length > 0) {
      policy.Statement = (policy.Statement as { Sid?: string }[]).filter(
        (s, i) => !statements.includes(s.Sid ?? `#${i}`),
      );
      done.push(`${fn.name}${key ? `:${key}` : ""}: remove-permission ${statements.join(", ")}`);
    }
  }
  return done;
}

function attachListTags(state: EmulatorState, f: Finding): string | null {
  const arn = f.resource.arn ?? "";
  const document = f.remediation.policy;
  if (!document || arn.split(":")[4] !== state.accountId) return null;
  const name = arn.split("/").pop()!;
  const iam = state.iam as { RoleDetailList?: IamEntity[]; UserDetailList?: IamEntity[] };
  const isRole = arn.includes(":role/");
  const list = (isRole ? iam.RoleDetailList : iam.UserDetailList) ?? [];
  const entity = list.find((e) => e.Arn === arn || (isRole ? e.RoleName : e.UserName) === name);
  if (!entity) return null;
  const key = isRole ? "RolePolicyList" : "UserPolicyList";
  (entity[key] ??= []).push({ PolicyName: "lambda-guard-ListTags", PolicyDocument: document });
  return `${isRole ? "role" : "user"}/${name}: put-${isRole ? "role" : "user"}-policy lambda-guard-ListTags`;
}

interface IamEntity {
  Arn?: string;
  RoleName?: string;
  UserName?: string;
  RolePolicyList?: { PolicyName: string; PolicyDocument: unknown }[];
  UserPolicyList?: { PolicyName: string; PolicyDocument: unknown }[];
}
