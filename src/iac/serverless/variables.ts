/**
 * Serverless Framework variables, resolved where they are literal: `${self:path}` (followed to the node
 * that defines the value, so a fix can patch it there), `${sls:stage}`, `${opt:stage, 'dev'}` (the default,
 * since CLI options are unknown statically), `${env:X, 'default'}`, quoted and bare literals. Anything
 * else (`${file(...)}`, `${ssm:...}`, `${cf:...}`) is unresolved.
 */
import { getIn, type TNode, type TScalar } from "../cloudformation/tree.js";

export interface Resolved {
  /** The node where the value is written (after following `${self:…}`); undefined for CLI defaults. */
  node?: TNode;
  /** A literal value when known. */
  value?: string | number | boolean | null;
  /** How the value was reached, e.g. ["${self:custom.publicUrl}"]. */
  via: string[];
}

const WHOLE = /^\$\{(.+)\}$/s;

function splitSources(inner: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let cur = "";
  for (const c of inner) {
    if (quote) {
      if (c === quote) quote = null;
      cur += c;
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    if (c === "{" || c === "(") depth++;
    if (c === "}" || c === ")") depth--;
    if (c === "," && depth === 0) {
      out.push(cur.trim());
      cur = "";
      continue;
    }
    cur += c;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

export class Variables {
  stage = "dev";

  constructor(readonly root: TNode | undefined) {}

  /** Follows `${…}` until a non-variable node or literal; a plain node resolves to itself. */
  resolve(node: TNode | undefined, via: string[] = [], depth = 0): Resolved {
    if (!node) return { via };
    if (depth > 10) return { via };
    if (node.kind !== "scalar" || typeof node.value !== "string") {
      return { node, ...(node.kind === "scalar" ? { value: node.value } : {}), via };
    }
    const m = WHOLE.exec(node.value.trim());
    if (!m || !isSingleVariable(node.value.trim())) {
      const s = this.interpolate(node.value, depth);
      return s === undefined ? { node, via } : { node, value: s, via };
    }
    for (const src of splitSources(m[1]!)) {
      const r = this.source(src, [...via, `\${${m[1]!}}`], depth + 1);
      if (r) return r;
    }
    return { via: [...via, node.value] };
  }

  private source(src: string, via: string[], depth: number): Resolved | undefined {
    const q = /^(['"])(.*)\1$/s.exec(src);
    if (q) return { value: q[2]!, via };
    if (/^-?\d+(\.\d+)?$/.test(src)) return { value: Number(src), via };
    if (src === "true" || src === "false") return { value: src === "true", via };
    if (src.startsWith("self:")) {
      // `${self:custom.auth.${sls:stage}}`: the inner variables pick the path.
      const inner = this.interpolate(src.slice(5), depth + 1);
      if (inner === undefined) return undefined;
      const path = inner.split(".").filter(Boolean);
      const n = getIn(this.root, path);
      if (!n) return undefined;
      const r = this.resolve(n, via, depth);
      return r.node || r.value !== undefined ? r : undefined;
    }
    if (src === "sls:stage" || src === "opt:stage" || src === "self:provider.stage") {
      return src === "opt:stage" ? undefined : { value: this.stage, via };
    }
    if (src.startsWith("${")) {
      const inner = this.resolve({ kind: "scalar", value: src, start: 0, end: 0 } as TScalar, via, depth);
      return inner.value !== undefined ? { value: inner.value, via } : undefined;
    }
    return undefined; // opt:, env:, file(), ssm:, cf:, s3:… are not known statically
  }

  /** A string with embedded variables, when every one resolves to a literal. */
  interpolate(s: string, depth = 0): string | undefined {
    if (!s.includes("${")) return s;
    let ok = true;
    const out = s.replace(/\$\{([^{}]+)\}/g, (_all, inner: string) => {
      for (const src of splitSources(inner)) {
        const r = this.source(src, [], depth + 1);
        if (r && r.value !== undefined && r.value !== null) return String(r.value);
      }
      ok = false;
      return "";
    });
    return ok ? out : undefined;
  }

  /** A literal string value (numbers and booleans as text). */
  string(node: TNode | undefined): string | undefined {
    const r = this.resolve(node);
    return r.value === undefined || r.value === null ? undefined : String(r.value);
  }
}

function isSingleVariable(s: string): boolean {
  // "${a}-${b}" is not one variable
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === "$" && s[i + 1] === "{") {
      depth++;
      i++;
    } else if (s[i] === "}") {
      depth--;
      if (depth === 0 && i !== s.length - 1) return false;
    }
  }
  return true;
}
