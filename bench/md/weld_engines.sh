#!/usr/bin/env bash
# The same welding study with the native engine and with LAMMPS (--engine lammps), and the
# per-angle statistics side by side: do the two engines agree within the seed spread?
# Usage: bench/md/weld_engines.sh FACETS OUT_DIR [extra facetweld weld options]
# Default study: side by side on graphene, angles 0,40,80, 3 seeds, 2 ps (docs/weld.md).
set -euo pipefail
facets=${1:?facets.json}
out=${2:?output folder}
shift 2
mkdir -p "$out"
fw=${FACETWELD:-$(dirname "$0")/../../build/tools/facetweld}
args=(--facets "$facets" --mode side --substrate graphene --angles 0,40,80 --seeds 3
      --time-ps 2 "$@")
for engine in native lammps; do
  start=$(date +%s)
  "$fw" weld "${args[@]}" --engine "$engine" -o "$out/$engine" > "$out/$engine.log" 2>&1 ||
    { tail -3 "$out/$engine.log"; exit 1; }
  echo "$engine: $(( $(date +%s) - start )) s wall"
done
python3 - "$out" <<'PY'
import json, math, sys
out = sys.argv[1]
study = {e: json.load(open(f"{out}/{e}/weld.json")) for e in ("native", "lammps")}
rows = {e: {s["angle_deg"]: s for s in study[e]["summary"]} for e in study}
print("| θ₀ (deg) | native net (eV) | lammps net (eV) | |Δ| / (2 s.e.) | native end-of-MD angle | "
      "lammps end-of-MD angle | native after quench | lammps after quench |")
print("|---|---|---|---|---|---|---|---|")
worst = 0.0
for a in sorted(rows["native"]):
    n, l = rows["native"][a], rows["lammps"][a]
    se = math.sqrt(n["energy_release_eV_std"]**2 / n["n_seeds"] +
                   l["energy_release_eV_std"]**2 / l["n_seeds"])
    ratio = abs(n["energy_release_eV_mean"] - l["energy_release_eV_mean"]) / (2 * se) if se else 0
    worst = max(worst, ratio)
    f = lambda s, k: f'{s[k + "_mean"]:.1f} ± {s[k + "_std"]:.1f}'
    print(f"| {a:g} | {f(n, 'energy_release_eV')} | {f(l, 'energy_release_eV')} | {ratio:.2f} | "
          f"{f(n, 'angle_end_of_dynamics_deg')} | {f(l, 'angle_end_of_dynamics_deg')} | "
          f"{f(n, 'angle_after_quench_deg')} | {f(l, 'angle_after_quench_deg')} |")
c = {e: [x["energy_release_eV"] for x in study[e]["controls"]] for e in study}
print("controls (eV): native", " / ".join(f"{x:.2f}" for x in c["native"]),
      "; lammps", " / ".join(f"{x:.2f}" for x in c["lammps"]))
print("agree within the spread (|Δmean| < 2 standard errors at every angle):",
      "yes" if worst < 1 else "no")
PY
