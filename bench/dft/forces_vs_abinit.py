#!/usr/bin/python3
"""Forces on the displaced 4-atom fcc Au cell: `facetweld scf` against ABINIT's forces_au4 reference.

Same input as bench/dft/abinit/forces_au4.abi (Au.psp8 with PBE forced, a = 4.08 Å cube, atom 1
moved by (0.05, 0.03, −0.02) Å, ecut 25 Ha, Γ-centred 4x4x4, Fermi–Dirac 0.01 Ha, 48 bands). Prints
both force tables (eV/Å), the largest difference and the free-energy difference per atom; the
ABINIT numbers come from bench/dft/abinit/results.json. About 3 min on 2 cores.

  /usr/bin/python3 bench/dft/forces_vs_abinit.py [--threads 2]
"""

import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
HA_EV = 27.211386245988
POSCAR = """Au4 displaced (forces_au4)
1.0
4.08 0 0
0 4.08 0
0 0 4.08
Au
4
Cartesian
0.05 0.03 -0.02
0.00 2.04 2.04
2.04 0.00 2.04
2.04 2.04 0.00
"""


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    found = sorted(glob.glob(os.path.join(REPO, "build*", "tools", "facetweld")), key=os.path.getmtime, reverse=True)
    facetweld = os.environ.get("FACETWELD") or (found[0] if found else None)
    if not facetweld:
        print("forces_vs_abinit: build facetweld first", file=sys.stderr)
        return 2
    with open(os.path.join(HERE, "abinit", "results.json")) as f:
        ref = json.load(f)["forces_au4"]
    work = tempfile.mkdtemp(prefix="fw_forces_")
    poscar, out = os.path.join(work, "au4.vasp"), os.path.join(work, "au4.json")
    with open(poscar, "w") as f:
        f.write(POSCAR)
    subprocess.run([facetweld, "scf", "--structure", poscar, "--psp",
                    "/usr/share/abinit/psp/Pseudodojo_nc_sr_04_pw_standard_psp8/Au.psp8", "--xc", "pbe", "--ecut",
                    "25Ha", "--kpts", "4x4x4", "--nbands", "48", "--toldfe", "1e-10", "--threads", str(args.threads),
                    "--json", out], check=True, stdout=subprocess.DEVNULL)
    with open(out) as f:
        ours = json.load(f)
    print("%4s %40s %40s" % ("atom", "facetweld F (eV/Å)", "ABINIT F (eV/Å)"))
    worst = 0.0
    for i, (fo, fa) in enumerate(zip(ours["forces_eV_per_A"], ref["forces_eV_per_A"])):
        print("%4d  %12.8f %12.8f %12.8f  %12.8f %12.8f %12.8f" % ((i + 1,) + tuple(fo) + tuple(fa)))
        worst = max(worst, max(abs(a - b) for a, b in zip(fo, fa)))
    de = (ours["free_energy_Ha"] - ref["etotal_Ha"]) * HA_EV * 1000 / 4
    print("max |ΔF| = %.2e eV/Å; ΔE = %.4f meV/atom; k-points %d vs %d; wall %.1f s"
          % (worst, de, ours["n_kpoints_irreducible"], ref["nkpt_irreducible"], ours["wall_s"]))
    return 0 if worst < 1e-4 else 1


if __name__ == "__main__":
    sys.exit(main())
