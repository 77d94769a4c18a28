import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  repoPrefix,
  scanIac
} from "./chunk-KSYRYJIR.js";
import "./chunk-2KAQWDJQ.js";
import "./chunk-EBLIIYWC.js";
import "./chunk-UN2YP2GD.js";
import {
  summarize
} from "./chunk-KZI3EHBT.js";
import "./chunk-LYD5ERHY.js";

// src/action/scan-iac.ts
import { resolve } from "node:path";
async function scanIacMode(req) {
  const root = resolve(req.workspace, req.iacPath);
  const { report } = await scanIac(root, { config: req.config, prefix: repoPrefix(req.workspace, root) });
  const rules = req.rules;
  if (!rules) return report;
  const findings = report.findings.filter((f) => rules.includes(f.rule));
  return { ...report, findings, summary: summarize(findings) };
}
export {
  scanIacMode
};
