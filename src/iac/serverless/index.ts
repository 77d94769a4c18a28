/**
 * Serverless Framework detector (serverless.yml / serverless.yaml).
 *
 * LG001–LG003: a function's `url: true`, or a `url:` mapping whose `authorizer` is not `aws_iam`, makes the
 * Framework create the URL with AuthType NONE and add the public permissions (src/exposure TOOLCHAINS); an
 * `authorizer` that cannot be resolved here is conditional. The verdict is src/exposure's. Fix: `url: true` →
 * `url: { authorizer: aws_iam }`; a mapping gets `authorizer: aws_iam`, patched where a `${self:…}` value is
 * defined; the finding stays on the attribute and its evidence names that line.
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
import { decideExposure, publicUrlStatements, type AuthFact } from "../../exposure/index.js";
import { exposureFinding, type ExposureRef } from "../finding.js";
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

async function analyze(files: SourceFile[], ctx: DetectorContext): Promise<DetectorResult> {
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
      analyzeFile(doc, result, cov, ctx.now ?? new Date());
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

function analyzeFile(doc: SourceDoc, out: DetectorResult, cov: Coverage, now: Date): void {
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
    out.findings.push(...urlExposures(c, e, fn, now));
  }

  out.findings.push(...iamFindings(c, fnEntries, out.identities));

  const resources = getIn(root, ["resources", "Resources"]);
  if (resources?.kind === "map") {
    const r = analyzeTemplate({
      doc,
      flavour: "serverless",
      resources,
      stackName: `${service}-${stage}`,
      now,
    });
    out.findings.push(...r.findings);
    out.coverage.push(...r.coverage);
    out.identities.push(...r.identities);
  }
  if (unresolved.length > 0) {
    cov.status = "partial";
    cov.detail = `not analysed: ${unresolved.join(", ")}`;
  }
}

/** The function's URL as exposure facts: its auth type and the permissions the Framework adds for it. */
function urlExposures(c: Ctx, fnEntry: TEntry, fn: IacFunction, now: Date): IacFinding[] {
  const urlEntry = entry(fnEntry.value, "url");
  if (!urlEntry) return [];
  const r = c.vars.resolve(urlEntry.value);
  const value = r.node ?? urlEntry.value;
  const via = [...r.via];
  let auth: AuthFact = { kind: "NONE" };
  let attr: { line: number; defined?: TNode } = { line: lineOf(c.doc, urlEntry.keyStart) };
  let edit: TextEdit | undefined;
  if (value.kind === "scalar") {
    if (r.value !== true && String(r.value).toLowerCase() !== "true") return [];
    edit = r.node ? editReplaceRaw(c.doc, value, "{ authorizer: aws_iam }", "") : undefined;
    if (via.length > 0) attr.defined = value;
  } else if (value.kind === "map") {
    const authEntry = entry(value, "authorizer");
    if (authEntry) {
      const a = c.vars.resolve(authEntry.value);
      via.push(...a.via);
      const node = a.node ?? authEntry.value;
      attr = {
        line: lineOf(c.doc, authEntry.keyStart),
        ...(a.via.length > 0 && a.node ? { defined: a.node } : {}),
      };
      if (a.value === undefined)
        // Unresolvable here (an option, SSM, a file): the Framework makes the URL public unless it is aws_iam.
        auth = {
          kind: "conditional",
          condition: `${String(authEntry.value.kind === "scalar" ? authEntry.value.value : "authorizer")} is not aws_iam`,
        };
      else if (String(a.value).toLowerCase() === "aws_iam") auth = { kind: "AWS_IAM" };
      edit =
        node.kind === "scalar" && a.node && a.value !== undefined
          ? editReplaceScalar(c.doc, node, "aws_iam")
          : undefined;
    } else {
      edit = editInsertEntry(c.doc, value, "authorizer", "aws_iam");
    }
  } else return [];
  const notes = [
    "With authorizer aws_iam the Framework creates the URL with AuthType AWS_IAM and no public permissions; callers must sign requests with SigV4.",
  ];
  if (via.length > 0)
    notes.push(
      `Patched where the value is defined (${via.join(" → ")}); anything else using it changes too.`,
    );
  const ref: ExposureRef = {
    path: c.doc.file.path,
    line: attr.line,
    address: `${fn.address}.url`,
    resourceRange: entryLines(c.doc, fnEntry),
    function: fn,
    ...(attr.defined || via.length > 0
      ? {
          evidence: {
            via,
            ...(attr.defined ? { definedAt: `${c.doc.file.path}:${lineOf(c.doc, attr.defined.start)}` } : {}),
          },
        }
      : {}),
    setIam: () =>
      edit
        ? { edits: [edit], notes }
        : {
            unfixable: `the url setting comes from ${via.join(" → ") || "an unresolved value"}; change it there by hand`,
          },
  };
  const url = { qualifier: null, auth, ref };
  const statements =
    auth.kind === "AWS_IAM"
      ? []
      : publicUrlStatements("serverless").map((s) => ({
          qualifier: null,
          label: s.label.replace("<Function>", normalizedFunctionName(fnEntry.key)),
          statement: s.statement,
          provenance: { kind: "toolchain" as const, by: "serverless" as const },
          ref,
        }));
  const { exposures } = decideExposure(
    {
      target: { ...(fn.functionName ? { functionName: fn.functionName } : {}), region: c.region },
      urls: [url],
      statements,
    },
    now,
  );
  return exposures.map((x) =>
    exposureFinding(x, {
      flavour: "serverless",
      subject: `function ${fnEntry.key} (${fn.functionName})`,
      ...(fn.functionName ? { functionName: fn.functionName } : {}),
    }),
  );
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
