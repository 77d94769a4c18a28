import { fingerprint } from "../../model/fingerprint.js";
import type { Coverage } from "../../model/report.js";
import type { RuleId } from "../../model/rules.js";
import { firstError, parse, type Tree } from "../treesitter.js";
import type { IacFinding, SourceFile } from "../types.js";
import { type Attr, type Block, readFile } from "./hcl.js";
import { evaluate, normalizePath, type ModuleInst, type Scope, type VarSource } from "./eval.js";
import { readTfJson } from "./tfjson.js";

export interface ParsedTf {
  file: SourceFile;
  /** The HCL syntax tree; absent for Terraform JSON files. */
  tree?: Tree;
  blocks: Block[];
  attrs: Map<string, Attr>;
}

export function dirOf(path: string): string {
  const i = path.lastIndexOf("/");
  return i < 0 ? "" : path.slice(0, i);
}

export function isTfvars(path: string): boolean {
  return /\.tfvars(\.json)?$/i.test(path);
}

export function isTfJson(path: string): boolean {
  return /\.(tf|tfvars)\.json$/i.test(path);
}

/** Parses .tf/.tfvars files; malformed ones get a coverage note naming the line (blocks with errors are skipped). */
export async function parseAll(files: SourceFile[], coverage: Coverage[]): Promise<ParsedTf[]> {
  const out: ParsedTf[] = [];
  for (const file of files) {
    if (isTfJson(file.path)) {
      const j = readTfJson(file, isTfvars(file.path));
      if (j.errorLine !== undefined) {
        coverage.push({
          scope: file.path,
          status: "partial",
          detail: `JSON syntax error at line ${j.errorLine}: the file was not analysed`,
        });
      }
      out.push({ file, blocks: j.blocks, attrs: j.attrs });
      continue;
    }
    let tree: Tree;
    try {
      tree = await parse("terraform", file.text);
    } catch (err) {
      coverage.push({ scope: file.path, status: "failed", detail: `cannot parse: ${String(err)}` });
      continue;
    }
    const err = firstError(tree.rootNode);
    if (err) {
      coverage.push({
        scope: file.path,
        status: "partial",
        detail: `HCL syntax error at line ${err.startPosition.row + 1}${err.isMissing ? ` (missing ${err.type})` : ""}: blocks with errors were not analysed`,
      });
    }
    const { blocks, attrs } = readFile(file, tree.rootNode);
    out.push({ file, tree, blocks: blocks.filter((b) => !b.node.hasError), attrs });
  }
  return out;
}

const LOCAL_SOURCE = /^\.{1,2}\//;

