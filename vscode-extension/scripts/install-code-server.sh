#!/usr/bin/env bash
# Installs code-server 4.100.3 (= VS Code 1.100.3, the last line on Node 20) from npm into a cache dir
# shared between runs (default ~/.cache/portalis-vscode/code-server-4.100.3), offline-safe:
# @vscode/ripgrep's GitHub download is seeded with Debian's rg, node-pty's `npx node-gyp` gets yes=true,
# postinstall.sh gets --unsafe-perm (root). Prints the install dir. Idempotent: a finished install is reused.
set -euo pipefail
VER=4.100.3
CACHE=${PORTALIS_VSCODE_CACHE:-$HOME/.cache/portalis-vscode}
DIR=$CACHE/code-server-$VER
if [ -x "$DIR/node_modules/.bin/code-server" ] && [ -f "$DIR/.complete" ]; then
  echo "$DIR"; exit 0
fi
command -v rg >/dev/null || { echo "install-code-server: ripgrep (apt install ripgrep) is required" >&2; exit 1; }
rm -rf "$DIR"; mkdir -p "$DIR" "$CACHE/tmp/vscode-ripgrep-cache-1.15.11" "$CACHE/rgseed"
cp "$(command -v rg)" "$CACHE/rgseed/rg"
tar czf "$CACHE/tmp/vscode-ripgrep-cache-1.15.11/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$CACHE/rgseed" rg
cd "$DIR"
echo '{"private":true}' > package.json
if ! TMPDIR=$CACHE/tmp npm_config_yes=true npm_config_nodedir=/usr npm install --no-audit --no-fund --unsafe-perm \
    --foreground-scripts "code-server@$VER" > "$CACHE/install.log" 2>&1; then
  echo "install-code-server: npm install code-server@$VER failed; see $CACHE/install.log:" >&2
  tail -30 "$CACHE/install.log" >&2
  exit 1
fi
"$DIR/node_modules/.bin/code-server" --version >/dev/null
touch "$DIR/.complete"
echo "$DIR"
