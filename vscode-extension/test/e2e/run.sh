#!/usr/bin/env bash
# Real VS Code end to end: code-server 4.100.3 (= VS Code 1.100.3, from npm, cached in
# ~/.cache/portalis-vscode) + the built .vsix installed into a fresh extensions dir + headless
# Debian chromium driven by playwright-core (drive.js). Fails (never skips) when code-server or
# chromium is missing. Screenshots and logs: vscode-extension/test-artifacts/.
set -euo pipefail
EXT=$(cd "$(dirname "$0")/../.." && pwd)
REPO=$(cd "$EXT/.." && pwd)
SCENARIO=${SCENARIO:-trusted}  # or untrusted: Restricted Mode
ART=${ART:-$EXT/test-artifacts/$SCENARIO}
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
PY=${PORTALIS_PYTHON:-$REPO/.venv/bin/python}
[ -x "$CHROMIUM" ] || { echo "e2e: $CHROMIUM not found (apt-get install chromium; scripts/setup.sh does it)" >&2; exit 1; }
[ -x "$PY" ] || { echo "e2e: $PY not found (run scripts/setup.sh)" >&2; exit 1; }
VSIX=${VSIX:-$(ls -t "$EXT"/portalis-*.vsix 2>/dev/null | head -1)}
[ -n "$VSIX" ] || { echo "e2e: no vscode-extension/portalis-*.vsix (npm run package)" >&2; exit 1; }
CS_DIR=$("$EXT/scripts/install-code-server.sh")
CS=$CS_DIR/node_modules/.bin/code-server
rm -rf "$ART"; mkdir -p "$ART"
RUN=$(mktemp -d "${TMPDIR:-/tmp}/portalis-vscode-e2e-XXXX")
export XDG_CONFIG_HOME=$RUN/home/config XDG_DATA_HOME=$RUN/home/data XDG_STATE_HOME=$RUN/home/state
mkdir -p "$RUN/data/User" "$RUN/ext" "$RUN/ws"
cp "$EXT/test/e2e/workspace/"*.py "$RUN/ws/"
# discovery through python.defaultInterpreterPath (no Python extension in a fresh extensions dir)
cat > "$RUN/data/User/settings.json" <<JSON
{ "workbench.startupEditor": "none", "telemetry.telemetryLevel": "off", "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false, "update.mode": "none", "workbench.tips.enabled": false, "editor.hover.delay": 150,
  "workbench.enableExperiments": false, "editor.minimap.enabled": false, "window.restoreWindows": "none",
  "python.defaultInterpreterPath": "$PY", "security.workspace.trust.startupPrompt": "never" }
JSON
TRUST=--disable-workspace-trust
[ "$SCENARIO" = untrusted ] && TRUST=""  # the folder opens in Restricted Mode
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
t0=$(date +%s.%N)
echo "e2e: $("$CS" --version | head -1), $("$CHROMIUM" --version 2>/dev/null), $(basename "$VSIX")"
"$CS" --user-data-dir "$RUN/data" --extensions-dir "$RUN/ext" --install-extension "$VSIX" > "$ART/install.log" 2>&1
t1=$(date +%s.%N)
setsid "$CS" --auth none --bind-addr 127.0.0.1:$PORT --disable-telemetry --disable-update-check \
  $TRUST --disable-getting-started-override \
  --user-data-dir "$RUN/data" --extensions-dir "$RUN/ext" "$RUN/ws" > "$ART/code-server.log" 2>&1 &
CS_PID=$!
# its own process group: kill the whole tree (extension host, file watcher, the Portalis server)
cleanup() { kill -- -$CS_PID 2>/dev/null || true; wait $CS_PID 2>/dev/null || true; rm -rf "$RUN"; }
trap cleanup EXIT
for _ in $(seq 1 300); do curl -fs -o /dev/null http://127.0.0.1:$PORT/healthz && break; sleep 0.1; done
t2=$(date +%s.%N)
rc=0
SCENARIO=$SCENARIO CS_URL=http://127.0.0.1:$PORT FOLDER=$RUN/ws OUT=$ART PW_TMP=$RUN CHROMIUM=$CHROMIUM \
  NODE_PATH=$EXT/node_modules timeout 240 node "$EXT/test/e2e/drive.js" > "$ART/drive.log" 2>&1 || rc=$?
t3=$(date +%s.%N)
cat "$ART/drive.log"
# the extension's own measurement, from its log channel (Output > Portalis)
mkdir -p "$ART/logs"; cp -r "$RUN/data/logs/." "$ART/logs/" 2>/dev/null || true
LOG=$(grep -rl "first hover:" "$ART/logs" 2>/dev/null | head -1 || true)
[ -n "$LOG" ] && grep -h -E "starting |server started|first hover:" "$LOG" | sed 's/^/e2e: extension log: /'
python3 - "$t0" "$t1" "$t2" "$t3" <<'PY'
import sys; t0, t1, t2, t3 = map(float, sys.argv[1:])
print(f"e2e: install-extension {t1-t0:.1f}s, code-server ready {t2-t1:.1f}s, browser scenario {t3-t2:.1f}s, total {t3-t0:.1f}s")
PY
exit $rc
