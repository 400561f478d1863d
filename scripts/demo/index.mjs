// The tour a new user runs first (`pnpm demo`): real servers, a real OAuth issuer, a real MCP client.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startDevIssuer } from "@mcp-platform/auth/dev-issuer";
import { inventoryTour } from "./inventory-tour.mjs";
import { outcomesTour } from "./outcomes-tour.mjs";
import { runbooksTour } from "./runbooks-tour.mjs";
import { scaffoldTour } from "./scaffold-tour.mjs";
import { tracesTour } from "./traces-tour.mjs";
import { versioningTour } from "./versioning-tour.mjs";
import { bold, dim } from "./tour.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
// A fresh MCP_PLATFORM_HOME: keys, stores and telemetry of this tour only, removed at the end.
const home = mkdtempSync(join(tmpdir(), "mcp-platform-demo-"));

console.log(bold("MCP Platform Kit — demo tour"));
console.log(dim(`Everything below is a real process on 127.0.0.1; state in ${home} (removed at the end)`));
const devIssuer = await startDevIssuer({ home });
const context = { root, home, issuer: devIssuer.issuer };
try {
  await runbooksTour(context);
  await inventoryTour(context);
  await tracesTour(context);
  await versioningTour(context);
  await scaffoldTour(context);
  await outcomesTour(context);
} finally {
  await devIssuer.close();
  rmSync(home, { recursive: true, force: true });
}
console.log(`\n${bold("Done.")} Next: ${dim("pnpm test")} runs every check; README.md shows how to add a server.`);
