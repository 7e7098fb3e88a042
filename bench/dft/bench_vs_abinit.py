#!/usr/bin/python3
"""Bulk fcc Au, our `facetweld scf` against ABINIT 9.6 on the same input, in one go.

Both codes get the same Hamiltonian: Au.psp8 (PseudoDojo, LDA-generated) with PBE forced
(libxc GGA_X_PBE + GGA_C_PBE = ABINIT ixc -101130), fcc a = 4.08 Å (primitive cell), ecut,
Γ-centred Monkhorst–Pack mesh, Fermi–Dirac 0.01 Ha, 14 bands, toldfe 1e-8 Ha. Both use the
2 cores with their best settings: ABINIT `mpirun -np 2` (its MPI build parallelises over
k-points), ours `--threads 2` (OpenMP over k-points). Runs happen back to back, never together.

Prints both wall times, both free energies per atom, the difference in meV/atom, the irreducible
k-point counts and the time ratio (ours / ABINIT). Exit code 0 when both ran, 1 when an energy
difference exceeds --max-diff-meV (default 1 meV/atom, the issue's bar), 2 on setup errors
(facetweld scf not built, abinit missing).

  /usr/bin/python3 bench/dft/bench_vs_abinit.py                     # ecut 30 Ha, 12x12x12
  /usr/bin/python3 bench/dft/bench_vs_abinit.py --ecut 40 --json out.json
  FACETWELD=/path/to/facetweld /usr/bin/python3 bench/dft/bench_vs_abinit.py --kpts 8
"""

import argparse
import glob
import json
import os
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
            return path
    return None


def has_scf_command(facetweld):
    probe = subprocess.run([facetweld, "scf", "--help"], capture_output=True, text=True)
    return probe.returncode == 0 and "--psp" in probe.stdout


def write_poscar(path):
    half = A_ANGSTROM / 2.0
    with open(path, "w") as f:
        f.write("fcc Au primitive cell, a = %.4f A\n1.0\n" % A_ANGSTROM)
        f.write("  0.0 %.10f %.10f\n  %.10f 0.0 %.10f\n  %.10f %.10f 0.0\n" % (half, half, half, half, half, half))
        f.write("Au\n1\nDirect\n0.0 0.0 0.0\n")


def write_abinit_input(path, ecut_ha, kpts):
    with open(path, "w") as f:
        f.write("""# bench_vs_abinit: fcc Au, Au.psp8 forced to PBE (same input as facetweld scf)
pp_dirpath "%s"
pseudos "%s"
ixc -101130
ntypat 1  znucl 79  natom 1  typat 1
acell 3*%.4f Angstrom
rprim 0.0 0.5 0.5
      0.5 0.0 0.5
      0.5 0.5 0.0
xred 0 0 0
ecut %g
nband 14
occopt 3  tsmear 0.01
kptopt 1  ngkpt %d %d %d  nshiftk 1  shiftk 0 0 0
toldfe 1.0d-8
nstep 80
prtwf 0  prtden 0  prteig 0
""" % (PSP_DIR, PSP_FILE, A_ANGSTROM, ecut_ha, kpts, kpts, kpts))


def run_timed(cmd, cwd, log_path):
    start = time.monotonic()
    with open(log_path, "w") as log:
        proc = subprocess.run(cmd, cwd=cwd, stdout=log, stderr=subprocess.STDOUT)
    return proc.returncode, time.monotonic() - start


