import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";

export const POLICY_FILE = "mcp-platform.config.json";

const policySchema = z.object({
  deprecation: z
    .object({
      /** Days from `since` to `sunset`, at least. */
      minimumWindowDays: z.number().int().min(0).default(90),
      /** Minor release lines (x.Y) that must ship the deprecation before the tool may be removed. */
      minimumMinorReleases: z.number().int().min(0).default(1),
      /** A deprecation must name a replacement tool that exists and is not deprecated itself. */
      replacementRequired: z.boolean().default(true),
    })
    .prefault({}),
  inputs: z
    .object({
      /**
       * A tool input string without `maxLength` or array without `maxItems`: "warn" lists each one
       * and passes, "fail" fails the check, "off" says nothing.
       */
      unbounded: z.enum(["warn", "fail", "off"]).default("warn"),
    })
    .prefault({}),
});

export type Policy = z.output<typeof policySchema>;
export type DeprecationPolicy = Policy["deprecation"];
export type UnboundedInputsPolicy = Policy["inputs"]["unbounded"];

export const DEFAULT_POLICY: Policy = policySchema.parse({});

/** The policy in the workspace root's `mcp-platform.config.json`; the defaults when there is none. */
export async function loadPolicy(rootDir: string): Promise<Policy> {
  const path = join(rootDir, POLICY_FILE);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return DEFAULT_POLICY;
    throw error;
  }
  const parsed = policySchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`${POLICY_FILE}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
