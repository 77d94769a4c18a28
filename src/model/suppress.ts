import type { AllowEntry, Config } from "./config.js";
import type { Finding } from "./report.js";

/** IAM-style glob (`*`, `?`) on a whole string. */
export function globMatch(pattern: string, value: string): boolean {
  const re = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, "\\$&")
      .replace(/\*/g, ".*")
      .replace(/\?/g, ".")}$`,
    "s",
  );
  return re.test(value);
}

function candidates(f: Finding): string[] {
  const out: string[] = [];
  const r = f.resource;
  if (r.arn) {
    out.push(r.arn);
    if (r.qualifier) out.push(`${r.arn}:${r.qualifier}`);
  }
  if (r.functionName) out.push(r.functionName);
  if (r.iac?.address) out.push(r.iac.address);
  if (f.location?.path && r.iac?.address) out.push(`${f.location.path}:${r.iac.address}`);
  return out;
}

export function isExpired(entry: Pick<AllowEntry, "expires">, now: Date): boolean {
  return entry.expires !== undefined && Date.parse(`${entry.expires}T23:59:59Z`) < now.getTime();
}

/**
 * Applies the config `allow` list: a matching, unexpired entry marks the finding suppressed (it stays
 * in the report). Expired entries no longer suppress; the finding's evidence says which entry expired
 * so the app can raise it.
 */
export function applyAllowList(findings: readonly Finding[], config: Config, now = new Date()): Finding[] {
  return findings.map((f) => {
    if (f.suppression) return f;
    const names = candidates(f);
    const match = config.allow.find((e) => e.rule === f.rule && names.some((n) => globMatch(e.resource, n)));
    if (!match) return f;
    if (isExpired(match, now)) {
      return {
        ...f,
        evidence: { ...f.evidence, expiredAllow: { reason: match.reason, expires: match.expires } },
      };
    }
    return {
      ...f,
      suppression: {
        source: "config",
        reason: match.reason,
        ...(match.expires ? { expires: match.expires } : {}),
      },
    };
  });
}

/** Applies `rules:` overrides from config: drops rules that are off, rewrites severities. */
export function applyRuleOverrides(findings: readonly Finding[], config: Config): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    const o = config.rules[f.rule];
    if (o === "off") continue;
    out.push(o ? { ...f, severity: o } : f);
  }
  return out;
}
