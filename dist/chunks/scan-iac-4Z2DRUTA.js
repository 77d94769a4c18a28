import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import "./chunk-2LOSZSWT.js";
import {
  repoPrefix,
  scanIac
} from "./chunk-3LNKEIC5.js";
import "./chunk-WNNLCRIJ.js";
import "./chunk-TPH6OF3P.js";
import "./chunk-Y22KSWV4.js";
import "./chunk-RZOBS62O.js";
import "./chunk-NXJRENZE.js";
import "./chunk-KOHQH5XZ.js";
import "./chunk-CMKO3ROG.js";
import "./chunk-SYCOQQ3O.js";
import "./chunk-P2NUQOZL.js";
import "./chunk-JAJAJYEP.js";
import {
  summarize
} from "./chunk-4GMCL7QT.js";
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
