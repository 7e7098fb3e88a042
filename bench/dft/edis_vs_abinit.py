#!/usr/bin/env python3
"""E_dis of one facet (slab + its bulk reference) with facetweld and with ABINIT, in one go.

Issue 9's bench: the 5-layer Au(111) slab, 10 Å gap, ecut 30 Ha, FD 0.01 Ha, slab 6x6x1, bulk
6x6x3 on the 5-layer oriented cell (computed in the one-layer cell with the folded 6x6x15 mesh,
ABINIT's kptrlatt diag(6, 6, 15)), PBE forced on Debian's LDA-generated PseudoDojo Au.psp8 in
both codes. Ours: `facetweld edis --engine native`; ABINIT 9.6: the slab from `facetweld slab`
(same geometry) and the one-layer bulk cell (a1, a2, t) with `kptopt 2 nsym 1` (the folded mesh
is not invariant under the rotations). The ABINIT inputs are written into --workdir and kept.

Prints both E_dis (from F = E - TS, ABINIT's etotal, and from E(σ→0) = F - (-kTS)/2), their
relative difference, SCF steps, and the wall-time ratio ours/ABINIT (both on --cores cores,
back to back). Exit 0 when E_dis(F) agrees within --max-rel (default 2 %), 1 otherwise, 2 on
setup errors.

  /usr/bin/python3 bench/dft/edis_vs_abinit.py --workdir /tmp/edis111            # the issue's cell
  /usr/bin/python3 bench/dft/edis_vs_abinit.py --facet 100 --layers 3 --ecut 12 --kpts 4x4x1 \\
      --kpts-bulk 4x4x2 --vacuum 6                                               # a quick one
"""

import argparse
import glob
import json
import math
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(HERE, "abinit"))
import abinit_ref  # noqa: E402

HA_TO_EV = abinit_ref.HA_TO_EV
PSP_DIR = "/usr/share/abinit/psp/Pseudodojo_nc_sr_04_pw_standard_psp8/"
PSP_FILE = "Au.psp8"


def find_facetweld(explicit):
    found = sorted(glob.glob(os.path.join(REPO, "build*", "tools", "facetweld")), key=os.path.getmtime,
                   reverse=True)
    for path in [explicit, os.environ.get("FACETWELD")] + found:
        if path and os.path.isfile(path) and os.access(path, os.X_OK):
            return os.path.abspath(path)
    return None


def read_poscar(path):
    """(cell rows in Å, Cartesian positions in Å) of a one-species VASP 5 POSCAR."""
    with open(path) as f:
        lines = [l.split() for l in f.read().splitlines()]
    scale = float(lines[1][0])
    cell = [[scale * float(x) for x in lines[i][:3]] for i in (2, 3, 4)]
    count = sum(int(x) for x in lines[6])
    mode = lines[7][0].lower()
    if mode.startswith("s"):  # Selective dynamics
        mode = lines[8][0].lower()
        first = 9
    else:
        first = 8
    rows = [[float(x) for x in lines[first + i][:3]] for i in range(count)]
    if mode.startswith("c") or mode.startswith("k"):
        return cell, [[scale * x for x in r] for r in rows]
    return cell, [[sum(r[i] * cell[i][j] for i in range(3)) for j in range(3)] for r in rows]


def abinit_input(title, cell, cart, ecut, mesh, nband, folded):
    sym = ("kptopt 2  nsym 1             # folded mesh: not invariant under the rotations\n"
           if folded else "kptopt 1\n")
    return ("# %s\npp_dirpath \"%s\"\npseudos \"%s\"\nixc -101130\n"
            "ntypat 1  znucl 79  natom %d  typat %d*1\nacell 3*1.0 Angstrom\nrprim %s\n"
            "xcart %s\nAngstrom\necut %g\nnband %d\noccopt 3  tsmear 0.01\n%s"
            "ngkpt %d %d %d  nshiftk 1  shiftk 0 0 0\ntoldfe 1.0d-8\nnstep 100\nchksymtnons 0\n"
            "prtwf 0  prtden 0  prteig 0\n") % (
        title, PSP_DIR, PSP_FILE, len(cart), len(cart),
        "\n      ".join(" ".join("%.12f" % x for x in r) for r in cell),
        "\n      ".join(" ".join("%.12f" % x for x in r) for r in cart),
        ecut, nband, sym, mesh[0], mesh[1], mesh[2])


