import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  syncSecurityHub
} from "./chunk-SSFWDU3T.js";

// src/cli/security-hub.ts
function securityHubLine(r) {
  const bits = [`${r.created} new`, `${r.updated} updated`, `${r.archived} archived`];
  if (r.failed.length > 0) bits.push(`${r.failed.length} refused`);
  const why = r.archiveSkipped ? ` (${r.archiveSkipped})` : "";
  return `Security Hub ${r.region}: ${bits.join(", ")}${why}`;
}
async function importIntoSecurityHub(io, clients, report, rules) {
  const result = await syncSecurityHub({ clients, report, rules });
  report.coverage = [...report.coverage, result.coverage].sort((a, b) => a.scope.localeCompare(b.scope));
  io.err(`lambda-guard: ${securityHubLine(result)}
`);
  for (const f of result.failed.slice(0, 5)) io.err(`  refused ${f.id}: ${f.code}: ${f.message}
`);
  return result;
}
function securityHubPerAccount(io, rules) {
  return async (account, report) => {
    const result = await syncSecurityHub({ clients: account.clients, report, rules });
    io.err(`lambda-guard: ${account.accountId}: ${securityHubLine(result)}
`);
    for (const f of result.failed.slice(0, 5)) io.err(`  refused ${f.id}: ${f.code}: ${f.message}
`);
    return [result.coverage];
  };
}

export {
  securityHubLine,
  importIntoSecurityHub,
  securityHubPerAccount
};
