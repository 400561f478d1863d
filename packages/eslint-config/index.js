import js from "@eslint/js";
import tseslint from "typescript-eslint";

/**
 * The MCP SDK's server side. Only `@mcp-platform/server` builds on it, so that an SDK upgrade (a
 * new protocol revision, say) touches one package; everything else uses the kit's API.
 */
const SDK_SERVER = [
  {
    group: ["@modelcontextprotocol/server", "@modelcontextprotocol/server/*"],
    message: "Use @mcp-platform/server: only the kit's server package imports the MCP SDK's server side.",
  },
  {
    group: ["@modelcontextprotocol/core", "@modelcontextprotocol/core/*", "@modelcontextprotocol/node"],
    message: "Use @mcp-platform/server: only the kit's server package imports the MCP SDK's server side.",
  },
  { group: ["@modelcontextprotocol/sdk/server/*"], message: "Use @mcp-platform/server: only the kit's server package imports the MCP SDK's server side." },
];

/**
 * The kit's lint rules: type-aware typescript-eslint on top of eslint's recommended set.
 * A package's eslint.config.js is `export default config(import.meta.dirname)`; the server
 * package and the benchmark (which measures the bare SDK) pass `{ sdkServer: true }`.
 */
export function config(tsconfigRootDir, { sdkServer = false } = {}) {
  return tseslint.config(
    { ignores: ["dist/**", "coverage/**", "**/*.config.*", "test/fixtures/**"] },
    js.configs.recommended,
    ...tseslint.configs.recommendedTypeChecked,
    {
      languageOptions: {
        parserOptions: { projectService: true, tsconfigRootDir },
      },
      rules: {
        "@typescript-eslint/consistent-type-imports": "error",
        "@typescript-eslint/no-floating-promises": "error",
        "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
        "no-console": "error",
        ...(sdkServer ? {} : { "no-restricted-imports": ["error", { patterns: SDK_SERVER }] }),
      },
    },
    {
      files: ["**/*.test.ts"],
      rules: {
        "@typescript-eslint/no-unsafe-assignment": "off",
        "@typescript-eslint/no-unsafe-member-access": "off",
        "@typescript-eslint/no-non-null-assertion": "off",
        // Tests may report what they measured (the conformance count, say).
        "no-console": "off",
      },
    },
  );
}
