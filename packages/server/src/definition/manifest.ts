import type { Tool } from "@modelcontextprotocol/server";
import type { AccessLevel } from "./access.js";
import type { Deprecation, ScopeNames, ServerDefinition } from "./define.js";
import { scopeNames } from "./scope-names.js";
import { toolListEntry } from "./tool-entry.js";

export interface ToolManifest extends Tool {
  access: AccessLevel;
  deprecated?: Deprecation;
}

export interface ServerManifest {
  name: string;
  version: string;
  owner: string;
  description: string;
  /** The transport when `MCP_TRANSPORT` is not set. */
  transport: "stdio" | "http";
  /** The scope each access level needs (destructive tools need `admin`). */
  scopes: ScopeNames;
  tools: ToolManifest[];
  resourceTemplates: string[];
  resources: string[];
  prompts: string[];
  /** The one-off integrations the server made unnecessary (`cron:rotate-keys`); absent when it names none. */
  replaces?: string[];
}

/**
 * What a server offers, exactly as clients see it, computed from the definition without starting a
 * transport: the input of contract snapshots, the catalog and the generator's checks.
 */
export function serverManifest(definition: ServerDefinition): ServerManifest {
  return {
    name: definition.name,
    version: definition.version,
    owner: definition.owner,
    description: definition.description,
    transport: definition.transport ?? "stdio",
    scopes: scopeNames(definition),
    tools: (definition.tools ?? []).map((tool) => ({
      ...toolListEntry(tool),
      access: tool.access,
      ...(tool.deprecated ? { deprecated: tool.deprecated } : {}),
    })),
    resourceTemplates: (definition.resourceTemplates ?? []).map((t) => t.uriTemplate),
    resources: (definition.resources ?? []).map((r) => r.uri),
    prompts: (definition.prompts ?? []).map((p) => p.name),
    ...(definition.replaces?.length ? { replaces: [...definition.replaces] } : {}),
  };
}
