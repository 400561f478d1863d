import { existsSync } from "node:fs";
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCommand } from "./run-command.js";
import { KIT_ROOT } from "./templates.js";

export interface ScratchClone {
  /** The clone's root: pass it as `root` to `scaffoldServer` and `addTool`. */
  root: string;
  remove(): Promise<void>;
}

/**
 * A throw-away clone of the kit's committed state, installed from the local pnpm store: somewhere
 * to run the generator for real (a demo, an end-to-end test) without touching this checkout.
 */
export async function scratchClone(kitRoot: string = KIT_ROOT): Promise<ScratchClone> {
  const parent = await mkdtemp(join(tmpdir(), "mcp-platform-scratch-"));
  const root = join(parent, "kit");
  const remove = () => rm(parent, { recursive: true, force: true });
  try {
    await runCommand("git", ["clone", "--quiet", kitRoot, root], parent);
    // Turbo's cache is content-addressed: the builds of unchanged packages are restored, not redone.
    // A turbo running in the checkout meanwhile writes entries as temporary files, then renames them.
    const cache = join(kitRoot, ".turbo/cache");
    const written = (path: string) => !path.endsWith(".tmp");
    if (existsSync(cache)) await cp(cache, join(root, ".turbo/cache"), { recursive: true, filter: written });
    await runCommand("pnpm", ["install", "--offline", "--frozen-lockfile"], root);
  } catch (error) {
    await remove();
    throw error;
  }
  return { root, remove };
}
