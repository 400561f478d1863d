// FastMCP serving the same tool, stateless Streamable HTTP with JSON responses.
import { FastMCP } from "fastmcp";
import { z } from "zod";
import { echoInput, echoText } from "./echo-tool.js";

const server = new FastMCP({ name: "bench", version: "1.0.0" });
server.addTool({
  name: "echo",
  description: "Echoes its text",
  parameters: z.object(echoInput),
  execute: ({ text }) => Promise.resolve(echoText(text)),
});
await server.start({
  transportType: "httpStream",
  httpStream: { port: Number(process.env.PORT), host: "127.0.0.1", endpoint: "/mcp", stateless: true, enableJsonResponse: true },
});
