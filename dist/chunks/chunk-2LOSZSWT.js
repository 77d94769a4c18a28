import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  dropTrailingCommas,
  firstError,
  lineAt,
  parse,
  parseEdited,
  parseTree,
  printParseErrorCode,
  scanIacFiles,
  trailingCommas
} from "./chunk-3LNKEIC5.js";
import {
  decodeUtf8,
  hasUtf8Bom,
  normalizePrefix
} from "./chunk-TPH6OF3P.js";
import {
  LineCounter,
  parseAllDocuments
} from "./chunk-SYCOQQ3O.js";

// src/iac/index.ts
import { lstat, readFile, realpath, writeFile } from "node:fs/promises";
import { isAbsolute, relative, resolve, sep } from "node:path";

// src/iac/diff.ts
function splitLines(text) {
  if (text === "") return { lines: [], finalNewline: true };
  const finalNewline = text.endsWith("\n");
  const lines = (finalNewline ? text.slice(0, -1) : text).split("\n");
  return { lines, finalNewline };
}
function diffLines(a, b) {
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf])
    suf++;
  const A = a.slice(pre, a.length - suf);
  const B = b.slice(pre, b.length - suf);
  const mid = A.length + B.length > ANCHOR_ABOVE ? anchored(A, B) : myers(A, B);
  return [
    ...a.slice(0, pre).map((line) => ({ kind: " ", line })),
    ...mid,
    ...a.slice(a.length - suf).map((line) => ({ kind: " ", line }))
  ];
}
var ANCHOR_ABOVE = 2e3;
function anchored(A, B) {
  const count = /* @__PURE__ */ new Map();
  A.forEach((l, i2) => {
    const c = count.get(l);
    if (c) c[0]++;
    else count.set(l, [1, 0, i2]);
  });
  const pairs = [];
  for (const l of B) {
    const c = count.get(l);
    if (c) c[1]++;
  }
  B.forEach((l, j2) => {
    const c = count.get(l);
    if (c && c[0] === 1 && c[1] === 1) pairs.push([c[2], j2]);
  });
  const lis = longestIncreasing(pairs);
  if (lis.length === 0) return myers(A, B);
  const out = [];
  let i = 0;
  let j = 0;
  const gap = (a, b) => {
    for (const op of diffLines(a, b)) out.push(op);
  };
  for (const [ai, bj] of lis) {
    gap(A.slice(i, ai), B.slice(j, bj));
    out.push({ kind: " ", line: A[ai] });
    i = ai + 1;
    j = bj + 1;
  }
  gap(A.slice(i), B.slice(j));
  return out;
}
function longestIncreasing(pairs) {
  const tails = [];
  const prev = new Int32Array(pairs.length).fill(-1);
  for (let k = 0; k < pairs.length; k++) {
    const x = pairs[k][0];
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const midIdx = lo + hi >> 1;
      if (pairs[tails[midIdx]][0] < x) lo = midIdx + 1;
      else hi = midIdx;
    }
    if (lo > 0) prev[k] = tails[lo - 1];
    tails[lo] = k;
  }
  const out = [];
  for (let k = tails.length ? tails[tails.length - 1] : -1; k >= 0; k = prev[k]) out.push(pairs[k]);
  return out.reverse();
}
function myers(A, B) {
  const n = A.length;
  const m = B.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace = [];
  let found = n === 0 && m === 0;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x2;
      if (k === -d || k !== d && v[offset + k - 1] < v[offset + k + 1]) x2 = v[offset + k + 1];
      else x2 = v[offset + k - 1] + 1;
      let y2 = x2 - k;
      while (x2 < n && y2 < m && A[x2] === B[y2]) {
        x2++;
        y2++;
      }
      v[offset + k] = x2;
      if (x2 >= n && y2 >= m) {
        found = true;
        break;
      }
    }
  }
  const mid = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0 && (x > 0 || y > 0); d--) {
    const vd = trace[d];
    const k = x - y;
    let prevK;
    if (k === -d || k !== d && vd[offset + k - 1] < vd[offset + k + 1]) prevK = k + 1;
    else prevK = k - 1;
    const prevX = vd[offset + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      mid.push({ kind: " ", line: A[--x] });
      y--;
    }
    if (d > 0) {
      if (x === prevX) mid.push({ kind: "+", line: B[--y] });
      else mid.push({ kind: "-", line: A[--x] });
    }
  }
  while (x > 0 && y > 0) {
    mid.push({ kind: " ", line: A[--x] });
    y--;
  }
  return mid.reverse();
}
var C_ESCAPES = {
  7: "a",
  8: "b",
  9: "t",
  10: "n",
  11: "v",
  12: "f",
  13: "r",
  34: '"',
  92: "\\"
};
function diffHeaderName(prefix, path) {
  const bytes = new TextEncoder().encode(prefix + path);
  let quoted = false;
  let out = "";
  for (const b of bytes) {
    const esc = C_ESCAPES[b];
    if (esc) {
      out += `\\${esc}`;
      quoted = true;
    } else if (b < 32 || b >= 127) {
      out += `\\${b.toString(8).padStart(3, "0")}`;
      quoted = true;
    } else out += String.fromCharCode(b);
  }
  const name = quoted ? `"${out}"` : out;
  return path.includes(" ") ? `${name}	` : name;
}
function unifiedDiff(path, before, after, context = 3) {
  if (before === after) return "";
  const A = splitLines(before);
  const B = splitLines(after);
  const ops = diffLines(A.lines, B.lines);
  const lastA = A.lines.length - 1;
  const lastB = B.lines.length - 1;
  const out = [`--- ${diffHeaderName("a/", path)}`, `+++ ${diffHeaderName("b/", path)}`];
  const changed = ops.map((o) => o.kind !== " ");
  if (A.finalNewline !== B.finalNewline && ops.length > 0) {
    const last = ops.length - 1;
    if (ops[last].kind === " ") {
      ops.splice(last, 1, { kind: "-", line: ops[last].line }, { kind: "+", line: ops[last].line });
      changed.splice(last, 1, true, true);
    }
  }
  let i = 0;
  while (i < ops.length) {
    if (!changed[i]) {
      i++;
      continue;
    }
    let start = Math.max(0, i - context);
    let end = i;
    for (; ; ) {
      while (end < ops.length && changed[end]) end++;
      let j = end;
      while (j < ops.length && !changed[j] && j - end < 2 * context) j++;
      if (j < ops.length && changed[j] && j - end < 2 * context + 1) {
        end = j;
        continue;
      }
      break;
    }
    const stop = Math.min(ops.length, end + context);
    let aLine = 0;
    let bLine = 0;
    for (let k = 0; k < start; k++) {
      if (ops[k].kind !== "+") aLine++;
      if (ops[k].kind !== "-") bLine++;
    }
    let aCount = 0;
    let bCount = 0;
    const body = [];
    for (let k = start; k < stop; k++) {
      const o = ops[k];
      body.push(`${o.kind}${o.line}`);
      const lastOfA = o.kind !== "+" && aLine + aCount === lastA;
      const lastOfB = o.kind !== "-" && bLine + bCount === lastB;
      if (o.kind !== "+" && lastOfA && !A.finalNewline || o.kind === "+" && lastOfB && !B.finalNewline) {
        body.push("\\ No newline at end of file");
      }
      if (o.kind !== "+") aCount++;
      if (o.kind !== "-") bCount++;
    }
    const range = (line, count) => count === 0 ? `${line},0` : count === 1 ? `${line + 1}` : `${line + 1},${count}`;
    out.push(`@@ -${range(aLine, aCount)} +${range(bLine, bCount)} @@`, ...body);
    start = stop;
    i = stop;
  }
  return out.join("\n") + "\n";
}

