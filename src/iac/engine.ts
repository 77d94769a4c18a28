import type { Config } from "../model/config.js";
import type { Coverage, Finding } from "../model/report.js";
import { applyAllowList } from "../model/suppress.js";
import { DETECTORS } from "./detectors.js";
import { applyInlineIntent } from "./intent.js";
import type { Detector, IacFinding, IacFunction, IacIdentity, SourceFile } from "./types.js";

export interface IacScanResult {
  findings: IacFinding[];
  coverage: Coverage[];
  functions: IacFunction[];
  identities: IacIdentity[];
}

/** Applies `rules:` overrides (off / severity) to IaC findings. */
function applyRuleConfig(findings: IacFinding[], config: Config): IacFinding[] {
  const out: IacFinding[] = [];
  for (const f of findings) {
    const o = config.rules[f.finding.rule];
    if (o === "off") continue;
    out.push(o ? { ...f, finding: { ...f.finding, severity: o } } : f);
  }
  return out;
}

/**
 * Runs every detector over the files it claims, then applies intent: inline allow comments / Checkov
 * skips beside the resource, then the config `allow` list. Pure: no disk access.
 */
export async function scanIacFiles(
  files: SourceFile[],
  opts: { config: Config; now?: Date; detectors?: readonly Detector[] },
): Promise<IacScanResult> {
  const detectors = opts.detectors ?? DETECTORS;
  const byPath = new Map(files.map((f) => [f.path, f]));
  const findings: IacFinding[] = [];
  const coverage: Coverage[] = [];
  const functions: IacFunction[] = [];
  const identities: IacIdentity[] = [];
  for (const d of detectors) {
    const claimed = files.filter((f) => {
      try {
        return d.claims(f);
      } catch {
        return false;
      }
    });
    if (claimed.length === 0) continue;
    const scope = `iac/${d.flavours.join("+")}`;
    try {
      const r = await d.analyze(claimed, { config: opts.config, files: byPath, now: opts.now ?? new Date() });
      findings.push(...r.findings);
      coverage.push(...r.coverage);
      functions.push(...r.functions);
      identities.push(...r.identities);
      coverage.push({
        scope,
        status: "complete",
        detail: `${claimed.length} file${claimed.length === 1 ? "" : "s"} analysed`,
      });
    } catch (err) {
      coverage.push({
        scope,
        status: "failed",
        detail: `detector failed on ${claimed.length} files: ${err instanceof Error ? err.message : String(err)}`,
      });
    }
  }
  // One finding per fingerprint (a policy document shared by two roles is one problem in the code).
  const seen = new Set<string>();
  const unique = findings.filter((f) =>
    seen.has(f.finding.fingerprint) ? false : (seen.add(f.finding.fingerprint), true),
  );
  const configured = applyRuleConfig(unique, opts.config);
  const withIntent = applyInlineIntent(configured, byPath);
  const allowed = applyAllowList(
    withIntent.map((f) => f.finding),
    opts.config,
    opts.now ?? new Date(),
  );
  const result = withIntent.map((f, i) => ({ ...f, finding: allowed[i]! }));
  return { findings: result, coverage, functions, identities };
}

export function findingsOf(r: IacScanResult): Finding[] {
  return r.findings.map((f) => f.finding);
}
