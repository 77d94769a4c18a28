/**
 * Multi-account state (CONTRACTS.md §5): which account a request is served from. The top level of the state is
 * the caller's own account; `accounts[]` are members of its organization. STS AssumeRole issues temporary
 * credentials bound to one account and role; a later request signed with that access key id is served from
 * that account's state, under the assumed-role identity. Unknown access keys are the caller's own account (any
 * client's default credentials work against the emulator).
 */
import { randomBytes } from "node:crypto";
import type { EmulatorState, MemberAccount } from "./state.js";
import { ServiceError } from "./types.js";

export interface Session {
  accountId: string;
  roleName: string;
  sessionName: string;
  /** arn:<partition>:sts::<id>:assumed-role/<role>/<session> */
  arn: string;
  expiration: Date;
}

export interface IssuedCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
  arn: string;
}

/** Bound on live sessions per emulator state: the oldest is forgotten first (a long benchmark run). */
const MAX_SESSIONS = 10_000;

const sessions = new WeakMap<EmulatorState, Map<string, Session>>();
/** Per session, a view of the account's live state whose `callerArn` is the assumed role. */
const views = new WeakMap<Session, EmulatorState>();
/** Each session view's account state: what state kept beside an account (Security Hub) is keyed by. */
const viewed = new WeakMap<EmulatorState, EmulatorState>();

/** The account state itself behind a request's state (a session's view of it, or the account's own). */
export function accountStateOf(state: EmulatorState): EmulatorState {
  return viewed.get(state) ?? state;
}

function sessionsOf(root: EmulatorState): Map<string, Session> {
  let m = sessions.get(root);
  if (!m) sessions.set(root, (m = new Map()));
  return m;
}

/** Every account of the state: the caller's own first, then the members. */
export function allAccounts(root: EmulatorState): EmulatorState[] {
  return [root, ...(root.accounts ?? [])];
}

export function findAccount(root: EmulatorState, accountId: string): EmulatorState | undefined {
  return allAccounts(root).find((a) => a.accountId === accountId);
}

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
function randomKeyId(): string {
  // ASIA = temporary credentials from STS, as AWS issues them.
  return `ASIA${[...randomBytes(16)].map((b) => BASE32[b % 32]).join("")}`;
}

/**
 * STS AssumeRole: credentials for `roleArn` when that account exists in the state, is not suspended and lists
 * the role (or lists no roles), and the external id matches when the account requires one.
 */
export function assumeRole(
  root: EmulatorState,
  caller: { arn: string },
  params: { roleArn: string; sessionName: string; durationSeconds: number; externalId?: string; now: Date },
): IssuedCredentials {
  const m = /^arn:([\w-]+):iam::(\d{12}):role\/(?:[\w+=,.@/-]*\/)?([\w+=,.@-]{1,64})$/.exec(params.roleArn);
  const denied = () =>
    new ServiceError(
      "AccessDenied",
      `User: ${caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${params.roleArn}`,
      403,
    );
  if (!m) {
    throw new ServiceError(
      "ValidationError",
      `${params.roleArn} is invalid: roleArn must be arn:<partition>:iam::<account>:role/<name>`,
      400,
    );
  }
  const [, partition, accountId, roleName] = m as unknown as [string, string, string, string];
  const account = findAccount(root, accountId);
  if (!account || partition !== root.partition) throw denied();
  const member = account as Partial<MemberAccount>;
  if (member.status === "SUSPENDED") throw denied();
  const roles = account.roles;
  if (roles !== undefined && !roles.includes(roleName)) throw denied();
  if (typeof member.externalId === "string" && member.externalId !== params.externalId) throw denied();

  const expiration = new Date(params.now.getTime() + params.durationSeconds * 1000);
  const session: Session = {
    accountId,
    roleName,
    sessionName: params.sessionName,
    arn: `arn:${partition}:sts::${accountId}:assumed-role/${roleName}/${params.sessionName}`,
    expiration,
  };
  const live = sessionsOf(root);
  const accessKeyId = randomKeyId();
  live.set(accessKeyId, session);
  if (live.size > MAX_SESSIONS) live.delete(live.keys().next().value!);
  return {
    accessKeyId,
    secretAccessKey: randomBytes(30).toString("base64"),
    sessionToken: randomBytes(96).toString("base64"),
    expiration,
    arn: session.arn,
  };
}

/** A request signed with an assumed role's keys after the session ended: AWS refuses it (ExpiredToken). */
export function sessionExpired(root: EmulatorState, accessKeyId: string, now: Date): boolean {
  const session = sessions.get(root)?.get(accessKeyId);
  return session !== undefined && session.expiration.getTime() <= now.getTime();
}

/** The account state a request signed with `accessKeyId` is served from. */
export function stateForAccessKey(root: EmulatorState, accessKeyId: string): EmulatorState {
  const session = sessions.get(root)?.get(accessKeyId);
  if (!session) return root;
  let view = views.get(session);
  if (!view) {
    const account = findAccount(root, session.accountId) ?? root;
    // A prototype view: reads fall through to the live account state (changes apply to the next request),
    // only the caller identity differs per session.
    view = Object.create(account) as EmulatorState;
    Object.defineProperty(view, "callerArn", { value: session.arn, enumerable: true });
    views.set(session, view);
    viewed.set(view, account);
  }
  return view;
}
