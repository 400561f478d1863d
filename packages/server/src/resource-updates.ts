import type { ServerDefinition } from "./definition/define.js";

type Listener = (uri: string) => void;

const listeners = new WeakMap<ServerDefinition, Set<Listener>>();

/**
 * Announces that a subscribable resource of `server` changed: every connected client subscribed
 * to `uri` gets `notifications/resources/updated` (stdio and stateful HTTP sessions).
 */
export function resourceUpdated(server: ServerDefinition, uri: string): void {
  for (const listener of listeners.get(server) ?? []) listener(uri);
}

/** Registers a connected server instance; the returned function unregisters it. */
export function onResourceUpdated(server: ServerDefinition, listener: Listener): () => void {
  let set = listeners.get(server);
  if (!set) listeners.set(server, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}
