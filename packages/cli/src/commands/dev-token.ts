import { parseArgs } from "node:util";
import { mintDevToken } from "@mcp-platform/auth/dev-issuer";
import { platformHome } from "@mcp-platform/telemetry";
import type { Command } from "../command.js";
import { integerFlag } from "../flags.js";
import { DEFAULT_DEV_ISSUER_PORT } from "./dev-issuer.js";

const command: Command = {
  summary: "print a real access token from the local dev issuer's key (for trying servers out)",
  usage: "dev-token --scopes S [--audience URL]",
  run: async (args, io) => {
    const { values } = parseArgs({
      args,
      options: {
        scopes: { type: "string" },
        audience: { type: "string", default: "http://127.0.0.1:3000/mcp" },
        subject: { type: "string", default: "dev-user" },
        issuer: { type: "string", default: `http://127.0.0.1:${DEFAULT_DEV_ISSUER_PORT}` },
        "expires-in": { type: "string", default: "3600" },
      },
    });
    if (!values.scopes) throw new Error('--scopes is required, e.g. --scopes "runbooks:read"');
    const token = await mintDevToken({
      home: platformHome(io.env),
      issuer: values.issuer,
      audience: values.audience,
      subject: values.subject,
      scopes: values.scopes.split(/[ ,]+/).filter(Boolean),
      expiresInSeconds: integerFlag("expires-in", values["expires-in"], 60, 86_400),
    });
    io.out(token);
    return 0;
  },
};
export default command;
