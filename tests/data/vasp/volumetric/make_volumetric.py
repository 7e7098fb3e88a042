"""Writes the volumetric test files of this folder in VASP's own layout (see README.md).

Run with any python3 (standard library only): python3 make_volumetric.py
"""
import math

HEADERS = {
    # title, cell rows (A), species, counts, fractional positions
    "Li": ("Li bcc primitive", [(2.969072, -0.000523, -0.000907), (-0.987305, 2.800110, 0.000907),
                                (-0.987305, -1.402326, 2.423654)], ["Li"], [1], [(0, 0, 0)]),
    "FeO": ("FeO rocksalt AFM-like test cell", [(0.0, 2.15, 2.15), (2.15, 0.0, 2.15),
                                                (2.15, 2.15, 0.0)],
            ["Fe", "O"], [1, 1], [(0, 0, 0), (0.5, 0.5, 0.5)]),
    "Si": ("Si diamond", [(0.0, 2.7155, 2.7155), (2.7155, 0.0, 2.7155), (2.7155, 2.7155, 0.0)],
           ["Si"], [2], [(0, 0, 0), (0.25, 0.25, 0.25)]),
}


def fortran_e(x, digits=11):
    """VASP's E format: 0.44062142953E+00, -.25718555647E+01."""
    if x == 0:
        return "0." + "0" * digits + "E+00"
    e = math.floor(math.log10(abs(x))) + 1
    m = round(abs(x) / 10**e, digits)
    if m >= 1:
        m, e = m / 10, e + 1
    s = f"{m:.{digits}f}"
    if x < 0:
        s = "-" + s[1:]
    return f"{s}E{e:+03d}"


def header(key):
    title, cell, species, counts, positions = HEADERS[key]
    lines = [f"{title:40s}", "   1.00000000000000     "]
    lines += ["  " + "".join(f"{v:12.6f}" for v in row) for row in cell]
    lines.append("".join(f"   {s:2s}" for s in species))
    lines.append("".join(f"{c:6d}" for c in counts))
    lines.append("Direct")
    lines += ["".join(f"{v:10.6f}" for v in p) for p in positions]
    lines.append(" ")
    return lines


def field(grid, seed, offset=0.0):
    """A smooth periodic field with signs changing, x fastest as VASP prints."""
    nx, ny, nz = grid
    out = []
    for iz in range(nz):
        for iy in range(ny):
            for ix in range(nx):
                out.append(offset + seed * math.cos(2 * math.pi * (ix / nx + 0.3))
                           + 0.7 * math.sin(2 * math.pi * (2 * iy / ny + iz / nz + 0.1 * seed))
                           + 0.013 * (ix + 3 * iy + 7 * iz))
    return out


def grid_block(grid, values, per_line=5, fmt=lambda v: " " + fortran_e(v)):
    lines = ["".join(f"{n:5d}" for n in grid)]
    for i in range(0, len(values), per_line):
        lines.append("".join(fmt(v) for v in values[i:i + per_line]))
    return lines


def augmentation(natoms, seed):
    lines = []
    for a in range(natoms):
        n = 7 + 2 * a
        lines.append(f"augmentation occupancies{a + 1:4d}{n:4d}")
        vals = [0.1 * seed * math.sin(a + k) for k in range(n)]
        for i in range(0, n, 5):
            lines.append("".join(" " + fortran_e(v) for v in vals[i:i + 5]))
    return lines


def write(name, lines):
    with open(name, "w") as f:
        f.write("\n".join(lines) + "\n")


def main():
    grid = (5, 6, 7)
    write("CHGCAR.Li.nospin",
          header("Li") + grid_block(grid, field(grid, 1.3, 8.0)) + augmentation(1, 1.0))
    grid = (4, 6, 5)
    moments = "".join(" " + fortran_e(v) for v in (2.4, -0.05))
    write("CHGCAR.FeO.spin",
          header("FeO") + grid_block(grid, field(grid, 2.0, 40.0)) + augmentation(2, 1.0)
          + [moments] + grid_block(grid, field(grid, 0.6)) + augmentation(2, 0.3))
    grid = (3, 4, 5)
    blocks = []
    for k, (seed, offset) in enumerate([(1.1, 9.0), (0.2, 0.0), (-0.3, 0.0), (0.4, 0.1)]):
        blocks += grid_block(grid, field(grid, seed, offset)) + augmentation(2, 0.1 * (k + 1))
    write("CHGCAR.Si.noncollinear", header("Si") + blocks)
    grid = (6, 5, 4)
    write("LOCPOT.Si", header("Si") + grid_block(grid, field(grid, 3.0, -12.0)))
    grid = (5, 6, 7)
    # CHG: 10 values a line in G11.5 (VASP's 10(1X,G11.5)), no augmentation occupancies
    write("CHG.Li", header("Li") + grid_block(grid, field(grid, 1.3, 8.0), 10,
                                              lambda v: " " + fortran_e(v, 5)))


if __name__ == "__main__":
    main()
