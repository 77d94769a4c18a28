import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  Probot,
  Server,
  probotOptionsFromEnv
} from "../chunks/chunk-DZQDMRBX.js";
import "../chunks/chunk-CBQ3WTHE.js";
import {
  app_default
} from "../chunks/chunk-PTZHQA2T.js";
import "../chunks/chunk-TPH6OF3P.js";
import "../chunks/chunk-W33SWCQ6.js";
import "../chunks/chunk-74QD6PXN.js";
import "../chunks/chunk-Y22KSWV4.js";
import "../chunks/chunk-RZOBS62O.js";
import "../chunks/chunk-NXJRENZE.js";
import "../chunks/chunk-KOHQH5XZ.js";
import "../chunks/chunk-CMKO3ROG.js";
import "../chunks/chunk-SYCOQQ3O.js";
import "../chunks/chunk-P2NUQOZL.js";
import "../chunks/chunk-JAJAJYEP.js";
import "../chunks/chunk-4GMCL7QT.js";
import "../chunks/chunk-LYD5ERHY.js";

// src/app/server.ts
import { pathToFileURL } from "node:url";
async function startServer(opts = {}) {
  const probotOptions = opts.probot ?? probotOptionsFromEnv();
  const server = new Server({
    Probot: Probot.defaults(probotOptions),
    port: opts.port ?? Number(process.env.PORT ?? 3e3),
    // Probot's 404 page and static files are not needed; /ping stays for health checks.
    enableNotFound: false,
    enableStaticFiles: false,
    host: opts.host ?? process.env.HOST ?? "0.0.0.0",
    ...probotOptions.log ? { log: probotOptions.log } : {}
  });
  await server.load(opts.app ?? app_default);
  const http = await server.start();
  const address = http.address();
  const port = typeof address === "object" && address ? address.port : server.port;
  return { server, url: `http://${server.host === "0.0.0.0" ? "127.0.0.1" : server.host}:${port}` };
}
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  startServer().catch((err) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  });
}
export {
  startServer
};
