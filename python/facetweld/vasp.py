"""VASP output files.

``parse(path)`` returns the dict of ``facetweld vasp parse --json`` for OUTCAR, OSZICAR,
vasprun.xml or CONTCAR (energies in eV, forces in eV/Å, stress in kbar, Fermi level in eV,
convergence flags, and for vasprun.xml every array as nested lists).

``read_vasprun(path)`` returns the same vasprun.xml data as NumPy arrays and ``Structure`` objects
(a :class:`VasprunData`), the form to compute with; ``read_eigenval``, ``read_doscar`` and
``read_xdatcar`` do the same for EIGENVAL, DOSCAR and XDATCAR; ``read_chgcar``, ``read_locpot`` and
``read_volumetric`` for CHGCAR, LOCPOT and the other grid files; ``read_outcar`` an OUTCAR's ionic
steps. See docs/python_vasp.md.
"""

import numpy as np

from ._facetweld.vasp import (_doscar_data, _eigenval_data, _vasprun_data, _volumetric_data,
                              _xdatcar_data, detect_type, parse)

__all__ = ["OutputData", "VasprunData", "detect_type", "parse", "read_chgcar", "read_doscar",
           "read_eigenval", "read_locpot", "read_outcar", "read_vasprun", "read_volumetric",
           "read_xdatcar"]


class OutputData:
    """A parsed VASP text output: its arrays as attributes (see the read_* function that made it),
    with ``source``, ``complete`` and ``missing``."""

    def __init__(self, data):
        self.__dict__.update(data)

    def __repr__(self):
        return f"<facetweld.vasp.OutputData {self.source}, complete={self.complete}>"


class VasprunData:
    """vasprun.xml(.gz) as arrays. Energies in eV, forces in eV/Å, stress in kbar as VASP prints
    it (positive: compressed, the cell pushes outwards), lengths in Å. Arrays are ``None`` where
    the file has no such block (no <dos> block, no eigenvalues).

    Attributes (shapes: S spins, K k-points, B bands, E DOS points, N atoms, T ionic steps):

    - ``eigenvalues_eV``, ``occupations``: (S, K, B), the last <eigenvalues> block
    - ``kpoints``: (K, 3) fractional reciprocal coordinates; ``kpoint_weights``: (K,)
    - ``efermi_eV``: from the last <dos> block (None without one)
    - ``dos_energies_eV``: (E,); ``total_dos``, ``integrated_dos``: (S, E), states/eV and
      electrons below each energy; ``pdos``: (N, S, E, len(pdos_orbitals)) projected DOS where
      LORBIT wrote it, ``pdos_orbitals`` the column names ("s", "py", ... or "s", "p", "d")
    - ``free_energies_eV``, ``energies_without_entropy_eV``, ``energies_sigma0_eV``: (T,)
    - ``forces_eV_per_A``: (T, N, 3); ``stresses_kbar``: (T, 3, 3), NaN where a step has none
    - ``cells_A``: (T, 3, 3) lattice vectors as rows; ``positions_fractional``: (T, N, 3)
    - ``structures``: T ``facetweld.Structure`` (``.to_ase()``, ``.to_pymatgen()``);
      ``initial_structure``, ``final_structure``: ``Structure``
    - ``incar``, ``parameters``, ``atomic_symbols``, ``vasp_version``, ``warnings``
    - ``complete``, ``missing``: whether the file held everything a finished run writes
    """

    def __init__(self, data):
        self.__dict__.update(data)

    def __repr__(self):
        return (f"<facetweld.vasp.VasprunData {self.source}: {len(self.structures or [])} ionic "
                f"steps, complete={self.complete}>")

    @property
    def final_energy_eV(self):
        """E(σ→0) of the last ionic step (pymatgen's ``final_energy``), or None."""
        return float(self.energies_sigma0_eV[-1]) if len(self.energies_sigma0_eV) else None

    @property
    def eigenvalue_band_properties(self):
        """(gap, cbm, vbm, is_gap_direct) in eV, as pymatgen's ``Vasprun`` computes them: occupied
        means occupation > 1e-8; a metal gets whatever gap its edges give (see ``band_gap_eV``)."""
        if self.band_edges is None:
            return None
        e = self.band_edges
        return e["gap_from_edges_eV"], e["cbm_eV"], e["vbm_eV"], e["direct"]

    @property
    def band_gap_eV(self):
        """The gap, 0 for a metal (a band partly occupied: fractional occupations, or occupied at
        one k-point and empty at another), else CBM − VBM; None without eigenvalues."""
        if self.band_edges is None:
            return None
        return 0.0 if self.band_edges["metallic"] else self.band_edges["gap_from_edges_eV"]

    def to_ase_trajectory(self):
        """The ionic steps as ``ase.Atoms`` with a single-point calculator each: energy E(σ→0),
        free_energy F, forces, and stress in eV/Å³ (ASE's sign and Voigt order, as
        ``ase.io.read(..., format="vasp-xml")`` gives)."""
        from ase.calculators.singlepoint import SinglePointDFTCalculator
        from ase.units import GPa

        import numpy as np
        frames = []
        for k, structure in enumerate(self.structures):
            atoms = structure.to_ase()
            stress = None
            if not np.isnan(self.stresses_kbar[k]).any():
                # kbar → eV/Å³; VASP's positive (pressure) is ASE's negative
                stress = (-0.1 * GPa * self.stresses_kbar[k]).reshape(9)[[0, 4, 8, 5, 2, 1]]
            atoms.calc = SinglePointDFTCalculator(
                atoms, energy=float(self.energies_sigma0_eV[k]),
                free_energy=float(self.free_energies_eV[k]),
                forces=None if self.forces_eV_per_A is None else self.forces_eV_per_A[k],
                stress=stress, efermi=self.efermi_eV if k == len(self.structures) - 1 else None)
            frames.append(atoms)
        return frames


