import { ProbotOctokit, type Options } from "probot";
import { fetchWithDeadline } from "../report/github-fetch.js";

/** Reads the private key as GitHub gives it (PEM), with `\n` escapes, or base64-encoded PEM. */
export function privateKeyFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  const v = env.PRIVATE_KEY?.trim();
  if (!v)
    throw new Error("PRIVATE_KEY is not set: paste the GitHub App's private key (PEM, or base64 of it)");
  if (v.includes("-----BEGIN")) return v.replace(/\\n/g, "\n");
  const decoded = Buffer.from(v, "base64").toString("utf8");
  if (decoded.includes("-----BEGIN")) return decoded;
  throw new Error("PRIVATE_KEY is neither a PEM key nor base64 of one");
}

export function requiredEnv(name: "APP_ID" | "WEBHOOK_SECRET", env: NodeJS.ProcessEnv = process.env): string {
  const v = env[name]?.trim();
  if (!v) throw new Error(`${name} is not set (see README.md, "Deployment")`);
  return v;
}

/** `https://HOST/api/v3` for GitHub Enterprise Server (Probot's GHE_HOST), else GitHub.com. */
export function baseUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.GHE_HOST) return `${env.GHE_PROTOCOL ?? "https"}://${env.GHE_HOST}/api/v3`;
  return undefined;
}

/** The app's Probot options from the environment (server and Lambda): every GitHub request has a deadline. */
export function probotOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): Options {
  return {
    appId: requiredEnv("APP_ID", env),
    privateKey: privateKeyFromEnv(env),
    secret: requiredEnv("WEBHOOK_SECRET", env),
    baseUrl: baseUrlFromEnv(env),
    logLevel: (env.LOG_LEVEL as Options["logLevel"]) ?? "info",
    Octokit: ProbotOctokit.defaults({ request: { fetch: fetchWithDeadline() } }),
  };
}
