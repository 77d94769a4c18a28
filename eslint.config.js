import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      ".tmp/**",
      "dist/**",
      "node_modules/**",
      "coverage/**",
      "test/fixtures/**",
      "examples/**",
      "demo-output/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: "readonly",
        console: "readonly",
        URL: "readonly",
        Buffer: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        fetch: "readonly",
        AbortController: "readonly",
        TextEncoder: "readonly",
        TextDecoder: "readonly",
      },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-imports": "off",
    },
  },
  {
    // Imports point down only (DESIGN.md): model ← policy ← aws/iac/report ← entry points.
    files: ["src/model/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            "../policy/*",
            "../aws/*",
            "../iac/*",
            "../report/*",
            "../emulator/*",
            "../action/*",
            "../app/*",
            "../cli/*",
          ],
        },
      ],
    },
  },
  {
    files: ["src/policy/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            "../aws/*",
            "../iac/*",
            "../report/*",
            "../emulator/*",
            "../action/*",
            "../app/*",
            "../cli/*",
          ],
        },
      ],
    },
  },
  {
    files: ["src/aws/**", "src/iac/**", "src/report/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: ["../emulator/*", "../action/*", "../app/*", "../cli/*"] },
      ],
    },
  },
);
