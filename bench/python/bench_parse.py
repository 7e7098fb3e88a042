#!/usr/bin/python3
"""Ours vs pymatgen from Python, in one run: facetweld.vasp against pymatgen's Vasprun and
Outcar on the largest corpus vasprun.xml (gzip as stored and decompressed) and OUTCAR, then on
every smaller corpus vasprun.xml, then the whole-process time of `facetweld vasp parse` against a
Python process that parses with pymatgen.

Fair settings: both parse the DOS (total and projected) and the eigenvalues. pymatgen runs
`Vasprun(path, parse_dos=True, parse_eigen=True, parse_potcar_file=False)` (its defaults, without
looking for POTCARs); facetweld runs `read_vasprun` (NumPy arrays and Structures: eigenvalues,
occupations, DOS, every step's forces, stress and structure) and `parse` (the same data as the
dict of `vasp parse --json`). Neither parses the projected eigenvalues (<projected>, pymatgen's
parse_projected_eigen=False default). Each row checks that both read the same eigenvalues and
total DOS before it is timed.

In-process columns: median wall and CPU seconds of N calls after one warm-up (pymatgen's import is
not counted against it). Whole-process: hyperfine (Debian `hyperfine`) when installed, otherwise
the median of N runs. On a shared machine read the CPU column; wall time includes other jobs.

Usage: PYTHONPATH=build/python bench/python/bench_parse.py [--build build] [--repeat N]
"""
import argparse
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", ".."))


def corpus_dir():
    for path in (os.path.join(REPO, "tests", "data", "vasp-corpus"),
                 os.path.normpath(os.path.join(REPO, "..", "shared", "vasp-corpus"))):
        if os.path.isdir(path):
            return path
    sys.exit("VASP corpus not found (tests/data/vasp-corpus or ../shared/vasp-corpus)")


def largest(corpus, names):
    best, best_size = None, -1
    for case in sorted(os.listdir(corpus)):
        for name in names:
            path = os.path.join(corpus, case, name)
            if os.path.isfile(path):
                size = len(gzip.open(path).read()) if path.endswith(".gz") else os.path.getsize(path)
                if size > best_size:
                    best, best_size = path, size
    return best


def timed(fn, repeat):
    """Median wall and CPU (user+sys of this process) seconds of fn() over `repeat` calls."""
    fn()
    walls, cpus = [], []
    for _ in range(repeat):
        c0, w0 = time.process_time(), time.perf_counter()
        fn()
        cpus.append(time.process_time() - c0)
        walls.append(time.perf_counter() - w0)
    return statistics.median(walls), statistics.median(cpus)


