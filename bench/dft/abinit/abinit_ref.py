#!/usr/bin/python3
"""Run the ABINIT reference inputs of this folder and parse their numbers into results.json/.csv.

Usage:
  /usr/bin/python3 abinit_ref.py run [NAME ...]      # run the named inputs (NAME.abi; glob patterns allowed),
                                            # default: every *.abi here; merges into results.json
  /usr/bin/python3 abinit_ref.py parse OUT.abo       # print the parsed numbers of one ABINIT output as JSON
  /usr/bin/python3 abinit_ref.py table               # rewrite results.csv and the README table from results.json
  /usr/bin/python3 abinit_ref.py eos                 # Birch-Murnaghan fit of the eos_* results

Each run happens in a scratch folder (outputs are not kept in git); only the parsed numbers and
the wall time go into results.json. Options: --np N (MPI ranks, default 2), --workdir DIR.
ABINIT 9.x reads the .abi file directly: `mpirun -np 2 abinit NAME.abi`.
"""

import argparse
import fnmatch
import glob
import hashlib
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
RESULTS_JSON = os.path.join(HERE, "results.json")
RESULTS_CSV = os.path.join(HERE, "results.csv")

HA_TO_EV = 27.211386245988  # CODATA 2018, as core/units.hpp
BOHR_TO_A = 0.529177210903  # CODATA 2018
EV_PER_A3_TO_GPA = 160.21766208


