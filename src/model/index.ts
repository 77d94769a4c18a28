export * from "./config.js";
export * from "./errors.js";
export * from "./fingerprint.js";
export * from "./report.js";
export * from "./rules.js";
export * from "./severity.js";
export * from "./suppress.js";
export * from "./version.js";
