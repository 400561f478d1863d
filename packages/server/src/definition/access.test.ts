import { describe, expect, it } from "vitest";
import { annotationsFor } from "./access.js";

describe("annotationsFor", () => {
  it("marks read tools read-only and idempotent whatever hints say", () => {
    expect(annotationsFor("read", { idempotent: false })).toEqual({
      readOnlyHint: true,
      destructiveHint: false,
      idempotentHint: true,
      openWorldHint: false,
    });
  });

  it("never marks a write tool read-only or destructive", () => {
    expect(annotationsFor("write", { idempotent: true })).toMatchObject({
      readOnlyHint: false,
      destructiveHint: false,
      idempotentHint: true,
    });
  });

  it("marks destructive tools destructive and keeps explicit hints", () => {
    expect(annotationsFor("destructive", { openWorld: true }, "Drop it")).toEqual({
      title: "Drop it",
      readOnlyHint: false,
      destructiveHint: true,
      idempotentHint: false,
      openWorldHint: true,
    });
  });
});
