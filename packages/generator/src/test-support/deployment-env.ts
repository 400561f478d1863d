import { parse } from "yaml";

interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: { key: string }; fieldRef?: { fieldPath: string } };
}

/**
 * The server container's variables in deploy/kubernetes/deployment.yaml as Kubernetes sets them:
 * secrets and pod fields taken from `from` by key or field path, `$(NAME)` expanded from earlier ones.
 */
export function deploymentEnv(deploymentYaml: string, from: Record<string, string>): Record<string, string> {
  const deployment = parse(deploymentYaml) as { spec: { template: { spec: { containers: { env: EnvVar[] }[] } } } };
  const env: Record<string, string> = {};
  for (const { name, value, valueFrom } of deployment.spec.template.spec.containers[0]!.env) {
    const resolved = value ?? from[valueFrom?.secretKeyRef?.key ?? valueFrom?.fieldRef?.fieldPath ?? ""];
    if (resolved !== undefined) env[name] = resolved.replace(/\$\((\w+)\)/g, (reference, variable: string) => env[variable] ?? reference);
  }
  return env;
}
