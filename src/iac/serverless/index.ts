/**
 * Serverless Framework detector (serverless.yml / serverless.yaml).
 *
 * LG001: a function's `url: true`, or any `url:` mapping whose `authorizer` is not `aws_iam`, makes the
 * Framework create the URL with AuthType NONE and the public permissions (lambda:InvokeFunctionUrl, and
 * lambda:InvokeFunction since the October 2025 model). Fix: `url: true` → `url: { authorizer: aws_iam }`;
 * a mapping gets `authorizer: aws_iam`. When the value comes from `${self:…}`, it is patched where it is
 * defined, and the finding says so.
 *
 * LG005: `provider.iam.role.statements` (and the older `provider.iamRoleStatements`) form the shared
 * role's policy; `functions.X.iamRoleStatements` (serverless-iam-roles-per-function) a role per function,
 * which inherits the provider statements when `iamRoleStatementsInherit` (or the plugin's `defaultInherit`)
 * is true. `resources.Resources` is raw CloudFormation and is analysed like a template.
 *
 * Deployed names: `<service>-<stage>-<function>` unless the function sets `name`; stack `<service>-<stage>`.
 * The stage is `provider.stage` (its `${opt:stage, 'x'}` default when given that way), else `dev`.
 */
import type { Coverage } from "../../model/report.js";
import { analyzeTemplate } from "../cloudformation/analyze.js";
import { makeFinding } from "../cloudformation/finding.js";
import {
  lg005Findings,
  readStatements,
  type IdentityGroup,
  type OwnedStatement,
} from "../cloudformation/iam.js";
import {
  editInsertEntry,
  editReplaceRaw,
  editReplaceScalar,
  entry,
  entryLines,
  get,
  getIn,
  lineOf,
  listOf,
  loadSource,
  duplicateKeyNote,
  nodeLines,
  type SourceDoc,
  type TEntry,
  type TNode,
} from "../cloudformation/tree.js";
import type {
  Detector,
  DetectorContext,
  DetectorResult,
  IacFinding,
  IacFunction,
  IacIdentity,
  SourceFile,
  TextEdit,
} from "../types.js";
import { Variables } from "./variables.js";

const NAME = /(^|\/)serverless(\.[\w-]+)?\.ya?ml$/i;
const IGNORED_DIRS = /(^|\/)(node_modules|\.serverless|\.git)\//;

function claims(file: SourceFile): boolean {
  if (IGNORED_DIRS.test(file.path) || !/\.ya?ml$/i.test(file.path)) return false;
  if (NAME.test(file.path)) return true;
  return /^service\s*:/m.test(file.text) && /^provider\s*:/m.test(file.text);
}

/** Serverless's normalized function name for CloudFormation logical ids (`hello-world` → `HelloDashworld`). */
export function normalizedFunctionName(name: string): string {
  const n = name.replace(/-/g, "Dash").replace(/_/g, "Underscore");
  return n.charAt(0).toUpperCase() + n.slice(1);
}

interface Ctx {
  doc: SourceDoc;
  /** What could not be analysed (variables from files, SSM…): the coverage becomes partial. */
  unresolved: string[];
  vars: Variables;
  service: string;
  stage: string;
  region: string;
}

async function analyze(files: SourceFile[], _ctx: DetectorContext): Promise<DetectorResult> {
  const result: DetectorResult = { findings: [], coverage: [], functions: [], identities: [] };
  for (const file of files) {
    try {
      const doc = loadSource(file);
      const err = doc.errors[0];
      if (err) {
        result.coverage.push({
          scope: file.path,
          status: "failed",
          detail: `${file.path}:${err.line}: cannot parse: ${err.message}`,
        });
        continue;
      }
      const cov: Coverage = { scope: file.path, status: "complete" };
      analyzeFile(doc, result, cov);
      const dupNote = duplicateKeyNote(doc);
      if (dupNote)
        Object.assign(cov, { status: "partial", detail: [cov.detail, dupNote].filter(Boolean).join("; ") });
      result.coverage.push(cov);
    } catch (e) {
      result.coverage.push({
        scope: file.path,
        status: "failed",
        detail: `${file.path}: analysis failed: ${e instanceof Error ? e.message : String(e)}`,
      });
    }
  }
  return result;
}

