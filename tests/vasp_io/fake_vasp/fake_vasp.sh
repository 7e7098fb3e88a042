#!/usr/bin/env bash
# Stand-in for the licensed VASP executable in tests: checks the job folder the way VASP does at
# start-up, then replays REAL outputs from the corpus (tests/data/vasp-corpus) into it.
#
#   FAKE_VASP_CORPUS  the corpus folder
#   FAKE_VASP_PLAN    plan file, one line per job:
#       <folder suffix> <success case> [<failure stdout log> <TAG=value that cures it>]
#     The failure log (a real VASP stdout with an error) is replayed as long as the INCAR does not
#     contain the cure; once a repair has set it, the success case's OUTCAR/OSZICAR/vasprun.xml/
#     CONTCAR are copied in.
#   FAKE_VASP_SLEEP   seconds to "compute" before writing the outputs (default 1)
#   FAKE_VASP_LOG     if set, one line per start is appended to it (for counting attempts)
set -u
corpus=${FAKE_VASP_CORPUS:?FAKE_VASP_CORPUS not set}
plan=${FAKE_VASP_PLAN:?FAKE_VASP_PLAN not set}

die() { echo " VASP stand-in: $*"; exit 1; }

[ -s INCAR ] || die "INCAR not found"
[ -s POSCAR ] || die "POSCAR not found"
[ -s POTCAR ] || die "POTCAR not found"
if [ ! -s KPOINTS ] && ! grep -qiE '^[[:space:]]*KSPACING[[:space:]]*=' INCAR; then
  die "KPOINTS not found and no KSPACING"
fi
# VASP 5 POSCAR: line 6 lists the species, one POTCAR dataset each, in the same order.
species=$(sed -n 6p POSCAR | xargs)
titels=$(grep -E '^[[:space:]]*TITEL' POTCAR | awk '{print $4}' | sed 's/_.*//' | xargs)
[ "$species" = "$titels" ] || die "POTCAR ($titels) does not match POSCAR species ($species)"

here=$(pwd)
line=""
while read -r suffix rest; do
  case "$suffix" in ''|'#'*) continue ;; esac
  case "$here" in *"/$suffix") line="$suffix $rest"; break ;; esac
done <"$plan"
[ -n "$line" ] || die "no plan line for $here"
read -r _ success failure cure <<<"$line"
[ -n "${FAKE_VASP_LOG:-}" ] && echo "$here ${success} ${failure:-} $(date +%s)" >>"$FAKE_VASP_LOG"

echo " running on    1 total cores (facetweld test stand-in replaying $success)"
sleep "${FAKE_VASP_SLEEP:-1}"

if [ -n "${failure:-}" ]; then
  tag=${cure%%=*}
  value=${cure#*=}
  if ! grep -qiE "^[[:space:]]*${tag}[[:space:]]*=[[:space:]]*${value}([[:space:]#!;]|$)" INCAR; then
    cat "$corpus/$failure"
    exit 1
  fi
fi

for f in OUTCAR OSZICAR vasprun.xml CONTCAR; do
  [ -f "$corpus/$success/$f" ] && cp "$corpus/$success/$f" "$f"
done
[ -f OUTCAR ] || die "corpus case $success has no OUTCAR"
echo " reached required accuracy - stopping structural energy minimisation"
exit 0
