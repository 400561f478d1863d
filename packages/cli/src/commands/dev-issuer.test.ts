import { mkdtempSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../run.js";

describe("mcp-platform dev-issuer", () => {
  it("says in one line that its port is taken, and what to do, instead of Node's EADDRINUSE", async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    const { port } = taken.address() as AddressInfo;
    const lines: string[] = [];
    const io = {
      cwd: process.cwd(),
      env: { MCP_PLATFORM_HOME: mkdtempSync(join(tmpdir(), "dev-issuer-")) },
      out: () => undefined,
      err: (text: string) => void lines.push(text),
    };
    try {
      expect(await run(["dev-issuer", "--port", String(port)], io)).toBe(1);
    } finally {
      taken.close();
    }
    expect(lines).toEqual([
      `mcp-platform dev-issuer: port ${port} is in use on 127.0.0.1: a dev issuer may already run there (use it), or give --port N for another`,
    ]);
  });
});
