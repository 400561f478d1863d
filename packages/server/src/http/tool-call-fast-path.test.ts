import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { defineServer, defineTool } from "../definition/define.js";
import { ToolError } from "../definition/tool-error.js";
import { mcpHttpRequest } from "../protocol/http-request.js";
import type { RequestScope } from "../protocol/request-scope.js";
import { listen, PROTOCOLS } from "../test-support/http.js";
import { ExchangeMux } from "./exchange-mux.js";
import type { HttpServer } from "./http-server.js";

const runs = { picture: 0, cancelled: 0 };

const server = defineServer({
  name: "fast-path",
  version: "1.0.0",
  owner: "team-platform",
  description: "The tool-call fast path against the SDK's dispatch",
  tools: [
    defineTool({ name: "greet", description: "Greets", access: "read", input: z.object({ name: z.string() }), handler: ({ name }) => `Hello, ${name}!` }),
    defineTool({
      name: "measure",
      description: "Structured output",
      access: "read",
      output: z.object({ length: z.number() }),
      handler: () => ({ length: 3 }),
    }),
    defineTool({
      name: "refuse",
      description: "A tool error",
      access: "read",
      handler: () => {
        throw new ToolError("Nothing to do");
      },
    }),
    defineTool({
      name: "picture",
      description: "Image content, which only the SDK encodes",
      access: "read",
      handler: () => ({ content: [{ type: "image", data: Buffer.from(`run ${++runs.picture}`).toString("base64"), mimeType: "image/png" }] }),
    }),
    defineTool({
      name: "purge",
      description: "Needs approval",
      access: "destructive",
      hints: { idempotent: true },
      plan: () => "Purge everything.",
      handler: () => "purged",
    }),
    defineTool({
      name: "chatty",
      description: "Logs before it answers",
      access: "read",
      handler: async (_input, ctx) => {
        await ctx.notify("info", { step: "started" });
        return "done";
      },
    }),
    defineTool({
      name: "wait",
      description: "Waits until cancelled",
      access: "read",
      handler: (_input, ctx) =>
        new Promise<string>((_resolve, reject) =>
          ctx.signal.addEventListener("abort", () => {
            runs.cancelled++;
            reject(new Error("cancelled"));
          }),
        ),
    }),
  ],
});

/** A `_meta` member the fast path leaves to the SDK, which hands it to the handler and otherwise ignores it. */
const VIA_SDK = { "io.example/route": "sdk" };
const ELICITING = { elicitation: { form: {} } };

let url: string;
let http: HttpServer;

beforeAll(async () => ({ url, http } = await listen(server)));
afterAll(() => http.drain(1000));

interface CallOptions {
  protocol?: string;
  viaSdk?: boolean;
  capabilities?: object;
  signal?: AbortSignal;
}

function post(name: string, args: unknown, { protocol = PROTOCOLS[0], viaSdk = false, capabilities = {}, signal }: CallOptions = {}) {
  const params = { name, arguments: args, ...(viaSdk ? { _meta: VIA_SDK } : {}) };
  const { headers, body } = mcpHttpRequest({ id: 1, method: "tools/call", params }, protocol, capabilities as Record<string, unknown>);
  return fetch(`${url}/mcp`, { method: "POST", headers, body, ...(signal ? { signal } : {}) });
}

/** The status and the message, or every message of an event stream. */
async function answer(name: string, args: unknown, options: CallOptions = {}) {
  const response = await post(name, args, options);
  const text = await response.text();
  const body = response.headers.get("content-type")?.startsWith("text/event-stream")
    ? { events: [...text.matchAll(/^data: (.*)$/gm)].map(([, data]) => JSON.parse(data!) as unknown) }
    : (JSON.parse(text) as Record<string, unknown>);
  return { status: response.status, body };
}

