// The tree-sitter wasm files the IaC engine loads at run time (src/iac/wasm.ts), copied beside bundles.
export const WASM = [
  "web-tree-sitter/tree-sitter.wasm",
  "@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-hcl.wasm",
  "@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm",
  "tree-sitter-typescript/tree-sitter-typescript.wasm",
  "tree-sitter-typescript/tree-sitter-tsx.wasm",
  "tree-sitter-python/tree-sitter-python.wasm",
];
