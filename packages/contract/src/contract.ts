import { ACCESS_LEVELS, serverManifest, type AccessLevel, type ServerDefinition, type ToolManifest } from "@mcp-platform/server/definition";
import { z } from "zod";
import { sortKeys } from "./sort-keys.js";

const jsonObject = z.record(z.string(), z.unknown());

const deprecationSchema = z.object({ since: z.string(), sunset: z.string(), replacement: z.string(), reason: z.string() });
const waiverSchema = z.object({ rule: z.string(), reason: z.string(), expires: z.string() });

const toolContractSchema = z.object({
  name: z.string(),
  title: z.string().optional(),
  description: z.string(),
  access: z.custom<AccessLevel>((value) => ACCESS_LEVELS.includes(value as AccessLevel), "must be read, write or destructive"),
  annotations: jsonObject,
  inputSchema: jsonObject,
  outputSchema: jsonObject.optional(),
  deprecated: deprecationSchema.optional(),
  /** Write and destructive tools: whether the approver sees a plan, whether a call can be undone, or why not. */
  plan: z.boolean().optional(),
  undo: z.boolean().optional(),
  irreversible: z.string().optional(),
  /** Exceptions to the fleet's policy for this tool, until their expiry. */
  waivers: z.array(waiverSchema).optional(),
});

const contractSchema = z.object({
  name: z.string(),
  version: z.string(),
  owner: z.string(),
  description: z.string(),
  transport: z.enum(["stdio", "http"]).default("stdio"),
  scopes: z.object({ read: z.string(), write: z.string(), admin: z.string() }).optional(),
  /** The one-off integrations the server made unnecessary (`cron:rotate-keys`): counted by the catalog and the outcome report. */
  replaces: z.array(z.string()).optional(),
  tools: z.array(toolContractSchema),
});

/** What a server promises its clients: the part of it that semver and the deprecation policy govern. */
export type Contract = z.infer<typeof contractSchema>;
export type ToolContract = z.infer<typeof toolContractSchema>;
export type Waiver = z.infer<typeof waiverSchema>;
export type JsonSchema = Record<string, unknown>;

/** The contract of a server definition, from `serverManifest` (no transport is started). */
export function contractOf(definition: ServerDefinition): Contract {
  const manifest = serverManifest(definition);
  return {
    name: manifest.name,
    version: manifest.version,
    owner: manifest.owner,
    description: manifest.description,
    transport: manifest.transport,
    scopes: { read: manifest.scopes.read, write: manifest.scopes.write, admin: manifest.scopes.admin },
    ...(manifest.replaces ? { replaces: manifest.replaces } : {}),
    tools: manifest.tools.map(toolContract).sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/**
 * Fixed key order at the top two levels (name first reads best in a review), sorted keys inside
 * schemas and annotations, so a change in declaration order never shows up as a diff.
 */
function toolContract(tool: ToolManifest): ToolContract {
  return {
    name: tool.name,
    ...(tool.title === undefined ? {} : { title: tool.title }),
    description: tool.description ?? "",
    access: tool.access,
    annotations: sortKeys(tool.annotations ?? {}),
    inputSchema: sortKeys(tool.inputSchema),
    ...(tool.outputSchema ? { outputSchema: sortKeys(tool.outputSchema) } : {}),
    ...(tool.deprecated
      ? {
          deprecated: {
            since: tool.deprecated.since,
            sunset: tool.deprecated.sunset,
            replacement: tool.deprecated.replacement,
            reason: tool.deprecated.reason,
          },
        }
      : {}),
    ...(tool.plan === undefined ? {} : { plan: tool.plan }),
    ...(tool.undo === undefined ? {} : { undo: tool.undo }),
    ...(tool.irreversible === undefined ? {} : { irreversible: tool.irreversible }),
    ...(tool.waivers ? { waivers: tool.waivers } : {}),
  };
}

/** The file form: 2-space JSON with a trailing newline. */
export function formatContract(contract: Contract): string {
  return `${JSON.stringify(contract, null, 2)}\n`;
}

/** Reads a contract file's text; `source` names it in the error when the file is not a contract. */
export function parseContract(text: string, source: string): Contract {
  const parsed = contractSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`${source} is not a tool contract: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
