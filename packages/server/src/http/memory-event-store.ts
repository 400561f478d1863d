import type { EventStore, JSONRPCMessage } from "@modelcontextprotocol/server";

/**
 * Recent SSE events of one stateful session, so a client whose stream was cut (a proxy's idle
 * timeout, or SSE polling) reconnects with `Last-Event-ID` and misses nothing. Bounded: the oldest
 * events go first. In memory, like the session itself.
 */
export class MemoryEventStore implements EventStore {
  readonly #events = new Map<string, { streamId: string; message: JSONRPCMessage }>();
  readonly #maxEvents: number;
  #counter = 0;

  constructor(maxEvents = 1000) {
    this.#maxEvents = maxEvents;
  }

  storeEvent(streamId: string, message: JSONRPCMessage): Promise<string> {
    const eventId = `${streamId}_${(++this.#counter).toString(36).padStart(8, "0")}`;
    this.#events.set(eventId, { streamId, message });
    if (this.#events.size > this.#maxEvents) this.#events.delete(this.#events.keys().next().value!);
    return Promise.resolve(eventId);
  }

  getStreamIdForEventId(eventId: string): Promise<string | undefined> {
    return Promise.resolve(this.#events.get(eventId)?.streamId);
  }

  async replayEventsAfter(lastEventId: string, { send }: { send: (eventId: string, message: JSONRPCMessage) => Promise<void> }) {
    const last = this.#events.get(lastEventId);
    if (!last) return "";
    let after = false;
    for (const [eventId, event] of this.#events) {
      if (eventId === lastEventId) after = true;
      else if (after && event.streamId === last.streamId) await send(eventId, event.message);
    }
    return last.streamId;
  }
}