def read_vasprun(path):
    """Reads vasprun.xml or vasprun.xml.gz into a :class:`VasprunData`. A truncated file gives
    what it held with ``complete == False`` and ``missing`` naming the rest; a file that is not
    vasprun.xml raises ``facetweld.InputError``."""
    return VasprunData(_vasprun_data(path))


def read_eigenval(path):
    """EIGENVAL as an :class:`OutputData`: ``eigenvalues_eV`` and ``occupations`` (S, K, B) (the
    occupations are None in files before VASP 5.4.4, which print none), ``kpoints`` (K, 3)
    fractional reciprocal, ``kpoint_weights`` (K,), ``nelect``. A file cut short keeps its complete
    k-points (``complete`` False, ``missing`` says where it stopped)."""
    return OutputData(_eigenval_data(path))


def read_doscar(path):
    """DOSCAR as an :class:`OutputData`: ``efermi_eV``, ``dos_energies_eV`` (E,), ``total_dos`` and
    ``integrated_dos`` (S, E), ``projected_columns`` (N, E, C) the projected DOS columns after the
    energy as printed, and ``pdos`` (N, S, E, C // S), the arrangement of ``VasprunData.pdos``
    (None without a projected DOS). A non-collinear DOSCAR cannot be told from its numbers: its
    3-column total reads as S = 1 and ``pdos`` then holds 4 columns (total, mx, my, mz) per
    orbital."""
    data = _doscar_data(path)
    columns, nspin = data["projected_columns"], data["nspin"]
    data["pdos"] = None
    if columns.shape[0] > 0 and nspin and columns.shape[2] % nspin == 0:
        n, e, c = columns.shape
        # ISPIN = 2 prints each orbital's up then down column
        data["pdos"] = columns.reshape(n, e, c // nspin, nspin).transpose(0, 3, 1, 2).copy()
    return OutputData(data)


def read_xdatcar(path):
    """XDATCAR (VASP 5+) as an :class:`OutputData`: ``cells_A`` (T, 3, 3), ``positions_fractional``
    (T, N, 3) as printed, ``species``, ``configuration`` (the frame numbers VASP wrote) and
    ``structures``, T ``facetweld.Structure`` (``.to_ase()``, ``.to_pymatgen()``)."""
    return OutputData(_xdatcar_data(path))


def read_volumetric(path):
    """Any VASP grid file (CHGCAR, CHG, LOCPOT, PARCHG, ELFCAR, AECCAR*) as an :class:`OutputData`
    with the numbers as printed: ``structure`` (``Structure``), ``grid_shape`` (nx, ny, nz),
    ``volume_A3``, ``blocks`` (one (nx, ny, nz) C-order array per grid in the file: 1 without
    spin, 2 with ISPIN = 2, 4 non-collinear) and ``augmentation_sections`` (PAW augmentation
    occupancies are skipped, only counted). A file cut inside a later grid keeps the complete ones
    (``complete`` False); a corrupt header or first grid raises ``facetweld.InputError``."""
    return OutputData(_volumetric_data(path))


def read_chgcar(path):
    """CHGCAR (also CHG, PARCHG, AECCAR*) as :func:`read_volumetric` gives it, plus:

    - ``total``: (nx, ny, nz) as VASP writes it, ρ(r)·V_cell (so ``total.mean()`` is the number of
      electrons); ``density_e_per_A3`` = ``total / volume_A3``
    - ``magnetisation``: None without spin; (nx, ny, nz) ρ↑ − ρ↓ (times V_cell) for ISPIN = 2;
      (3, nx, ny, nz) m_x, m_y, m_z (times V_cell) for a non-collinear run
    """
    data = _volumetric_data(path)
    blocks = data["blocks"]
    data["total"] = blocks[0]
    data["density_e_per_A3"] = blocks[0] / data["volume_A3"]
    data["magnetisation"] = None
    if len(blocks) == 2:
        data["magnetisation"] = blocks[1]
    elif len(blocks) == 4:
        data["magnetisation"] = np.stack(blocks[1:])
    return OutputData(data)


def read_locpot(path):
    """LOCPOT as :func:`read_volumetric` gives it, plus ``potential_eV``: (nx, ny, nz), the local
    (ionic + Hartree [+ xc with LVTOT]) potential in eV, the first grid (a spin-polarised LOCPOT
    repeats one for the second spin, kept in ``blocks``). Not scaled by the volume."""
    data = _volumetric_data(path)
    data["potential_eV"] = data["blocks"][0]
    return OutputData(data)


def _voigt_kbar_to_matrix(row):
    """VASP's "in kB" order XX YY ZZ XY YZ ZX to a symmetric 3x3 (NaN where a value was none)."""
    xx, yy, zz, xy, yz, zx = (np.nan if v is None else v for v in row)
    return [[xx, xy, zx], [xy, yy, yz], [zx, yz, zz]]


def read_outcar(path):
    """An OUTCAR's ionic steps as an :class:`OutputData` (the dict of :func:`parse` with the steps
    as arrays; T completed steps, N atoms):

    - ``free_energies_eV``, ``energies_without_entropy_eV``, ``energies_sigma0_eV``: (T,)
    - ``positions_A``, ``forces_eV_per_A``: (T, N, 3), the "POSITION  TOTAL-FORCE" tables
    - ``stresses_kbar``: (T, 3, 3) from the "in kB" line as printed (positive: compressed), NaN
      where a step has none; ``cells_A``: (T, 3, 3) rows, the step's "direct lattice vectors"
    - ``structures``: T ``facetweld.Structure`` (None where a step lacks its cell or positions)
    - ``atomic_symbols``: N, from the POTCAR titles and "ions per type"
    - every key of ``parse(path, "outcar")`` (``efermi_eV``, ``warnings``, ``complete`` ...)
    """
    from . import Structure

    data = parse(path, "outcar")
    steps = data["ionic_steps"]
    symbols = [s for s, n in zip(data["species"], data["ions_per_type"]) for _ in range(n)]
    natoms = len(symbols)

    def per_step(key, shape):
        out = np.full((len(steps),) + shape, np.nan)
        for k, step in enumerate(steps):
            if step[key] is not None and np.shape(step[key]) == shape:
                out[k] = step[key]
        return out

    data["atomic_symbols"] = symbols
    for key, name in (("free_energy_eV", "free_energies_eV"),
                      ("energy_without_entropy_eV", "energies_without_entropy_eV"),
                      ("energy_sigma0_eV", "energies_sigma0_eV")):
        data[name] = np.array([np.nan if s[key] is None else s[key] for s in steps], dtype=float)
    data["positions_A"] = per_step("positions_A", (natoms, 3))
    data["forces_eV_per_A"] = per_step("forces_eV_per_A", (natoms, 3))
    data["cells_A"] = per_step("cell_A", (3, 3))
    data["stresses_kbar"] = np.array(
        [_voigt_kbar_to_matrix(s["stress_xx_yy_zz_xy_yz_zx_kbar"] or [None] * 6) for s in steps],
        dtype=float).reshape(len(steps), 3, 3)
    data["structures"] = [
        Structure(cell, symbols, positions)
        if natoms and np.isfinite(cell).all() and np.isfinite(positions).all() else None
        for cell, positions in zip(data["cells_A"], data["positions_A"])]
    return OutputData(data)
