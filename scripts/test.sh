#!/usr/bin/env bash
# The test command: the whole suite (real rustc, real wasmtime, CPython as the oracle).
# pytest's exit code 5 (no tests collected) is a failure here, never a pass.
set -uo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
.venv/bin/python -m pytest -n "${PORTALIS_TEST_JOBS:-2}" -q "$@" tests
rc=$?
if [ "$rc" = 5 ]; then
  echo "scripts/test.sh: pytest collected no tests; failing" >&2
  exit 1
fi
exit "$rc"
