#!/usr/bin/python3
"""E–V curve of bulk fcc Au with `facetweld scf`, Birch–Murnaghan fit, side by side with ABINIT.

Same Hamiltonian as bench/dft/abinit/eos_a*.abi: Au.psp8 (PseudoDojo, LDA-generated) with PBE
forced, ecut 40 Ha, Γ-centred 12x12x12, Fermi–Dirac 0.01 Ha, 14 bands, toldfe 1e-8 Ha, 7 lattice
constants 4.10–4.20 Å. Prints a0 (Å), B0 (GPa), B0' and E0 of both fits (ABINIT's from
bench/dft/abinit/eos_fit.json) and the differences against the issue's bar (0.005 Å, 3 %).
Takes about 10 min on 2 cores.

  /usr/bin/python3 bench/dft/eos_native.py [--ecut 40] [--kpts 12] [--psp FILE --xc pbe] [--json out.json]

With --psp /usr/share/abinit/psp/79_Au_oncv.psml (the real PBE Au) it prints a0, B0 beside the
literature PBE values (a0 ≈ 4.16 Å, B0 ≈ 139 GPa; WIEN2k Delta-test set) instead of ABINIT's.
"""

import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
BOHR_A = 0.529177210903
HA_EV = 27.211386245988
HA_PER_BOHR3_GPA = HA_EV / BOHR_A ** 3 * 160.21766208
LATTICE_A = [4.10, 4.12, 4.14, 4.15, 4.16, 4.18, 4.20]


def birch_murnaghan(volumes, energies):
    """Third-order BM is a cubic in x = V^(-2/3): fit it exactly by linear least squares."""
    x = np.asarray(volumes) ** (-2.0 / 3.0)
    c = np.polyfit(x, energies, 3)
    d1, d2 = np.polyder(c, 1), np.polyder(c, 2)
    roots = [r.real for r in np.roots(d1) if abs(r.imag) < 1e-12 and min(x) * 0.9 < r.real < max(x) * 1.1]
    x0 = min(roots, key=lambda r: np.polyval(c, r))
    v0 = x0 ** -1.5
    # B(V) = V d²E/dV² and B0' = dB/dP at V0, from the fitted cubic.
    def bulk(v):
        xx = v ** (-2.0 / 3.0)
        dxdv, d2xdv2 = -2.0 / 3.0 * v ** (-5.0 / 3.0), 10.0 / 9.0 * v ** (-8.0 / 3.0)
        return v * (np.polyval(d2, xx) * dxdv ** 2 + np.polyval(d1, xx) * d2xdv2)

    def pressure(v):
        xx = v ** (-2.0 / 3.0)
        return -np.polyval(d1, xx) * (-2.0 / 3.0 * v ** (-5.0 / 3.0))

    h = 1e-3 * v0
    b0 = bulk(v0)
    b0p = (bulk(v0 + h) - bulk(v0 - h)) / (pressure(v0 + h) - pressure(v0 - h))
    return {"V0_bohr3": v0, "a0_A": (4.0 * v0) ** (1.0 / 3.0) * BOHR_A, "B0_GPa": b0 * HA_PER_BOHR3_GPA,
            "B0_prime": b0p, "E0_Ha": float(np.polyval(c, x0))}


def find_facetweld():
    found = sorted(glob.glob(os.path.join(REPO, "build*", "tools", "facetweld")), key=os.path.getmtime, reverse=True)
    return os.environ.get("FACETWELD") or (found[0] if found else None)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ecut", type=float, default=40.0)
    ap.add_argument("--kpts", type=int, default=12)
    ap.add_argument("--psp", default="/usr/share/abinit/psp/Pseudodojo_nc_sr_04_pw_standard_psp8/Au.psp8")
    ap.add_argument("--xc", default="pbe")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--json")
    args = ap.parse_args()
    facetweld = find_facetweld()
    if not facetweld:
        print("eos_native: build facetweld first", file=sys.stderr)
        return 2
    work = tempfile.mkdtemp(prefix="fw_eos_")
    volumes, energies = [], []
    for a in LATTICE_A:
        poscar = os.path.join(work, "au_%.2f.vasp" % a)
        h = a / 2
        with open(poscar, "w") as f:
            f.write("Au a=%.2f\n1.0\n0 %f %f\n%f 0 %f\n%f %f 0\nAu\n1\nDirect\n0 0 0\n" % (a, h, h, h, h, h, h))
        out = poscar.replace(".vasp", ".json")
        cmd = [facetweld, "scf", "--structure", poscar, "--psp", args.psp, "--xc", args.xc, "--ecut",
               "%gHa" % args.ecut, "--kpts", "%dx%dx%d" % ((args.kpts,) * 3), "--smearing", "fermi-dirac:0.01Ha",
               "--nbands", "14", "--toldfe", "1e-8", "--no-forces", "--threads", str(args.threads), "--json", out]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        with open(out) as f:
            r = json.load(f)
        volumes.append((a / BOHR_A) ** 3 / 4.0)
        energies.append(r["free_energy_Ha"])
        print("a = %.2f Å  V = %.4f bohr³  F = %.10f Ha  (%d SCF steps, %.1f s)"
              % (a, volumes[-1], energies[-1], r["scf_iterations"], r["wall_s"]), flush=True)
    ours = birch_murnaghan(volumes, energies)
    abinit_fit = os.path.join(HERE, "abinit", "eos_fit.json")
    ref = None
    if "Pseudodojo" in args.psp and os.path.exists(abinit_fit):
        with open(abinit_fit) as f:
            ref = json.load(f)
        ref_name = "ABINIT 9.6"
    else:
        ref = {"a0_A": 4.16, "B0_GPa": 139.0, "B0_prime": float("nan"), "E0_Ha": float("nan")}
        ref_name = "PBE literature"
    print("\n%-10s %14s %14s %12s" % ("", "facetweld", ref_name, "difference"))
    print("%-10s %14.5f %14.5f %12.5f" % ("a0 (Å)", ours["a0_A"], ref["a0_A"], ours["a0_A"] - ref["a0_A"]))
    print("%-10s %14.2f %14.2f %11.2f%%" % ("B0 (GPa)", ours["B0_GPa"], ref["B0_GPa"],
                                           100 * (ours["B0_GPa"] / ref["B0_GPa"] - 1)))
    print("%-10s %14.3f %14.3f" % ("B0'", ours["B0_prime"], ref["B0_prime"]))
    print("%-10s %14.8f %14.8f" % ("E0 (Ha)", ours["E0_Ha"], ref["E0_Ha"]))
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"ours": ours, "reference": ref, "reference_name": ref_name, "lattice_A": LATTICE_A,
                       "free_energy_Ha": energies}, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
