import { ConfigError } from "../config.js";

const REASONS: Readonly<Record<string, (host: string, port: number) => string>> = {
  EADDRINUSE: (_host, port) => `another process already listens on port ${port} (stop it, or choose another PORT)`,
  EACCES: (_host, port) => `port ${port} needs privileges this process does not have (choose a PORT above 1023)`,
  EADDRNOTAVAIL: (host) => `${host} is not an address of this machine (HOST: 127.0.0.1 for this machine alone, 0.0.0.0 for every interface)`,
  ENOTFOUND: (host) => `the name ${host} does not resolve (HOST takes a name or an address, without a scheme or a port)`,
};

/**
 * Why the server could not listen, as the one line a configuration mistake gets (the runtime prints
 * it and exits 1) rather than Node's stack trace: each common cause names the variable to change.
 */
export function listenError(error: NodeJS.ErrnoException, host: string, port: number): ConfigError {
  const reason = REASONS[error.code ?? ""]?.(host, port) ?? error.message;
  return new ConfigError(`Cannot listen on ${host}:${port}: ${reason}`);
}
