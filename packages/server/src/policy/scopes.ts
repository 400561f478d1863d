import { hasScope, type Principal } from "@mcp-platform/auth";
import { ACCESS_RULES, type AccessLevel } from "../definition/access.js";
import type { ScopeNames, ServerDefinition } from "../definition/define.js";
import { scopeNames } from "../definition/scope-names.js";

/** Access levels map to scopes through `ACCESS_RULES`, where a higher scope implies the lower ones. */
export class ScopePolicy {
  readonly names: ScopeNames;

  constructor(definition: ServerDefinition) {
    this.names = scopeNames(definition);
  }

  /** The scope to ask for in a challenge when `access` is refused. */
  required(access: AccessLevel): string {
    return this.names[ACCESS_RULES[access].scope];
  }

  allows(principal: Principal, access: AccessLevel): boolean {
    return ACCESS_RULES[access].acceptedScopes.some((level) => hasScope(principal, this.names[level]));
  }

  get all(): string[] {
    return [this.names.read, this.names.write, this.names.admin];
  }
}