def run_abinit(work, name, text, cores):
    d = os.path.join(work, name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name + ".abi"), "w") as f:
        f.write(text)
    cmd = ["abinit", name + ".abi"] if cores == 1 else \
        ["mpirun", "--allow-run-as-root", "--oversubscribe", "-np", str(cores), "abinit", name + ".abi"]
    t0 = time.monotonic()
    with open(os.path.join(d, "log"), "w") as log:
        rc = subprocess.run(cmd, cwd=d, stdout=log, stderr=subprocess.STDOUT).returncode
    wall = time.monotonic() - t0
    abo = os.path.join(d, name + ".abo")
    if rc != 0 or not os.path.exists(abo):
        sys.exit("abinit failed on %s (exit %d); see %s/log" % (name, rc, d))
    res = abinit_ref.parse_abo(abo)
    minus_kts = res["energy_terms_Ha"].get("-kT*entropy", 0.0)
    res["energy_sigma0_Ha"] = res["etotal_Ha"] - 0.5 * minus_kts
    res["wall_s"] = wall
    return res


def triplet(text):
    return [int(x) for x in text.lower().split("x")]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--facet", default="111")
    ap.add_argument("--layers", type=int, default=5)
    ap.add_argument("--vacuum", type=float, default=10.0)
    ap.add_argument("--ecut", type=float, default=30.0, help="Ha")
    ap.add_argument("--kpts", default="6x6x1")
    ap.add_argument("--kpts-bulk", default="6x6x3", help="mesh of the N-layer bulk cell")
    ap.add_argument("--a", type=float, default=4.08)
    ap.add_argument("--cores", type=int, default=2)
    ap.add_argument("--facetweld")
    ap.add_argument("--workdir", default="edis_vs_abinit")
    ap.add_argument("--skip-ours", action="store_true", help="reuse ours.json in --workdir")
    ap.add_argument("--max-rel", type=float, default=0.02)
    args = ap.parse_args()

    fw = find_facetweld(args.facetweld)
    if fw is None:
        sys.exit("facetweld not built (tools/build.sh)")
    work = os.path.abspath(args.workdir)
    os.makedirs(work, exist_ok=True)
    kpts, kbulk = triplet(args.kpts), triplet(args.kpts_bulk)
    common = ["--a", str(args.a), "--layers", str(args.layers), "--vacuum", str(args.vacuum)]

    # Geometry from facetweld itself: the slab, and the stacking vector t between layers 0 and 1.
    subprocess.run([fw, "slab", "--facet", args.facet, "--layers", str(args.layers), "--vacuum",
                    str(args.vacuum), "--a", str(args.a), "-o", os.path.join(work, "slab.vasp")],
                   check=True, stdout=subprocess.DEVNULL)
    subprocess.run([fw, "slab", "--facet", args.facet, "--layers", "2", "--vacuum", "5", "--a",
                    str(args.a), "-o", os.path.join(work, "two.vasp")], check=True, stdout=subprocess.DEVNULL)
    cell, cart = read_poscar(os.path.join(work, "slab.vasp"))
    _, two = read_poscar(os.path.join(work, "two.vasp"))
    two.sort(key=lambda r: r[2])
    t = [two[1][i] - two[0][i] for i in range(3)]
    prim = [cell[0], cell[1], t]
    area = abs(cell[0][0] * cell[1][1] - cell[0][1] * cell[1][0])
    n = len(cart)

    if not args.skip_ours:
        cmd = [fw, "edis", "--engine", "native", "--facets", args.facet, "--psp", PSP_DIR + PSP_FILE,
               "--xc", "pbe", "--ecut", "%gHa" % args.ecut, "--smearing", "fermi-dirac:0.01Ha",
               "--kpts", args.kpts, "--kpts-bulk", args.kpts_bulk, "--toldfe", "1e-8",
               "--density-tolerance", "1e-5", "--max-steps", "100", "--threads", str(args.cores),
               "-o", os.path.join(work, "ours.json")] + common
        t0 = time.monotonic()
        with open(os.path.join(work, "ours.log"), "w") as log:
            rc = subprocess.run(cmd, stdout=log, stderr=subprocess.STDOUT).returncode
        ours_wall = time.monotonic() - t0
        if rc != 0:
            sys.exit("facetweld edis failed (exit %d); see %s/ours.log" % (rc, work))
        with open(os.path.join(work, "ours_wall.json"), "w") as f:
            json.dump({"wall_s": ours_wall}, f)
    with open(os.path.join(work, "ours.json")) as f:
        ours = json.load(f)["facets"][0]
    with open(os.path.join(work, "ours_wall.json")) as f:
        ours_wall = json.load(f)["wall_s"]

    nband_slab = int(19 * n / 2 + max(4, 0.1 * 19 * n / 2)) + 1
    slab = run_abinit(work, "slab", abinit_input("slab (%s), %d layers" % (args.facet, n), cell, cart,
                                                 args.ecut, kpts, nband_slab, False), args.cores)
    fold = [kbulk[0], kbulk[1], n * kbulk[2]]
    bulk = run_abinit(work, "bulk_primitive",
                      abinit_input("one-layer bulk cell, folded mesh", prim, [[0, 0, 0]], args.ecut, fold,
                                   14, True), args.cores)
    ab_f = (slab["etotal_Ha"] - n * bulk["etotal_Ha"]) * HA_TO_EV / area
    ab_0 = (slab["energy_sigma0_Ha"] - n * bulk["energy_sigma0_Ha"]) * HA_TO_EV / area
    ab_wall = slab["wall_s"] + bulk["wall_s"]

    rel_f = ours["e_dis_free_energy_eV_per_A2"] / ab_f - 1
    rel_0 = ours["e_dis_eV_per_A2"] / ab_0 - 1
    print("Au(%s) %d layers, gap %g A, ecut %g Ha, FD 0.01 Ha, slab %s, bulk %s (folded %dx%dx%d)" % (
        args.facet, n, args.vacuum, args.ecut, args.kpts, args.kpts_bulk, *fold))
    print("%-22s %14s %14s" % ("", "facetweld", "ABINIT 9.6"))
    print("%-22s %14.6f %14.6f   (%+.2f %%)" % ("E_dis(F) eV/A2", ours["e_dis_free_energy_eV_per_A2"], ab_f, 100 * rel_f))
    print("%-22s %14.6f %14.6f   (%+.2f %%)" % ("E_dis(sigma->0) eV/A2", ours["e_dis_eV_per_A2"], ab_0, 100 * rel_0))
    print("%-22s %14.6f %14.6f" % ("F slab/atom eV", ours["e_slab_free_energy_eV"] / n, slab["etotal_Ha"] * HA_TO_EV / n))
    print("%-22s %14.6f %14.6f" % ("F bulk/atom eV", ours["e_bulk_free_energy_eV"] / n, bulk["etotal_Ha"] * HA_TO_EV))
    print("%-22s %8d + %-4d %8d + %-4d" % ("SCF steps slab+bulk", ours["scf_steps_slab"], ours["scf_steps_bulk"],
                                            slab["scf_steps"], bulk["scf_steps"]))
    print("%-22s %14.1f %14.1f   ratio ours/ABINIT %.2f" % ("wall s", ours_wall, ab_wall, ours_wall / ab_wall))
    with open(os.path.join(work, "comparison.json"), "w") as f:
        json.dump({"ours": ours, "abinit": {"slab": slab, "bulk_primitive": bulk, "e_dis_F_eV_per_A2": ab_f,
                                            "e_dis_sigma0_eV_per_A2": ab_0, "wall_s": ab_wall},
                   "ours_wall_s": ours_wall, "ratio": ours_wall / ab_wall, "args": vars(args)}, f, indent=2)
    return 0 if abs(rel_f) <= args.max_rel else 1


if __name__ == "__main__":
    sys.exit(main())
