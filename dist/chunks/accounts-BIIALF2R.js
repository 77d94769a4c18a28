import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  listOrgAccounts,
  parseAccountPatterns,
  selectAccounts
} from "./chunk-XZQCRKZM.js";
import {
  AwsClients
} from "./chunk-JJCYNUYU.js";
import "./chunk-KBE33ETN.js";
import "./chunk-4VCTXFRF.js";
import "./chunk-TNTOQ6QL.js";
import "./chunk-E6L6MX7O.js";
import "./chunk-2JWLIWBS.js";
import "./chunk-OIVCYA3S.js";
import "./chunk-LSF6AO4J.js";
import "./chunk-E4R4KLO7.js";
import "./chunk-4VYDAHCH.js";
import "./chunk-JOPDVS7U.js";
import "./chunk-T5AN75SP.js";
import "./chunk-WF2JIZYK.js";
import "./chunk-AHIWXY2A.js";
import "./chunk-ZOSEZ4WG.js";
import "./chunk-PLX4MXHT.js";
import "./chunk-W2GYLCDX.js";
import "./chunk-U6AM3KXG.js";
import "./chunk-RJK6TATR.js";
import {
  parseEndpointUrl
} from "./chunk-L76ACB3Q.js";
import "./chunk-Y22KSWV4.js";
import "./chunk-RZOBS62O.js";
import "./chunk-NXJRENZE.js";
import "./chunk-KOHQH5XZ.js";
import "./chunk-CMKO3ROG.js";
import "./chunk-SYCOQQ3O.js";
import "./chunk-P2NUQOZL.js";
import {
  InputError
} from "./chunk-JAJAJYEP.js";
import "./chunk-4GMCL7QT.js";
import "./chunk-LYD5ERHY.js";

// src/cli/accounts.ts
var FORMATS = ["text", "json", "matrix"];
function renderAccounts(accounts, format) {
  switch (format) {
    case "matrix":
      return `${JSON.stringify({ include: accounts.map((a) => ({ account: a.id, name: a.name })) })}
`;
    case "json":
      return `${JSON.stringify(
        accounts.map((a) => ({ account: a.id, name: a.name, status: a.status })),
        null,
        2
      )}
`;
    case "text": {
      if (accounts.length === 0) return "no ACTIVE accounts matched\n";
      return `${accounts.map((a) => `${a.id}  ${a.name}`).join("\n")}
`;
    }
  }
}
async function runAccounts(io, v, emit) {
  const format = v.format ?? "text";
  if (!FORMATS.includes(format)) {
    throw new InputError(`must be one of ${FORMATS.join(", ")} for 'accounts', got '${format}'`, "--format");
  }
  const include = parseAccountPatterns("--include", v.include);
  const exclude = parseAccountPatterns("--exclude", v.exclude);
  const endpointUrl = parseEndpointUrl(v["endpoint-url"]);
  const clients = new AwsClients({ apiBudget: 0.9, ...endpointUrl ? { endpointUrl } : {} });
  try {
    const selected = selectAccounts(await listOrgAccounts(clients), include, exclude);
    await emit(renderAccounts(selected, format));
    if (selected.length === 0 && format === "matrix") {
      io.err("lambda-guard: no ACTIVE account matched --include/--exclude; the matrix is empty\n");
    }
    return 0;
  } finally {
    clients.destroy();
  }
}
export {
  renderAccounts,
  runAccounts
};
