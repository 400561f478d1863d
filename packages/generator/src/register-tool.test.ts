import { describe, expect, it } from "vitest";
import { registerTool } from "./register-tool.js";

const tool = { identifier: "getInvoice", module: "./tools/get-invoice.js" };

describe("registerTool", () => {
  it("adds the import after the last one and the tool on a line of its own in a one-a-line array", () => {
    const source = [
      'import { defineServer } from "@mcp-platform/server";',
      'import { getBilling } from "./tools/get-billing.js";',
      "",
      "export default defineServer({",
      "    tools: [",
      "      getBilling,",
      "    ],",
      "});",
      "",
    ].join("\n");
    expect(registerTool(source, tool)).toBe(
      [
        'import { defineServer } from "@mcp-platform/server";',
        'import { getBilling } from "./tools/get-billing.js";',
        'import { getInvoice } from "./tools/get-invoice.js";',
        "",
        "export default defineServer({",
        "    tools: [",
        "      getBilling,",
        "      getInvoice,",
        "    ],",
        "});",
        "",
      ].join("\n"),
    );
  });

  it("appends to a one-line array, past the brackets inside its entries", () => {
    const source = 'import {\n  a,\n  b,\n} from "x";\nconst s = { tools: [search(lib[0]), get(lib)], prompts: [] };\n';
    expect(registerTool(source, tool)).toBe(
      'import {\n  a,\n  b,\n} from "x";\nimport { getInvoice } from "./tools/get-invoice.js";\nconst s = { tools: [search(lib[0]), get(lib), getInvoice], prompts: [] };\n',
    );
  });

  it("fills an empty array and adds a comma the last entry lacks", () => {
    expect(registerTool("const s = { tools: [] };\n", tool)).toBe('import { getInvoice } from "./tools/get-invoice.js";\nconst s = { tools: [getInvoice] };\n');
    expect(registerTool("x({\n  tools: [\n    a\n  ],\n});\n", tool)).toContain("tools: [\n    a,\n    getInvoice,\n  ],");
  });

  it("is not misled by brackets or `tools:` in strings and comments", () => {
    const source = [
      'import { defineServer } from "@mcp-platform/server";',
      "// tools: [ is how a server lists them",
      "export default defineServer({",
      '  description: "Takes ] and [ in names",',
      "  tools: [",
      '    defineTool({ name: "a]b" }), // the ] here is text',
      "    /* ] */ other,",
      "  ],",
      "});",
      "",
    ].join("\n");
    const result = registerTool(source, tool);
    expect(result).toContain('import { getInvoice } from "./tools/get-invoice.js";\n// tools: [ is how');
    expect(result).toContain('  tools: [\n    defineTool({ name: "a]b" }), // the ] here is text\n    /* ] */ other,\n    getInvoice,\n  ],\n});');
  });

  it("says so when the server has no tools array", () => {
    expect(() => registerTool("export default defineServer({ name: 'x' });\n", tool)).toThrow("src/server.ts has no `tools: [...]` array");
  });
});