def tail(path, n=15):
    with open(path) as f:
        return "".join(f.readlines()[-n:])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ecut", type=float, default=30.0, help="plane-wave cut-off, Ha (default 30)")
    ap.add_argument("--kpts", type=int, default=12, help="Γ-centred NxNxN mesh (default 12)")
    ap.add_argument("--cores", type=int, default=2, help="MPI ranks for ABINIT, threads for ours")
    ap.add_argument("--facetweld", help="path of the facetweld executable")
    ap.add_argument("--max-diff-meV", type=float, default=1.0, help="fail above this |ΔE| per atom")
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
    poscar = os.path.join(work, "au_fcc.vasp")
    write_poscar(poscar)
    abi = os.path.join(work, "au_fcc.abi")
    write_abinit_input(abi, args.ecut, args.kpts)

    ours_json = os.path.join(work, "facetweld_scf.json")
    ours_cmd = [facetweld, "scf", "--structure", poscar, "--psp", PSP_DIR + PSP_FILE, "--xc", "pbe",
                "--ecut", "%gHa" % args.ecut, "--kpts", "%dx%dx%d" % ((args.kpts,) * 3),
                "--smearing", "fermi-dirac:0.01Ha", "--nbands", "14", "--toldfe", "1e-8",
                "--threads", str(args.cores), "--no-forces", "--json", ours_json]
    print("ours:   %s" % " ".join(ours_cmd), flush=True)
    rc, ours_wall = run_timed(ours_cmd, work, os.path.join(work, "facetweld.log"))
    if rc != 0 or not os.path.exists(ours_json):
        print("bench_vs_abinit: facetweld scf failed (exit %d); last lines of %s:\n%s"
              % (rc, os.path.join(work, "facetweld.log"), tail(os.path.join(work, "facetweld.log"))),
              file=sys.stderr)
        return 2
    with open(ours_json) as f:
        ours = json.load(f)

    abinit_cmd = ["mpirun", "--allow-run-as-root", "-np", str(args.cores), "abinit", "au_fcc.abi"]
    print("ABINIT: %s" % " ".join(abinit_cmd), flush=True)
    rc, abinit_wall = run_timed(abinit_cmd, work, os.path.join(work, "abinit.log"))
    abo = os.path.join(work, "au_fcc.abo")
    if rc != 0 or not os.path.exists(abo):
        print("bench_vs_abinit: abinit failed (exit %d); see %s" % (rc, os.path.join(work, "abinit.log")),
              file=sys.stderr)
        return 2
    ref = abinit_ref.parse_abo(abo)

    ours_per_atom_ev = ours["free_energy_Ha"] * HA_TO_EV / ours["n_atoms"]
    abinit_per_atom_ev = ref["etotal_Ha"] * HA_TO_EV / ref["natom"]
    diff_mev = (ours_per_atom_ev - abinit_per_atom_ev) * 1000.0
    ratio = ours_wall / abinit_wall
    rows = [
        ("", "facetweld scf", "ABINIT 9.6"),
        ("wall time (s)", "%.2f" % ours_wall, "%.2f" % abinit_wall),
        ("free energy per atom (eV)", "%.6f" % ours_per_atom_ev, "%.6f" % abinit_per_atom_ev),
        ("free energy (Ha)", "%.10f" % ours["free_energy_Ha"], "%.10f" % ref["etotal_Ha"]),
        ("SCF steps", str(ours["scf_iterations"]), str(ref["scf_steps"])),
        ("irreducible k-points", str(ours["n_kpoints_irreducible"]), str(ref["nkpt_irreducible"])),
        ("FFT grid", "x".join(map(str, ours["fft_grid"])), "x".join(map(str, ref.get("ngfft", [])))),
    ]
    print("\nfcc Au a = %.2f A, Au.psp8 forced to PBE, ecut %g Ha, %dx%dx%d Γ-centred, FD 0.01 Ha, %d cores"
          % (A_ANGSTROM, args.ecut, args.kpts, args.kpts, args.kpts, args.cores))
    for label, a, b in rows:
        print("  %-28s %20s %20s" % (label, a, b))
    print("  %-28s %20.4f" % ("ΔE ours − ABINIT (meV/atom)", diff_mev))
    print("  %-28s %20.3f   (< 1: ours faster)" % ("time ratio ours / ABINIT", ratio))
    result = {
        "system": "fcc Au a=%.4f A, 1 atom" % A_ANGSTROM, "pseudopotential": PSP_DIR + PSP_FILE,
        "xc": "PBE (libxc 101+130) forced", "ecut_Ha": args.ecut, "kpoint_mesh": [args.kpts] * 3,
        "smearing": "fermi-dirac 0.01 Ha", "cores": args.cores,
        "ours": {"wall_s": ours_wall, "internal_wall_s": ours.get("wall_s"), "free_energy_Ha": ours["free_energy_Ha"],
                 "free_energy_per_atom_eV": ours_per_atom_ev, "scf_iterations": ours["scf_iterations"],
                 "n_kpoints_irreducible": ours["n_kpoints_irreducible"], "converged": ours["converged"]},
        "abinit": {"wall_s": abinit_wall, "etotal_Ha": ref["etotal_Ha"], "free_energy_per_atom_eV": abinit_per_atom_ev,
                   "scf_steps": ref["scf_steps"], "nkpt_irreducible": ref["nkpt_irreducible"],
                   "version": "9.6"},
        "energy_difference_meV_per_atom": diff_mev, "time_ratio_ours_over_abinit": ratio,
        "work_dir": work,
    }
    if args.json:
        tmp = args.json + ".tmp"
        with open(tmp, "w") as f:
            json.dump(result, f, indent=1)
        os.replace(tmp, args.json)
        print("wrote %s" % args.json)
    if ours["n_kpoints_irreducible"] != ref["nkpt_irreducible"]:
        print("bench_vs_abinit: irreducible k-point counts differ", file=sys.stderr)
        return 1
    return 1 if abs(diff_mev) > args.max_diff_meV else 0


if __name__ == "__main__":
    sys.exit(main())
