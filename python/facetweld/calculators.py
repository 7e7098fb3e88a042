"""ASE calculators for facetweld's engines.

``EAM``: the native EAM engine (LAMMPS ``pair_style eam``/``eam/alloy`` numerics): energy (eV),
per-atom energies (``get_potential_energies``), forces (eV/Å), stress (eV/Å³, ASE sign: positive =
tensile; over the cell's volume). A cluster without a cell (ASE's ``ase.cluster`` default) is
boxed with the potential's cut-off of vacuum around it, as LAMMPS users do by hand.

``NativeDFT``: the native plane-wave PBE solver: energy (eV, E(σ→0)), free_energy (eV, F = E - TS,
what the forces derive from), forces (eV/Å), stress (eV/Å³, ASE's Voigt order and sign, σ =
(1/Ω) ∂F/∂ε at a fixed set of plane waves as ABINIT's; computed when asked for), and the band
structure (k-points, weights, eigenvalues, occupations, Fermi level). Settings are the keys of
``facetweld scf`` and the [dft] job-file section (``facetweld.dft_settings()``), with ASE's
conventions where ASE has one: a bare number for an energy (``ecut``, ``toldfe``) is in eV, and
``kpts`` takes ASE's forms. An SCF that does not converge within ``max_steps`` raises
``SCFNotConverged`` (an ``ase.calculators.calculator.SCFError``, as ASE's own calculators do); no
unconverged energy is ever returned.
"""

import numpy as np
from ase.calculators.calculator import (
    Calculator,
    PropertyNotImplementedError,
    SCFError,
    all_changes,
)

from ._facetweld import DftModel, EamModel, InputError, Structure, dft_settings


class EAM(Calculator):
    """ASE calculator on facetweld's EAM engine.

    ``potential``: a funcfl (``Au_u3.eam``) or setfl (``*.eam.alloy``) file, found as given, in
    $FACETWELD_DATA/md, facetweld's data/md or /usr/share/lammps/potentials.
    """

    implemented_properties = ["energy", "energies", "free_energy", "forces", "stress"]

    def __init__(self, potential="Au_u3.eam", **kwargs):
        _refuse_unknown_keywords("EAM", kwargs, {"potential"})
        Calculator.__init__(self, **kwargs)
        self.parameters["potential"] = potential
        self.model = EamModel(potential)

    def calculate(self, atoms=None, properties=("energy",), system_changes=all_changes):
        Calculator.calculate(self, atoms, properties, system_changes)
        boxed = _boxed_for_open_axes(self.atoms, self.model.cutoff_A)
        result = self.model.compute(
            Structure.from_ase(boxed or self.atoms, constraints=False, warn_dropped=False))
        self.results = {
            "energy": result["energy_eV"],
            "free_energy": result["energy_eV"],
            "energies": result["energies_eV"],
            "forces": result["forces_eV_per_A"],
        }
        if boxed is None:
            self.results["stress"] = result["stress_eV_per_A3"]
        elif "stress" in properties:
            raise PropertyNotImplementedError(
                "EAM: no stress for atoms without a full cell (the box around them is made up); "
                "give the atoms a cell to have the stress over its volume")


def _boxed_for_open_axes(atoms, cutoff_A):
    """A copy of ``atoms`` in an orthogonal box when the cell is missing along non-periodic axes
    (a cluster from ``ase.cluster``, a slab built with ``vacuum=None``): each missing vector
    becomes one orthogonal to the others, as long as the atoms' extent plus the cut-off and 1 Å
    on each side, so no atom sees another's image. None when the cell is complete."""
    lengths = atoms.cell.lengths()
    missing = [axis for axis in range(3) if lengths[axis] == 0.0]
    if not missing:
        return None
    periodic_missing = [axis for axis in missing if atoms.pbc[axis]]
    if periodic_missing:
        raise InputError(
            f"atoms: cell vector {periodic_missing[0]} is zero on a periodic axis: give the "
            "periodic cell, or set pbc False on that axis")
    positions = atoms.get_positions()
    if len(atoms) == 0:
        raise InputError("atoms: no atoms to compute")
    bad = np.flatnonzero(~np.isfinite(positions).all(axis=1))
    if len(bad):  # named before boxing, which would smear it over every atom
        raise InputError(f"structure: atom {bad[0]} ({atoms[bad[0]].symbol}) has a non-finite "
                         f"position {tuple(positions[bad[0]])}")
    boxed = atoms.copy()
    cell = atoms.cell.complete()  # missing vectors: unit vectors orthogonal to the others
    pad = cutoff_A + 1.0
    for axis in missing:
        direction = cell[axis] / np.linalg.norm(cell[axis])
        along = positions @ direction
        cell[axis] = direction * (np.ptp(along) + 2.0 * pad)
        positions = positions + np.outer(np.ones(len(atoms)), direction) * (pad - along.min())
    boxed.set_cell(cell)
    boxed.set_positions(positions)
    return boxed


