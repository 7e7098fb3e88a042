#!/usr/bin/python3
"""Ours (`facetweld scf`) against Quantum ESPRESSO pw.x and ABINIT in one run, on the same
Hamiltonian: bulk fcc Au and the 5-layer Au(111) slab.

Same inputs in all three codes: PseudoDojo nc-sr-04 "pw standard" Au (LDA-generated, PBE forced:
libxc GGA_X_PBE + GGA_C_PBE in ours and ABINIT (ixc -101130), input_dft='PBE' in QE), read as
psp8 by ours and ABINIT and as UPF by QE (data/dft/Au_pseudodojo_nc_sr_04_pw_standard.upf: the
psp8's own numbers in QE units, bench/dft/psp8_to_upf.py), a = 4.08 Å, ecut 30 Ha (QE ecutwfc
60 Ry, ecutrho 4x), Γ-centred mesh, Fermi–Dirac 0.01 Ha (QE degauss 0.02 Ry), same band count,
forces and stress off (ABINIT optforces 0 / optstress 0, QE tprnfor/tstress false, ours
--no-forces).
  bulk:    primitive cell, 12x12x12, 14 bands
  slab111: `facetweld slab --facet 111 --layers 5 --vacuum 10`, 6x6x1, 57 bands
Convergence: ours and ABINIT stop when |ΔE| < toldfe = 1e-8 Ha (per cell) twice in a row. QE's
conv_thr is not a ΔE: it bounds its *estimated* energy error (the density-residual estimate of
E − E_converged, Ry per cell). conv_thr = 2e-8 Ry (= 1e-8 Ha per cell) is used: on bulk Au it
stops at an energy 1e-8 Ry (5e-9 Ha) from the conv_thr = 1e-12 Ry answer, i.e. as close to the
converged energy as ABINIT's toldfe run; the last ΔE QE took is printed too.
Cores: 2 each — ours 1 rank x 2 threads; QE `mpirun -np 2 pw.x -nk 2` (k-point pools); ABINIT
`mpirun -np 2` (k-points). OMP_NUM_THREADS = OPENBLAS_NUM_THREADS = 1 for every QE and ABINIT rank;
QE and ABINIT get the OpenBLAS kernels ours selects (OPENBLAS_CORETYPE). Runs back to back.

Prints per system the wall and CPU seconds of each code (CPU: user + system of the command and
its children), SCF steps, dense FFT grids, ΔE per atom vs ours and the ratios ours/QE and
ours/ABINIT, plus the load average before and after (timings beside other work are noisy; the
CPU ratio is the steadier number). Exit 0 when all ran and |ΔE| <= --max-diff-meV (default 1),
1 above, 2 on setup errors.

  nice -n 10 /usr/bin/python3 bench/dft/bench_vs_peers.py --system both | tee bench/dft/bench_vs_peers.out.txt
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "abinit"))
import abinit_ref  # noqa: E402
from bench_vs_abinit import (A_ANGSTROM, PSP_DIR, PSP_FILE, blas_coretype, find_facetweld,  # noqa: E402
                             has_scf_command, read_poscar, run_timed, tail, write_abinit_input,
                             write_poscar)

HA_TO_EV = abinit_ref.HA_TO_EV
RY_TO_HA = 0.5
UPF_FILE = os.path.join(REPO, "data", "dft", "Au_pseudodojo_nc_sr_04_pw_standard.upf")
AU_MASS = 196.96657
QE_CONV_THR_RY = 2.0e-8


def load_average():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def write_qe_input(path, poscar, ecut_ha, mesh, nbands, outdir):
    cell, frac = read_poscar(poscar)
    with open(path, "w") as f:
        f.write("""&control
  calculation = 'scf', prefix = 'au', outdir = '%s', pseudo_dir = '%s',
  tprnfor = .false., tstress = .false., disk_io = 'none', verbosity = 'high'
/
&system
  ibrav = 0, nat = %d, ntyp = 1, ecutwfc = %.6f, nbnd = %d,
  occupations = 'smearing', smearing = 'fermi-dirac', degauss = 0.02, input_dft = 'PBE'
/
&electrons
  conv_thr = %.3e
