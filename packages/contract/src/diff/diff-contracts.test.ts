import { describe, expect, it } from "vitest";
import { contract, deprecation, tool } from "../test-fixtures/contracts.js";
import { diffContracts } from "./diff-contracts.js";

const search = tool({ name: "search_runbooks", inputSchema: { type: "object", properties: { query: { type: "string" } } } });

function diff(...args: Parameters<typeof diffContracts>) {
  return diffContracts(...args).map(({ level, tool, at, change }) => ({ level, tool, at, change }));
}

describe("diffContracts", () => {
  it("finds nothing between equal contracts, whatever their versions", () => {
    expect(diff(contract([tool(), search]), contract([tool(), search], { version: "2.0.0" }))).toEqual([]);
  });

  it("classifies a removed tool as breaking", () => {
    expect(diff(contract([tool(), search]), contract([search]))).toEqual([{ level: "breaking", tool: "get_runbook", at: "", change: "tool removed" }]);
  });

  it("reports a tool whose calls are unchanged under a new name as renamed, and breaking", () => {
    expect(diff(contract([tool(), search]), contract([tool({ name: "read_runbook" }), search]))).toEqual([
      { level: "breaking", tool: "get_runbook", at: "", change: "tool renamed to read_runbook" },
    ]);
  });

  it("classifies an added tool as minor", () => {
    expect(diff(contract([search]), contract([tool(), search]))).toEqual([{ level: "minor", tool: "get_runbook", at: "", change: "tool added" }]);
  });

  it("classifies renaming the server as breaking: scopes carry its name", () => {
    expect(diff(contract([]), contract([], { name: "playbooks" }))).toEqual([
      { level: "breaking", tool: undefined, at: "", change: "server renamed runbooks -> playbooks" },
    ]);
  });

  it("classifies the server description as patch", () => {
    expect(diff(contract([]), contract([], { description: "Other." }))).toEqual([
      { level: "patch", tool: undefined, at: "", change: "server description changed" },
    ]);
  });

  it("walks the tools both contracts have", () => {
    const deprecated = tool({ deprecated: deprecation });
    expect(diff(contract([tool()]), contract([deprecated]))).toEqual([
      { level: "minor", tool: "get_runbook", at: "", change: "deprecated (sunset 2026-04-01, use read_runbook)" },
    ]);
  });
});
