import { lg001Commands, makeFinding, removePermissionNote } from "../finding.js";
import type { DetectorResult, IacFinding, IacFunction, TextEdit } from "../types.js";
import { evaluate, isUnknown, type ModuleInst, type Scope, type Val } from "./eval.js";
import { type Attr, type Block, traversal } from "./hcl.js";
import { deleteBlock, insertAttributeAfter, replaceNode } from "./edits.js";

const TF = "terraform" as const;
const LAMBDA_MODULE =
  /(^|\/)terraform-aws-modules\/lambda\/aws(\/\/|$)|terraform-aws-modules\/terraform-aws-lambda/;

interface FnRef {
  key: string;
  fn?: IacFunction;
  name?: string;
}

interface Permission {
  block: Block;
  address: string;
  fn: FnRef;
  qualifier: string;
  kind: "url" | "url-invoke" | "invoke";
  principalAttr: Attr;
  referencedAt?: string;
}

/** Whether a resource is switched off by `count = 0` or an empty `for_each`. */
export function disabled(b: Block, scope: Scope): boolean {
  const c = b.attrs.get("count");
  if (c) {
    const v = evaluate(c.expr, scope, b.file).v;
    if (v === 0 || v === false) return true;
  }
  const fe = b.attrs.get("for_each");
  if (fe) {
    const v = evaluate(fe.expr, scope, b.file).v;
    if (
      (Array.isArray(v) && v.length === 0) ||
      (v && typeof v === "object" && !isUnknown(v) && Object.keys(v).length === 0)
    )
      return true;
  }
  return false;
}

function str(v: Val | undefined): string | undefined {
  return v && typeof v.v === "string" ? v.v : undefined;
}

function attrVal(b: Block, name: string, scope: Scope): Val | undefined {
  const a = b.attrs.get(name);
  return a ? evaluate(a.expr, scope, b.file) : undefined;
}

/** Edit that makes a value "AWS_IAM" where it is defined, and a note saying where that is. */
function authEdit(v: Val, files: ModuleInst["files"]): { edit: TextEdit; note?: string } | null {
  if (!v.origin || v.origin.kind !== "string") return null;
  const file = files.get(v.origin.path);
  if (!file) return null;
  // `cond ? "NONE" : "AWS_IAM"` becomes "AWS_IAM" rather than `cond ? "AWS_IAM" : "AWS_IAM"`.
  const c = v.origin.conditional;
  const edit =
    c && c.other === "AWS_IAM"
      ? replaceNode(file, { startIndex: c.start, endIndex: c.end }, '"AWS_IAM"')
      : replaceNode(file, { startIndex: v.origin.start, endIndex: v.origin.end }, '"AWS_IAM"');
  const note =
    v.via.length > 0
      ? `authorization_type comes from ${v.via.join(" → ")}; patched where it is defined (${v.origin.path}:${v.origin.line}).`
      : undefined;
  return note ? { edit, note } : { edit };
}

