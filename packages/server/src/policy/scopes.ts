import { hasScope, type Principal } from "@mcp-platform/auth";
import type { AccessLevel } from "../access.js";
import type { ScopeNames, ServerDefinition } from "../define.js";

/**
 * Access levels map to scopes, and a higher scope implies the lower ones: a token that may change
 * things (write) may also look (read); only admin may run destructive tools.
 */
export class ScopePolicy {
  readonly names: ScopeNames;

  constructor(definition: ServerDefinition) {
    this.names = {
      read: `${definition.name}:read`,
      write: `${definition.name}:write`,
      admin: `${definition.name}:admin`,
      ...definition.scopes,
    };
  }

  /** The scope to ask for in a challenge when `access` is refused. */
  required(access: AccessLevel): string {
    return access === "read" ? this.names.read : access === "write" ? this.names.write : this.names.admin;
  }

  allows(principal: Principal, access: AccessLevel): boolean {
    const { read, write, admin } = this.names;
    const accepted = access === "read" ? [read, write, admin] : access === "write" ? [write, admin] : [admin];
    return accepted.some((scope) => hasScope(principal, scope));
  }

  get all(): string[] {
    return [this.names.read, this.names.write, this.names.admin];
  }
}
