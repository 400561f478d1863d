import { describe, expect, it } from "vitest";
import { redactedJson } from "./redact.js";

describe("redactedJson", () => {
  it("replaces the values of secret-looking keys at any depth", () => {
    const json = redactedJson({ host: "db", password: "hunter2", nested: { apiKey: "k", Authorization: "Bearer x" }, list: [{ token: "t" }] });
    expect(JSON.parse(json)).toEqual({
      host: "db",
      password: "[redacted]",
      nested: { apiKey: "[redacted]", Authorization: "[redacted]" },
      list: [{ token: "[redacted]" }],
    });
  });

  it("caps what it records", () => {
    expect(redactedJson({ text: "x".repeat(10_000) }).length).toBeLessThan(4200);
  });
});
