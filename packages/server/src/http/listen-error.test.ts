import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { ConfigError } from "../config.js";
import { listenError } from "./listen-error.js";

/** The error Node reports when listening on `host:port` fails. */
function listening(host: string, port: number): Promise<NodeJS.ErrnoException> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", resolve);
    server.listen(port, host, () => server.close(() => reject(new Error(`listened on ${host}:${port}`))));
  });
}

describe("listenError", () => {
  it("names HOST when the address is not one of this machine's", async () => {
    const error = listenError(await listening("192.0.2.1", 0), "192.0.2.1", 3000);
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toBe(
      "Cannot listen on 192.0.2.1:3000: 192.0.2.1 is not an address of this machine (HOST: 127.0.0.1 for this machine alone, 0.0.0.0 for every interface)",
    );
  });

  it("names PORT for a privileged port, and HOST for a name that does not resolve", () => {
    const failed = (code: string) => Object.assign(new Error(`listen ${code}`), { code });
    expect(listenError(failed("EACCES"), "0.0.0.0", 80).message).toBe(
      "Cannot listen on 0.0.0.0:80: port 80 needs privileges this process does not have (choose a PORT above 1023)",
    );
    expect(listenError(failed("ENOTFOUND"), "localhost:3000", 3000).message).toMatch(/HOST takes a name or an address, without a scheme or a port\)$/);
  });

  it("keeps Node's own words for any other failure, still on one line", () => {
    const error = listenError(Object.assign(new Error("listen EMFILE: too many open files"), { code: "EMFILE" }), "127.0.0.1", 3000);
    expect(error.message).toBe("Cannot listen on 127.0.0.1:3000: listen EMFILE: too many open files");
  });
});
