import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findProgram } from "./binaries.js";
import { freePort } from "./free-port.js";
import { startServiceProcess } from "./service-process.js";

/** The response header naming the upstream that answered (nginx's `$upstream_addr`). */
export const UPSTREAM_HEADER = "x-upstream";

export interface LocalLoadBalancer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  stop(): Promise<void>;
}

/**
 * nginx as a round-robin reverse proxy in front of loopback ports, configured in a temp folder.
 * Like a production balancer it moves a request to the next upstream only when it could not be
 * sent (connection refused); a request that was sent and lost is answered 502, never replayed.
 * It appends the client's address to `X-Forwarded-For`, as ingress-nginx does.
 * `port` is for callers that must name the public address before the balancer exists;
 * `readTimeoutSeconds` is how long a response may stay silent before nginx closes it (default 30).
 */
export async function startLoadBalancer(
  upstreamPorts: number[],
  { port, readTimeoutSeconds = 30 }: { port?: number; readTimeoutSeconds?: number } = {},
): Promise<LocalLoadBalancer> {
  const program = findProgram("nginx");
  if (!program) throw new Error("nginx is not installed (apt-get install nginx)");
  const dir = mkdtempSync(join(tmpdir(), "mcp-platform-nginx-"));
  port ??= await freePort();
  writeFileSync(join(dir, "nginx.conf"), config(dir, port, upstreamPorts, readTimeoutSeconds));
  const server = await startServiceProcess({
    command: program,
    args: ["-p", dir, "-c", join(dir, "nginx.conf"), "-e", "stderr"],
    // nginx says nothing once it listens; the first worker's start notice means the socket is bound.
    ready: /start worker process/,
    dir,
    signal: "SIGTERM",
  });
  return { origin: `http://127.0.0.1:${port}`, stop: () => server.stop() };
}

function config(dir: string, port: number, upstreamPorts: number[], readTimeoutSeconds: number): string {
  const temp = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((kind) => `  ${kind}_temp_path ${join(dir, kind)};`);
  return `daemon off;
worker_processes 1;
pid ${join(dir, "nginx.pid")};
error_log stderr notice;
${process.getuid?.() === 0 ? "user root;\n" : ""}events { worker_connections 1024; }
http {
  access_log off;
${temp.join("\n")}
  upstream replicas {
${upstreamPorts.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=5s;`).join("\n")}
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://replicas;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_buffering off;
      proxy_read_timeout ${readTimeoutSeconds}s;
      add_header ${UPSTREAM_HEADER} $upstream_addr always;
    }
  }
}
`;
}
