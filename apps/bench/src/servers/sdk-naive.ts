// The MCP SDK as its examples show stateless HTTP: a new McpServer and transport per request,
// and so a new Ajv (and compiled schemas) per request.
import { createServer } from "node:http";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { echoInput, echoText } from "./echo-tool.js";

export function buildServer(options: ConstructorParameters<typeof McpServer>[1] = {}): McpServer {
  const server = new McpServer({ name: "bench", version: "1.0.0" }, options);
  server.registerTool("echo", { description: "Echoes its text", inputSchema: echoInput }, ({ text }) => ({
    content: [{ type: "text", text: echoText(text) }],
  }));
  return server;
}

export function serveSdk(build: () => McpServer): void {
  createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      void (async () => {
        const server = build();
        const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
        res.on("close", () => void transport.close().then(() => server.close()));
        await server.connect(transport);
        await transport.handleRequest(req, res, JSON.parse(Buffer.concat(chunks).toString()));
      })();
    });
  }).listen(Number(process.env.PORT), "127.0.0.1");
}

if (process.argv[1]?.endsWith("sdk-naive.js")) serveSdk(() => buildServer());
