import type { ServerDefinition } from "./definition/define.js";

/** Something about a server that its clients may want to hear of without asking. */
export type ServerChange = { kind: "list"; list: "tools" | "prompts" | "resources" } | { kind: "resource"; uri: string };

type Listener = (change: ServerChange) => void;

const listeners = new WeakMap<ServerDefinition, Set<Listener>>();

/**
 * Announces that a subscribable resource of `server` changed: clients listening for `uri`
 * (`subscriptions/listen` on 2026-07-28, `resources/subscribe` in a 2025 session) are told.
 */
export function resourceUpdated(server: ServerDefinition, uri: string): void {
  announce(server, { kind: "resource", uri });
}

/**
 * Announces that one of `server`'s lists (tools, prompts or resources) changed, for code that
 * changes what a server offers at run time. The kill switch announces tool changes by itself.
 */
export function listChanged(server: ServerDefinition, list: "tools" | "prompts" | "resources"): void {
  announce(server, { kind: "list", list });
}

/** Registers a listener for `server`'s changes; the returned function unregisters it. */
export function onServerChange(server: ServerDefinition, listener: Listener): () => void {
  let set = listeners.get(server);
  if (!set) listeners.set(server, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}

function announce(server: ServerDefinition, change: ServerChange): void {
  for (const listener of listeners.get(server) ?? []) listener(change);
}
