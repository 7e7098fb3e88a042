#!/usr/bin/env bash
# The main job of README.md: installs what is missing, builds, runs `facetweld run` on the
# built-in Au defaults. Extra arguments go to `facetweld run`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
bash tools/build.sh
build/tools/facetweld run "$@"