/** One call through the SDK's dispatch, then the same call again: both answers, and how the second one went. */
async function bothPaths(name: string, args: unknown, options: CallOptions = {}) {
  const sdk = await answer(name, args, { ...options, viaSdk: true });
  const dispatch = vi.spyOn(ExchangeMux.prototype, "dispatch");
  try {
    const fast = await answer(name, args, options);
    const route = dispatch.mock.calls.map(([, scope]: [unknown, RequestScope, ...unknown[]]) => (scope.settledCall ? "handed over" : "sdk"));
    return { sdk, fast, route: route[0] ?? "fast path" };
  } finally {
    dispatch.mockRestore();
  }
}

describe.each(PROTOCOLS)("the tool-call fast path (%s)", (protocol) => {
  it.each([
    ["greet", { name: "Ada" }],
    ["measure", {}],
    ["refuse", {}],
    ["greet", { name: 42 }],
    ["chatty", {}],
  ])("answers %s %j itself, exactly as the SDK's dispatch does", async (name, args) => {
    const { sdk, fast, route } = await bothPaths(name, args, { protocol });
    expect(route).toBe("fast path");
    expect(fast).toEqual(sdk);
  });

  it("hands content it does not encode to the SDK, which answers without running the tool again", async () => {
    const before = runs.picture;
    const { sdk, fast, route } = await bothPaths("picture", {}, { protocol });
    expect(route).toBe("handed over");
    expect(runs.picture).toBe(before + 2);
    const withoutImage = (body: object) => JSON.stringify(body).replace(/"data":"[^"]*"/, '"data":"…"');
    expect(withoutImage(fast.body)).toBe(withoutImage(sdk.body));
    expect(JSON.stringify(fast.body)).toContain(Buffer.from(`run ${before + 2}`).toString("base64"));
  });

  it("hands a protocol error to the SDK, which encodes it as on its own path", async () => {
    const unknown = await bothPaths("no_such_tool", {}, { protocol });
    expect(unknown.route).toBe("handed over");
    expect(unknown.fast).toEqual(unknown.sdk);
    expect(unknown.fast.body).toMatchObject({ error: { code: -32602 } });
  });

  it("cancels the call when its caller disconnects, and keeps serving", async () => {
    await answer("greet", { name: "Ada" }, { protocol, viaSdk: true });
    const cancelledBefore = runs.cancelled;
    const gone = new AbortController();
    const abandoned = post("wait", {}, { protocol, signal: gone.signal }).catch((error: Error) => error.name);
    await new Promise((resolve) => setTimeout(resolve, 100));
    gone.abort();
    expect(await abandoned).toBe("AbortError");
    await vi.waitFor(() => expect(runs.cancelled).toBe(cancelledBefore + 1));
    await vi.waitFor(() => expect(http.inFlight).toBe(0));
    expect((await answer("greet", { name: "next" }, { protocol })).body).toMatchObject({ result: { content: [{ text: "Hello, next!" }] } });
  });
});

describe("the tool-call fast path in 2026-07-28", () => {
  it("hands a round's questions to the SDK, which encodes them as on its own path", async () => {
    const approval = await bothPaths("purge", {}, { capabilities: ELICITING });
    expect(approval.route).toBe("handed over");
    const withoutState = ({ body }: { body: Record<string, unknown> }) => ({ ...body, result: { ...(body.result as object), requestState: "…" } });
    expect(withoutState(approval.fast)).toEqual(withoutState(approval.sdk));
    expect(approval.fast.body.result).toMatchObject({ resultType: "input_required" });
  });

  it("never serves an envelope the SDK refuses, however often it comes", async () => {
    const refused = { roots: { listChanged: "yes" } };
    for (let attempt = 0; attempt < 3; attempt++) {
      const { status, body } = await answer("greet", { name: "Ada" }, { capabilities: refused });
      expect(status).toBe(200);
      expect(body).toMatchObject({ error: { code: -32602, message: expect.stringContaining("Invalid _meta envelope") } });
    }
  });
});
