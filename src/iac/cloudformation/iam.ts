/**
 * LG005 over source trees: read IAM statements with their positions, group them by identity, and emit one
 * finding per statement that grants lambda:GetFunction to an identity that is not allowed lambda:ListTags.
 * The decision itself is `analyzeIdentity` from ../policy-statements.ts (shared by every detector).
 */
import {
  GET_FUNCTION,
  LIST_TAGS,
  actionMatches,
  analyzeIdentity,
  type IamStatement,
} from "../policy-statements.js";
import type { Flavour, IacFinding, IacIdentity } from "../types.js";
import { makeFinding } from "./finding.js";
import {
  editAddString,
  get,
  intrinsic,
  lineOf,
  listOf,
  str,
  type SourceDoc,
  type TMap,
  type TNode,
} from "./tree.js";

export interface StmtRef {
  node: TMap;
  index: number;
  stmt: IamStatement;
  sid?: string;
}

function strings(node: TNode | undefined, unknown: string): string[] | undefined {
  if (!node) return undefined;
  const out: string[] = [];
  for (const n of listOf(node)) {
    const s = str(n);
    out.push(s ?? unknown);
  }
  return out;
}

/** The statements of a policy document node (`Statement` as a list or a single map). */
export function readPolicyDocument(doc: TNode | undefined): StmtRef[] {
  return readStatements(get(doc, "Statement"));
}

export function readStatements(node: TNode | undefined): StmtRef[] {
  const out: StmtRef[] = [];
  listOf(node).forEach((n, index) => {
    if (n.kind !== "map" || intrinsic(n)) return;
    const effect = str(get(n, "Effect"));
    if (effect !== "Allow" && effect !== "Deny") return;
    const stmt: IamStatement = { effect };
    const sid = str(get(n, "Sid"));
    if (sid) stmt.sid = sid;
    // Actions written with intrinsics or variables cannot be evaluated: they match nothing.
    const actions = strings(get(n, "Action"), "\u0000unresolved");
    const notActions = strings(get(n, "NotAction"), "\u0000unresolved");
    if (actions) stmt.actions = actions;
    if (notActions) stmt.notActions = notActions;
    const resources = strings(get(n, "Resource"), "${unresolved}");
    const notResources = strings(get(n, "NotResource"), "${unresolved}");
    if (resources) stmt.resources = resources;
    if (notResources) stmt.notResources = notResources;
    if (get(n, "Condition")) stmt.condition = true;
    out.push({ node: n, index, stmt, ...(sid ? { sid } : {}) });
  });
  return out;
}

export interface OwnedStatement extends StmtRef {
  /** IaC address of the resource that holds the statement (CloudFormation logical id, Serverless path). */
  address: string;
  /** Fingerprint key: policy name or path, then sid or index. */
  key: string;
  /** Lines where inline intent is looked for. */
  resourceRange: { startLine: number; endLine: number };
  /** Human label: "policy X of role Y". */
  label: string;
}

export interface IdentityGroup {
  identity: IacIdentity;
  statements: OwnedStatement[];
  /** Managed policy names or ARNs attached (AWS managed ones may allow ListTags). */
  managed: string[];
  /** How messages name the identity, when not "<kind> <name or address>". */
  label?: string;
}

/** LG005 findings for identity groups; a statement shared by several identities is reported once. */
export function lg005Findings(
  doc: SourceDoc,
  flavour: Flavour,
  groups: readonly IdentityGroup[],
): IacFinding[] {
  const out: IacFinding[] = [];
  const done = new Set<number>();
  for (const g of groups) {
    const a = analyzeIdentity(
      g.statements.map((s) => s.stmt),
      g.managed,
    );
    if (a.listTagsAllowed) continue;
    for (const i of a.getFunctionStatements) {
      const s = g.statements[i];
      if (!s || done.has(s.node.start)) continue;
      done.add(s.node.start);
      out.push(statementFinding(doc, flavour, g, s, a.listTagsDenied));
    }
  }
  return out;
}

function statementFinding(
  doc: SourceDoc,
  flavour: Flavour,
  g: IdentityGroup,
  s: OwnedStatement,
  denied: boolean,
): IacFinding {
  const actionNode = get(s.node, "Action");
  const granting = listOf(actionNode).find((n) => {
    const v = str(n);
    return v !== undefined && actionMatches(v, GET_FUNCTION);
  });
  const at = granting ?? actionNode ?? get(s.node, "NotAction") ?? s.node;
  const line = lineOf(doc, at.start);
  const grantedBy = granting
    ? str(granting)
    : s.stmt.notActions
      ? `NotAction ${s.stmt.notActions.join(", ")}`
      : "";
  const who = g.identity.name ?? g.identity.address;
  const whoText = g.label ?? `${g.identity.kind} ${who}`;
  const finding = makeFinding({
    rule: "LG005",
    message: `${s.label} grants lambda:GetFunction (via ${grantedBy}) but ${whoText} is not allowed lambda:ListTags, so GetFunction returns no tags to it.`,
    path: doc.file.path,
    address: s.address,
    flavour,
    kind: "policy-statement",
    line,
    evidence: {
      statement: s.sid ?? s.index,
      grantedBy,
      identity: who,
      ...(g.managed.length > 0 ? { managedPolicies: g.managed } : {}),
    },
    summary:
      "Add lambda:ListTags to the statement that grants lambda:GetFunction (same resources and conditions).",
    key: s.key,
  });
  const result: IacFinding = { finding, resourceRange: s.resourceRange, identity: g.identity };
  if (denied) {
    result.unfixable =
      "a Deny statement covers lambda:ListTags; adding it to the Allow would not take effect";
  } else if (!actionNode || !granting) {
    result.unfixable =
      "the statement grants GetFunction through NotAction or an unresolved value; edit it by hand";
  } else {
    const edit = editAddString(doc, s.node, "Action", LIST_TAGS);
    if (edit) {
      const note =
        actionNode.kind === "scalar"
          ? `Action became a list: [${str(actionNode)}, ${LIST_TAGS}]`
          : `${LIST_TAGS} appended to the Action list`;
      result.fix = { edits: [edit], notes: [note] };
      finding.remediation.notes = [note];
    } else {
      result.unfixable = "the Action is written in a form that cannot be extended safely";
    }
  }
  return result;
}
