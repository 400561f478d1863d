import type { ServerEventBus } from "@modelcontextprotocol/server";
import type { ServerDefinition } from "../definition/define.js";
import type { KillSwitch } from "../policy/kill-switch.js";
import { onResourceUpdated } from "../resource-updates.js";

/**
 * Puts this process's changes on the bus that feeds `subscriptions/listen` streams: a kill-switch
 * change (the tool list changed) and `resourceUpdated(server, uri)`. Returns what stops it.
 */
export function publishChanges(definition: ServerDefinition, killSwitch: KillSwitch, bus: ServerEventBus): () => void {
  const stops = [
    killSwitch.onChange(() => bus.publish({ kind: "tools_list_changed" })),
    onResourceUpdated(definition, (uri) => bus.publish({ kind: "resource_updated", uri })),
  ];
  return () => {
    for (const stop of stops) stop();
  };
}