def sha256_of(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _floats(line):
    return [float(x) for x in re.findall(r"[-+]?\d+\.\d*(?:[EeDd][-+]?\d+)?", line.replace("D", "E"))]


def parse_yaml_block(lines, tag):
    """Return the key: value pairs of the LAST `--- !tag` block of an .abo file."""
    starts = [i for i, l in enumerate(lines) if l.strip() == "--- !" + tag]
    if not starts:
        return None
    block = {}
    for line in lines[starts[-1] + 1:]:
        if line.strip() == "...":
            break
        m = re.match(r"\s*'?([^:']+)'?\s*:\s*([-+]?\d[\d.]*(?:[Ee][-+]?\d+)?)\s*$", line)
        if m:
            block[m.group(1).strip()] = float(m.group(2))
    return block


def parse_outvar(lines, name, count=None):
    """Numbers of one variable from the final `-outvars` echo (continuation lines included)."""
    start = max(i for i, l in enumerate(lines) if "-outvars: echo values of variables after computation" in l
                ) if any("-outvars: echo values of variables after computation" in l for l in lines) else None
    if start is None:
        return None
    values = None
    for line in lines[start:]:
        if values is None:
            m = re.match(r"^[-P+ ]\s*" + re.escape(name) + r"\s+(.*)$", line)
            if m:
                values = [float(x) for x in re.findall(r"[-+]?\d+(?:\.\d*)?(?:[Ee][-+]?\d+)?", m.group(1))]
                continue
        else:
            if re.match(r"^\s{10,}[-+]?\d", line) and (count is None or len(values) < count):
                values += [float(x) for x in re.findall(r"[-+]?\d+(?:\.\d*)?(?:[Ee][-+]?\d+)?", line)]
            else:
                break
    return values


def parse_eig_file(path):
    """k-points (reduced), weights and eigenvalues (Ha) from an ABINIT _EIG file."""
    kpts, weights, eigs = [], [], []
    fermi = None
    with open(path) as f:
        for line in f:
            if line.startswith(" Fermi"):
                fermi = float(line.split("=")[1].split()[0])
            elif line.startswith(" kpt#"):
                m = re.search(r"wtk=\s*([-\d.]+), kpt=\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)", line)
                weights.append(float(m.group(1)))
                kpts.append([float(m.group(i)) for i in (2, 3, 4)])
                eigs.append([])
            elif eigs and re.match(r"^\s+[-\d]", line):
                eigs[-1] += _floats(line)
    return {"kpts_reduced": kpts, "kpt_weights": weights, "eigenvalues_Ha": eigs, "fermi_Ha_eig_file": fermi}


def parse_abo(path):
    """Everything the native solver is compared against, from one single-dataset ABINIT output."""
    with open(path) as f:
        lines = f.read().splitlines()
    text = "\n".join(lines)
    out = {}
    terms = parse_yaml_block(lines, "EnergyTerms")
    if terms:
        out["energy_terms_Ha"] = {k: v for k, v in terms.items() if k != "total_energy_eV"}
        out["etotal_Ha"] = terms["total_energy"]
    terms_dc = parse_yaml_block(lines, "EnergyTermsDC")
    if terms_dc:
        out["energy_terms_double_counting_Ha"] = terms_dc
    m = re.findall(r"^fermie\s*:\s*([-+\d.Ee]+)", text, re.M)
    if m:
        out["fermi_Ha"] = float(m[-1])
    m = re.search(r"mpw =\s*(\d+)\s+nfft =\s*(\d+)\s+nkpt =\s*(\d+)", text)
    if m:
        out["mpw"] = int(m.group(1))
        out["nkpt_irreducible"] = int(m.group(3))
    ngfft = parse_outvar(lines, "ngfft")
    if ngfft:
        out["ngfft"] = [int(x) for x in ngfft[:3]]
    etot_lines = [l for l in lines if l.startswith(" ETOT")]
    out["scf_steps"] = len(etot_lines)
    m = re.search(r"Fermi \(or HOMO\) energy \(hartree\) =\s*([-\d.]+)\s+Average Vxc \(hartree\)=\s*([-\d.]+)", text)
    if m:
        out["average_vxc_Ha"] = float(m.group(2))
    m = re.search(r"Pressure=\s*([-+\d.Ee]+) GPa", text)
    if m:
        out["pressure_GPa"] = float(m.group(1))
    stress = re.findall(r"^- \[\s*([-+\d.Ee]+),\s*([-+\d.Ee]+),\s*([-+\d.Ee]+), \]", text.split("cartesian_stress_tensor")[-1], re.M) \
        if "cartesian_stress_tensor" in text else []
    if len(stress) >= 3:
        out["stress_Ha_per_bohr3"] = [[float(x) for x in row] for row in stress[:3]]
    natom = parse_outvar(lines, "natom")
    natom = int(natom[0]) if natom else 1
    out["natom"] = natom
    for unit_tag, key in (("hartree/bohr", "forces_Ha_per_bohr"), ("eV/Angstrom", "forces_eV_per_A")):
        idx = [i for i, l in enumerate(lines) if l.strip() == "cartesian forces (%s) at end:" % unit_tag]
        if idx:
            out[key] = [_floats(lines[idx[-1] + 1 + a])[:3] for a in range(natom)]
    xcart = [i for i, l in enumerate(lines) if l.strip() == "cartesian coordinates (angstrom) at end:"]
    if xcart:
        out["positions_A"] = [_floats(lines[xcart[-1] + 1 + a])[:3] for a in range(natom)]
    acell = parse_outvar(lines, "acell", 3)
    if acell:
        out["acell_bohr"] = acell[:3]
    rprim = parse_outvar(lines, "rprim", 9)
    if rprim:
        out["rprim"] = [rprim[0:3], rprim[3:6], rprim[6:9]]
    m = re.search(r"Unit cell volume ucvol=\s*([-+\d.Ee]+) bohr\^3", text)
    if m:
        out["volume_bohr3"] = float(m.group(1))
    for name in ("ecut", "tsmear"):
        v = parse_outvar(lines, name)
        if v:
            out[name + "_Ha"] = v[0]
    for name in ("nband", "ixc", "occopt"):
        v = parse_outvar(lines, name)
        if v:
            out[name] = int(v[0])
    m = re.search(r"\+Overall time at end \(sec\) : cpu=\s*([\d.]+)\s+wall=\s*([\d.]+)", text)
    if m:
        out["abinit_cpu_s"] = float(m.group(1))
        out["abinit_wall_s"] = float(m.group(2))
    out["completed"] = "Calculation completed." in text
    return out


def parse_log(path):
    """npw per k-point from the log (only the k-points of rank 0 under MPI)."""
    out = {}
    with open(path) as f:
        text = f.read()
    npw = re.findall(r"npw=\s*(\d+), for ikpt=\s*(\d+)", text)
    if npw:
        out["npw_per_kpt_rank0"] = {int(k): int(n) for n, k in npw}
    m = re.search(r"Arith. and geom. avg. npw \(full set\) are\s+([\d.]+)", text)
    if m:
        out["npw_average_full_set"] = float(m.group(1))
    out["warnings"] = sorted(set(re.findall(r"^\s+(Pseudopotential file pspxc:.*)$", text, re.M)))
    return out


def run_one(abi_path, nprocs, workdir_root):
    name = os.path.splitext(os.path.basename(abi_path))[0]
    work = os.path.join(workdir_root, name)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    shutil.copy(abi_path, work)
    cmd = ["mpirun", "--allow-run-as-root", "-np", str(nprocs), "abinit", os.path.basename(abi_path)]
    if nprocs == 1:
        cmd = ["abinit", os.path.basename(abi_path)]
    t0 = time.monotonic()
    with open(os.path.join(work, "log"), "w") as log:
        proc = subprocess.run(cmd, cwd=work, stdout=log, stderr=subprocess.STDOUT)
    wall = time.monotonic() - t0
    abo = os.path.join(work, name + ".abo")
    if proc.returncode != 0 or not os.path.exists(abo):
        raise RuntimeError("abinit failed on %s (exit %d); see %s/log" % (abi_path, proc.returncode, work))
    res = parse_abo(abo)
    res.update(parse_log(os.path.join(work, "log")))
    eig = os.path.join(work, name + "o_EIG")
    if os.path.exists(eig):
        res.update(parse_eig_file(eig))
    res["wall_s"] = round(wall, 2)
    res["mpi_ranks"] = nprocs
    res["input_file"] = os.path.basename(abi_path)
    res["input_sha256"] = sha256_of(abi_path)
    with open(abi_path) as f:
        abi = f.read()
    m = re.search(r'pp_dirpath\s+"([^"]+)"', abi)
    p = re.search(r'pseudos\s+"([^"]+)"', abi)
    if m and p:
        res["pseudopotentials"] = {}
        for psp in p.group(1).split(","):
            full = os.path.join(m.group(1), psp.strip())
            res["pseudopotentials"][full] = sha256_of(full)
    res["abinit_version"] = subprocess.run(["abinit", "--version"], capture_output=True, text=True).stdout.strip()
    res["work_dir"] = work
    return name, res


def load_results():
    if os.path.exists(RESULTS_JSON):
        with open(RESULTS_JSON) as f:
            return json.load(f)
    return {}


def save_json_atomically(path, data):
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        json.dump(data, f, indent=1, sort_keys=True)
        f.write("\n")
    os.replace(tmp, path)


CSV_COLUMNS = ["name", "natom", "ecut_Ha", "nkpt_irreducible", "ngfft", "mpw", "scf_steps", "etotal_Ha",
               "etotal_per_atom_eV", "fermi_Ha", "pressure_GPa", "max_force_eV_per_A", "wall_s", "mpi_ranks"]


def write_csv(results):
    rows = []
    for name in sorted(results):
        r = results[name]
        forces = r.get("forces_eV_per_A") or [[0, 0, 0]]
        row = {
            "name": name, "natom": r.get("natom"), "ecut_Ha": r.get("ecut_Ha"),
            "nkpt_irreducible": r.get("nkpt_irreducible"), "ngfft": "x".join(map(str, r.get("ngfft", []))),
            "mpw": r.get("mpw"), "scf_steps": r.get("scf_steps"), "etotal_Ha": "%.10f" % r["etotal_Ha"],
            "etotal_per_atom_eV": "%.6f" % (r["etotal_Ha"] * HA_TO_EV / r.get("natom", 1)),
            "fermi_Ha": r.get("fermi_Ha"), "pressure_GPa": r.get("pressure_GPa"),
            "max_force_eV_per_A": "%.6f" % max(math.sqrt(sum(c * c for c in f)) for f in forces),
            "wall_s": r.get("wall_s"), "mpi_ranks": r.get("mpi_ranks"),
        }
        rows.append(",".join("" if row[c] is None else str(row[c]) for c in CSV_COLUMNS))
    tmp = RESULTS_CSV + ".tmp"
    with open(tmp, "w") as f:
        f.write(",".join(CSV_COLUMNS) + "\n" + "\n".join(rows) + "\n")
    os.replace(tmp, RESULTS_CSV)


def birch_murnaghan_fit(volumes_bohr3, energies_Ha):
    """Third-order Birch-Murnaghan E(V) fit (Birch, PRB 71, 809 (1947)).

    The BM3 energy is a cubic polynomial in x = V^(-2/3), so the fit is linear least squares.
    B = V d2E/dV2 and B' = dB/dP = -(V/B) dB/dV, both at the minimum V0.
    Returns V0 (bohr^3), E0 (Ha), B0 (GPa), B0'.
    """
    import numpy as np
    x = np.asarray(volumes_bohr3, dtype=float) ** (-2.0 / 3.0)
    c = np.polyfit(x, np.asarray(energies_Ha, dtype=float), 3)
    d1, d2 = np.polyder(c, 1), np.polyder(c, 2)
    roots = [r.real for r in np.roots(d1) if abs(r.imag) < 1e-12 and r.real > 0]
    x0 = min(roots, key=lambda r: abs(r - x.mean()))
    v0 = x0 ** (-1.5)

    def bulk_Ha_per_bohr3(v):
        xx = v ** (-2.0 / 3.0)
        dxdv = -2.0 / 3.0 * xx / v
        d2xdv2 = 10.0 / 9.0 * xx / v ** 2
        return v * (np.polyval(d2, xx) * dxdv ** 2 + np.polyval(d1, xx) * d2xdv2)

    b0 = bulk_Ha_per_bohr3(v0)
    h = 1e-4 * v0
    b0_prime = -v0 / b0 * (bulk_Ha_per_bohr3(v0 + h) - bulk_Ha_per_bohr3(v0 - h)) / (2 * h)
    ha_per_bohr3_to_gpa = HA_TO_EV / BOHR_TO_A ** 3 * EV_PER_A3_TO_GPA
    return float(v0), float(np.polyval(c, x0)), float(b0 * ha_per_bohr3_to_gpa), float(b0_prime)


def cmd_eos(results):
    pts = sorted((r["volume_bohr3"], r["etotal_Ha"], n) for n, r in results.items() if n.startswith("eos_"))
    if len(pts) < 4:
        sys.exit("eos: need at least 4 eos_* results, have %d" % len(pts))
    v0, e0, b0, b0_prime = birch_murnaghan_fit([p[0] for p in pts], [p[1] for p in pts])
    a0 = (4.0 * v0) ** (1.0 / 3.0) * BOHR_TO_A  # fcc primitive cell: V = a^3/4
    fit = {"a0_A": a0, "V0_bohr3": v0, "E0_Ha": e0, "B0_GPa": b0, "B0_prime": b0_prime, "n_points": len(pts),
           "points": [p[2] for p in pts]}
    print(json.dumps(fit, indent=1))
    return fit


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("action", choices=["run", "parse", "table", "eos"])
    ap.add_argument("names", nargs="*")
    ap.add_argument("--np", type=int, default=2)
    ap.add_argument("--workdir", default=os.path.join(tempfile.gettempdir(), "facetweld-abinit-ref"))
    args = ap.parse_args()
    if args.action == "parse":
        for path in args.names:
            print(json.dumps(parse_abo(path), indent=1))
        return
    results = load_results()
    if args.action == "run":
        if shutil.which("abinit") is None or shutil.which("mpirun") is None:
            sys.exit("abinit_ref: abinit/mpirun not found; install Debian's abinit (tools/setup.sh)")
        all_inputs = sorted(glob.glob(os.path.join(HERE, "*.abi")))
        patterns = args.names or ["*"]
        chosen = [p for p in all_inputs
                  if any(fnmatch.fnmatch(os.path.splitext(os.path.basename(p))[0], pat) for pat in patterns)]
        if not chosen:
            sys.exit("abinit_ref: no input matches %s" % patterns)
        for i, abi in enumerate(chosen, 1):
            print("[%d/%d] %s ..." % (i, len(chosen), os.path.basename(abi)), end="", flush=True)
            name, res = run_one(abi, args.np, args.workdir)
            results = load_results()  # re-read: other runs may have merged meanwhile
            results[name] = res
            save_json_atomically(RESULTS_JSON, results)
            print(" etotal %.10f Ha, %d SCF steps, nkpt %s, %.1f s" % (
                res["etotal_Ha"], res["scf_steps"], res.get("nkpt_irreducible"), res["wall_s"]), flush=True)
        write_csv(results)
    elif args.action == "table":
        write_csv(results)
    elif args.action == "eos":
        save_json_atomically(os.path.join(HERE, "eos_fit.json"), cmd_eos(results))


if __name__ == "__main__":
    main()
