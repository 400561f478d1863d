/**
 * DNS-rebinding protection for /mcp: a page on evil.example that resolves to 127.0.0.1 still sends
 * `Host: evil.example` and its own `Origin`, so both are checked against allow-lists.
 */
export function hostAllowed(hostHeader: string | undefined, allowed: readonly string[] | undefined): boolean {
  if (allowed === undefined) return true;
  if (!hostHeader) return false;
  const host = hostHeader.toLowerCase();
  // A name matches on any port; a `name:port` entry (as the SDK's allowedHosts take them) on that port only.
  return allowed.includes(hostname(host)) || allowed.includes(host);
}

export function originAllowed(origin: string | undefined, allowed: readonly string[] | undefined): boolean {
  if (origin === undefined || allowed === undefined) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  const normalized = origin.toLowerCase();
  return allowed.includes(normalized) || allowed.includes(`${url.protocol}//${url.hostname}`);
}

function hostname(host: string): string {
  if (host.startsWith("[")) return host.slice(0, host.indexOf("]") + 1);
  const colon = host.lastIndexOf(":");
  return colon === -1 ? host : host.slice(0, colon);
}
