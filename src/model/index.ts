// Everything the model offers, zod schemas and the config-file parser included. Importing this barrel loads
// zod and a YAML parser: code on the CLI's start-up path (src/cli/main.ts, the renderers, the IaC engine)
// imports the modules it needs directly, which scripts/build.mjs checks.
export * from "./concurrency.js";
export * from "./config.js";
export * from "./config-file.js";
export * from "./errors.js";
export * from "./fingerprint.js";
export * from "./report.js";
export * from "./rules.js";
export * from "./schema.js";
export * from "./severity.js";
export * from "./suppress.js";
export * from "./version.js";
export * from "./duration.js";
export * from "./scan-settings.js";
