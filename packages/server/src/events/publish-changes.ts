import type { ServerEvent, ServerEventBus } from "@modelcontextprotocol/server";
import type { ServerDefinition } from "../definition/define.js";
import type { KillSwitch } from "../policy/kill-switch.js";
import { onServerChange, type ServerChange } from "../server-changes.js";

const LIST_EVENT = { tools: "tools_list_changed", prompts: "prompts_list_changed", resources: "resources_list_changed" } as const;

/** The event a change is on the bus that feeds `subscriptions/listen` streams. */
export function serverEvent(change: ServerChange): ServerEvent {
  return change.kind === "resource" ? { kind: "resource_updated", uri: change.uri } : { kind: LIST_EVENT[change.list] };
}

/**
 * Puts this process's changes on the bus: a kill-switch change (the tool list changed), and what
 * the server's own code announces. Returns what stops it.
 */
export function publishChanges(definition: ServerDefinition, killSwitch: KillSwitch, bus: ServerEventBus): () => void {
  const stops = [
    killSwitch.onChange(() => bus.publish({ kind: "tools_list_changed" })),
    onServerChange(definition, (change) => bus.publish(serverEvent(change))),
  ];
  return () => {
    for (const stop of stops) stop();
  };
}