function analyzeFile(doc: SourceDoc, out: DetectorResult, cov: Coverage): void {
  const root = doc.root;
  const vars = new Variables(root);
  const provider = get(root, "provider");
  const serviceNode = get(root, "service");
  const service =
    vars.string(serviceNode?.kind === "map" ? get(serviceNode, "name") : serviceNode) ?? "service";
  const stage = vars.string(get(provider, "stage")) ?? "dev";
  vars.stage = stage;
  const region = vars.string(get(provider, "region")) ?? "us-east-1";
  const unresolved: string[] = [];
  const c: Ctx = { doc, vars, service, stage, region, unresolved };

  const functions = get(root, "functions");
  const fnEntries: TEntry[] = functions?.kind === "map" ? functions.entries : [];
  if (functions && functions.kind !== "map") unresolved.push("functions (not an inline mapping)");
  const fnByKey = new Map<string, IacFunction>();
  for (const e of fnEntries) {
    const nameOverride = vars.string(get(e.value, "name"));
    const fn: IacFunction = {
      flavour: "serverless",
      path: doc.file.path,
      address: `functions.${e.key}`,
      functionName: nameOverride ?? `${service}-${stage}-${e.key}`,
      logicalId: `${normalizedFunctionName(e.key)}LambdaFunction`,
      stackName: `${service}-${stage}`,
      serverless: { service, function: e.key, stage },
    };
    fnByKey.set(e.key, fn);
    out.functions.push(fn);
    const f = urlFinding(c, e, fn);
    if (f) out.findings.push(f);
  }

  out.findings.push(...iamFindings(c, fnEntries, out.identities));

  const resources = getIn(root, ["resources", "Resources"]);
  if (resources?.kind === "map") {
    const r = analyzeTemplate({ doc, flavour: "serverless", resources, stackName: `${service}-${stage}` });
    out.findings.push(...r.findings);
    out.identities.push(...r.identities);
  }
  if (unresolved.length > 0) {
    cov.status = "partial";
    cov.detail = `not analysed: ${unresolved.join(", ")}`;
  }
}

function urlFinding(c: Ctx, fnEntry: TEntry, fn: IacFunction): IacFinding | undefined {
  const urlEntry = entry(fnEntry.value, "url");
  if (!urlEntry) return undefined;
  const r = c.vars.resolve(urlEntry.value);
  const value = r.node ?? urlEntry.value;
  const via = r.via;
  let atNode: TNode = urlEntry.value;
  let edit: TextEdit | undefined;
  let how: string;
  if (value.kind === "scalar") {
    if (r.value !== true && String(r.value).toLowerCase() !== "true") return undefined;
    atNode = value;
    how = "`url: true`";
    edit = r.node ? editReplaceRaw(c.doc, value, "{ authorizer: aws_iam }", "") : undefined;
  } else if (value.kind === "map") {
    const authEntry = entry(value, "authorizer");
    if (authEntry) {
      const a = c.vars.resolve(authEntry.value);
      if (String(a.value ?? "").toLowerCase() === "aws_iam") return undefined;
      const node = a.node ?? authEntry.value;
      atNode = node;
      via.push(...a.via);
      how = `\`authorizer: ${String(a.value ?? "?")}\``;
      edit = node.kind === "scalar" && a.node ? editReplaceScalar(c.doc, node, "aws_iam") : undefined;
    } else {
      how = "a `url:` mapping without `authorizer: aws_iam`";
      atNode = r.node && via.length > 0 ? value : urlEntry.value;
      edit = editInsertEntry(c.doc, value, "authorizer", "aws_iam");
    }
  } else {
    return undefined;
  }
  const address = `${fn.address}.url`;
  const line = lineOf(c.doc, atNode === urlEntry.value ? urlEntry.keyStart : atNode.start);
  const viaText =
    via.length > 0 ? ` The value comes from ${via.join(" → ")}; it is patched where it is defined.` : "";
  const notes = [
    "With authorizer aws_iam the Framework creates the URL with AuthType AWS_IAM and no public permissions; callers must sign requests with SigV4.",
  ];
  if (via.length > 0)
    notes.push(
      `Patched where the value is defined (${via.join(" → ")}); anything else using it changes too.`,
    );
  const finding = makeFinding({
    rule: "LG001",
    message: `Function ${fnEntry.key} (${fn.functionName}) has ${how}: the Serverless Framework creates the function URL with AuthType NONE and grants lambda:InvokeFunctionUrl and lambda:InvokeFunction to everyone, so anyone on the Internet can invoke it.${viaText}`,
    path: c.doc.file.path,
    address,
    flavour: "serverless",
    kind: "function-url",
    ...(fn.functionName ? { functionName: fn.functionName } : {}),
    qualifier: null,
    line,
    evidence: { authType: "NONE", generatedBy: "serverless url", ...(via.length > 0 ? { via } : {}) },
    summary: "Set the function's url to `{ authorizer: aws_iam }`.",
    notes,
  });
  const res: IacFinding = { finding, resourceRange: entryLines(c.doc, fnEntry), function: fn };
  if (edit) res.fix = { edits: [edit], notes };
  else
    res.unfixable = `the url setting comes from ${via.join(" → ") || "an unresolved value"}; change it there by hand`;
  return res;
}

