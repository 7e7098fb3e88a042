#!/usr/bin/env bash
# Reads a ctest log (file argument or stdin) and fails when a test was skipped: a ctest skip (a
# GTEST_SKIP, exit code 77, a SKIP_REGULAR_EXPRESSION match) or a pytest skip inside a pytest entry
# (tests/run_pytest.py prints one FACETWELD_PYTEST_SKIPPED line per skip and fails the entry). In CI
# every test must run, none may be skipped for a missing file or package.
# Usage: tools/check_no_skips.sh ctest.log
set -euo pipefail
log=${1:-/dev/stdin}
skipped=$(grep -E '\*\*\*Skipped|\(Skipped\)|FACETWELD_PYTEST_SKIPPED: ' "$log" |
  sed -E 's/^[[:space:]]+//' | sort -u || true)
if [ -n "$skipped" ]; then
  echo "check_no_skips: FAILED: these tests were skipped (every test must run):" >&2
  echo "$skipped" >&2
  exit 1
fi
echo "check_no_skips: no test skipped"
