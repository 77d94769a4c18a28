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
  // Imports point down only (DESIGN.md): model ← policy ← exposure ← aws/iac/report ← entry points. The rule
  // matches relative imports at every depth (`../app/x`, `../../app/x`), so nested folders cannot bypass it.
  ...layer("src/model/**", [
    "policy",
    "exposure",
    "aws",
    "iac",
    "report",
    "emulator",
    "action",
    "app",
    "cli",
  ]),
  ...layer("src/policy/**", ["exposure", "aws", "iac", "report", "emulator", "action", "app", "cli"]),
  ...layer("src/exposure/**", ["aws", "iac", "report", "emulator", "action", "app", "cli"]),
  ...layer("src/{aws,iac,report}/**", ["emulator", "action", "app", "cli"]),
);

/** A config block forbidding `files` to import the named top-level folders of src/. */
function layer(files, above) {
  return [
    {
      files: [files],
      rules: {
        "no-restricted-imports": [
          "error",
          {
            patterns: [
              {
                regex: `^(\\.\\./)+(${above.join("|")})(/|$)`,
                message: "Imports point down only (DESIGN.md): this layer may not depend on that one.",
              },
            ],
          },
        ],
      },
    },
  ];
}
