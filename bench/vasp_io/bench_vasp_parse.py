#!/usr/bin/python3
"""Times `facetweld vasp parse --json` against pymatgen 2022.11.7 on the largest corpus
vasprun.xml and OUTCAR, in one run, and prints the ratios.

facetweld is timed end to end as a user runs it (process start, parse, JSON written to a pipe);
pymatgen in-process after its import (so its start-up cost is NOT counted against it).
Usage: bench/vasp_io/bench_vasp_parse.py [--facetweld PATH] [--repeat N]
"""
import argparse
import gzip
import os
import statistics
import subprocess
import sys
import time
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", ".."))
CORPUS = os.path.normpath(os.path.join(REPO, "..", "shared", "vasp-corpus"))


def largest(pattern_names):
    best, best_size = None, -1
    for case in sorted(os.listdir(CORPUS)):
        for name in pattern_names:
            path = os.path.join(CORPUS, case, name)
            if not os.path.isfile(path):
                continue
            size = len(gzip.open(path).read()) if path.endswith(".gz") else os.path.getsize(path)
            if size > best_size:
                best, best_size = path, size
    return best, best_size


def median_time(fn, repeat):
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--facetweld", default=os.path.join(REPO, "build", "tools", "facetweld"))
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    if not os.path.isfile(args.facetweld):
        sys.exit(f"facetweld not found at {args.facetweld} (build it, or pass --facetweld)")
    if not os.path.isdir(CORPUS):
        sys.exit(f"corpus not found at {CORPUS}")
    warnings.simplefilter("ignore")
    from pymatgen.io.vasp.outputs import Outcar, Vasprun
    import pymatgen

    vasprun_path, vasprun_bytes = largest(["vasprun.xml", "vasprun.xml.gz"])
    outcar_path, outcar_bytes = largest(["OUTCAR"])

    def ours(path):
        def run():
            r = subprocess.run([args.facetweld, "vasp", "parse", "--json", path], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, check=False)
            if r.returncode != 0:
                sys.exit(f"facetweld failed on {path}: {r.stderr.decode()}")
        return run

    rows = [
        ("vasprun.xml", vasprun_path, vasprun_bytes, ours(vasprun_path),
         "Vasprun() defaults", lambda: Vasprun(vasprun_path)),
        ("vasprun.xml", vasprun_path, vasprun_bytes, ours(vasprun_path),
         "Vasprun(parse_dos=False, parse_potcar_file=False)",
         lambda: Vasprun(vasprun_path, parse_dos=False, parse_potcar_file=False)),
        ("OUTCAR", outcar_path, outcar_bytes, ours(outcar_path), "Outcar()", lambda: Outcar(outcar_path)),
    ]
    print(f"pymatgen {pymatgen.__version__ if hasattr(pymatgen, '__version__') else '2022.11.7'}; "
          f"median of {args.repeat} runs each; facetweld = {args.facetweld}")
    print(f"{'file':12s} {'MB':>6s} {'facetweld_s':>12s} {'pymatgen_s':>11s} {'ratio':>7s}  pymatgen call / path")
    for kind, path, size, ours_fn, label, theirs_fn in rows:
        ours_fn()  # warm the page cache for both
        t_ours = median_time(ours_fn, args.repeat)
        t_theirs = median_time(theirs_fn, args.repeat)
        print(f"{kind:12s} {size / 1e6:6.2f} {t_ours:12.4f} {t_theirs:11.3f} {t_theirs / t_ours:6.1f}x  "
              f"{label}  {os.path.relpath(path, CORPUS)}")


if __name__ == "__main__":
    main()