// src/iac/locate.ts
var STACK_TAG = "aws:cloudformation:stack-name";
var LOGICAL_ID_TAG = "aws:cloudformation:logical-id";
function functionNameOf(f) {
  if (f.resource.functionName) return f.resource.functionName;
  const m = /:function:([^:]+)/.exec(f.resource.arn ?? "");
  return m?.[1];
}
var alnum = (s) => s.replace(/[^A-Za-z0-9]/g, "");
function cdkLogicalMatch(fn, logicalId) {
  if (fn.flavour !== "cdk") return false;
  const human = alnum(
    fn.address.split("/").filter((p) => p !== "Resource" && p !== "Default").join("")
  );
  return human.length > 0 && new RegExp(`^${human}[0-9A-F]{8}$`).test(logicalId);
}
function matchFunction(f, fn) {
  const tags = f.resource.tags ?? {};
  const stack = tags[STACK_TAG];
  const logical = tags[LOGICAL_ID_TAG];
  const name = functionNameOf(f);
  if (logical) {
    const stackOk = !fn.stackName || !stack || fn.stackName === stack;
    if (fn.logicalId && fn.logicalId === logical && stackOk) return fn.stackName && stack ? 100 : 80;
    if (stackOk && cdkLogicalMatch(fn, logical)) return 70;
  }
  if (name && fn.serverless) {
    const { service, function: fnKey, stage } = fn.serverless;
    if (stage ? name === `${service}-${stage}-${fnKey}` : name.startsWith(`${service}-`) && name.endsWith(`-${fnKey}`))
      return 90;
  }
  if (name && fn.functionName === name) return 60;
  if (f.resource.iac?.address && f.resource.iac.address === fn.address) return 50;
  return 0;
}
function sameFunction(a, b) {
  return !!a && a.path === b.path && a.address === b.address;
}
var URL_RULES = /* @__PURE__ */ new Set(["LG001", "LG003"]);
function identityName(f) {
  const m = /^arn:[^:]+:(?:iam|sts)::\d*:(role|user|group|assumed-role)\/(?:.*\/)?([^/]+?)(?:\/[^/]*)?$/.exec(
    f.resource.arn ?? ""
  );
  if (!m) return null;
  const arn = f.resource.arn;
  if (m[1] === "assumed-role") {
    const parts = arn.split(":").slice(5).join(":").split("/");
    return { kind: "role", name: parts[1] ?? m[2] };
  }
  return { kind: m[1], name: m[2] };
}
function locateReport(report, scan) {
  const byFp = new Map(scan.findings.map((f) => [f.finding.fingerprint, f]));
  const out = [];
  for (const finding of report.findings) {
    if (finding.suppression) {
      out.push({
        finding,
        reason: `suppressed (${finding.suppression.source}: ${finding.suppression.reason})`
      });
      continue;
    }
    const direct = byFp.get(finding.fingerprint);
    if (direct) {
      out.push({ finding, match: direct, reason: "" });
      continue;
    }
    if (finding.rule === "LG004" || finding.rule === "LG005" || finding.resource.kind === "principal") {
      out.push(locateIdentity(finding, scan));
      continue;
    }
    let best;
    let bestScore = 0;
    for (const fn of scan.functions) {
      const s = matchFunction(finding, fn);
      if (s > bestScore) {
        best = fn;
        bestScore = s;
      }
    }
    if (!best) {
      const name = functionNameOf(finding) ?? finding.resource.arn ?? "this function";
      out.push({
        finding,
        reason: `no code in this repository declares ${name} (no matching CloudFormation stack/logical-id tags, Serverless name, Terraform function_name or CDK construct) \u2014 open an issue for its owner`
      });
      continue;
    }
    const forFn = scan.findings.filter((s) => sameFunction(s.function, best));
    const match = forFn.find((s) => s.finding.rule === finding.rule) ?? (URL_RULES.has(finding.rule) ? forFn.find((s) => URL_RULES.has(s.finding.rule)) : void 0);
    if (match) {
      out.push({ finding, match, function: best, reason: "" });
      continue;
    }
    const notes = finding.rule === "LG001" || finding.rule === "LG003" ? ` \u2014 if the URL was made private in code earlier, the permission statements may remain in the live policy: aws lambda remove-permission --function-name ${functionNameOf(finding) ?? "NAME"} --statement-id FunctionURLAllowPublicAccess` : "";
    out.push({
      finding,
      function: best,
      reason: `declared at ${best.path} (${best.address}), but the code there does not cause this finding: the live configuration differs from the code${notes}`
    });
  }
  return out;
}
function locateIdentity(finding, scan) {
  const id = identityName(finding);
  const identity = id ? scan.identities.find((i) => i.name === id.name && (i.kind === id.kind || i.kind === "policy")) : finding.resource.iac?.address ? scan.identities.find((i) => i.address === finding.resource.iac?.address) : void 0;
  if (!identity) {
    return {
      finding,
      reason: `no IAM identity in this repository matches ${finding.resource.arn ?? finding.resource.iac?.address ?? "the principal"} \u2014 grant lambda:ListTags where that identity is managed`
    };
  }
  const match = scan.findings.find(
    (s) => s.finding.rule === "LG005" && s.identity && s.identity.address === identity.address && s.identity.path === identity.path
  );
  if (match) return { finding, match, identity, reason: "" };
  return {
    finding,
    identity,
    reason: `declared at ${identity.path} (${identity.address}), but no statement in the code grants it lambda:GetFunction: its GetFunction permission comes from elsewhere (a managed or hand-made policy)`
  };
}

