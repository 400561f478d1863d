import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { ACCESS_RULES, PROTOCOL_REVISIONS, type AccessLevel } from "@mcp-platform/server/definition";
import type { Contract, ToolContract, Waiver } from "../contract.js";
import { evaluatePolicy } from "../policy/evaluate.js";
import { DEFAULT_POLICY, type Policy } from "../policy/policy-config.js";
import { readContracts } from "../read-contracts.js";
import { parseTemplateRecord, TEMPLATE_RECORD_FILE } from "../template/template-record.js";
import type { ServerApp, Workspace } from "../workspace.js";
import { catalogPolicy, type CatalogPolicy } from "./catalog-policy.js";
import { updateCodeowners } from "./codeowners.js";

export interface CatalogTool {
  name: string;
  title?: string;
  access: AccessLevel;
  /** The OAuth scope a caller needs: `<server>:read`, `<server>:write`, `<server>:admin` (destructive). */
  scope: string;
  /** Write and destructive calls wait for a human's approval. */
  approval: boolean;
  /** Write and destructive tools: whether an operator can revert a call, or why it cannot be. */
  undo?: boolean;
  irreversible?: string;
  deprecated?: { since: string; sunset: string; replacement: string; reason: string };
  waivers?: Waiver[];
}

export interface Counts {
  tools: number;
  read: number;
  write: number;
  destructive: number;
  deprecated: number;
}

export interface CatalogServer {
  name: string;
  package: string;
  path: string;
  version: string;
  owner: string;
  description: string;
  /** The transport a server uses when `MCP_TRANSPORT` is not set. */
  defaultTransport: string;
  /** The kit template a generated server was last rendered from (short git tree id of `templates/`); absent for hand-made servers. */
  template?: string;
  /** The one-off integrations (`cron:rotate-keys`, `webhook:pagerduty-ack`) the server replaced. */
  replaces: string[];
  /** The MCP revisions the server speaks: those of the kit it is built on. */
  protocolRevisions: { current: string[]; legacy: string[] };
  tools: CatalogTool[];
  counts: Counts;
  policy: CatalogPolicy;
}

export interface Catalog {
  /** `integrationsRetired`: the one-off integrations the fleet's servers replaced, all told. */
  counts: Counts & { servers: number; integrationsRetired: number };
  servers: CatalogServer[];
}

/**
 * The fleet, from each server's committed contract (kept current by `pnpm contract:check`), with
 * each server's standing against `policy`, judged on CODEOWNERS as `pnpm catalog` writes it.
 */
export async function buildCatalog(workspace: Workspace, policy: Policy = DEFAULT_POLICY, codeowners?: string): Promise<Catalog> {
  const contracts = await readContracts(workspace);
  const found = await Promise.all(
    workspace.apps.map(async (app, i) => {
      const contract = contracts[i]!;
      return { app, contract, server: { ...catalogServer(app, contract), ...(await templateOf(workspace, app)) } };
    }),
  );
  const expectedCodeowners = updateCodeowners(codeowners, { servers: found.map(({ server }) => server) }, policy.policy.securityReviewers);
  const servers = found.map(({ app, contract, server }) => {
    const findings = evaluatePolicy({ contract, serverPath: app.relativeDir, policy, codeowners: expectedCodeowners });
    return { ...server, policy: catalogPolicy(contract, findings) };
  });
  const tools = servers.flatMap((server) => server.tools);
  const integrationsRetired = servers.reduce((sum, server) => sum + server.replaces.length, 0);
  return { counts: { servers: servers.length, ...count(tools), integrationsRetired }, servers };
}

function catalogServer(app: ServerApp, contract: Contract): Omit<CatalogServer, "policy"> {
  const tools = contract.tools.map((tool) => catalogTool(contract, tool));
  return {
    name: contract.name,
    package: app.packageName,
    path: app.relativeDir,
    version: contract.version,
    owner: contract.owner,
    description: contract.description,
    defaultTransport: contract.transport,
    replaces: [...(contract.replaces ?? [])],
    protocolRevisions: { current: [...PROTOCOL_REVISIONS.current], legacy: [...PROTOCOL_REVISIONS.legacy] },
    tools,
    counts: count(tools),
  };
}

async function templateOf(workspace: Workspace, app: ServerApp): Promise<{ template?: string }> {
  const path = `${app.relativeDir}/${TEMPLATE_RECORD_FILE}`;
  const text = await readFile(join(workspace.rootDir, path), "utf8").catch(() => undefined);
  return text === undefined ? {} : { template: parseTemplateRecord(text, path).template.slice(0, 12) };
}

function catalogTool(contract: Contract, tool: ToolContract): CatalogTool {
  const scopes = contract.scopes ?? { read: `${contract.name}:read`, write: `${contract.name}:write`, admin: `${contract.name}:admin` };
  return {
    name: tool.name,
    ...(tool.title === undefined ? {} : { title: tool.title }),
    access: tool.access,
    scope: scopes[ACCESS_RULES[tool.access].scope],
    approval: ACCESS_RULES[tool.access].approval,
    ...(tool.undo === undefined ? {} : { undo: tool.undo }),
    ...(tool.irreversible === undefined ? {} : { irreversible: tool.irreversible }),
    ...(tool.deprecated ? { deprecated: tool.deprecated } : {}),
    ...(tool.waivers ? { waivers: tool.waivers } : {}),
  };
}

function count(tools: CatalogTool[]): Counts {
  const access = (level: AccessLevel) => tools.filter((tool) => tool.access === level).length;
  return {
    tools: tools.length,
    read: access("read"),
    write: access("write"),
    destructive: access("destructive"),
    deprecated: tools.filter((tool) => tool.deprecated).length,
  };
}
