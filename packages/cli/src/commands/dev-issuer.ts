import { parseArgs } from "node:util";
import { startDevIssuer } from "@mcp-platform/auth/dev-issuer";
import { platformHome } from "@mcp-platform/telemetry";
import type { Command } from "../command.js";
import { integerFlag } from "../flags.js";

export const DEFAULT_DEV_ISSUER_PORT = 9400;

const command: Command = {
  summary: "run the local OAuth dev issuer on 127.0.0.1 (sign-in with PKCE for interactive clients, client-credentials tokens)",
  usage: "dev-issuer [--port N]",
  run: async (args, io) => {
    const { values } = parseArgs({ args, options: { port: { type: "string", default: String(DEFAULT_DEV_ISSUER_PORT) } } });
    const port = integerFlag("port", values.port, 0, 65_535);
    const issuer = await startDevIssuer({ home: platformHome(io.env), port }).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "EADDRINUSE") throw error;
      throw new Error(`port ${port} is in use on 127.0.0.1: a dev issuer may already run there (use it), or give --port N for another`);
    });
    io.out(`dev issuer at ${issuer.issuer} (keys in ${platformHome(io.env)}/dev-issuer); Ctrl-C to stop`);
    io.out(`servers: MCP_AUTH_ISSUER=${issuer.issuer} MCP_AUTH_AUDIENCE=http://127.0.0.1:3000/mcp`);
    await new Promise<void>((resolve) => process.once("SIGINT", resolve).once("SIGTERM", resolve));
    await issuer.close();
    return 0;
  },
};
export default command;
