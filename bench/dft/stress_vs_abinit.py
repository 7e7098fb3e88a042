#!/usr/bin/python3
"""Stress tensor of bulk fcc Au: `facetweld scf --stress` against ABINIT 9.6 (`optstress 1`).

Au.psp8 (PseudoDojo, LDA-generated) with PBE forced (ABINIT ixc -101130, ours --xc pbe), ecut 30 Ha,
Γ-centred 12x12x12, Fermi–Dirac 0.01 Ha, 14 bands, at a = 4.08 and 4.16 Å (ABINIT's Bohr radius
0.52917720859 Å; ours gets the same lattice constant in bohr). Both codes run here, one after the
other, with the same number of cores. Prints both stress tensors (GPa, σ = (1/Ω) ∂F/∂ε at a fixed
plane-wave set, ABINIT's convention; pressure −Tr σ/3), their difference and the wall and CPU
times. About 4 min on 2 cores.

  /usr/bin/python3 bench/dft/stress_vs_abinit.py [--threads 2] [--np 2] [--a 4.08 4.16]
"""

import argparse
import glob
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
PSP = "/usr/share/abinit/psp/Pseudodojo_nc_sr_04_pw_standard_psp8/Au.psp8"
ABINIT_BOHR_A = 0.52917720859  # ABINIT 9.6's Bohr radius
CODATA_BOHR_A = 0.529177210903  # ours (core/units.hpp)
HA_PER_BOHR3_GPA = 27.211386245988 / CODATA_BOHR_A ** 3 * 160.2176634

ABI = """pp_dirpath "{psp_dir}/"
pseudos "Au.psp8"
ixc -101130
ntypat 1  znucl 79  natom 1  typat 1
acell 3*{a_bohr:.10f}
rprim 0.0 0.5 0.5  0.5 0.0 0.5  0.5 0.5 0.0
xred 0 0 0
ecut 30
nband 14
occopt 3  tsmear 0.01
kptopt 1  ngkpt 12 12 12  nshiftk 1  shiftk 0 0 0
tolvrs 1.0d-12
nstep 100
optstress 1
prtwf 0  prtden 0  prteig 0
"""


def timed(cmd, cwd, stdout):
    """Runs cmd; returns (wall s, CPU s of the children)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.time()
    subprocess.run(cmd, cwd=cwd, check=True, stdout=stdout, stderr=subprocess.STDOUT)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.time() - t0, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def abinit_stress(text):
    block = text.split("Cartesian components of stress tensor (hartree/bohr^3)")[-1].splitlines()[1:4]
    s = {}
    for line in block:
        for m in re.finditer(r"sigma\((\d) (\d)\)=\s*([-+\dE.]+)", line):
            s[(int(m.group(1)), int(m.group(2)))] = float(m.group(3))
    return [[s.get((i, j), s.get((j, i))) * HA_PER_BOHR3_GPA for j in (1, 2, 3)] for i in (1, 2, 3)]


def show(name, m):
    for i, row in enumerate(m):
        print("  %-9s %12.5f %12.5f %12.5f" % ((name if i == 0 else "",) + tuple(row)))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--threads", type=int, default=2, help="ours: OpenMP threads")
    ap.add_argument("--np", type=int, default=2, help="ABINIT: MPI ranks")
    ap.add_argument("--a", type=float, nargs="+", default=[4.08, 4.16], help="lattice constants (Å)")
    args = ap.parse_args()
    found = sorted(glob.glob(os.path.join(REPO, "build*", "tools", "facetweld")), key=os.path.getmtime, reverse=True)
    facetweld = os.environ.get("FACETWELD") or (found[0] if found else None)
    if not facetweld:
        print("stress_vs_abinit: build facetweld first", file=sys.stderr)
        return 2
    work = tempfile.mkdtemp(prefix="fw_stress_")
    worst = 0.0
    for a in args.a:
        a_bohr = a / ABINIT_BOHR_A
        a_ours = a_bohr * CODATA_BOHR_A  # Å, the same bohr length as ABINIT's
        name = "au_%.2f" % a
        with open(os.path.join(work, name + ".abi"), "w") as f:
            f.write(ABI.format(psp_dir=os.path.dirname(PSP), a_bohr=a_bohr))
        poscar = os.path.join(work, name + ".vasp")
        with open(poscar, "w") as f:
            f.write("fcc Au\n%.12f\n0 0.5 0.5\n0.5 0 0.5\n0.5 0.5 0\nAu\n1\nDirect\n0 0 0\n" % a_ours)
        out = os.path.join(work, name + ".json")
        ours_wall, ours_cpu = timed(
            [facetweld, "scf", "--structure", poscar, "--psp", PSP, "--xc", "pbe", "--ecut", "30Ha", "--kpts",
             "12x12x12", "--nbands", "14", "--smearing", "fermi-dirac:0.01Ha", "--toldfe", "1e-10", "--stress",
             "--no-forces", "--threads", str(args.threads), "--json", out], work, subprocess.DEVNULL)
        with open(out) as f:
            ours = json.load(f)
        abinit = ["abinit", name + ".abi"]
        if args.np > 1:
            abinit = ["mpirun", "--allow-run-as-root", "-np", str(args.np)] + abinit
        with open(os.path.join(work, name + ".log"), "w") as log:
            ab_wall, ab_cpu = timed(abinit, work, log)
        with open(os.path.join(work, name + ".abo")) as f:
            ref = abinit_stress(f.read())
        diff = [[o - r for o, r in zip(ro, rr)] for ro, rr in zip(ours["stress_GPa"], ref)]
        worst = max(worst, max(abs(x) for row in diff for x in row))
        p_ref = -(ref[0][0] + ref[1][1] + ref[2][2]) / 3
        print("fcc Au a = %.2f Å (%.10f bohr), 30 Ha, 12x12x12: stress (GPa)" % (a, a_bohr))
        show("facetweld", ours["stress_GPa"])
        show("ABINIT", ref)
        show("ours-ABI", diff)
        print("  pressure: facetweld %.5f GPa, ABINIT %.5f GPa, difference %.5f GPa"
              % (ours["pressure_GPa"], p_ref, ours["pressure_GPa"] - p_ref))
        print("  wall s: facetweld %.1f (%d threads; SCF %.1f s), ABINIT %.1f (%d ranks); CPU s: %.1f vs %.1f"
              % (ours_wall, args.threads, ours["wall_s"], ab_wall, args.np, ours_cpu, ab_cpu))
    print("largest |Δσ| over both cells: %.5f GPa (scratch: %s)" % (worst, work))
    return 0 if worst < 0.1 else 1


if __name__ == "__main__":
    sys.exit(main())
