import type { CreateMessageRequestParams } from "@modelcontextprotocol/server";

/**
 * How a handler's questions to its client get answered: by rounds of the request (`InputRounds`),
 * or, once the call became a task, by the client's `tasks/update` (`TaskQuestions`).
 */
export interface Questions {
  /** `accepts`: whether accepted content fits what was asked. */
  elicit(params: { message: string; requestedSchema: Record<string, unknown> }, key?: string, accepts?: (content: unknown) => boolean): Promise<unknown>;
  sample(params: CreateMessageRequestParams, key?: string): Promise<unknown>;
  listRoots(key?: string): Promise<unknown>;
}
