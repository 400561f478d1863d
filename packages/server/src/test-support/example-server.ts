import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";
import { defineServer, defineTool } from "../definition/define.js";
import { ToolError } from "../definition/tool-error.js";

/** What `append_note` wrote: the side effect approval tests watch (nothing may run unapproved, or twice). */
export const notes: string[] = [];

/** A small server that exercises the runtime's edges: slow calls, throwing handlers, bad output, approvals. */
export const exampleServer = defineServer({
  name: "example",
  version: "1.2.3",
  owner: "team-platform",
  description: "Runtime test server",
  tools: [
    defineTool({
      name: "echo",
      description: "Echoes its text",
      access: "read",
      input: z.object({ text: z.string() }),
      output: z.object({ echoed: z.string() }),
      handler: ({ text }) => ({ echoed: text }),
    }),
    defineTool({
      name: "slow",
      description: "Answers after `ms` milliseconds, reporting progress",
      access: "read",
      input: z.object({ ms: z.number().int().min(0).max(10_000) }),
      handler: async ({ ms }, ctx) => {
        await ctx.progress(0, 1, "started");
        await sleep(ms, undefined, { signal: ctx.signal });
        await ctx.progress(1, 1, "done");
        return `slept ${ms} ms`;
      },
    }),
    defineTool({
      name: "explode",
      description: "Throws an internal error",
      access: "read",
      handler: () => {
        throw new Error("database password=hunter2 rejected");
      },
    }),
    defineTool({
      name: "refuse",
      description: "Throws a ToolError",
      access: "read",
      handler: () => {
        throw new ToolError("Nothing to delete");
      },
    }),
    defineTool({
      name: "purge_cache",
      description: "Empties a cache (approval needed)",
      access: "destructive",
      hints: { idempotent: true, openWorld: true },
      input: z.object({ cache: z.string() }),
      plan: ({ cache }) => `Empty the ${cache} cache.`,
      handler: ({ cache }) => `emptied ${cache}`,
    }),
    defineTool({
      name: "append_note",
      description: "Appends a note (approval needed)",
      access: "write",
      input: z.object({ note: z.string().max(200) }),
      plan: ({ note }) => `Append the note "${note}".`,
      handler: async ({ note }) => {
        await sleep(20);
        notes.push(note);
        return `noted (${notes.length} notes)`;
      },
    }),
    defineTool({
      name: "old_echo",
      description: "The first echo",
      access: "read",
      deprecated: { since: "2019-01-01", sunset: "2020-01-01", replacement: "echo", reason: "Renamed." },
      handler: () => "never runs after its sunset",
    }),
    defineTool({
      name: "store_document",
      description: "Stores any JSON document (approval needed)",
      access: "write",
      input: z.object({ doc: z.json() }),
      plan: () => "Store the document.",
      handler: () => "stored",
    }),
    defineTool({
      name: "unplannable",
      description: "A write tool whose plan fails",
      access: "write",
      plan: () => {
        throw new Error("inventory database password=hunter2 rejected");
      },
      handler: () => "never runs",
    }),
    defineTool({
      name: "broken_output",
      description: "Returns output that breaks its schema",
      access: "read",
      output: z.object({ count: z.number() }),
      handler: () => ({ count: "many" }) as unknown as { count: number },
    }),
  ],
});
