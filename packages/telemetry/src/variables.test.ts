import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { TELEMETRY_VARIABLES } from "./variables.js";

const SOURCE = fileURLToPath(new URL(".", import.meta.url));

describe("TELEMETRY_VARIABLES", () => {
  // The server refuses to start on a near miss of a listed name, so a variable read but not listed would go unguarded.
  it("lists every MCP_* variable telemetry's code reads", () => {
    const files = readdirSync(SOURCE, { recursive: true })
      .map(String)
      .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts") && file !== "variables.ts");
    const read = new Set(
      files.flatMap((file) =>
        [...readFileSync(`${SOURCE}/${file}`, "utf8").matchAll(/env\.(MCP_[A-Z0-9_]+)|"(MCP_[A-Z0-9_]+)"/g)].map((match) => (match[1] ?? match[2])!),
      ),
    );
    expect(read.size).toBeGreaterThan(0);
    expect([...read].sort()).toEqual([...TELEMETRY_VARIABLES].sort());
  });
});
