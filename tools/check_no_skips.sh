#!/usr/bin/env bash
# Reads a ctest log (file argument or stdin) and fails when ctest reports a skipped test (a
# GTEST_SKIP or exit code 77): in CI every test must run, none may be skipped for a missing file
# or package. Usage: tools/check_no_skips.sh ctest.log
set -euo pipefail
log=${1:-/dev/stdin}
skipped=$(grep -E '\*\*\*Skipped|\(Skipped\)' "$log" | sed -E 's/^[[:space:]]+//' | sort -u || true)
if [ -n "$skipped" ]; then
  echo "check_no_skips: FAILED: ctest skipped these tests (every test must run):" >&2
  echo "$skipped" >&2
  exit 1
fi
echo "check_no_skips: no test skipped"
