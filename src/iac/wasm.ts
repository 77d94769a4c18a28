import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

/** Wasm files the IaC engine loads, and where each lives inside node_modules when not bundled. */
export const WASM_FILES = {
  "tree-sitter.wasm": "web-tree-sitter/tree-sitter.wasm",
  "tree-sitter-terraform.wasm": "@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm",
  "tree-sitter-hcl.wasm": "@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-hcl.wasm",
  "tree-sitter-typescript.wasm": "tree-sitter-typescript/tree-sitter-typescript.wasm",
  "tree-sitter-tsx.wasm": "tree-sitter-typescript/tree-sitter-tsx.wasm",
  "tree-sitter-python.wasm": "tree-sitter-python/tree-sitter-python.wasm",
} as const;
export type WasmFile = keyof typeof WASM_FILES;

/**
 * Absolute path of a wasm file: the bundle's `dist/wasm/<file>` first (the build copies them there),
 * else the installed package in node_modules.
 */
export function wasmPath(file: WasmFile): string {
  // `./wasm/` beside an entry bundle, `../wasm/` from a shared chunk in dist/chunks/.
  for (const dir of ["./wasm/", "../wasm/"]) {
    try {
      const bundled = fileURLToPath(new URL(`${dir}${file}`, import.meta.url));
      if (existsSync(bundled)) return bundled;
    } catch {
      // not a file: URL (e.g. bundled into something else); fall through to node_modules
    }
  }
  const require = createRequire(import.meta.url);
  try {
    return require.resolve(WASM_FILES[file]);
  } catch {
    throw new Error(
      `cannot find ${file}: neither ./wasm/${file} beside the bundle nor ${WASM_FILES[file]} in node_modules — reinstall or rebuild lambda-guard`,
    );
  }
}
