#!/usr/bin/env python3
"""Scaling of `facetweld scf` over MPI ranks and OpenMP threads on one machine (issue 10).

Runs each layout — 1 rank x 1 thread, 1 rank x 2 threads, 2 ranks x 1 thread (`mpirun -np 2
--bind-to none`) — `--repeat` times, round robin (so load changes on a shared machine hit every
layout alike), and prints per layout the fastest wall time, the CPU time (user + system of the
run and its children) of that run, the SCF steps and the free energy beside the 1x1 one.
  bulk:  fcc Au a = 4.08 A, Au.psp8 with PBE forced, ecut 30 Ha, 12x12x12 Γ-centred, FD 0.01 Ha,
         14 bands, toldfe 1e-8 Ha: bench_vs_abinit.py's settings (72 irreducible k-points: the
         threads and ranks share the k-points).
  gamma: Au4 (the 4 atoms of the fcc cube, 4.08 A) in a 12 A cubic box, Γ only, ecut 8 Ha,
         FD 0.01 Ha, default bands (46), toldfe 1e-8 Ha: one k-point, so the threads split its bands
         and the ranks split its bands (H application, density) — the cut crystal's situation.
On a loaded machine the wall time of the faster layout depends on the load; CPU time says what the
parallel layout costs in work.

  /usr/bin/python3 bench/dft/scaling.py --system gamma --repeat 2 --json gamma.json
"""
import argparse
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench_vs_abinit as bench  # noqa: E402

LAYOUTS = [("1x1", 1, 1), ("1x2", 1, 2), ("2x1", 2, 1)]


def write_gamma_cell(path, box_A=12.0):
    a = bench.A_ANGSTROM
    c = box_A / 2 - a / 4
    with open(path, "w") as f:
        f.write("Au4 (fcc cube corner + faces) in a %.1f A box\n1.0\n" % box_A)
        f.write("%.6f 0 0\n0 %.6f 0\n0 0 %.6f\nAu\n4\nCartesian\n" % (box_A, box_A, box_A))
        for p in [(0, 0, 0), (0, .5, .5), (.5, 0, .5), (.5, .5, 0)]:
            f.write(" ".join("%.6f" % (c + a * x) for x in p) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--system", choices=["bulk", "gamma"], default="gamma")
    ap.add_argument("--repeat", type=int, default=2, help="runs of each layout (fastest is reported)")
    ap.add_argument("--facetweld", help="path of the facetweld executable")
    ap.add_argument("--json", help="write the table here")
    args = ap.parse_args()
    facetweld = bench.find_facetweld(args.facetweld)
    if not facetweld:
        print("scaling: no facetweld executable found (build it, or give --facetweld)", file=sys.stderr)
        return 2
    work = tempfile.mkdtemp(prefix="fw_scaling_")
    poscar = os.path.join(work, "au.vasp")
    if args.system == "bulk":
        bench.write_poscar(poscar)
        options = ["--ecut", "30Ha", "--kpts", "12x12x12", "--nbands", "14"]
    else:
        write_gamma_cell(poscar)
        options = ["--ecut", "8Ha", "--kpts", "1x1x1"]
    scf = [facetweld, "scf", "--structure", poscar, "--psp", bench.PSP_DIR + bench.PSP_FILE, "--xc", "pbe",
           "--smearing", "fermi-dirac:0.01Ha", "--toldfe", "1e-8", "--no-forces"] + options
    runs = {name: [] for name, _, _ in LAYOUTS}
    for r in range(args.repeat):
        for name, ranks, threads in LAYOUTS:
            out = os.path.join(work, "%s_%d.json" % (name, r))
            cmd = scf + ["--threads", str(threads), "--json", out]
            if ranks > 1:
                cmd = ["mpirun", "--allow-run-as-root", "--oversubscribe", "--bind-to", "none",
                       "-np", str(ranks)] + cmd
            rc, wall, cpu = bench.run_timed(cmd, work, os.path.join(work, "%s_%d.log" % (name, r)))
            if rc != 0:
                print("scaling: %s failed (exit %d), log in %s" % (name, rc, work), file=sys.stderr)
                return 1
            with open(out) as f:
                result = json.load(f)
            runs[name].append({"wall_s": wall, "cpu_s": cpu, "scf_iterations": result["scf_iterations"],
                               "free_energy_Ha": result["free_energy_Ha"],
                               "threads_per_kpoint": result.get("threads_per_kpoint")})
            print("  %s run %d: wall %.1f s, CPU %.1f s, %d steps" % (name, r + 1, wall, cpu,
                                                                      result["scf_iterations"]), flush=True)
    reference = runs["1x1"][0]["free_energy_Ha"]
    fastest_1x1 = min(x["wall_s"] for x in runs["1x1"])
    table = []
    print("\n%s: layout (ranks x threads), fastest of %d" % (args.system, args.repeat))
    print("| layout | wall s (fastest) | CPU s of that run | speed-up vs 1x1 | SCF steps | "
          "free energy (Ha) | ΔF vs 1x1 (Ha) |")
    print("|---|---|---|---|---|---|---|")
    for name, _, _ in LAYOUTS:
        best = min(runs[name], key=lambda x: x["wall_s"])
        delta = max(abs(x["free_energy_Ha"] - reference) for x in runs[name])
        row = dict(best, layout=name, speedup=fastest_1x1 / best["wall_s"], max_delta_F_Ha=delta,
                   runs=runs[name])
        table.append(row)
        print("| %s | %.1f | %.1f | %.2f | %d | %.10f | %.1e |" % (
            name, best["wall_s"], best["cpu_s"], row["speedup"], best["scf_iterations"],
            best["free_energy_Ha"], delta))
    if args.json:
        tmp = args.json + ".tmp"
        with open(tmp, "w") as f:
            json.dump({"system": args.system, "command": scf, "layouts": table}, f, indent=1)
        os.replace(tmp, args.json)
        print("wrote %s" % args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