/
ATOMIC_SPECIES
Au %.5f %s
CELL_PARAMETERS angstrom
%s
ATOMIC_POSITIONS crystal
%s
K_POINTS automatic
%d %d %d 0 0 0
""" % (outdir, os.path.dirname(UPF_FILE), len(frac), 2.0 * ecut_ha, nbands, QE_CONV_THR_RY, AU_MASS,
       os.path.basename(UPF_FILE),
       "\n".join("  %.12f %.12f %.12f" % tuple(row) for row in cell),
       "\n".join("Au %.12f %.12f %.12f" % tuple(row) for row in frac),
       mesh[0], mesh[1], mesh[2]))


def parse_qe(path):
    with open(path) as f:
        text = f.read()
    final = re.findall(r"^!\s+total energy\s+=\s+(-?\d+\.\d+) Ry", text, re.M)
    steps = re.search(r"convergence has been achieved in\s+(\d+) iterations", text)
    grid = re.search(r"Dense\s+grid:.*FFT dimensions: \(\s*(\d+),\s*(\d+),\s*(\d+)\)", text)
    nk = re.search(r"number of k points=\s*(\d+)", text)
    energies = [float(x) for x in re.findall(r"^\s+total energy\s+=\s+(-?\d+\.\d+) Ry", text, re.M)]
    version = re.search(r"Program PWSCF v\.(\S+)", text)
    if not final or not steps:
        return None
    e_final = float(final[-1])
    trail = energies + [e_final]
    last_de = abs(trail[-1] - trail[-2]) if len(trail) > 1 else float("nan")
    return {"total_energy_Ry": e_final, "free_energy_Ha": e_final * RY_TO_HA, "scf_steps": int(steps.group(1)),
            "fft_grid": [int(g) for g in grid.groups()] if grid else [], "nkpt_irreducible": int(nk.group(1)) if nk else 0,
            "last_delta_e_Ha": last_de * RY_TO_HA, "version": version.group(1) if version else "?"}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ecut", type=float, default=30.0, help="plane-wave cut-off, Ha (default 30)")
    ap.add_argument("--system", choices=["bulk", "slab111", "both"], default="both")
    ap.add_argument("--kpts", type=int, default=12, help="bulk: Γ-centred NxNxN mesh (default 12)")
    ap.add_argument("--slab-kpts", type=int, default=6, help="slab: Γ-centred NxNx1 mesh (default 6)")
    ap.add_argument("--cores", type=int, default=2, help="threads for ours, ranks for QE and ABINIT")
    ap.add_argument("--facetweld", help="path of the facetweld executable")
    ap.add_argument("--max-diff-meV", type=float, default=1.0, help="fail above this |ΔE| per atom")
    ap.add_argument("--workdir", help="keep the runs here (default: a temporary folder)")
    ap.add_argument("--json", help="write the comparison as JSON")
    args = ap.parse_args()

    facetweld = find_facetweld(args.facetweld)
    if facetweld is None or not has_scf_command(facetweld):
        print("bench_vs_peers: no facetweld with `scf` found (build: cmake --build build --target facetweld)",
              file=sys.stderr)
        return 2
    for exe, pkg in (("pw.x", "quantum-espresso"), ("abinit", "abinit"), ("mpirun", "openmpi-bin")):
        if shutil.which(exe) is None:
            print("bench_vs_peers: %s not found; install Debian's %s (tools/setup.sh)" % (exe, pkg), file=sys.stderr)
            return 2
    for path in (PSP_DIR + PSP_FILE, UPF_FILE):
        if not os.path.exists(path):
            print("bench_vs_peers: %s missing" % path, file=sys.stderr)
            return 2

    work = args.workdir or tempfile.mkdtemp(prefix="facetweld-bench-peers-")
    os.makedirs(work, exist_ok=True)
    coretype = blas_coretype(facetweld)
    print("facetweld %s; QE pw.x and ABINIT with OMP_NUM_THREADS=OPENBLAS_NUM_THREADS=1 per rank%s" % (
        facetweld, (", OPENBLAS_CORETYPE=%s" % coretype) if coretype else ""))
    print("load average before: %s (%d CPUs)" % (load_average(), os.cpu_count()), flush=True)
    systems = ["bulk", "slab111"] if args.system == "both" else [args.system]
    results, status = [], 0
    for system in systems:
        r = bench_one(system, facetweld, work, args, coretype)
        if r is None:
            return 2
        results.append(r)
        if max(abs(r["delta_e_meV_per_atom"]["qe"]), abs(r["delta_e_meV_per_atom"]["abinit"])) > args.max_diff_meV:
            status = 1
    print("\nsummary (wall s / CPU s; ratio < 1: ours faster)")
    print("  %-8s %15s %15s %15s %13s %13s %13s %13s %11s" % (
        "system", "ours", "QE", "ABINIT", "wall ours/QE", "CPU ours/QE", "wall ours/AB", "CPU ours/AB",
        "SCF steps"))
    for r in results:
        t = r["timings"]
        print("  %-8s %7.1f/%-7.1f %7.1f/%-7.1f %7.1f/%-7.1f %13.3f %13.3f %13.3f %13.3f %4d/%d/%d" % (
            r["system_key"], t["ours"]["wall_s"], t["ours"]["cpu_s"], t["qe"]["wall_s"], t["qe"]["cpu_s"],
            t["abinit"]["wall_s"], t["abinit"]["cpu_s"], r["ratios"]["wall_ours_over_qe"],
            r["ratios"]["cpu_ours_over_qe"], r["ratios"]["wall_ours_over_abinit"],
            r["ratios"]["cpu_ours_over_abinit"], r["scf_steps"]["ours"], r["scf_steps"]["qe"],
            r["scf_steps"]["abinit"]))
    print("load average after: %s" % load_average())
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=1)
        print("wrote %s" % args.json)
    return status


def bench_one(system, facetweld, work_root, args, coretype):
    work = os.path.join(work_root, system)
    os.makedirs(work, exist_ok=True)
    poscar = os.path.join(work, "au.vasp")
    if system == "bulk":
        write_poscar(poscar)
        mesh, nbands = [args.kpts] * 3, 14
        label = "fcc Au a = %.2f A (1 atom)" % A_ANGSTROM
    else:
        subprocess.run([facetweld, "slab", "--facet", "111", "--layers", "5", "--vacuum", "10",
                        "--a", str(A_ANGSTROM), "-o", poscar], check=True, capture_output=True)
        mesh, nbands = [args.slab_kpts, args.slab_kpts, 1], 57
        label = "Au(111) slab, 5 layers, 10 A vacuum, a = %.2f A" % A_ANGSTROM
    ecut = args.ecut
    peer_env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1")
    if coretype and "OPENBLAS_CORETYPE" not in peer_env:
        peer_env["OPENBLAS_CORETYPE"] = coretype
    mpirun = ["mpirun", "--allow-run-as-root", "--oversubscribe", "-np", str(args.cores),
              "-x", "OMP_NUM_THREADS", "-x", "OPENBLAS_NUM_THREADS"] + (
                  ["-x", "OPENBLAS_CORETYPE"] if "OPENBLAS_CORETYPE" in peer_env else [])
    print("\n== %s: ecut %g Ha, %s Γ-centred, FD 0.01 Ha, %d bands, %d cores; load %s" % (
        label, ecut, "x".join(map(str, mesh)), nbands, args.cores, load_average()), flush=True)

    # ours
    ours_json = os.path.join(work, "facetweld_scf.json")
    cmd = [facetweld, "scf", "--structure", poscar, "--psp", PSP_DIR + PSP_FILE, "--xc", "pbe",
           "--ecut", "%gHa" % ecut, "--kpts", "x".join(map(str, mesh)), "--smearing", "fermi-dirac:0.01Ha",
           "--nbands", str(nbands), "--toldfe", "1e-8", "--no-forces", "--json", ours_json,
           "--threads", str(args.cores)]
    print("ours:   %s" % " ".join(cmd), flush=True)
    rc, ours_wall, ours_cpu = run_timed(cmd, work, os.path.join(work, "facetweld.log"))
    if rc != 0 or not os.path.exists(ours_json):
        print("bench_vs_peers: facetweld failed (exit %d):\n%s" % (rc, tail(os.path.join(work, "facetweld.log"))),
              file=sys.stderr)
        return None
    with open(ours_json) as f:
        ours = json.load(f)

    # Quantum ESPRESSO
    qe_in = os.path.join(work, "au.pwi")
    write_qe_input(qe_in, poscar, ecut, mesh, nbands, os.path.join(work, "qe_tmp"))
    cmd = mpirun + ["pw.x", "-nk", str(args.cores), "-in", "au.pwi"]
    print("QE:     %s" % " ".join(cmd), flush=True)
    rc, qe_wall, qe_cpu = run_timed(cmd, work, os.path.join(work, "au.pwo"), peer_env)
    qe = parse_qe(os.path.join(work, "au.pwo")) if rc == 0 else None
    if qe is None:
        print("bench_vs_peers: pw.x failed (exit %d):\n%s" % (rc, tail(os.path.join(work, "au.pwo"))), file=sys.stderr)
        return None

    # ABINIT
    abi = os.path.join(work, "au.abi")
    write_abinit_input(abi, poscar, ecut, mesh, nbands)
    with open(abi, "a") as f:
        f.write("optforces 0\noptstress 0\n")
    cmd = mpirun + ["abinit", "au.abi"]
    print("ABINIT: %s" % " ".join(cmd), flush=True)
    rc, ab_wall, ab_cpu = run_timed(cmd, work, os.path.join(work, "abinit.log"), peer_env)
    abo = os.path.join(work, "au.abo")
    if rc != 0 or not os.path.exists(abo):
        print("bench_vs_peers: abinit failed (exit %d)" % rc, file=sys.stderr)
        return None
    ab = abinit_ref.parse_abo(abo)

    n_atoms = ours["n_atoms"]
    e_ours = ours["free_energy_Ha"] / n_atoms
    e_qe = qe["free_energy_Ha"] / n_atoms
    e_ab = ab["etotal_Ha"] / ab["natom"]
    d_qe = (e_qe - e_ours) * HA_TO_EV * 1000.0
    d_ab = (e_ab - e_ours) * HA_TO_EV * 1000.0
    rows = [
        ("", "facetweld scf", "QE pw.x %s" % qe["version"], "ABINIT 9.6"),
        ("wall time (s)", "%.2f" % ours_wall, "%.2f" % qe_wall, "%.2f" % ab_wall),
        ("CPU time (s)", "%.2f" % ours_cpu, "%.2f" % qe_cpu, "%.2f" % ab_cpu),
        ("SCF steps", str(ours["scf_iterations"]), str(qe["scf_steps"]), str(ab["scf_steps"])),
        ("free energy (Ha/cell)", "%.8f" % ours["free_energy_Ha"], "%.8f" % qe["free_energy_Ha"],
         "%.8f" % ab["etotal_Ha"]),
        ("ΔE vs ours (meV/atom)", "0", "%+.4f" % d_qe, "%+.4f" % d_ab),
        ("irreducible k-points", str(ours["n_kpoints_irreducible"]), str(qe["nkpt_irreducible"]),
         str(ab["nkpt_irreducible"])),
        ("dense FFT grid", "x".join(map(str, ours["fft_grid"])), "x".join(map(str, qe["fft_grid"])),
         "x".join(map(str, ab.get("ngfft", [])))),
        ("ranks x threads", "1 x %d" % args.cores, "%d x 1 (-nk %d)" % (args.cores, args.cores),
         "%d x 1" % args.cores),
        ("stop rule", "|ΔE|<1e-8 Ha x2", "est. err<%.0e Ry" % QE_CONV_THR_RY, "|ΔE|<1e-8 Ha x2"),
    ]
    for r in rows:
        print("  %-24s %18s %18s %18s" % r)
    print("  QE's last ΔE: %.1e Ha" % qe["last_delta_e_Ha"])
    if qe["fft_grid"] and list(qe["fft_grid"]) != list(ours["fft_grid"]):
        print("  note: QE's dense FFT grid %s is smaller than ours %s for the same cut-off (QE takes the "
              "smallest 2-3-5-7 grid holding the 4·ecut sphere; ours and ABINIT add ABINIT's boxcut margin)"
              % ("x".join(map(str, qe["fft_grid"])), "x".join(map(str, ours["fft_grid"]))))
    ratios = {"wall_ours_over_qe": ours_wall / qe_wall, "cpu_ours_over_qe": ours_cpu / qe_cpu,
              "wall_ours_over_abinit": ours_wall / ab_wall, "cpu_ours_over_abinit": ours_cpu / ab_cpu}
    print("  ratio ours/QE:     wall %.3f  CPU %.3f" % (ratios["wall_ours_over_qe"], ratios["cpu_ours_over_qe"]))
    print("  ratio ours/ABINIT: wall %.3f  CPU %.3f" % (ratios["wall_ours_over_abinit"], ratios["cpu_ours_over_abinit"]))
    print("  load after: %s" % load_average(), flush=True)
    return {"system_key": system, "system": label, "ecut_Ha": ecut, "kpoint_mesh": mesh, "n_bands": nbands,
            "timings": {"ours": {"wall_s": ours_wall, "cpu_s": ours_cpu}, "qe": {"wall_s": qe_wall, "cpu_s": qe_cpu},
                        "abinit": {"wall_s": ab_wall, "cpu_s": ab_cpu}},
            "scf_steps": {"ours": ours["scf_iterations"], "qe": qe["scf_steps"], "abinit": ab["scf_steps"]},
            "free_energy_Ha": {"ours": ours["free_energy_Ha"], "qe": qe["free_energy_Ha"], "abinit": ab["etotal_Ha"]},
            "delta_e_meV_per_atom": {"qe": d_qe, "abinit": d_ab},
            "fft_grid": {"ours": ours["fft_grid"], "qe": qe["fft_grid"], "abinit": ab.get("ngfft", [])},
            "ratios": ratios, "work_dir": work}


if __name__ == "__main__":
    sys.exit(main())
