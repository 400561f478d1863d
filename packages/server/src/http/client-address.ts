import type { IncomingMessage } from "node:http";
import { BlockList, isIP } from "node:net";

/** Who sent a request, as far as the server can tell: an IP address. */
export type ClientAddressOf = (req: IncomingMessage) => string | undefined;

/**
 * Why an `MCP_TRUSTED_PROXIES` entry can match no connection, if it cannot: a proxy is known by the
 * address its connections come from, so only an IP address or a CIDR range will do.
 */
export function trustedProxyProblem(entry: string): string | undefined {
  const [address = "", prefix, extra] = entry.split("/");
  const family = isIP(address);
  if (family === 0 || extra !== undefined) {
    return `has "${entry}", which is not an IP address or CIDR range (as in 10.0.0.0/8 or fd00::/8): a proxy is trusted by the address its connections come from`;
  }
  const bits = family === 4 ? 32 : 128;
  if (prefix !== undefined && !(/^\d{1,3}$/.test(prefix) && Number(prefix) <= bits)) {
    return `has "${entry}": the prefix length of an IPv${family} range is 0 to ${bits}`;
  }
  return undefined;
}

/**
 * The client's address. Behind proxies listed in `MCP_TRUSTED_PROXIES` (an ingress, a load
 * balancer), it is the nearest address in `X-Forwarded-For` that no trusted proxy added; without
 * that list, the socket's peer, and `X-Forwarded-For`, which any client can write, is ignored.
 * Per-address limits (failed authentications) and span attributes use it.
 */
export function clientAddressOf(trustedProxies: string[]): ClientAddressOf {
  if (trustedProxies.length === 0) return (req) => unmapped(req.socket.remoteAddress);
  const trusted = new BlockList();
  for (const entry of trustedProxies) {
    const [address, prefix] = entry.split("/") as [string, string | undefined];
    const type = isIP(address) === 4 ? "ipv4" : "ipv6";
    if (prefix === undefined) trusted.addAddress(address, type);
    else trusted.addSubnet(address, Number(prefix), type);
  }
  const isTrusted = (address: string) => trusted.check(address, isIP(address) === 4 ? "ipv4" : "ipv6");
  return (req) => {
    let address = unmapped(req.socket.remoteAddress);
    const hops = forwardedFor(req.headers["x-forwarded-for"]);
    while (address && isTrusted(address) && hops.length > 0) {
      const hop = hops.pop()!;
      // A hop that is no address was written by no proxy we know: the last trusted one is all we have.
      if (isIP(hop) === 0) break;
      address = unmapped(hop);
    }
    return address;
  };
}

/** The hops of `X-Forwarded-For`, client first; ports (`1.2.3.4:5678`, `[::1]:80`) are dropped. */
function forwardedFor(header: string | string[] | undefined): string[] {
  if (header === undefined) return [];
  return (Array.isArray(header) ? header.join(",") : header)
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean)
    .map((hop) => (hop.startsWith("[") ? hop.slice(1, hop.indexOf("]")) : /^[\d.]+:\d+$/.test(hop) ? hop.slice(0, hop.indexOf(":")) : hop));
}

/** `::ffff:10.0.0.7`, as a dual-stack socket reports an IPv4 peer, is `10.0.0.7`. */
function unmapped(address: string | undefined): string | undefined {
  return address?.startsWith("::ffff:") && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}
