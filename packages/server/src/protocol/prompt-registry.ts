import { ProtocolError, ProtocolErrorCode, type GetPromptResult, type Prompt } from "@modelcontextprotocol/server";
import { z } from "zod";
import type { RequestContext } from "../context.js";
import type { AnyPrompt, Completer } from "../definition/define.js";

/** Prompts with their MCP argument lists derived from their zod schemas, once. */
export class PromptRegistry {
  readonly #byName: Map<string, AnyPrompt>;
  readonly list: Prompt[];

  constructor(prompts: readonly AnyPrompt[]) {
    this.#byName = new Map(prompts.map((p) => [p.name, p]));
    this.list = prompts.map((prompt) => ({
      name: prompt.name,
      ...(prompt.title === undefined ? {} : { title: prompt.title }),
      ...(prompt.description === undefined ? {} : { description: prompt.description }),
      arguments: Object.entries(prompt.args?.shape ?? {}).map(([name, schema]) => ({
        name,
        ...((schema as z.ZodType).description ? { description: (schema as z.ZodType).description } : {}),
        required: !(schema as z.ZodType).safeParse(undefined).success,
      })),
    }));
  }

  get isEmpty(): boolean {
    return this.#byName.size === 0;
  }

  async get(name: string, args: Record<string, string> | undefined, ctx: RequestContext): Promise<GetPromptResult> {
    const prompt = this.#byName.get(name);
    if (!prompt) throw new ProtocolError(ProtocolErrorCode.InvalidParams, `Unknown prompt: ${name}`);
    const parsed = (prompt.args ?? z.object({})).safeParse(args ?? {});
    if (!parsed.success) {
      throw new ProtocolError(ProtocolErrorCode.InvalidParams, `Invalid arguments for prompt ${name}: ${z.prettifyError(parsed.error)}`);
    }
    const result = await prompt.get(parsed.data, ctx);
    if (typeof result === "string") return { messages: [{ role: "user", content: { type: "text", text: result } }] };
    if (Array.isArray(result)) return { messages: result };
    return result;
  }

  completer(name: string, argument: string): Completer | undefined {
    return (this.#byName.get(name)?.complete as Record<string, Completer> | undefined)?.[argument];
  }
}
