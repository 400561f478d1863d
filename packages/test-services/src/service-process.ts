import { spawn, type SpawnOptions } from "node:child_process";
import { rmSync } from "node:fs";

export interface ServiceProcess {
  /** Everything the process wrote so far (stdout and stderr), for failure messages. */
  output(): string;
  /** Stops the process (`signal`, then SIGKILL after `graceMs`) and removes its folder. */
  stop(): Promise<void>;
}

export interface ServiceSpec {
  command: string;
  args: string[];
  /** The process is up once its output matches this. */
  ready: RegExp;
  /** Removed when the service stops. */
  dir: string;
  /** How the service shuts down quickly and cleanly. */
  signal: NodeJS.Signals;
  timeoutMs?: number;
  options?: SpawnOptions;
}

/**
 * Runs a service in the foreground of this test process: resolves when it says it is ready, fails
 * with its output when it exits or stays silent instead, and is killed if the test process exits
 * first, so that no run leaves a server behind.
 */
export async function startServiceProcess(spec: ServiceSpec): Promise<ServiceProcess> {
  const child = spawn(spec.command, spec.args, { ...spec.options, stdio: ["ignore", "pipe", "pipe"] });
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  let output = "";
  const exited = new Promise<void>((resolve) => child.once("close", () => resolve()));
  const cleanUp = () => {
    process.off("exit", killOnExit);
    rmSync(spec.dir, { recursive: true, force: true });
  };
  await new Promise<void>((resolve, reject) => {
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(new Error(`${spec.command} ${why}:\n${output}`));
    };
    const timer = setTimeout(() => fail(`was not ready within ${spec.timeoutMs ?? 20_000} ms`), spec.timeoutMs ?? 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (spec.ready.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("error", (error) => fail(`could not start (${error.message})`));
    child.once("exit", (code, signal) => fail(`exited (${signal ?? code}) before it was ready`));
  }).catch(async (error: unknown) => {
    await exited;
    cleanUp();
    throw error;
  });
  return {
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill(spec.signal);
        const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
        await exited;
        clearTimeout(timer);
      }
      cleanUp();
    },
  };
}
