// Replaced at bundle time by esbuild's `define`; the fallback serves tests run from source.
declare const __LAMBDA_GUARD_VERSION__: string | undefined;

export const VERSION: string =
  typeof __LAMBDA_GUARD_VERSION__ === "string" ? __LAMBDA_GUARD_VERSION__ : "0.1.0";
