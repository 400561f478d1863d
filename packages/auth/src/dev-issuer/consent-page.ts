import type { ClientMetadata } from "./client-metadata.js";
import type { Grant } from "./authorization-codes.js";

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The page a person approves a client on: who asks, for which server, with which scopes. */
export function consentPage(client: ClientMetadata, grant: Grant, consentId: string): string {
  const scopes = grant.scopes.length > 0 ? grant.scopes.map((scope) => `<li><code>${escape(scope)}</code></li>`).join("") : "<li>none asked for</li>";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sign in: ${escape(client.name)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:16px system-ui,sans-serif;max-width:34rem;margin:3rem auto;padding:0 1rem}code{background:#eee;padding:0 .2rem}
button{font:inherit;padding:.4rem 1.2rem;margin-right:.5rem}input{font:inherit}</style></head>
<body><h1>Allow ${escape(client.name)}?</h1>
<p>The local dev issuer signs you in. <strong>${escape(client.name)}</strong> (<code>${escape(client.clientId)}</code>) asks for access to
<code>${escape(grant.resource)}</code> with these scopes:</p><ul>${scopes}</ul>
<form method="post" action="/authorize">
<input type="hidden" name="consent" value="${escape(consentId)}">
<p><label>Signed in as <input name="subject" value="dev-user" maxlength="100" required></label></p>
<button type="submit" name="decision" value="allow">Allow</button>
<button type="submit" name="decision" value="deny">Deny</button>
</form></body></html>`;
}
