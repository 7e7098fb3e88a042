#!/usr/bin/python3
"""Ours vs pymatgen vs ASE on CHGCAR-sized grids, in one Python process: facetweld.read_chgcar
against pymatgen's Chgcar.from_file and ASE's VaspChargeDensity.

The files are written for the run into a temporary folder in VASP's layout (the writer of
tests/data/vasp/volumetric/make_volumetric.py: 5 values a line, "0.44062142953E+00", with
augmentation occupancies), from a 2-atom Si cell: one spin-free grid per size and one spin grid.
Each row checks that facetweld and pymatgen read the same numbers before it is timed.

Columns: median wall and CPU seconds of N calls after one warm-up. On a shared machine read the
CPU column; wall time includes other jobs.

Usage: PYTHONPATH=build/python bench/python/bench_volumetric.py [--repeat N]
"""
import argparse
import os
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(REPO, "tests", "data", "vasp", "volumetric"))

import make_volumetric as writer  # noqa: E402
from bench_parse import timed  # noqa: E402 (this folder is on sys.path when run as a script)



def write_chgcar(path, grid, spin):
    lines = writer.header("Si") + writer.grid_block(grid, writer.field(grid, 1.1, 8.0))
    lines += writer.augmentation(2, 1.0)
    if spin:
        lines += [" " + writer.fortran_e(0.3) + " " + writer.fortran_e(-0.3)]
        lines += writer.grid_block(grid, writer.field(grid, 0.4)) + writer.augmentation(2, 0.2)
    writer.write(path, lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    import numpy as np
    import facetweld
    from ase.calculators.vasp import VaspChargeDensity
    from pymatgen.io.vasp.outputs import Chgcar

    print(f"facetweld {facetweld.__version__}; {args.repeat} calls a row, median")
    print(f"{'file':28} {'MB':>5} {'facetweld ms':>13} {'pymatgen ms':>13} {'ASE ms':>13}"
          f" {'vs pmg':>7} {'vs ASE':>7}   (median wall; CPU in brackets; speed-ups of CPU)")
    with tempfile.TemporaryDirectory() as tmp:
        for grid, spin in [((48, 48, 48), False), ((96, 96, 96), False), ((64, 64, 64), True)]:
            label = f"CHGCAR {grid[0]}x{grid[1]}x{grid[2]}" + (" spin" if spin else "")
            path = os.path.join(tmp, "CHGCAR")
            write_chgcar(path, grid, spin)
            same = np.array_equal(facetweld.read_chgcar(path).total,
                                  Chgcar.from_file(path).data["total"])
            ours = timed(lambda: facetweld.read_chgcar(path), args.repeat)
            pmg = timed(lambda: Chgcar.from_file(path), args.repeat)
            ase = timed(lambda: VaspChargeDensity(path), args.repeat)
            print(f"{label:28} {os.path.getsize(path) / 1e6:5.1f}"
                  + "".join(f" {1e3 * w:7.0f} ({1e3 * c:4.0f})" for w, c in (ours, pmg, ase))
                  + f" {pmg[1] / ours[1]:6.0f}x {ase[1] / ours[1]:6.0f}x   equal: {same}")


if __name__ == "__main__":
    main()
