import type { Tool } from "@modelcontextprotocol/server";
import { ACCESS_RULES, type AccessLevel } from "./access.js";
import type { AnyTool, Deprecation, ScopeNames, ServerDefinition } from "./define.js";
import type { Waiver } from "./safeguards.js";
import { scopeNames } from "./scope-names.js";
import { toolListEntry } from "./tool-entry.js";

export interface ToolManifest extends Tool {
  access: AccessLevel;
  deprecated?: Deprecation;
  /** Write/destructive tools: whether the approver is shown a plan, and whether a call can be undone. */
  plan?: boolean;
  undo?: boolean;
  irreversible?: string;
  waivers?: Waiver[];
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
    tools: (definition.tools ?? []).map(toolManifest),
    resourceTemplates: (definition.resourceTemplates ?? []).map((t) => t.uriTemplate),
    resources: (definition.resources ?? []).map((r) => r.uri),
    prompts: (definition.prompts ?? []).map((p) => p.name),
    ...(definition.replaces?.length ? { replaces: [...definition.replaces] } : {}),
  };
}

function toolManifest(tool: AnyTool): ToolManifest {
  return {
    ...toolListEntry(tool),
    access: tool.access,
    ...(tool.deprecated ? { deprecated: tool.deprecated } : {}),
    ...(ACCESS_RULES[tool.access].mayPlanAndUndo ? { plan: tool.plan !== undefined, undo: tool.undo !== undefined } : {}),
    ...(tool.irreversible === undefined ? {} : { irreversible: tool.irreversible }),
    ...(tool.waivers?.length ? { waivers: tool.waivers.map(({ rule, reason, expires }) => ({ rule, reason, expires })) } : {}),
  };
}
