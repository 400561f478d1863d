import { SUPPORTED_PROTOCOL_VERSIONS } from "@modelcontextprotocol/server";
import { describe, expect, it } from "vitest";
import { PROTOCOL_REVISIONS } from "./protocol-revisions.js";

describe("PROTOCOL_REVISIONS", () => {
  it("names as legacy exactly the revisions the SDK negotiates with initialize", () => {
    expect(PROTOCOL_REVISIONS.legacy).toEqual(SUPPORTED_PROTOCOL_VERSIONS);
  });
});
