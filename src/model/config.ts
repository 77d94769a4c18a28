import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { InputError } from "./errors.js";
import type { Config } from "./config-file.js";
import type { FailOn } from "./severity.js";

export const DEFAULT_CONFIG_PATH = ".github/lambda-guard.yml";

// The types come from the zod schema in ./config-file.ts; importing them loads nothing.
export type { AllowEntry, Config } from "./config-file.js";

/**
 * What an empty config file parses to (`ConfigSchema.parse({})`, which test/model/config.test.ts holds this
 * to), written out so that a run without a config file needs neither zod nor a YAML parser.
 */
export function defaultConfig(): Config {
  return {
    failOn: "high",
    regions: "all",
    lookbackDays: 90,
    rules: {},
    allow: [],
    branches: [],
    pullRequests: { enabled: true, labels: [], reviewers: [] },
    issues: { enabled: true, labels: [] },
  };
}

/** Loads a config file. A missing default file yields defaults; a missing explicit file is an error. */
export async function loadConfig(
  file?: string,
  cwd = process.cwd(),
): Promise<{ config: Config; path: string | null }> {
  const path = file ?? join(cwd, DEFAULT_CONFIG_PATH);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT" && file === undefined) {
      return { config: defaultConfig(), path: null };
    }
    throw new InputError(
      `cannot read the config file (${(err as NodeJS.ErrnoException).code ?? "error"}) — check the path given to --config`,
      path,
    );
  }
  const { parseConfig } = await import("./config-file.js");
  return { config: parseConfig(text, path), path };
}

export type { FailOn };
