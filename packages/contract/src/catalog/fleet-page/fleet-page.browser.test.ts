import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { findProgram, missingService } from "@mcp-platform/test-services";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fakeOutcomeStore, fleetCatalog } from "../../test-fixtures/fleet.js";
import { fleetOutcomes } from "./fleet-outcomes.js";
import { fleetPage } from "./fleet-page.js";

/** CI keeps this screenshot as an artifact (.ci/run names it). */
const SCREENSHOT = fileURLToPath(new URL("../../../../../artifacts/fleet-page.png", import.meta.url));
const missing = missingService("chromium");

/** The fleet page, with outcomes, in Debian's Chromium, headless, as a person would open the file. */
describe.skipIf(missing)(`fleet page in Chromium${missing ? ` (${missing})` : ""}`, () => {
  let browser: Browser;
  let page: Page;
  let dir: string;
  const errors: string[] = [];

  beforeAll(async () => {
    const fleet = await fleetCatalog();
    const now = new Date();
    const outcomes = await fleetOutcomes({
      stores: [fakeOutcomeStore()],
      contracts: [],
      since: new Date(now.getTime() - 30 * 86_400_000),
      now,
      undoWindowSeconds: 3600,
      periods: 12,
    });
    dir = await mkdtemp(join(tmpdir(), "fleet-page-"));
    await writeFile(join(dir, "fleet.html"), fleetPage(fleet.catalog, outcomes));
    await fleet.remove();
    // Chromium's sandbox needs user namespaces, which containers running as root often lack.
    browser = await chromium.launch({ executablePath: findProgram("chromium"), args: ["--no-sandbox"] });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => void (message.type() === "error" && errors.push(message.text())));
    await page.goto(pathToFileURL(join(dir, "fleet.html")).href);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("renders every server, its tools and the charts, without a script error", async () => {
    await expect(page.title()).resolves.toBe("MCP fleet");
    const headings = await page.locator("section.server h2").allTextContents();
    expect(headings.map((heading) => heading.replace(/\s+/g, " "))).toEqual(["tickets policy: warn", "billing policy: fail"]);
    await expect(page.locator("tr.tool-row").count()).resolves.toBe(7);
    await expect(page.locator("figure.chart svg").count()).resolves.toBe(12);
    await expect(page.locator("#search-count").innerText()).resolves.toBe("7 tools");
    await mkdir(join(SCREENSHOT, ".."), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(errors).toEqual([]);
  });

  it("filters the tools as the search box is typed in, hiding servers left without any", async () => {
    await page.locator("#search").fill("purge");
    const visibleTools = () => page.locator("tr.tool-row:visible td:first-child code").allInnerTexts();
    await expect(visibleTools()).resolves.toEqual(["purge_tickets"]);
    await expect(page.locator("#billing").isVisible()).resolves.toBe(false);
    await expect(page.locator("#search-count").innerText()).resolves.toBe("1 of 7 tools match");
    await page.locator("#search").fill("team-billing write");
    await expect(visibleTools()).resolves.toEqual(["refund"]);
    await page.locator("#search").fill("");
    await expect(page.locator("tr.tool-row:visible").count()).resolves.toBe(7);
  });

  it("shows a deprecated tool's replacement, its dates and the time left, and marks an expired waiver", async () => {
    await page.locator("#search").fill("");
    const deprecated = page.locator("#tickets-find_ticket");
    await expect(deprecated.innerText()).resolves.toMatch(/deprecated 2026-01-01 → sunset 2031-01-01\s+use get_ticket instead \d+ days left/);
    await deprecated.locator("a.replacement").click();
    expect(new URL(page.url()).hash).toBe("#tickets-get_ticket");
    await expect(page.locator('[data-expires="2020-01-01"]').innerText()).resolves.toContain("expired: the contract check fails");
    await expect(page.locator('[data-expires="2031-06-30"] .state').innerText()).resolves.toBe("");
  });
});
