#!/usr/bin/python3
"""Times `facetweld vasp parse --json` against pymatgen 2022.11.7 on the largest corpus
vasprun.xml and OUTCAR, in one run, and prints the ratios.

Two facetweld columns: `vasp parse --json` end to end as a user runs it (process start with all
of facetweld's shared libraries, parse, JSON to a pipe), and the parser in-process
(vasp_io_parse_timing, median of N reads). pymatgen runs in-process after its import (its start-up
is NOT counted against it). The gzip vasprun.xml is also timed decompressed, as VASP writes it.
Usage: bench/vasp_io/bench_vasp_parse.py [--build DIR] [--repeat N]
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
CORPUS = os.path.join(REPO, "tests", "data", "vasp-corpus")


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


def median_time(fn, repeat, children=False):
    """Median CPU seconds (user+sys) of fn(): of this process, or of its children (subprocesses).
    CPU time, not wall time: on a shared machine wall time mostly measures the other jobs."""
    import resource
    who = resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF
    times = []
    for _ in range(repeat):
        r0 = resource.getrusage(who)
        fn()
        r1 = resource.getrusage(who)
        times.append((r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime))
    return statistics.median(times)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default=os.path.join(REPO, "build"), help="CMake build folder")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    args.facetweld = os.path.join(args.build, "tools", "facetweld")
    timing = os.path.join(args.build, "bench", "vasp_io", "vasp_io_parse_timing")
    if not os.path.isfile(args.facetweld) or not os.path.isfile(timing):
        sys.exit(f"build facetweld and vasp_io_parse_timing in {args.build} first (or pass --build)")
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

    import tempfile
    tmp = tempfile.mkdtemp(prefix="fw_bench_vasp_")
    plain = os.path.join(tmp, "vasprun.xml")
    with open(plain, "wb") as f:
        f.write(gzip.open(vasprun_path).read() if vasprun_path.endswith(".gz") else open(vasprun_path, "rb").read())

    def in_process(path):
        r = subprocess.run([timing, path, str(args.repeat)], stdout=subprocess.PIPE, check=True)
        return float(r.stdout.decode().split()[0])  # CPU seconds

    rows = [
        ("vasprun.xml.gz", vasprun_path, "Vasprun(path)", lambda: Vasprun(vasprun_path)),
        ("vasprun.xml.gz", vasprun_path, "Vasprun(path, parse_dos=False, parse_potcar_file=False)",
         lambda: Vasprun(vasprun_path, parse_dos=False, parse_potcar_file=False)),
        ("vasprun.xml", plain, "Vasprun(path)", lambda: Vasprun(plain)),
        ("vasprun.xml", plain, "Vasprun(path, parse_dos=False, parse_potcar_file=False)",
         lambda: Vasprun(plain, parse_dos=False, parse_potcar_file=False)),
        ("OUTCAR", outcar_path, "Outcar(path)", lambda: Outcar(outcar_path)),
    ]
    print(f"pymatgen {getattr(pymatgen, '__version__', '2022.11.7')}; median CPU seconds of {args.repeat} runs; "
          f"vasprun.xml = {os.path.relpath(vasprun_path, CORPUS)} ({vasprun_bytes / 1e6:.2f} MB), "
          f"OUTCAR = {os.path.relpath(outcar_path, CORPUS)} ({outcar_bytes / 1e6:.2f} MB)")
    print(f"{'file':15s} {'cli_s':>8s} {'inproc_s':>9s} {'pymatgen_s':>10s} {'ratio_cli':>9s} {'ratio_inproc':>12s}  pymatgen call")
    for kind, path, label, theirs_fn in rows:
        ours_fn = ours(path)
        ours_fn()  # warm the page cache
        t_cli = median_time(ours_fn, args.repeat, children=True)
        t_in = in_process(path)
        t_theirs = median_time(theirs_fn, args.repeat)
        print(f"{kind:15s} {t_cli:8.4f} {t_in:9.5f} {t_theirs:10.3f} {t_theirs / t_cli:8.1f}x {t_theirs / t_in:11.1f}x  {label}")
    os.remove(plain)
    os.rmdir(tmp)

if __name__ == "__main__":
    main()
