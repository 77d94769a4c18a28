import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  InputError
} from "./chunk-JAJAJYEP.js";

// src/model/config.ts
import { readFile } from "node:fs/promises";
import { join } from "node:path";
var DEFAULT_CONFIG_PATH = ".github/lambda-guard.yml";
function defaultConfig() {
  return {
    failOn: "high",
    regions: "all",
    lookbackDays: 90,
    rules: {},
    allow: [],
    branches: [],
    pullRequests: { enabled: true, labels: [], reviewers: [] },
    issues: { enabled: true, labels: [] }
  };
}
async function loadConfig(file, cwd = process.cwd()) {
  const path = file ?? join(cwd, DEFAULT_CONFIG_PATH);
  let text;
  try {
    text = await readFile(path, "utf8");
  } catch (err) {
    if (err.code === "ENOENT" && file === void 0) {
      return { config: defaultConfig(), path: null };
    }
    throw new InputError(
      `cannot read the config file (${err.code ?? "error"}) \u2014 check the path given to --config`,
      path
    );
  }
  const { parseConfig } = await import("./config-file-PHNIXB2H.js");
  return { config: parseConfig(text, path), path };
}

export {
  DEFAULT_CONFIG_PATH,
  defaultConfig,
  loadConfig
};
