#!/usr/bin/python3
"""Our `facetweld scf` against ABINIT 9.6 on the same inputs, in one go: bulk fcc Au and the
5-layer Au(111) slab.

Both codes get the same Hamiltonian: Au.psp8 (PseudoDojo, LDA-generated) with PBE forced
(libxc GGA_X_PBE + GGA_C_PBE = ABINIT ixc -101130), a = 4.08 Å, ecut, Γ-centred Monkhorst–Pack
mesh, Fermi–Dirac 0.01 Ha, the same band count, toldfe 1e-8 Ha.
  bulk:    primitive cell, NxNxN mesh (default 12), 14 bands
  slab111: `facetweld slab --facet 111 --layers 5 --vacuum 10` (5 atoms), Nx Nx1 mesh (default 6),
           57 bands (facetweld's automatic count for 95 electrons)
Both use the cores with their best settings: ABINIT `mpirun -np N` (its MPI build parallelises
over k-points); ours `--threads N` (OpenMP over k-points) or, with --ours-mpi, `mpirun -np N
--threads 1`. Runs happen back to back, never together.

Prints per system both wall times, free energies per atom, the difference in meV/atom, SCF step
counts, irreducible k-point counts and the time ratio (ours / ABINIT). Exit code 0 when all ran,
1 when an energy difference exceeds --max-diff-meV (default 0.1 meV/atom, issue 10's bar),
2 on setup errors (facetweld scf not built, abinit missing).

  /usr/bin/python3 bench/dft/bench_vs_abinit.py                       # bulk 12³ and slab 6x6x1
  /usr/bin/python3 bench/dft/bench_vs_abinit.py --system bulk --kpts 8 --json out.json
  FACETWELD=/path/to/facetweld /usr/bin/python3 bench/dft/bench_vs_abinit.py --system slab111
"""

import argparse
import glob
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(HERE, "abinit"))
import abinit_ref  # noqa: E402  (the ABINIT output parser next to the reference inputs)

HA_TO_EV = abinit_ref.HA_TO_EV
PSP_DIR = "/usr/share/abinit/psp/Pseudodojo_nc_sr_04_pw_standard_psp8/"
PSP_FILE = "Au.psp8"
A_ANGSTROM = 4.08


def find_facetweld(explicit):
    """The facetweld executable: --facetweld, $FACETWELD, else the newest build*/tools/facetweld."""
    candidates = [explicit, os.environ.get("FACETWELD")]
    found = sorted(glob.glob(os.path.join(REPO, "build*", "tools", "facetweld")), key=os.path.getmtime,
                   reverse=True)
    for path in candidates + found:
        if path and os.path.isfile(path) and os.access(path, os.X_OK):
            return os.path.abspath(path)
    return None


def blas_coretype(facetweld):
    """The OpenBLAS kernel set facetweld ends up with (its last 'Core: X' under OPENBLAS_VERBOSE)."""
    probe = subprocess.run([facetweld, "--version"], capture_output=True, text=True,
                           env=dict(os.environ, OPENBLAS_VERBOSE="2"))
    cores = [l.split(":", 1)[1].strip() for l in (probe.stdout + probe.stderr).splitlines()
             if l.startswith("Core:")]
    return cores[-1] if cores else ""


def has_scf_command(facetweld):
    probe = subprocess.run([facetweld, "scf", "--help"], capture_output=True, text=True)
    return probe.returncode == 0 and "--psp" in probe.stdout


def write_poscar(path):
    half = A_ANGSTROM / 2.0
    with open(path, "w") as f:
        f.write("fcc Au primitive cell, a = %.4f A\n1.0\n" % A_ANGSTROM)
        f.write("  0.0 %.10f %.10f\n  %.10f 0.0 %.10f\n  %.10f %.10f 0.0\n" % (half, half, half, half, half, half))
        f.write("Au\n1\nDirect\n0.0 0.0 0.0\n")


def read_poscar(path):
    """(cell rows in Å, fractional positions) of a one-species VASP 5 POSCAR."""
    with open(path) as f:
        lines = [l.split() for l in f.read().splitlines()]
    scale = float(lines[1][0])
    cell = [[scale * float(x) for x in lines[i][:3]] for i in (2, 3, 4)]
    count = sum(int(x) for x in lines[6])
    mode = lines[7][0].lower()
    coords = [[float(x) for x in lines[8 + i][:3]] for i in range(count)]
    if mode.startswith("c") or mode.startswith("k"):
        # Cartesian (scaled): fractional = r · cell⁻¹
        inv = inverse3(cell)
        coords = [[sum(scale * r[i] * inv[i][j] for i in range(3)) for j in range(3)] for r in coords]
    return cell, coords


