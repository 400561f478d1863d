import { MissingRequiredClientCapabilityError, type Server, type ServerContext } from "@modelcontextprotocol/server";
import { z } from "zod";
import { declaredCapabilities } from "../protocol/envelope.js";
import type { RequestScope } from "../protocol/request-scope.js";
import type { TaskRunner } from "./task-runner.js";
import { detailedTask, TASKS_EXTENSION } from "./task-wire.js";

type Traced = <T>(ctx: ServerContext, work: (scope: RequestScope) => Promise<T>) => Promise<T>;

const taskId = z.object({ taskId: z.string() });
// The SDK lifts `inputResponses` off the params (as on any retried request): they arrive in the context.
const update = z.object({ taskId: z.string() });

/**
 * The tasks extension's methods (`tasks/get`, `tasks/update`, `tasks/cancel`), answered from the
 * store on whichever replica the request reaches. Only a request that declares the extension may
 * use them (-32021, before any task is looked up); `tasks/result` and `tasks/list` do not exist.
 */
export function registerTaskMethods(server: Server, tasks: TaskRunner, traced: Traced): void {
  const declaring = <T>(ctx: ServerContext, work: (scope: RequestScope) => Promise<T>) =>
    traced(ctx, (scope) => {
      if (declaredCapabilities(ctx)?.extensions?.[TASKS_EXTENSION] === undefined) {
        throw new MissingRequiredClientCapabilityError({ requiredCapabilities: { extensions: { [TASKS_EXTENSION]: {} } } });
      }
      return work(scope);
    });
  server.setRequestHandler("tasks/get", { params: taskId }, (params, ctx) =>
    declaring(ctx, async ({ principal }) => detailedTask(await tasks.get(params.taskId, principal))),
  );
  server.setRequestHandler("tasks/update", { params: update }, (params, ctx) =>
    // Answers are the client's word: unknown keys and odd values are acknowledged and ignored, not refused.
    declaring(ctx, async ({ principal }) => (await tasks.answer(params.taskId, principal, ctx.mcpReq.inputResponses ?? {}), {})),
  );
  server.setRequestHandler("tasks/cancel", { params: taskId }, (params, ctx) =>
    declaring(ctx, async ({ principal }) => (await tasks.cancel(params.taskId, principal), {})),
  );
}