function owned(c: Ctx, node: TNode | undefined, address: string, label: string): OwnedStatement[] {
  if (node?.kind === "scalar" && typeof node.value === "string" && node.value.includes("${")) {
    c.unresolved.push(`${address} (${node.value})`);
    return [];
  }
  return readStatements(node).map((s) => ({
    ...s,
    address,
    key: `${address}#${s.sid ?? s.index}`,
    resourceRange: nodeLines(c.doc, s.node),
    label: `${label} statement ${s.sid ?? s.index}`,
  }));
}

function managed(c: Ctx, node: TNode | undefined): string[] {
  return listOf(node)
    .map((n) => c.vars.string(n))
    .filter((s): s is string => !!s);
}

function iamFindings(c: Ctx, fnEntries: readonly TEntry[], identities: IacIdentity[]): IacFinding[] {
  const provider = get(c.doc.root, "provider");
  const role = getIn(provider, ["iam", "role"]);
  const groups: IdentityGroup[] = [];
  const providerStatements: OwnedStatement[] = [];
  const providerManaged: string[] = [];
  let roleName: string | undefined;
  if (role?.kind === "map") {
    providerStatements.push(
      ...owned(c, get(role, "statements"), "provider.iam.role.statements", "provider.iam.role.statements"),
    );
    providerManaged.push(...managed(c, get(role, "managedPolicies")));
    roleName = c.vars.string(get(role, "name"));
  }
  providerStatements.push(
    ...owned(
      c,
      get(provider, "iamRoleStatements"),
      "provider.iamRoleStatements",
      "provider.iamRoleStatements",
    ),
  );
  providerManaged.push(...managed(c, get(provider, "iamManagedPolicies")));
  const external = role?.kind === "scalar";
  if (!external && (providerStatements.length > 0 || fnEntries.length > 0)) {
    const identity: IacIdentity = {
      flavour: "serverless",
      path: c.doc.file.path,
      address: "provider.iam.role",
      kind: "role",
      name: roleName ?? `${c.service}-${c.stage}-${c.region}-lambdaRole`,
      policyNames: [`${c.stage}-${c.service}-lambda`],
    };
    identities.push(identity);
    groups.push({ identity, statements: providerStatements, managed: providerManaged });
  }
  const defaultInherit =
    c.vars.string(getIn(c.doc.root, ["custom", "serverless-iam-roles-per-function", "defaultInherit"])) ===
    "true";
  for (const e of fnEntries) {
    const stmts = get(e.value, "iamRoleStatements");
    if (!stmts) continue;
    const inheritNode = get(e.value, "iamRoleStatementsInherit");
    const inherit = inheritNode ? c.vars.string(inheritNode) === "true" : defaultInherit;
    const address = `functions.${e.key}.iamRoleStatements`;
    const identity: IacIdentity = {
      flavour: "serverless",
      path: c.doc.file.path,
      address: `functions.${e.key}`,
      kind: "role",
      ...(c.vars.string(get(e.value, "iamRoleStatementsName"))
        ? { name: c.vars.string(get(e.value, "iamRoleStatementsName"))! }
        : {}),
    };
    identities.push(identity);
    groups.push({
      identity,
      statements: [...owned(c, stmts, address, address), ...(inherit ? providerStatements : [])],
      managed: inherit ? providerManaged : [],
    });
  }
  return lg005Findings(c.doc, "serverless", groups);
}

export const serverlessDetector: Detector = {
  flavours: ["serverless"],
  claims,
  analyze,
};