def inverse3(m):
    """Inverse of a 3x3 matrix (rows), by cofactors."""
    (a, b, c), (d, e, f), (g, h, i) = m
    det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g)
    return [[(e * i - f * h) / det, (c * h - b * i) / det, (b * f - c * e) / det],
            [(f * g - d * i) / det, (a * i - c * g) / det, (c * d - a * f) / det],
            [(d * h - e * g) / det, (b * g - a * h) / det, (a * e - b * d) / det]]


def write_abinit_input(path, poscar, ecut_ha, mesh, nbands):
    cell, frac = read_poscar(poscar)
    with open(path, "w") as f:
        f.write("""# bench_vs_abinit: Au.psp8 forced to PBE (same input as facetweld scf)
pp_dirpath "%s"
pseudos "%s"
ixc -101130
ntypat 1  znucl 79  natom %d  typat %d*1
acell 3*1.0 Angstrom
rprim %s
xred %s
ecut %g
nband %d
occopt 3  tsmear 0.01
kptopt 1  ngkpt %d %d %d  nshiftk 1  shiftk 0 0 0
toldfe 1.0d-8
nstep 80
prtwf 0  prtden 0  prteig 0
""" % (PSP_DIR, PSP_FILE, len(frac), len(frac),
       "\n      ".join(" ".join("%.12f" % x for x in row) for row in cell),
       "\n      ".join(" ".join("%.12f" % x for x in row) for row in frac),
       ecut_ha, nbands, mesh[0], mesh[1], mesh[2]))


def run_timed(cmd, cwd, log_path, env=None):
    """(exit code, wall s, CPU s of the command and its children: user + system)."""
    start = time.monotonic()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with open(log_path, "w") as log:
        proc = subprocess.run(cmd, cwd=cwd, stdout=log, stderr=subprocess.STDOUT, env=env)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return proc.returncode, time.monotonic() - start, cpu


def tail(path, n=15):
    with open(path) as f:
        return "".join(f.readlines()[-n:])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ecut", type=float, default=30.0, help="plane-wave cut-off, Ha (default 30)")
    ap.add_argument("--system", choices=["bulk", "slab111", "both"], default="both",
                    help="bulk fcc Au, the 5-layer (111) slab, or both (default)")
    ap.add_argument("--kpts", type=int, default=12, help="bulk: Γ-centred NxNxN mesh (default 12)")
    ap.add_argument("--slab-kpts", type=int, default=6, help="slab: Γ-centred NxNx1 mesh (default 6)")
    ap.add_argument("--cores", type=int, default=2, help="MPI ranks for ABINIT, threads (or ranks) for ours")
    ap.add_argument("--ours-mpi", action="store_true",
                    help="run ours as mpirun -np CORES --threads 1 instead of --threads CORES")
    ap.add_argument("--facetweld", help="path of the facetweld executable")
    ap.add_argument("--abinit-coretype", default="auto",
                    help="OPENBLAS_CORETYPE for ABINIT when unset: 'auto' (default) gives it the "
                         "kernels facetweld runs with, '' none")
    ap.add_argument("--max-diff-meV", type=float, default=0.1, help="fail above this |ΔE| per atom")
    ap.add_argument("--workdir", help="keep the runs here (default: a temporary folder)")
    ap.add_argument("--json", help="write the comparison as JSON")
    args = ap.parse_args()

    facetweld = find_facetweld(args.facetweld)
    if facetweld is None:
        print("bench_vs_abinit: no facetweld executable found (build it: cmake --build build-<x> "
              "--target facetweld, or pass --facetweld / set FACETWELD)", file=sys.stderr)
        return 2
    if not has_scf_command(facetweld):
        print("bench_vs_abinit: %s has no working `scf` subcommand yet (dft/ not built into it)" % facetweld,
              file=sys.stderr)
        return 2
    if shutil.which("abinit") is None or shutil.which("mpirun") is None:
        print("bench_vs_abinit: abinit/mpirun not found; install Debian's abinit (tools/setup.sh)",
              file=sys.stderr)
        return 2
    if not os.path.exists(PSP_DIR + PSP_FILE):
        print("bench_vs_abinit: %s%s missing; install Debian's abinit-data" % (PSP_DIR, PSP_FILE),
              file=sys.stderr)
        return 2

    work = args.workdir or tempfile.mkdtemp(prefix="facetweld-bench-dft-")
    os.makedirs(work, exist_ok=True)
    systems = ["bulk", "slab111"] if args.system == "both" else [args.system]
    results, status = [], 0
    for system in systems:
        r = bench_one(system, facetweld, work, args)
        if r is None:
            return 2
        results.append(r)
        if abs(r["energy_difference_meV_per_atom"]) > args.max_diff_meV or not r["same_kpoints"]:
            status = 1
    if len(results) > 1:
        print("\nsummary")
        for r in results:
            print("  %-8s ΔE %+.4f meV/atom   time ratio %.3f (CPU %.3f)   SCF steps %d vs %d" % (
                r["system_key"], r["energy_difference_meV_per_atom"], r["time_ratio_ours_over_abinit"],
                r["cpu_time_ratio_ours_over_abinit"],
                r["ours"]["scf_iterations"], r["abinit"]["scf_steps"]))
    if args.json:
        tmp = args.json + ".tmp"
        with open(tmp, "w") as f:
            json.dump(results if len(results) > 1 else results[0], f, indent=1)
        os.replace(tmp, args.json)
        print("wrote %s" % args.json)
    return status