def whole_process(commands, repeat):
    """{name: median wall seconds} of running each command line as a whole process."""
    if shutil.which("hyperfine"):
        with tempfile.NamedTemporaryFile(suffix=".json") as out:
            args = ["hyperfine", "-N", "--warmup", "3", "--runs", str(repeat), "--export-json",
                    out.name, "--style", "none"]
            names = list(commands)
            for name in names:
                args += ["-n", name, commands[name]]
            subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
            results = json.load(open(out.name))["results"]
            return {name: (r["median"], r["user"] + r["system"])
                    for name, r in zip(names, results)}, "hyperfine"
    import resource

    medians = {}
    for name, cmd in commands.items():
        times, cpus = [], []
        for _ in range(repeat):
            r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.perf_counter()
            subprocess.run(cmd, shell=True, check=True, stdout=subprocess.DEVNULL)
            times.append(time.perf_counter() - t0)
            r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus.append(r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime)
        medians[name] = (statistics.median(times), statistics.median(cpus))
    return medians, "median of runs"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--build", default=os.path.join(REPO, "build"))
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    sys.path.insert(0, os.path.join(args.build, "python"))
    import numpy as np

    import facetweld
    from facetweld.vasp import read_vasprun
    from pymatgen.electronic_structure.core import Spin
    from pymatgen.io.vasp.outputs import Outcar, Vasprun

    corpus = corpus_dir()
    vasprun_gz = largest(corpus, ["vasprun.xml.gz", "vasprun.xml"])
    outcar = largest(corpus, ["OUTCAR"])
    tmp = tempfile.mkdtemp(prefix="facetweld_bench_")
    vasprun_xml = os.path.join(tmp, "vasprun.xml")
    with gzip.open(vasprun_gz) as src, open(vasprun_xml, "wb") as dst:
        dst.write(src.read())

    def pmg_vasprun(path):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return Vasprun(path, parse_dos=True, parse_eigen=True, parse_potcar_file=False)

    def same_vasprun(ours, ref):
        if isinstance(ours, dict):  # parse(): nested lists
            eig = np.array(ours["eigenvalues"]["energies_eV"])
            tdos = None if ours["dos"] is None else np.array(ours["dos"]["total"])
        else:
            eig, tdos = ours.eigenvalues_eV, ours.total_dos
        same = np.array_equal(eig[0], ref.eigenvalues[Spin.up][:, :, 0])
        if hasattr(ref, "tdos"):
            same = same and np.array_equal(tdos[0], ref.tdos.densities[Spin.up])
        return f"eigenvalues{' and DOS' if hasattr(ref, 'tdos') else ''} equal: {same}"

    def same_outcar(ours, ref):
        return f"final energy equal: {abs(ours['final_energy_sigma0_eV'] - ref.final_energy) < 1e-8}"

    parse = facetweld.vasp.parse
    rows = [("vasprun.xml read_vasprun", vasprun_xml, read_vasprun, pmg_vasprun, same_vasprun),
            ("vasprun.xml parse (dict)", vasprun_xml, parse, pmg_vasprun, same_vasprun),
            ("vasprun.xml.gz read_vasprun", vasprun_gz, read_vasprun, pmg_vasprun, same_vasprun),
            ("OUTCAR parse", outcar, parse, Outcar, same_outcar)]
    for case in sorted(os.listdir(corpus)):
        path = os.path.join(corpus, case, "vasprun.xml")
        if os.path.isfile(path):
            rows.append((f"{case[:28]}", path, read_vasprun, pmg_vasprun, same_vasprun))
    print(f"facetweld {facetweld.__version__}; corpus {corpus}")
    print(f"{'file':30} {'MB':>5} {'facetweld ms':>13} {'pymatgen ms':>12} {'speed-up':>9}"
          f"   (median wall; CPU in brackets; speed-up of CPU)")
    for label, path, ours_fn, reference, check in rows:
        size_mb = os.path.getsize(path) / 1e6
        ours_wall, ours_cpu = timed(lambda: ours_fn(path), args.repeat)
        ref_wall, ref_cpu = timed(lambda: reference(path), max(3, args.repeat // 3))
        print(f"{label:30} {size_mb:5.2f} {1e3 * ours_wall:7.1f} ({1e3 * ours_cpu:4.1f})"
              f" {1e3 * ref_wall:7.0f} ({1e3 * ref_cpu:4.0f}) {ref_cpu / ours_cpu:8.0f}x"
              f"   {check(ours_fn(path), reference(path))}")

    binary = os.path.join(args.build, "tools", "facetweld")
    full = os.path.join(args.build, "tools", "facetweld-full")
    commands = {
        "facetweld vasp parse --json": f"{binary} vasp parse --json {vasprun_xml}",
        "facetweld-full (MPI, libxc, BLAS loaded)": f"{full} vasp parse --json {vasprun_xml}",
        "python3: import facetweld + read_vasprun":
            f"{sys.executable} -c \"import sys; sys.path.insert(0, '{args.build}/python'); "
            f"import facetweld; facetweld.vasp.read_vasprun('{vasprun_xml}')\"",
        "python3: pymatgen Vasprun":
            f"{sys.executable} -W ignore -c \"from pymatgen.io.vasp.outputs import Vasprun; "
            f"Vasprun('{vasprun_xml}', parse_potcar_file=False)\"",
    }
    medians, how = whole_process(commands, args.repeat)
    print(f"\nWhole process, {os.path.getsize(vasprun_xml) / 1e6:.1f} MB vasprun.xml ({how}):")
    print(f"  {'':42} {'wall ms':>8} {'CPU ms':>8}   CPU speed-up")
    base = medians["python3: pymatgen Vasprun"][1]
    for name, (wall, cpu) in medians.items():
        print(f"  {name:42} {1e3 * wall:8.1f} {1e3 * cpu:8.1f}   {base / cpu:6.0f}x pymatgen")
    shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
