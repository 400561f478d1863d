import js from "@eslint/js";
import tseslint from "typescript-eslint";

/**
 * The kit's lint rules: type-aware typescript-eslint on top of eslint's recommended set.
 * A package's eslint.config.js is `export default config(import.meta.dirname)`.
 */
export function config(tsconfigRootDir) {
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
