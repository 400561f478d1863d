/**
 * Allow-list entries that could never match: a browser's `Origin` is always `scheme://host[:port]`
 * and a `Host` header never carries a scheme or a path. Left alone, such an entry fails closed with a
 * 403 on every request and no hint why, so configuration refuses it and says what was meant.
 */
export function originEntryProblem(entry: string): string | undefined {
  if (entry === "*") return undefined;
  if (entry.includes("*")) return wildcard(entry);
  const url = parse(entry);
  if (!url || !entry.includes("://")) {
    return `has "${entry}", which is not an origin: browsers send the scheme too, as in "https://${hostPart(entry)}"`;
  }
  if (url.origin !== "null" && url.origin !== entry.toLowerCase()) {
    return `has "${entry}", which is not an origin (scheme://host[:port], no path or trailing slash): use "${url.origin}"`;
  }
  return undefined;
}

export function hostEntryProblem(entry: string): string | undefined {
  if (entry === "*") return undefined;
  if (entry.includes("*")) return wildcard(entry);
  const asUrl = entry.includes("://") ? parse(entry) : undefined;
  if (asUrl) return `has "${entry}", which is a URL, not a Host header name: use "${asUrl.host}"`;
  if (!entry.startsWith("[") && entry.split(":").length > 2) {
    return `has "${entry}", which is not a Host header name: an IPv6 address arrives in brackets, as in "[${entry}]"`;
  }
  if (!parse(`http://${entry}`) || /[/?#@\s]/.test(entry)) {
    const meant = hostPart(entry);
    return `has "${entry}", which is not a Host header name (name or name:port, no scheme or path)${meant && meant !== entry ? `: use "${meant}"` : ""}`;
  }
  return undefined;
}

function wildcard(entry: string): string {
  return `has "${entry}": a wildcard matches nothing here (only a lone "*", which turns the check off); list each name`;
}

function parse(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

/** The `host[:port]` a mistyped entry most likely meant. */
function hostPart(entry: string): string {
  return entry.replace(/^[a-z][a-z0-9+.-]*:\/\//i, "").split(/[/?#]/)[0]!;
}
