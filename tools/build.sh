#!/usr/bin/env bash
# Configures and builds facetweld (Release, warnings as errors) into build/.
# Usage: tools/build.sh [extra cmake -D options]
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DFACETWELD_WERROR=ON "$@"
cmake --build build -j "$(nproc)"
