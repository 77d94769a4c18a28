import { pathToFileURL } from "node:url";
import { Probot, Server } from "probot";
import type { ApplicationFunction, Options } from "probot";
import { probotOptionsFromEnv } from "./env.js";
import lambdaGuardApp from "./index.js";

export interface StartOptions {
  port?: number;
  host?: string;
  /** Probot options (appId, privateKey, secret, baseUrl, Octokit, log, …); env when absent. */
  probot?: Options;
  app?: ApplicationFunction;
}

/**
 * Starts Probot's HTTP server with the lambda-guard app (`npm run app`): webhooks on
 * `/api/github/webhooks`, signature verified by Probot. Env: APP_ID, PRIVATE_KEY, WEBHOOK_SECRET,
 * PORT (default 3000), HOST, GHE_HOST for GitHub Enterprise Server.
 */
export async function startServer(opts: StartOptions = {}): Promise<{ server: Server; url: string }> {
  const probotOptions: Options = opts.probot ?? probotOptionsFromEnv();
  const server = new Server({
    Probot: Probot.defaults(probotOptions),
    port: opts.port ?? Number(process.env.PORT ?? 3000),
    // Probot's 404 page and static files are not needed; /ping stays for health checks.
    enableNotFound: false,
    enableStaticFiles: false,
    host: opts.host ?? process.env.HOST ?? "0.0.0.0",
    ...(probotOptions.log ? { log: probotOptions.log } : {}),
  });
  await server.load(opts.app ?? lambdaGuardApp);
  const http = await server.start();
  const address = http.address();
  const port = typeof address === "object" && address ? address.port : server.port;
  return { server, url: `http://${server.host === "0.0.0.0" ? "127.0.0.1" : server.host}:${port}` };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  startServer().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  });
}
