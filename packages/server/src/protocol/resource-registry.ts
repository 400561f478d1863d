import {
  ProtocolError,
  UriTemplate,
  type ReadResourceResult,
  type Resource,
  type ResourceTemplateType as ResourceTemplate,
} from "@modelcontextprotocol/server";
import type { RequestContext } from "../context.js";
import type { CacheHint } from "../definition/cache-hint.js";
import type { Completer, ResourceBody, ResourceDefinition, ResourceTemplateDefinition } from "../definition/define.js";

/**
 * MCP 2025-11-25's code for a URI that names no resource; the SDK answers 2026-07-28 requests with
 * the code that revision uses instead (-32602).
 */
const RESOURCE_NOT_FOUND = -32002;

/** Static resources and URI templates, resolved once at start. */
export class ResourceRegistry {
  readonly #byUri: Map<string, ResourceDefinition>;
  readonly #templates: { definition: ResourceTemplateDefinition; matcher: UriTemplate }[];
  readonly staticList: Resource[];
  readonly templateList: ResourceTemplate[];

  constructor(resources: readonly ResourceDefinition[], templates: readonly ResourceTemplateDefinition[]) {
    this.#byUri = new Map(resources.map((r) => [r.uri, r]));
    this.#templates = templates.map((definition) => ({ definition, matcher: new UriTemplate(definition.uriTemplate) }));
    this.staticList = resources.map(({ read: _read, subscribable: _subscribable, cache: _cache, ...metadata }) => metadata);
    this.templateList = templates.map(({ uriTemplate, name, title, description, mimeType }) => ({
      uriTemplate,
      name,
      ...(title === undefined ? {} : { title }),
      ...(description === undefined ? {} : { description }),
      ...(mimeType === undefined ? {} : { mimeType }),
    }));
  }

  get subscribable(): boolean {
    return [...this.#byUri.values()].some((resource) => resource.subscribable);
  }

  get isEmpty(): boolean {
    return this.#byUri.size === 0 && this.#templates.length === 0;
  }

  async list(): Promise<Resource[]> {
    const listed = await Promise.all(this.#templates.map(({ definition }) => definition.list?.() ?? Promise.resolve([])));
    return [...this.staticList, ...listed.flat()];
  }

  /** The result of reading `uri`, and the cache hint of the resource that answered. */
  async read(uri: string, ctx: RequestContext): Promise<{ result: ReadResourceResult; cache: CacheHint | undefined }> {
    const resource = this.#byUri.get(uri);
    if (resource) return { result: readResult(uri, await resource.read(ctx), resource.mimeType), cache: resource.cache };
    for (const { definition, matcher } of this.#templates) {
      const variables = matcher.match(uri);
      if (!variables) continue;
      const body = await definition.read(uri, variables, ctx);
      if (body !== undefined) return { result: readResult(uri, body, definition.mimeType), cache: definition.cache };
    }
    throw new ProtocolError(RESOURCE_NOT_FOUND, `Resource not found: ${uri}`, { uri });
  }

  completer(uriTemplate: string, variable: string): Completer | undefined {
    return this.#templates.find((t) => t.definition.uriTemplate === uriTemplate)?.definition.complete?.[variable];
  }
}

function readResult(uri: string, body: ResourceBody, mimeType: string | undefined): ReadResourceResult {
  if (typeof body === "string") return { contents: [{ uri, text: body, ...(mimeType ? { mimeType } : {}) }] };
  if ("contents" in body) return body;
  const type = body.mimeType ?? mimeType;
  const content = "text" in body ? { text: body.text } : { blob: Buffer.from(body.blob).toString("base64") };
  return { contents: [{ uri, ...content, ...(type ? { mimeType: type } : {}) }] };
}
