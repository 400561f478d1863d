import type { ScopeNames, ServerDefinition } from "./define.js";

/** The scope of each scope level: `<server>:read`, `<server>:write`, `<server>:admin` unless renamed. */
export function scopeNames(definition: ServerDefinition): ScopeNames {
  return {
    read: `${definition.name}:read`,
    write: `${definition.name}:write`,
    admin: `${definition.name}:admin`,
    ...definition.scopes,
  };
}
