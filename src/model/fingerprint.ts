import { createHash } from "node:crypto";
import type { RuleId } from "./rules.js";

/**
 * Stable across runs for the same problem on the same resource: derived only from the rule and the
 * identity parts given (never from messages, severities, timestamps or line numbers, which move).
 * Callers pass identity parts such as the function ARN and qualifier, a principal ARN, or an IaC
 * path plus resource address.
 */
export function fingerprint(rule: RuleId, ...identity: (string | null | undefined)[]): string {
  const h = createHash("sha256");
  h.update(rule);
  for (const part of identity) {
    h.update("\u0000");
    h.update(part ?? "\u0001");
  }
  return `lg1:${h.digest("hex").slice(0, 32)}`;
}