export function analyzeLambda(mod: ModuleInst, out: DetectorResult): void {
  const scope: Scope = { mod, depth: 0 };
  const resources = mod.blocks.filter((b) => b.type === "resource" && b.labels.length >= 2);
  const fnByLocal = new Map<string, IacFunction>();
  const fnByName = new Map<string, IacFunction>();

  for (const b of resources) {
    if (b.labels[0] !== "aws_lambda_function") continue;
    const name = str(attrVal(b, "function_name", scope));
    const fn: IacFunction = {
      flavour: TF,
      path: b.file.path,
      address: `${mod.prefix}aws_lambda_function.${b.labels[1]}`,
      ...(name ? { functionName: name } : {}),
    };
    out.functions.push(fn);
    fnByLocal.set(`aws_lambda_function.${b.labels[1]}`, fn);
    if (name) fnByName.set(name, fn);
  }

  const fnRef = (b: Block): FnRef => {
    const a = b.attrs.get("function_name");
    if (!a) return { key: "?" };
    const t = traversal(a.expr);
    if (t && t[0] === "aws_lambda_function" && t[1]) {
      const k = `aws_lambda_function.${t[1]}`;
      const fn = fnByLocal.get(k);
      return { key: k, ...(fn ? { fn } : {}), ...(fn?.functionName ? { name: fn.functionName } : {}) };
    }
    const v = evaluate(a.expr, scope, b.file).v;
    if (typeof v === "string") {
      const name = /:function:([^:]+)/.exec(v)?.[1] ?? v;
      const fn = fnByName.get(name);
      return fn
        ? { key: `aws_lambda_function.${fn.address.split(".").pop()}`, fn, name }
        : { key: `name:${name}`, name };
    }
    return { key: `expr:${a.expr.text}` };
  };

  // References to a resource elsewhere in the module (depends_on, outputs): deleting it would break them.
  const referenced = (type: string, name: string, except: Block): string | undefined => {
    const needle = new RegExp(`\\b${type}\\.${name}\\b`);
    for (const b of mod.blocks) {
      if (b === except) continue;
      const text = b.node.text;
      if (needle.test(text)) return `${b.file.path}:${b.startLine}`;
    }
    return undefined;
  };

  // Public permissions.
  const perms: Permission[] = [];
  for (const b of resources) {
    if (b.labels[0] !== "aws_lambda_permission" || disabled(b, scope)) continue;
    const principalAttr = b.attrs.get("principal");
    if (!principalAttr) continue;
    const principal = str(evaluate(principalAttr.expr, scope, b.file));
    if (principal !== "*") continue;
    if (
      ["source_arn", "source_account", "principal_org_id"].some((k) => {
        const v = attrVal(b, k, scope);
        return v !== undefined && v.v !== null;
      })
    )
      continue;
    const action = (str(attrVal(b, "action", scope)) ?? "").toLowerCase();
    const authType = str(attrVal(b, "function_url_auth_type", scope));
    const viaUrl = attrVal(b, "invoked_via_function_url", scope)?.v === true;
    let kind: Permission["kind"] | null = null;
    if (action === "lambda:invokefunctionurl") kind = authType === "NONE" ? "url" : null;
    else if (action === "lambda:invokefunction" || action === "lambda:*" || action === "*")
      kind = viaUrl ? "url-invoke" : "invoke";
    if (!kind) continue;
    const address = `${mod.prefix}aws_lambda_permission.${b.labels[1]}`;
    const ref = referenced("aws_lambda_permission", b.labels[1]!, b);
    perms.push({
      block: b,
      address,
      fn: fnRef(b),
      qualifier: str(attrVal(b, "qualifier", scope)) ?? "",
      kind,
      principalAttr,
      ...(ref ? { referencedAt: ref } : {}),
    });
  }

  const noneUrls = new Set<string>();
  const anyUrls = new Set<string>();
  // Function URLs.
  for (const b of resources) {
    if (b.labels[0] !== "aws_lambda_function_url" || disabled(b, scope)) continue;
    const authAttr = b.attrs.get("authorization_type");
    const ref = fnRef(b);
    const qualifier = str(attrVal(b, "qualifier", scope)) ?? "";
    anyUrls.add(`${ref.key}\u0000${qualifier}`);
    if (!authAttr) continue;
    const auth = evaluate(authAttr.expr, scope, b.file);
    if (auth.v !== "NONE") continue;
    noneUrls.add(`${ref.key}\u0000${qualifier}`);
    const address = `${mod.prefix}aws_lambda_function_url.${b.labels[1]}`;
    const related = perms.filter(
      (p) => p.fn.key === ref.key && p.qualifier === qualifier && p.kind !== "invoke",
    );
    const edits: TextEdit[] = [];
    const notes: string[] = [];
    let unfixable: string | undefined;
    const e = authEdit(auth, mod.files);
    if (!e)
      unfixable = `authorization_type is computed (${authAttr.expr.text}); set it to "AWS_IAM" where its value is decided`;
    else {
      edits.push(e.edit);
      if (e.note) notes.push(e.note);
    }
    for (const p of related) {
      if (p.referencedAt) {
        unfixable = `${p.address} grants public URL access and is referenced at ${p.referencedAt}; remove that reference and the permission by hand`;
        break;
      }
      edits.push(deleteBlock(p.block.file, p.block.node));
      notes.push(`Removed ${p.address}: it granted the public URL permission in code.`);
    }
    notes.push(removePermissionNote(ref.name));
    const via = auth.via.length > 0 ? ` (from ${auth.via.join(" → ")})` : "";
    const finding: IacFinding = {
      finding: makeFinding({
        rule: "LG001",
        flavour: TF,
        kind: "function-url",
        address,
        path: b.file.path,
        line: authAttr.line,
        ...(ref.name ? { functionName: ref.name } : {}),
        message: `${address} sets authorization_type = "NONE"${via}. The AWS provider then adds the FunctionURLAllowPublicAccess statement (and FunctionURLAllowInvokeAction in newer provider versions) without any resource in the code, so anyone on the Internet who learns the URL can invoke ${ref.name ?? "the function"}.`,
        evidence: {
          authType: "NONE",
          statements: ["FunctionURLAllowPublicAccess", "FunctionURLAllowInvokeAction"],
          ...(auth.origin && auth.via.length > 0
            ? { definedAt: `${auth.origin.path}:${auth.origin.line}` }
            : {}),
          ...(related.length > 0 ? { permissions: related.map((p) => p.address) } : {}),
          ...(qualifier ? { qualifier } : {}),
        },
        remediation: {
          summary:
            'Set authorization_type = "AWS_IAM" and remove the public URL permissions; callers then sign requests with SigV4.',
          commands: lg001Commands(ref.name, qualifier || undefined),
          notes,
        },
      }),
      resourceRange: { startLine: b.startLine, endLine: b.endLine },
      ...(ref.fn ? { function: ref.fn } : {}),
    };
    if (unfixable) finding.unfixable = unfixable;
    else finding.fix = { edits, notes };
    out.findings.push(finding);
  }

  // Permissions not explained by a NONE URL in the code: LG002 (direct invoke) or LG003 (latent URL grant).
  for (const p of perms) {
    const urlKey = `${p.fn.key}\u0000${p.qualifier}`;
    if (p.kind !== "invoke" && noneUrls.has(urlKey)) continue;
    const b = p.block;
    if (p.kind === "invoke") {
      out.findings.push({
        finding: makeFinding({
          rule: "LG002",
          flavour: TF,
          kind: "function",
          address: p.address,
          path: b.file.path,
          line: p.principalAttr.line,
          ...(p.fn.name ? { functionName: p.fn.name } : {}),
          message: `${p.address} lets principal "*" call lambda:InvokeFunction on ${p.fn.name ?? "the function"} with no source_arn, source_account or principal_org_id: any AWS account can invoke it directly.`,
          evidence: { principal: "*", action: "lambda:InvokeFunction" },
          remediation: {
            summary:
              "Scope the permission to the service or account that invokes the function (principal plus source_arn/source_account), or remove it.",
          },
        }),
        unfixable:
          "which principal should invoke the function is a decision for its owner: scope principal/source_arn by hand",
        resourceRange: { startLine: b.startLine, endLine: b.endLine },
        ...(p.fn.fn ? { function: p.fn.fn } : {}),
      });
      continue;
    }
    // InvokeFunctionUrl granted publicly while the code declares no URL for it (one may exist outside the code).
    const high = p.kind === "url" && !anyUrls.has(urlKey);
    const f: IacFinding = {
      finding: makeFinding({
        rule: "LG003",
        flavour: TF,
        kind: "function-url",
        address: p.address,
        path: b.file.path,
        line: p.principalAttr.line,
        severity: high ? "high" : "low",
        ...(p.fn.name ? { functionName: p.fn.name } : {}),
        message: `${p.address} publicly grants ${p.kind === "url" ? "lambda:InvokeFunctionUrl" : "lambda:InvokeFunction via the function URL"} on ${p.fn.name ?? "a function"} whose URL the code does not declare with authorization_type NONE: a latent public grant that takes effect as soon as the URL's auth type is NONE.`,
        evidence: { principal: "*", kind: p.kind },
        remediation: {
          summary:
            "Remove the public URL permission, or record the intent under allow in .github/lambda-guard.yml.",
        },
      }),
      resourceRange: { startLine: b.startLine, endLine: b.endLine },
      ...(p.fn.fn ? { function: p.fn.fn } : {}),
    };
    if (p.referencedAt)
      f.unfixable = `${p.address} is referenced at ${p.referencedAt}; remove the reference and the permission by hand`;
    else f.fix = { edits: [deleteBlock(b.file, b.node)], notes: [`Removed ${p.address}.`] };
    out.findings.push(f);
  }

  // terraform-aws-modules/lambda: create_lambda_function_url = true defaults authorization_type to "NONE".
  for (const b of mod.blocks) {
    if (b.type !== "module" || !b.labels[0]) continue;
    const source = str(attrVal(b, "source", scope));
    if (!source || !LAMBDA_MODULE.test(source)) continue;
    const name = str(attrVal(b, "function_name", scope));
    const fn: IacFunction = {
      flavour: TF,
      path: b.file.path,
      address: `${mod.prefix}module.${b.labels[0]}.aws_lambda_function.this`,
      ...(name ? { functionName: name } : {}),
    };
    out.functions.push(fn);
    if (
      disabled(b, scope) ||
      attrVal(b, "create", scope)?.v === false ||
      attrVal(b, "create_function", scope)?.v === false
    )
      continue;
    const createAttr = b.attrs.get("create_lambda_function_url");
    if (!createAttr || evaluate(createAttr.expr, scope, b.file).v !== true) continue;
    const authAttr = b.attrs.get("authorization_type");
    const auth = authAttr ? evaluate(authAttr.expr, scope, b.file) : ({ v: "NONE", via: [] } as Val);
    if (auth.v !== "NONE") continue;
    const address = `${mod.prefix}module.${b.labels[0]}.aws_lambda_function_url.this`;
    const notes: string[] = [];
    let edit: TextEdit | null = null;
    if (!authAttr) {
      edit = insertAttributeAfter(b.file, createAttr.node, "authorization_type", '"AWS_IAM"');
      notes.push('The module defaults authorization_type to "NONE"; added authorization_type = "AWS_IAM".');
    } else {
      const e = authEdit(auth, mod.files);
      if (e) {
        edit = e.edit;
        if (e.note) notes.push(e.note);
      }
    }
    notes.push(removePermissionNote(name));
    const line = authAttr?.line ?? createAttr.line;
    const f: IacFinding = {
      finding: makeFinding({
        rule: "LG001",
        flavour: TF,
        kind: "function-url",
        address,
        path: b.file.path,
        line,
        ...(name ? { functionName: name } : {}),
        message: authAttr
          ? `module "${b.labels[0]}" (terraform-aws-modules/lambda) creates a function URL with authorization_type = "NONE": anyone on the Internet can invoke ${name ?? "the function"}.`
          : `module "${b.labels[0]}" (terraform-aws-modules/lambda) sets create_lambda_function_url = true without authorization_type, which defaults to "NONE": anyone on the Internet can invoke ${name ?? "the function"}.`,
        evidence: { authType: "NONE", defaulted: !authAttr, module: source },
        remediation: {
          summary: 'Set authorization_type = "AWS_IAM" on the module.',
          commands: lg001Commands(name),
          notes,
        },
      }),
      resourceRange: { startLine: b.startLine, endLine: b.endLine },
      function: fn,
    };
    if (edit) f.fix = { edits: [edit], notes };
    else
      f.unfixable = `authorization_type is computed (${authAttr?.expr.text ?? ""}); set it to "AWS_IAM" where its value is decided`;
    out.findings.push(f);
  }
}
