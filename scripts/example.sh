#!/usr/bin/env bash
# The main job: set up, then translate + build + run the example and check it against CPython.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh >/dev/null
echo "== portalis translate examples/bank.py"
.venv/bin/portalis translate examples/bank.py --out rust/bank --force
echo "== portalis run examples/bank.py"
.venv/bin/portalis run examples/bank.py || echo "(exit code $?)"
echo "== portalis check examples/bank.py"
.venv/bin/portalis check examples/bank.py