/** Instantiates root modules and, recursively, local module calls (`source = "./modules/x"`). */
export function buildModules(parsed: ParsedTf[], files: ReadonlyMap<string, SourceFile>): ModuleInst[] {
  const byDir = new Map<string, ParsedTf[]>();
  for (const p of parsed) {
    const d = dirOf(p.file.path);
    const list = byDir.get(d) ?? [];
    list.push(p);
    byDir.set(d, list);
  }
  const tfDirs = [...byDir.keys()].filter((d) => byDir.get(d)!.some((p) => !isTfvars(p.file.path)));
  const called = new Set<string>();
  for (const d of tfDirs) {
    for (const p of byDir.get(d)!) {
      for (const b of p.blocks) {
        if (b.type !== "module") continue;
        const src = b.attrs.get("source");
        const v = src ? evaluate(src.expr, dummyScope(files), p.file).v : undefined;
        if (typeof v === "string" && LOCAL_SOURCE.test(v)) called.add(normalizePath(d ? `${d}/${v}` : v));
      }
    }
  }
  const out: ModuleInst[] = [];
  const instantiate = (
    dir: string,
    prefix: string,
    callArgs: Map<string, VarSource> | null,
    depth: number,
    call?: Block,
  ) => {
    const ps = byDir.get(dir);
    if (!ps || depth > 8) return;
    const tf = ps.filter((p) => !isTfvars(p.file.path));
    const blocks = tf.flatMap((p) => p.blocks);
    const mod: ModuleInst = {
      dir,
      prefix,
      blocks,
      vars: new Map(),
      locals: new Map(),
      files,
      ...(call ? { call } : {}),
    };
    for (const b of blocks) {
      if (b.type === "locals")
        for (const a of b.attrs.values()) mod.locals.set(a.name, { expr: a.expr, file: b.file });
    }
    for (const b of blocks) {
      if (b.type !== "variable" || !b.labels[0]) continue;
      const def = b.attrs.get("default");
      if (def)
        mod.vars.set(b.labels[0], {
          expr: def.expr,
          file: b.file,
          scope: null,
          desc: `default in ${b.file.path}:${def.line}`,
          from: "default",
          line: def.line,
        });
    }
    if (callArgs) {
      for (const [k, v] of callArgs)
        if (blocks.some((b) => b.type === "variable" && b.labels[0] === k)) mod.vars.set(k, v);
    } else {
      // Root module: terraform.tfvars < *.auto.tfvars < other *.tfvars (passed with -var-file), as Terraform orders them.
      const tfvars = ps.filter((p) => isTfvars(p.file.path));
      const rank = (p: ParsedTf) => {
        const n = p.file.path.slice(p.file.path.lastIndexOf("/") + 1);
        // terraform.tfvars < terraform.tfvars.json < *.auto.tfvars(.json), as Terraform loads them.
        return n === "terraform.tfvars"
          ? 0
          : n === "terraform.tfvars.json"
            ? 1
            : /\.auto\.tfvars(\.json)?$/.test(n)
              ? 2
              : 3;
      };
      tfvars.sort((a, b) => rank(a) - rank(b) || (a.file.path < b.file.path ? -1 : 1));
      for (const p of tfvars) {
        for (const a of p.attrs.values()) {
          mod.vars.set(a.name, {
            expr: a.expr,
            file: p.file,
            scope: null,
            desc: `${p.file.path}:${a.line}`,
            from: "tfvars",
            line: a.line,
          });
        }
      }
    }
    out.push(mod);
    const scope: Scope = { mod, depth: 0 };
    for (const b of blocks) {
      if (b.type !== "module" || !b.labels[0]) continue;
      const src = b.attrs.get("source");
      const v = src ? evaluate(src.expr, scope, b.file).v : undefined;
      if (typeof v !== "string" || !LOCAL_SOURCE.test(v)) continue;
      const childDir = normalizePath(dir ? `${dir}/${v}` : v);
      const args = new Map<string, VarSource>();
      for (const a of b.attrs.values()) {
        args.set(a.name, {
          expr: a.expr,
          file: b.file,
          scope,
          desc: `module "${b.labels[0]}" argument in ${b.file.path}:${a.line}`,
          from: "argument",
          line: a.line,
        });
      }
      instantiate(childDir, `${prefix}module.${b.labels[0]}.`, args, depth + 1, b);
    }
  };
  for (const d of tfDirs.sort()) if (!called.has(d)) instantiate(d, "", null, 0);
  return out;
}

function dummyScope(files: ReadonlyMap<string, SourceFile>): Scope {
  return { mod: { dir: "", prefix: "", blocks: [], vars: new Map(), locals: new Map(), files }, depth: 0 };
}

const INSTANCE_PREFIX = /^((?:module\.[^.]+\.)+)(.+)$/;

/**
 * A policy statement in a module that several calls instantiate is one problem in the code, with one patch:
 * its findings (same rule, place and patch, from different instances) become one finding whose address is
 * the module-relative one and whose evidence lists the instances. Other findings pass through unchanged.
 */
export function mergeModuleInstances(
  findings: IacFinding[],
  rules: readonly RuleId[] = ["LG005"],
): IacFinding[] {
  const groups = new Map<string, IacFinding[]>();
  const out: (IacFinding | string)[] = [];
  for (const f of findings) {
    const m = INSTANCE_PREFIX.exec(f.finding.resource.iac?.address ?? "");
    if (!m || !rules.includes(f.finding.rule)) {
      out.push(f);
      continue;
    }
    const key = JSON.stringify([
      f.finding.rule,
      f.finding.location,
      m[2],
      f.fix?.edits ?? null,
      f.unfixable ?? null,
      f.finding.suppression ?? null,
    ]);
    const g = groups.get(key);
    if (g) g.push(f);
    else {
      groups.set(key, [f]);
      out.push(key);
    }
  }
  return out.map((x) => {
    if (typeof x !== "string") return x;
    const g = groups.get(x)!;
    if (g.length === 1) return g[0]!;
    const first = g[0]!;
    const address = INSTANCE_PREFIX.exec(first.finding.resource.iac!.address)![2]!;
    const instances = g.map((f) => INSTANCE_PREFIX.exec(f.finding.resource.iac!.address)![1]!.slice(0, -1));
    const f = first.finding;
    return {
      ...first,
      finding: {
        ...f,
        // Stable across runs and distinct per statement: derived from the first instance's fingerprint.
        fingerprint: fingerprint(f.rule, f.location?.path ?? "", address, f.fingerprint),
        message: `${f.message} The statement is in a module instantiated ${g.length} times (${instances.join(", ")}); one change fixes every instance.`,
        resource: { ...f.resource, iac: { ...f.resource.iac!, address } },
        evidence: { ...f.evidence, instances },
      },
    };
  });
}
