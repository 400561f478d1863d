import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { POLICY_FILE } from "@mcp-platform/contract";
import { z } from "zod";

const generatorSection = z
  .object({
    /** The form an owning team's name must have (CODEOWNERS handle without the `@`). */
    ownerPattern: z.string().default("^team-[a-z][a-z0-9]*(-[a-z0-9]+)*$"),
    /** How that form reads in an error message. */
    ownerForm: z.string().default("team-<kebab-case>, e.g. team-billing"),
  })
  .prefault({});

export interface GeneratorConfig {
  owner: RegExp;
  ownerForm: string;
}

/** The `generator` section of the root `mcp-platform.config.json` (the same file as the deprecation policy). */
export async function loadGeneratorConfig(root: string): Promise<GeneratorConfig> {
  const text = await readFile(join(root, POLICY_FILE), "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return "{}";
    throw error;
  });
  const parsed = generatorSection.safeParse((JSON.parse(text) as { generator?: unknown }).generator);
  if (!parsed.success) throw new Error(`${POLICY_FILE}: generator: ${z.prettifyError(parsed.error)}`);
  let owner: RegExp;
  try {
    owner = new RegExp(parsed.data.ownerPattern);
  } catch {
    throw new Error(`${POLICY_FILE}: generator.ownerPattern is not a regular expression: ${parsed.data.ownerPattern}`);
  }
  return { owner, ownerForm: parsed.data.ownerForm };
}
