import { parseArgs } from "node:util";
import { mintDevToken } from "@mcp-platform/auth/dev-issuer";
import { platformHome } from "@mcp-platform/telemetry";
import type { Command } from "../command.js";
import { integerFlag } from "../flags.js";
import { DEFAULT_DEV_ISSUER_PORT } from "./dev-issuer.js";

const command: Command = {
  summary: "print a real access token from the local dev issuer's key (for trying servers out)",
  usage: "dev-token --scopes S [--port N | --audience URL]",
  run: async (args, io) => {
    const { values } = parseArgs({
      args,
      options: {
        scopes: { type: "string" },
        audience: { type: "string" },
        port: { type: "string" },
        subject: { type: "string", default: "dev-user" },
        issuer: { type: "string", default: `http://127.0.0.1:${DEFAULT_DEV_ISSUER_PORT}` },
        "expires-in": { type: "string", default: "3600" },
      },
    });
    if (!values.scopes) throw new Error('--scopes is required, e.g. --scopes "runbooks:read"');
    if (values.audience && values.port) throw new Error("Give --port or --audience, not both: the audience is http://127.0.0.1:<port>/mcp");
    // The server on this machine the token is for: its MCP_AUTH_AUDIENCE must be the same URL.
    const audience = values.audience ?? `http://127.0.0.1:${values.port ? integerFlag("port", values.port, 1, 65_535) : serverPort(io.env.PORT)}/mcp`;
    const token = await mintDevToken({
      home: platformHome(io.env),
      issuer: values.issuer,
      audience,
      subject: values.subject,
      scopes: values.scopes.split(/[ ,]+/).filter(Boolean),
      expiresInSeconds: integerFlag("expires-in", values["expires-in"], 60, 86_400),
    });
    io.err(`dev-token: for ${audience} (the server's MCP_AUTH_AUDIENCE), scopes ${values.scopes}`);
    io.out(token);
    return 0;
  },
};
export default command;

/** The port a server started from this shell listens on: `PORT`, as the server reads it, else its default. */
function serverPort(value: string | undefined): number {
  if (value === undefined || value === "") return 3000;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new Error(`PORT must be an integer from 1 to 65535 (got "${value}"), or use --port`);
  return port;
}
