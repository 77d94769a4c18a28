import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  buildReport
} from "./chunk-4GMCL7QT.js";

// src/report/merge.ts
function mergeReports(reports, opts = {}) {
  const [first, ...rest] = reports;
  if (!first) throw new RangeError("mergeReports needs at least one report");
  if (rest.length === 0) return first;
  let target = { ...first.target };
  for (const r of rest) {
    if (r.target.kind === "iac" && target.kind === "aws-account" && target["iacRoot"] === void 0) {
      target = { ...target, iacRoot: r.target.root };
    }
    if (target.repository === void 0 && r.target.repository !== void 0)
      target.repository = r.target.repository;
    if (target.commit === void 0 && r.target.commit !== void 0) target.commit = r.target.commit;
  }
  const seen = /* @__PURE__ */ new Set();
  const findings = reports.flatMap((r) => r.findings).filter((f) => !seen.has(f.fingerprint) && seen.add(f.fingerprint));
  const generated = opts.now ?? new Date(Math.max(...reports.map((r) => Date.parse(r.generatedAt) || 0)));
  return buildReport({
    version: first.tool.version,
    target,
    coverage: reports.flatMap((r) => r.coverage),
    findings,
    now: generated
  });
}

export {
  mergeReports
};
