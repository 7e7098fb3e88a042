#!/usr/bin/env bash
# Builds the libFuzzer targets of the VASP parsers with clang and runs each for a short time,
# seeded with the real files of tests/data/vasp-corpus (cut to 64 KiB). Exit code != 0 on a finding.
#   bench/vasp_io/run_fuzz.sh [SECONDS_PER_TARGET=20]
set -euo pipefail
seconds="${1:-20}"
repo="$(cd "$(dirname "$0")/../.." && pwd)"
build="${FACETWELD_FUZZ_BUILD:-$repo/build-fuzz}"
corpus="$repo/tests/data/vasp-corpus"

CC=clang CXX=clang++ cmake -S "$repo" -B "$build" -DFACETWELD_FUZZ=ON -DFACETWELD_BUILD_BENCH=OFF \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo > "$build.configure.log"
cmake --build "$build" -j2 --target fuzz_outcar fuzz_oszicar fuzz_vasprun fuzz_text_outputs

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
seed() {  # seed TARGET GLOB...
  local dir="$work/seeds_$1"; shift
  mkdir -p "$dir"
  if [ -d "$corpus" ]; then
    for f in "$@"; do
      [ -f "$f" ] || continue
      case "$f" in
        *.gz) zcat "$f" | head -c 65536 > "$dir/$(echo "$f" | tr '/' '_')" ;;
        *) head -c 65536 "$f" > "$dir/$(echo "$f" | tr '/' '_')" ;;
      esac
    done
  fi
  echo "$dir"
}
outcar_seeds="$(seed outcar "$corpus"/*/OUTCAR)"
oszicar_seeds="$(seed oszicar "$corpus"/*/OSZICAR)"
vasprun_seeds="$(seed vasprun "$corpus"/*/vasprun.xml "$corpus"/*/vasprun.xml.gz)"
text_outputs_seeds="$(seed text_outputs "$corpus"/*/EIGENVAL "$corpus"/*/DOSCAR "$repo"/tests/data/vasp-extra/*/XDATCAR \
  "$repo"/tests/data/vasp/volumetric/CHG*)"

status=0
for target in outcar oszicar vasprun text_outputs; do
  seeds_var="${target}_seeds"
  echo "fuzz_$target: ${seconds} s"
  mkdir -p "$work/found_$target"
  if ! "$build/vasp_io/fuzz/fuzz_$target" -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 \
      -print_final_stats=1 -artifact_prefix="$build/fuzz_${target}_" \
      "$work/found_$target" "${!seeds_var}" 2> "$build/fuzz_$target.log"; then
    echo "fuzz_$target: FINDING, see $build/fuzz_$target.log and $build/fuzz_${target}_*"
    tail -40 "$build/fuzz_$target.log"
    status=1
  else
    grep -E "stat::number_of_executed_units|cov:" "$build/fuzz_$target.log" | tail -2
  fi
done
exit $status
