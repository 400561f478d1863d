import { loadPolicy } from "@mcp-platform/contract";

export interface GeneratorConfig {
  owner: RegExp;
  ownerForm: string;
}

/** The `generator` section of the root `mcp-platform.config.json`, read (and checked) with the fleet's policy. */
export async function loadGeneratorConfig(root: string): Promise<GeneratorConfig> {
  const { generator } = await loadPolicy(root);
  return { owner: new RegExp(generator.ownerPattern), ownerForm: generator.ownerForm };
}