def bench_one(system, facetweld, work_root, args):
    """Runs one system in both codes; returns the comparison (None on a failed run)."""
    work = os.path.join(work_root, system)
    os.makedirs(work, exist_ok=True)
    poscar = os.path.join(work, "au.vasp")
    if system == "bulk":
        write_poscar(poscar)
        mesh, nbands, ecut = [args.kpts] * 3, 14, args.ecut
        label = "fcc Au a = %.2f A (1 atom)" % A_ANGSTROM
    else:
        subprocess.run([facetweld, "slab", "--facet", "111", "--layers", "5", "--vacuum", "10",
                        "--a", str(A_ANGSTROM), "-o", poscar], check=True, capture_output=True)
        mesh, nbands, ecut = [args.slab_kpts, args.slab_kpts, 1], 57, args.ecut
        label = "Au(111) slab, 5 layers, 10 A vacuum, a = %.2f A" % A_ANGSTROM
    abi = os.path.join(work, "au.abi")
    write_abinit_input(abi, poscar, ecut, mesh, nbands)

    ours_json = os.path.join(work, "facetweld_scf.json")
    ours_cmd = [facetweld, "scf", "--structure", poscar, "--psp", PSP_DIR + PSP_FILE, "--xc", "pbe",
                "--ecut", "%gHa" % ecut, "--kpts", "x".join(map(str, mesh)),
                "--smearing", "fermi-dirac:0.01Ha", "--nbands", str(nbands), "--toldfe", "1e-8",
                "--no-forces", "--json", ours_json]
    if args.ours_mpi:
        ours_cmd = ["mpirun", "--allow-run-as-root", "--oversubscribe", "-np", str(args.cores)] + ours_cmd + [
            "--threads", "1"]
    else:
        ours_cmd += ["--threads", str(args.cores)]
    print("ours:   %s" % " ".join(ours_cmd), flush=True)
    rc, ours_wall, ours_cpu = run_timed(ours_cmd, work, os.path.join(work, "facetweld.log"))
    if rc != 0 or not os.path.exists(ours_json):
        print("bench_vs_abinit: facetweld scf failed (exit %d); last lines of %s:\n%s"
              % (rc, os.path.join(work, "facetweld.log"), tail(os.path.join(work, "facetweld.log"))),
              file=sys.stderr)
        return None
    with open(ours_json) as f:
        ours = json.load(f)

    abinit_cmd = ["mpirun", "--allow-run-as-root", "--oversubscribe", "-np", str(args.cores), "abinit", "au.abi"]
    print("ABINIT: %s" % " ".join(abinit_cmd), flush=True)
    # ABINIT links the same OpenBLAS; give it the kernels facetweld selects (see
    # dft/parallel/blas_kernels.hpp) unless the caller chose some.
    abinit_env = dict(os.environ)
    coretype = blas_coretype(facetweld) if args.abinit_coretype == "auto" else args.abinit_coretype
    if "OPENBLAS_CORETYPE" not in abinit_env and coretype:
        abinit_env["OPENBLAS_CORETYPE"] = coretype
        print("ABINIT gets OPENBLAS_CORETYPE=%s (the OpenBLAS kernels facetweld uses)" % coretype)
    rc, abinit_wall, abinit_cpu = run_timed(abinit_cmd, work, os.path.join(work, "abinit.log"), abinit_env)
    abo = os.path.join(work, "au.abo")
    if rc != 0 or not os.path.exists(abo):
        print("bench_vs_abinit: abinit failed (exit %d); see %s" % (rc, os.path.join(work, "abinit.log")),
              file=sys.stderr)
        return None
    ref = abinit_ref.parse_abo(abo)

    ours_per_atom_ev = ours["free_energy_Ha"] * HA_TO_EV / ours["n_atoms"]
    abinit_per_atom_ev = ref["etotal_Ha"] * HA_TO_EV / ref["natom"]
    diff_mev = (ours_per_atom_ev - abinit_per_atom_ev) * 1000.0
    ratio = ours_wall / abinit_wall
    rows = [
        ("", "facetweld scf", "ABINIT 9.6"),
        ("wall time (s)", "%.2f" % ours_wall, "%.2f" % abinit_wall),
        ("CPU time (s)", "%.2f" % ours_cpu, "%.2f" % abinit_cpu),
        ("free energy per atom (eV)", "%.6f" % ours_per_atom_ev, "%.6f" % abinit_per_atom_ev),
        ("free energy (Ha)", "%.10f" % ours["free_energy_Ha"], "%.10f" % ref["etotal_Ha"]),
        ("SCF steps", str(ours["scf_iterations"]), str(ref["scf_steps"])),
        ("irreducible k-points", str(ours["n_kpoints_irreducible"]), str(ref["nkpt_irreducible"])),
        ("FFT grid", "x".join(map(str, ours["fft_grid"])), "x".join(map(str, ref.get("ngfft", [])))),
        ("MPI ranks x threads", "%s x %s" % (ours.get("mpi_ranks", 1), ours.get("threads_per_rank", "?")),
         "%d x 1" % args.cores),
    ]
    print("\n%s, Au.psp8 forced to PBE, ecut %g Ha, %s Γ-centred, FD 0.01 Ha, %d bands, %d cores"
          % (label, ecut, "x".join(map(str, mesh)), nbands, args.cores))
    for row_label, a, b in rows:
        print("  %-28s %20s %20s" % (row_label, a, b))
    print("  %-28s %20.4f" % ("ΔE ours − ABINIT (meV/atom)", diff_mev))
    print("  %-28s %20.3f   (< 1: ours faster)" % ("time ratio ours / ABINIT", ratio))
    print("  %-28s %20.3f   (the same on a machine shared with other jobs)" % (
        "CPU-time ratio ours / ABINIT", ours_cpu / abinit_cpu), flush=True)
    same_k = ours["n_kpoints_irreducible"] == ref["nkpt_irreducible"]
    if not same_k:
        print("bench_vs_abinit: irreducible k-point counts differ", file=sys.stderr)
    return {
        "system_key": system, "system": label, "pseudopotential": PSP_DIR + PSP_FILE,
        "xc": "PBE (libxc 101+130) forced", "ecut_Ha": ecut, "kpoint_mesh": mesh, "n_bands": nbands,
        "smearing": "fermi-dirac 0.01 Ha", "cores": args.cores, "ours_mpi": args.ours_mpi,
        "ours": {"wall_s": ours_wall, "internal_wall_s": ours.get("wall_s"), "free_energy_Ha": ours["free_energy_Ha"],
                 "free_energy_per_atom_eV": ours_per_atom_ev, "scf_iterations": ours["scf_iterations"],
                 "n_kpoints_irreducible": ours["n_kpoints_irreducible"], "converged": ours["converged"],
                 "mpi_ranks": ours.get("mpi_ranks"), "threads_per_rank": ours.get("threads_per_rank")},
        "abinit": {"wall_s": abinit_wall, "etotal_Ha": ref["etotal_Ha"], "free_energy_per_atom_eV": abinit_per_atom_ev,
                   "scf_steps": ref["scf_steps"], "nkpt_irreducible": ref["nkpt_irreducible"],
                   "version": "9.6"},
        "energy_difference_meV_per_atom": diff_mev, "time_ratio_ours_over_abinit": ratio,
        "cpu_s": {"ours": ours_cpu, "abinit": abinit_cpu}, "cpu_time_ratio_ours_over_abinit": ours_cpu / abinit_cpu,
        "same_kpoints": same_k, "work_dir": work,
    }


if __name__ == "__main__":
    sys.exit(main())