// src/iac/reparse.ts
function grammarFor(path) {
  const p = path.toLowerCase();
  if (/\.(tf|tfvars|hcl)$/.test(p)) return "terraform";
  if (p.endsWith(".json")) return "json";
  if (/\.(ya?ml)$/.test(p)) return "yaml";
  if (p.endsWith(".tsx")) return "tsx";
  if (/\.m?ts$/.test(p)) return "typescript";
  if (p.endsWith(".py")) return "python";
  return null;
}
function syntaxKind(path, text) {
  let kind = grammarFor(path);
  if (path.toLowerCase().endsWith(".template")) kind = /^\s*[{[]/.test(text) ? "json" : "yaml";
  if (/\.(tpl|tftpl)$/i.test(path) && /^\s*[{[]/.test(text) && !text.includes("%{")) kind = "json";
  return kind;
}
async function syntaxError(path, text) {
  const kind = syntaxKind(path, text);
  if (kind === null) return null;
  if (kind === "json") {
    const errors = [];
    parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
    const e = errors[0];
    return e ? `${path}:${lineAt(text, e.offset)}: ${printParseErrorCode(e.error)}` : null;
  }
  if (kind === "yaml") {
    const lc = new LineCounter();
    for (const doc of parseAllDocuments(text, { lineCounter: lc, uniqueKeys: false })) {
      if ("errors" in doc && doc.errors.length > 0) {
        const e = doc.errors[0];
        return `${path}:${lc.linePos(e.pos[0]).line}: ${e.message.split("\n")[0]}`;
      }
    }
    return null;
  }
  const tree = await parse(kind, text);
  try {
    const err = firstError(tree.rootNode);
    if (!err) return null;
    return `${path}:${err.startPosition.row + 1}: ${err.isMissing ? `missing ${err.type}` : "syntax error"}`;
  } finally {
    tree.delete();
  }
}

// src/iac/fix.ts
function editKey(e) {
  return `${e.path}\0${e.start}\0${e.end}\0${e.newText}`;
}
function usesCrlf(text) {
  const lf = text.split("\n").length - 1;
  return lf > 0 && text.split("\r\n").length - 1 === lf;
}
function patchFile(path, text, edits) {
  const out = spliceEdits(text, fileEdits(text, edits));
  if (syntaxKind(path, text) === "json" && trailingCommas(text).length === 0) return dropTrailingCommas(out);
  return out;
}
function fileEdits(text, edits) {
  const own = usesCrlf(text) ? edits.map((e) => ({ ...e, newText: e.newText.replace(/\r?\n/g, "\r\n") })) : edits;
  return mergeEdits(text, own);
}
function applyEdits(text, edits) {
  return spliceEdits(text, mergeEdits(text, edits));
}
function mergeEdits(text, edits) {
  const unique = [...new Map(edits.map((e) => [editKey(e), e])).values()].sort(
    (a, b) => a.start - b.start || a.end - b.end
  );
  const merged = [];
  for (const e of unique) {
    const last = merged[merged.length - 1];
    if (last && last.newText === "" && e.newText === "" && e.start <= last.end) {
      merged[merged.length - 1] = { ...last, end: Math.max(last.end, e.end) };
    } else merged.push(e);
  }
  const tail = merged[merged.length - 1];
  if (tail && tail.newText === "" && tail.end >= text.length) {
    let start = tail.start;
    while (start >= 2 && text[start - 1] === "\n" && text[start - 2] === "\n") start--;
    merged[merged.length - 1] = { ...tail, start };
  }
  return merged;
}
function spliceEdits(text, merged) {
  const parts = [];
  let at = 0;
  for (const e of merged) {
    if (e.start < at) throw new Error(`overlapping edits at offset ${e.start}`);
    parts.push(text.slice(at, e.start), e.newText);
    at = e.end;
  }
  parts.push(text.slice(at));
  return parts.join("");
}
function clash(a, b) {
  if (a.newText === "" && b.newText === "") return false;
  if (a.start === b.start && a.end === b.end && a.newText === b.newText) return false;
  return a.start < b.end && b.start < a.end;
}
function conflictGraph(edits) {
  const graph = /* @__PURE__ */ new Map();
  const link = (a, b) => {
    graph.set(a, (graph.get(a) ?? /* @__PURE__ */ new Set()).add(b));
    graph.set(b, (graph.get(b) ?? /* @__PURE__ */ new Set()).add(a));
  };
  const byFile = /* @__PURE__ */ new Map();
  for (const x of edits) {
    const l = byFile.get(x.e.path);
    if (l) l.push(x);
    else byFile.set(x.e.path, [x]);
  }
  for (const list of byFile.values()) {
    list.sort((a, b) => a.e.start - b.e.start || a.e.end - b.e.end);
    let open = [];
    for (const x of list) {
      open = open.filter((o) => o.e.end > x.e.start);
      for (const o of open) if (clash(o.e, x.e)) link(o.t, x.t);
      open.push(x);
    }
  }
  return graph;
}
function describe(f) {
  return `${f.rule} ${f.resource.iac?.address ?? f.resource.arn ?? f.resource.functionName ?? ""}`.trim();
}
async function planFixes(files, opts) {
  const scan = await scanIacFiles(files, opts);
  const unfixed = [];
  const targets = /* @__PURE__ */ new Map();
  const addTarget = (src, as) => {
    const t = targets.get(src.finding.fingerprint);
    if (t) {
      if (!t.reportAs.includes(as)) t.reportAs.push(as);
    } else targets.set(src.finding.fingerprint, { source: src, reportAs: [as] });
  };
  const consider = (src, as) => {
    if (src.finding.suppression) {
      unfixed.push({
        finding: as,
        reason: `suppressed (${src.finding.suppression.source}: ${src.finding.suppression.reason}) \u2014 intended exposure, not patched`
      });
    } else if (!src.fix || src.fix.edits.length === 0) {
      unfixed.push({ finding: as, reason: src.unfixable ?? "no safe automatic patch for this code" });
    } else addTarget(src, as);
  };
  if (opts.report) {
    for (const loc of locateReport(opts.report, scan)) {
      if (loc.match) consider(loc.match, loc.finding);
      else unfixed.push({ finding: loc.finding, reason: loc.reason });
    }
  } else {
    for (const f of scan.findings) consider(f, f.finding);
  }
  const byPath = new Map(files.map((f) => [f.path, f]));
  const active = new Set(targets.values());
  const drop = (t, reason) => {
    active.delete(t);
    for (const f of t.reportAs) unfixed.push({ finding: f, reason });
  };
  const brokenBefore = /* @__PURE__ */ new Map();
  for (const t of [...active]) {
    for (const p of new Set(t.source.fix.edits.map((e) => e.path))) {
      const f = byPath.get(p);
      if (!f) continue;
      if (!brokenBefore.has(p)) brokenBefore.set(p, await syntaxError(p, f.text));
      const err = brokenBefore.get(p);
      if (err && active.has(t))
        drop(t, `the file does not parse before patching (${err}); fix the syntax first`);
    }
  }
  for (let round = 0; round < 5 && active.size > 0; round++) {
    let conflict = false;
    for (const t of [...active]) {
      const bad = t.source.fix.edits.find((e) => !byPath.has(e.path));
      if (bad) {
        drop(t, `the patch touches ${bad.path}, which was not read`);
        conflict = true;
      }
    }
    const order = new Map([...active].map((t, i) => [t, i]));
    const loser = /* @__PURE__ */ new Set();
    const beaten = conflictGraph([...active].flatMap((t) => t.source.fix.edits.map((e) => ({ e, t }))));
    for (const t of active) {
      const others = beaten.get(t);
      if (!others) continue;
      if (others.has(t) || [...others].some((o) => order.get(o) < order.get(t) && !loser.has(o)))
        loser.add(t);
    }
    for (const t of loser) {
      drop(t, "its patch overlaps another finding's patch; run fix again after applying this one");
      conflict = true;
    }
    if (conflict) continue;
    const perFile = /* @__PURE__ */ new Map();
    const owners = /* @__PURE__ */ new Map();
    for (const t of active) {
      for (const e of t.source.fix.edits) {
        const list = perFile.get(e.path);
        if (list) list.push(e);
        else perFile.set(e.path, [e]);
        owners.set(e.path, (owners.get(e.path) ?? /* @__PURE__ */ new Set()).add(t));
      }
    }
    const patched = /* @__PURE__ */ new Map();
    let unapplied = false;
    for (const [p, edits] of perFile) {
      const before2 = byPath.get(p).text;
      let after2;
      try {
        after2 = patchFile(p, before2, edits);
      } catch (err) {
        for (const t of owners.get(p) ?? [])
          drop(t, `its patch cannot be combined with the others in ${p} (${String(err)}); run fix again`);
        unapplied = true;
        continue;
      }
      patched.set(p, after2);
      const kind = syntaxKind(p, before2);
      if (kind !== null && kind !== "json" && kind !== "yaml")
        await parseEdited(kind, before2, after2, fileEdits(before2, edits));
    }
    if (unapplied) continue;
    let dropped = false;
    for (const [p, text] of patched) {
      const err = await syntaxError(p, text);
      if (err) {
        for (const t of owners.get(p) ?? [])
          drop(t, `the patched file would not parse (${err}); not offered`);
        dropped = true;
      }
    }
    if (dropped) continue;
    const after = files.map((f) => patched.has(f.path) ? { path: f.path, text: patched.get(f.path) } : f);
    const rescan = await scanIacFiles(after, opts);
    const before = new Set(scan.findings.map((f) => f.finding.fingerprint));
    const remaining = new Map(
      rescan.findings.filter((f) => !f.finding.suppression).map((f) => [f.finding.fingerprint, f])
    );
    for (const t of [...active]) {
      if (remaining.has(t.source.finding.fingerprint)) {
        drop(t, "a re-scan of the patched code still finds it; not offered");
        dropped = true;
      }
    }
    for (const f of rescan.findings) {
      if (f.finding.suppression || before.has(f.finding.fingerprint)) continue;
      const p = f.finding.location?.path;
      const culprits = [...p ? owners.get(p) ?? [] : active];
      for (const t of culprits) {
        if (active.has(t)) {
          drop(t, `the patched code would raise a new finding (${describe(f.finding)}); not offered`);
          dropped = true;
        }
      }
    }
    if (dropped) continue;
    const changes = [...patched].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0).map(([path, after2]) => {
      const before2 = byPath.get(path).text;
      return { path, before: before2, after: after2, diff: unifiedDiff(path, before2, after2) };
    });
    const fixed = [...active].flatMap(
      (t) => t.reportAs.map((finding) => ({ finding, notes: t.source.fix.notes }))
    );
    return { changes, fixed, unfixed };
  }
  return { changes: [], fixed: [], unfixed };
}

// src/iac/index.ts
async function writeFixes(root, plan, opts = {}) {
  const base = await realpath(root);
  const prefix = normalizePrefix(opts.prefix);
  const targets = [];
  for (const c of plan.changes) {
    if (isAbsolute(c.path) || c.path.split(/[\\/]/).includes("..") || c.path.includes("\0")) {
      throw new Error(`refusing to write ${c.path}: not a path inside ${root}`);
    }
    if (prefix && !c.path.startsWith(`${prefix}/`)) {
      throw new Error(`refusing to write ${c.path}: not under ${prefix}/`);
    }
    const abs = resolve(base, prefix ? c.path.slice(prefix.length + 1) : c.path);
    if (!abs.startsWith(base + sep)) throw new Error(`refusing to write ${c.path}: outside ${root}`);
    let cur = base;
    for (const part of relative(base, abs).split(sep)) {
      cur = resolve(cur, part);
      const st = await lstat(cur);
      if (st.isSymbolicLink())
        throw new Error(`refusing to write ${c.path}: ${relative(base, cur)} is a symbolic link`);
    }
    const raw = await readFile(abs);
    const bom = hasUtf8Bom(raw);
    if (decodeUtf8(raw) !== c.before)
      throw new Error(`refusing to write ${c.path}: it changed since the fix was planned; run fix again`);
    targets.push({ abs, after: bom ? `\uFEFF${c.after}` : c.after });
  }
  for (const t of targets) await writeFile(t.abs, t.after, "utf8");
}

export {
  unifiedDiff,
  locateReport,
  applyEdits,
  planFixes,
  writeFixes
};
