import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);

// src/model/suppress.ts
function globMatch(pattern, value) {
  const re = new RegExp(
    `^${pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`,
    "s"
  );
  return re.test(value);
}
function candidates(f) {
  const out = [];
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
function isExpired(entry, now) {
  return entry.expires !== void 0 && Date.parse(`${entry.expires}T23:59:59Z`) < now.getTime();
}
function applyAllowList(findings, config, now = /* @__PURE__ */ new Date()) {
  return findings.map((f) => {
    if (f.suppression) return f;
    const names = candidates(f);
    const match = config.allow.find((e) => e.rule === f.rule && names.some((n) => globMatch(e.resource, n)));
    if (!match) return f;
    if (isExpired(match, now)) {
      return {
        ...f,
        evidence: { ...f.evidence, expiredAllow: { reason: match.reason, expires: match.expires } }
      };
    }
    return {
      ...f,
      suppression: {
        source: "config",
        reason: match.reason,
        ...match.expires ? { expires: match.expires } : {}
      }
    };
  });
}
function applyRuleOverrides(findings, config) {
  const out = [];
  for (const f of findings) {
    const o = config.rules[f.rule];
    if (o === "off") continue;
    out.push(o ? { ...f, severity: o } : f);
  }
  return out;
}

// src/model/fingerprint.ts
import { createHash } from "node:crypto";
function fingerprint(rule, ...identity) {
  const h = createHash("sha256");
  h.update(rule);
  for (const part of identity) {
    h.update("\0");
    h.update(part ?? "");
  }
  return `lg1:${h.digest("hex").slice(0, 32)}`;
}

export {
  fingerprint,
  globMatch,
  isExpired,
  applyAllowList,
  applyRuleOverrides
};
