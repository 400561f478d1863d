// The MCP SDK v2 as its documentation serves HTTP: createMcpHandler with its defaults (a new
// McpServer per request, both revisions on one endpoint), behind the node:http adapter.
import { createServer } from "node:http";
import { toNodeHandler } from "@modelcontextprotocol/node";
import { createMcpHandler, McpServer } from "@modelcontextprotocol/server";
import { z } from "zod";
import { echoInput, echoText } from "./echo-tool.js";

const handler = toNodeHandler(
  createMcpHandler(() => {
    const server = new McpServer({ name: "bench", version: "1.0.0" });
    server.registerTool("echo", { description: "Echoes its text", inputSchema: z.object(echoInput) }, ({ text }) => ({
      content: [{ type: "text", text: echoText(text) }],
    }));
    return server;
  }),
);
createServer((req, res) => void handler(req, res)).listen(Number(process.env.PORT), "127.0.0.1");
