export interface Stage {
  copies: string[];
  runs: string[];
  env: Record<string, string>;
}

/** The Dockerfile's stages by name: what each copies and runs, with its ARGs' defaults substituted. */
export function dockerfileStages(dockerfile: string): Map<string, Stage> {
  const args: Record<string, string> = {};
  const found = new Map<string, Stage>();
  let stage: Stage | undefined;
  for (const [, instruction, text] of dockerfile.matchAll(/^([A-Z]+) (.+)$/gm)) {
    const value = text!.replace(/\$\{(\w+)\}/g, (_, name: string) => args[name] ?? "");
    if (instruction === "ARG") {
      const [name, fallback = ""] = value.split("=");
      args[name!] = fallback;
    } else if (instruction === "FROM") {
      const [, from, name] = /^(\S+) AS (\S+)$/.exec(value)!;
      stage = { copies: [], runs: [], env: { ...found.get(from!)?.env } };
      found.set(name!, stage);
    } else if (instruction === "COPY") stage!.copies.push(value);
    else if (instruction === "RUN") stage!.runs.push(value);
    else if (instruction === "ENV") for (const pair of value.split(" ")) stage!.env[pair.split("=")[0]!] = pair.slice(pair.indexOf("=") + 1);
  }
  return found;
}