def voigt_eV_per_A3(stress_GPa):
    """A 3×3 stress in GPa as ASE's Voigt 6-vector (xx, yy, zz, yz, xz, xy) in eV/Å³. ABINIT's and
    ASE's signs agree (σ = (1/Ω) ∂E/∂ε: negative under compression)."""
    from ase.units import GPa
    s = np.asarray(stress_GPa, dtype=float) * GPa
    return np.array([s[0, 0], s[1, 1], s[2, 2], s[1, 2], s[0, 2], s[0, 1]])


class SCFNotConverged(SCFError):
    """The native SCF stopped at ``max_steps`` before reaching ``toldfe`` and
    ``density_tolerance``. The calculator keeps no results; its ``scf`` attribute holds the last
    run (``converged`` False, ``iterations``, the unconverged energies) for inspection."""


# What ase.calculators.calculator.Calculator.__init__ takes itself; any other keyword would land
# in ``parameters`` and do nothing (EAM(potentail="Cu_u3.eam") computed gold).
_ASE_CALCULATOR_KEYWORDS = {"restart", "ignore_bad_restart_file", "label", "atoms", "directory"}


def _refuse_unknown_keywords(calculator, kwargs, own):
    import difflib

    for key in kwargs:
        if key not in _ASE_CALCULATOR_KEYWORDS:
            known = sorted(own | _ASE_CALCULATOR_KEYWORDS)
            close = difflib.get_close_matches(key, known, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise InputError(f"{key}: unknown keyword of {calculator}{hint}; it takes "
                             f"{', '.join(known)}")


def _energy_keys():
    """The DFT settings whose table unit is an energy (Ha): ``ecut``, ``toldfe``."""
    return {spec["key"] for spec in dft_settings() if spec["unit"] == "Ha"}


def _ase_energy_settings(settings):
    """ASE's unit convention on the settings: a bare number for an energy setting is eV (ASE
    calculators take ``ecut=400`` as 400 eV); a string keeps its own unit (``"30Ha"``), and the
    results-JSON names carry theirs (``ecut_Ha=30``). A smearing given as ``(kind, width)`` has its
    width in eV."""
    energy_keys = _energy_keys()
    out = {}
    for key, value in settings.items():
        if key in energy_keys and isinstance(value, (int, float, np.number)) and not isinstance(
                value, (bool, np.bool_)):
            value = f"{float(value)!r}eV"
        elif key == "smearing" and isinstance(value, (tuple, list)):
            if len(value) != 2 or not isinstance(value[0], str):
                raise InputError(f"smearing: expected (kind, width in eV) or 'kind:width', got "
                                 f"{value!r}")
            width = value[1]
            if isinstance(width, (bool, np.bool_)) or not isinstance(width, (int, float,
                                                                            np.number)):
                raise InputError(f"smearing: the width must be a number in eV, got {width!r}")
            value = f"{value[0]}:{float(width)!r}eV"
        out[key] = value
    return out


def _shift_from_ase_offsets(size, offsets):
    """facetweld's kshift (0: Γ-centred, 1: half a step) for ASE's Monkhorst–Pack mesh
    ``(i + 1/2)/n − 1/2 + offset``; InputError for a shift facetweld's meshes cannot take."""
    shift = []
    for n, offset in zip(size, offsets):
        steps = (0.5 - n / 2.0 + offset * n) % 1.0  # first point's distance from Γ, in 1/n
        if min(steps, 1.0 - steps) < 1e-9:
            shift.append(0)
        elif abs(steps - 0.5) < 1e-9:
            shift.append(1)
        else:
            raise InputError(f"kpts: offset {offset!r} of the {n}-point axis is neither "
                             "Γ-centred nor a half step; facetweld meshes take only those")
    return tuple(shift)


_ASE_KPTS_KEYS = {"size", "density", "gamma", "even"}


def _check_ase_kpts(kpts):
    unknown = set(kpts) - _ASE_KPTS_KEYS
    if unknown:
        raise InputError(f"kpts: unknown key {sorted(unknown)[0]!r} (ASE's kpts dict takes "
                         f"{', '.join(sorted(_ASE_KPTS_KEYS))})")
    if ("size" in kpts) == ("density" in kpts):
        raise InputError("kpts: give exactly one of 'size' and 'density'")
    for flag in ("gamma", "even"):  # ASE reads them as truthy: 'no' would mean True
        if kpts.get(flag) is not None and not isinstance(kpts[flag], (bool, np.bool_)):
            raise InputError(f"kpts: {flag!r} must be True, False or None, got {kpts[flag]!r}")
    density = kpts.get("density")
    if density is not None and not (isinstance(density, (int, float, np.number))
                                    and np.isfinite(density) and density > 0):
        raise InputError(f"kpts: 'density' must be a positive number of points per Å⁻¹, got "
                         f"{density!r}")


def _mesh_from_ase_kpts(kpts, atoms):
    """(size, kshift) from ASE's dict form of ``kpts`` ({"size": (4, 4, 4), "gamma": True} or
    {"density": 3.5}: points per Å⁻¹, which needs ``atoms``), with ASE's meaning of the mesh."""
    from ase.calculators.calculator import kpts2sizeandoffsets

    _check_ase_kpts(kpts)
    size, offsets = kpts2sizeandoffsets(atoms=atoms, **kpts)
    size = tuple(int(n) for n in size)
    return size, _shift_from_ase_offsets(size, offsets)


def _explicit_kpoint_list(kpts):
    array = np.asarray(kpts)
    return array.ndim == 2


class NativeDFT(Calculator):
    """ASE calculator on facetweld's native plane-wave DFT (norm-conserving pseudopotentials,
    PBE via libxc).

    ``pseudopotentials``: {"Au": "/path/Au.psp8", ...}; default Debian's PBE ``79_Au_oncv.psml``.
    ``**settings``: SCF settings by their table keys (``facetweld.dft_settings()``), with ASE's
    conventions: a bare number for an energy is eV (``ecut=400`` is 400 eV; ``ecut="30Ha"`` or
    ``ecut_Ha=30`` for Hartree), ``smearing=("fermi-dirac", 0.1)`` has its width in eV, and
    ``kpts`` is a mesh ``(4, 4, 4)`` (Γ-centred, as ``facetweld scf`` and QE's automatic mesh; a
    half step with ``kshift``) or ASE's dict ``{"size": (4, 4, 4), "gamma": True}`` /
    ``{"density": 3.5}`` (ASE's Monkhorst–Pack meaning). Unknown keys and out-of-range values
    raise ``facetweld.InputError``; an SCF that does not converge within ``max_steps`` raises
    ``SCFNotConverged`` (an ASE ``SCFError``).
    """

    implemented_properties = ["energy", "free_energy", "forces", "stress"]

    def __init__(self, pseudopotentials=None, label=None, **settings):
        Calculator.__init__(self, label=label)
        self._pseudopotentials = pseudopotentials or {}
        self._settings = _ase_energy_settings(settings)
        kpts = self._settings.get("kpts")
        self._ase_kpts = None  # ASE's dict form, resolved per structure (a density needs a cell)
        if isinstance(kpts, dict):
            self._ase_kpts = self._settings.pop("kpts")
            if "kshift" in self._settings:
                raise InputError("kshift: ASE's kpts dict sets the shift itself ('gamma'); "
                                 "give one of them")
            if "size" in kpts:  # known now: checked and built at once
                self._use_mesh(*_mesh_from_ase_kpts(kpts, None))
            else:  # a density: the mesh follows each structure's cell
                _check_ase_kpts(kpts)
                self._use_mesh(None, None)  # checks the other settings now
                self._mesh = None
        elif kpts is not None and not isinstance(kpts, str) and _explicit_kpoint_list(kpts):
            raise InputError("kpts: an explicit list of k-points is not supported; give a mesh "
                             "(4, 4, 4) or ASE's {'size': ...} / {'density': ...}")
        else:
            self._use_mesh(None, None)
        self.scf = None  # the last run: converged, iterations, fermi_eV, n_kpoints, wall_s

    def _use_mesh(self, size, shift):
        settings = dict(self._settings)
        if size is not None:
            settings["kpts"], settings["kshift"] = size, shift
        self.model = DftModel(self._pseudopotentials, **settings)
        self._mesh = (size, shift)
        self.parameters.update(self.model.settings)

    def _model_for(self, atoms):
        if self._ase_kpts is not None and "density" in self._ase_kpts:
            mesh = _mesh_from_ase_kpts(self._ase_kpts, atoms)
            if mesh != self._mesh:
                self._use_mesh(*mesh)
        return self.model

    def calculate(self, atoms=None, properties=("energy",), system_changes=all_changes):
        Calculator.calculate(self, atoms, properties, system_changes)
        want_stress = "stress" in properties
        result = self._model_for(self.atoms).compute(
            Structure.from_ase(self.atoms, constraints=False, warn_dropped=False), True,
            want_stress)
        self.scf = result
        if not result["converged"]:
            self.results = {}
            raise SCFNotConverged(
                f"NativeDFT: the SCF did not converge in {result['iterations']} steps "
                f"(max_steps {self.parameters.get('max_steps')}, toldfe "
                f"{self.parameters.get('toldfe_Ha')} Ha, density_tolerance "
                f"{self.parameters.get('density_tolerance')}); raise max_steps or lower "
                "mixing_beta — no energy or forces are returned")
        self.results = {
            "energy": result["energy_eV"],
            "free_energy": result["free_energy_eV"],
            "forces": result["forces_eV_per_A"],
        }
        if want_stress:
            self.results["stress"] = voigt_eV_per_A3(result["stress_GPa"])

    def get_fermi_level(self):
        """Fermi level of the last run, eV."""
        return None if self.scf is None else self.scf["fermi_eV"]

    def _last_run(self, what):
        if self.scf is None or not self.scf["converged"]:
            raise PropertyNotImplementedError(
                f"NativeDFT: no converged SCF yet to take {what} from; compute an energy first")
        return self.scf

    def get_ibz_k_points(self):
        """Irreducible k-points of the last run, in fractions of the reciprocal cell vectors."""
        return np.array(self._last_run("k-points")["ibz_kpoints"])

    def get_k_point_weights(self):
        """Weights of the irreducible k-points (they sum to 1, as ASE's)."""
        return np.array(self._last_run("k-point weights")["kpoint_weights"])

    def _band_row(self, key, kpt, spin):
        """Row ``kpt`` of a per-(k-point, band) array of the last run; spin 0 only."""
        table = self._last_run(key)[key]
        if spin != 0:
            raise IndexError(f"NativeDFT is spin-restricted: spin {spin} does not exist")
        if not 0 <= kpt < len(table):
            raise IndexError(f"kpt {kpt}: the last run has {len(table)} irreducible k-points")
        return np.array(table[kpt])

    def get_eigenvalues(self, kpt=0, spin=0):
        """Band energies at irreducible k-point ``kpt``, eV (spin-restricted: ``spin`` 0 only)."""
        return self._band_row("eigenvalues_eV", kpt, spin)

    def get_occupation_numbers(self, kpt=0, spin=0):
        """Occupations (0 to 2: spin-restricted) of the bands at irreducible k-point ``kpt``."""
        return self._band_row("occupations", kpt, spin)

    def get_number_of_bands(self):
        return self._last_run("bands")["eigenvalues_eV"].shape[1]

    def get_number_of_spins(self):
        return 1

    def get_spin_polarized(self):
        return False
