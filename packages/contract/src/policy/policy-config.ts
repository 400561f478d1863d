import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";

export const POLICY_FILE = "mcp-platform.config.json";

/** `error` fails the check, `warn` lists and passes, `off` says nothing. */
const severity = z.enum(["error", "warn", "off"]);

const regularExpression = z.string().refine((source) => {
  try {
    return Boolean(new RegExp(source));
  } catch {
    return false;
  }
}, "must be a regular expression");

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
  policy: z
    .object({
      /** The CODEOWNERS team that co-owns every `mcp-contract.json`; no security review rule without one. */
      securityReviewers: z.string().min(1).optional(),
      /** How far ahead a waiver may expire: waivers are renewed, and reviewed again, at least this often. */
      maximumWaiverDays: z.number().int().min(1).default(180),
      /** Each rule's severity (README: Policy lists them and why). */
      rules: z
        .strictObject({
          "tools.plan": severity.default("error"),
          "tools.undo": severity.default("error"),
          "inputs.unbounded": severity.default("warn"),
          "owner.pattern": severity.default("error"),
          "owner.codeowners": severity.default("error"),
          "contract.security-review": severity.default("error"),
          "deprecation.timeline": severity.default("error"),
        })
        .prefault({}),
    })
    .prefault({}),
  // Renamed: a fork's old setting must not fall back to the default unnoticed.
  inputs: z.never({ error: 'moved to policy.rules["inputs.unbounded"] ("error", "warn" or "off")' }).optional(),
  /** Shared with `pnpm gen server`, which asks for an owner of this form. */
  generator: z
    .object({
      /** The form an owning team's name must have (CODEOWNERS handle without the `@`). */
      ownerPattern: regularExpression.default("^team-[a-z][a-z0-9]*(-[a-z0-9]+)*$"),
      /** How that form reads in an error message. */
      ownerForm: z.string().default("team-<kebab-case>, e.g. team-billing"),
    })
    .prefault({}),
});

export type Policy = z.output<typeof policySchema>;
export type DeprecationPolicy = Policy["deprecation"];
export type RuleId = keyof Policy["policy"]["rules"];
export type Severity = z.output<typeof severity>;

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
