"""ASE calculators for facetweld's engines.

``EAM``: the native EAM engine (LAMMPS ``pair_style eam``/``eam/alloy`` numerics): energy (eV),
forces (eV/Å), stress (eV/Å³, ASE sign: positive = tensile; periodic cells only).

``NativeDFT``: the native plane-wave PBE solver: energy (eV, E(σ→0)), free_energy (eV, F = E - TS,
what the forces derive from), forces (eV/Å), stress (eV/Å³, ASE's Voigt order and sign, σ =
(1/Ω) ∂F/∂ε at a fixed set of plane waves as ABINIT's; computed when asked for). Settings are the keys of ``facetweld scf`` and the
[dft] job-file section (``facetweld.dft_settings()``). An SCF that does not converge within
``max_steps`` raises ``SCFNotConverged`` (an ``ase.calculators.calculator.SCFError``, as ASE's own
calculators do); no unconverged energy is ever returned.
"""

import numpy as np
from ase.calculators.calculator import (
    Calculator,
    PropertyNotImplementedError,
    SCFError,
    all_changes,
)

from ._facetweld import DftModel, EamModel, Structure


class EAM(Calculator):
    """ASE calculator on facetweld's EAM engine.

    ``potential``: a funcfl (``Au_u3.eam``) or setfl (``*.eam.alloy``) file, found as given, in
    $FACETWELD_DATA/md, facetweld's data/md or /usr/share/lammps/potentials.
    """

    implemented_properties = ["energy", "free_energy", "forces", "stress"]

    def __init__(self, potential="Au_u3.eam", **kwargs):
        Calculator.__init__(self, **kwargs)
        self.parameters["potential"] = potential
        self.model = EamModel(potential)

    def calculate(self, atoms=None, properties=("energy",), system_changes=all_changes):
        Calculator.calculate(self, atoms, properties, system_changes)
        result = self.model.compute(Structure.from_ase(self.atoms, constraints=False))
        self.results = {
            "energy": result["energy_eV"],
            "free_energy": result["energy_eV"],
            "forces": result["forces_eV_per_A"],
        }
        if result["stress_eV_per_A3"] is not None:
            self.results["stress"] = result["stress_eV_per_A3"]
        elif "stress" in properties:
            raise PropertyNotImplementedError("stress needs a cell periodic along all three axes")


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


class NativeDFT(Calculator):
    """ASE calculator on facetweld's native plane-wave DFT (norm-conserving pseudopotentials,
    PBE via libxc).

    ``pseudopotentials``: {"Au": "/path/Au.psp8", ...}; default Debian's PBE ``79_Au_oncv.psml``.
    ``**settings``: SCF settings by their table keys, numbers in the table's unit or strings with
    a unit, e.g. ``NativeDFT(ecut=20, kpts=(4, 4, 4), smearing="fermi-dirac:0.01Ha")``.
    Unknown keys and out-of-range values raise ``facetweld.InputError``; an SCF that does not
    converge within ``max_steps`` raises ``SCFNotConverged`` (an ASE ``SCFError``).
    """

    implemented_properties = ["energy", "free_energy", "forces", "stress"]

    def __init__(self, pseudopotentials=None, label=None, **settings):
        Calculator.__init__(self, label=label)
        self.model = DftModel(pseudopotentials or {}, **settings)
        self.parameters.update(self.model.settings)
        self.scf = None  # the last run: converged, iterations, fermi_eV, n_kpoints, wall_s

    def calculate(self, atoms=None, properties=("energy",), system_changes=all_changes):
        Calculator.calculate(self, atoms, properties, system_changes)
        want_stress = "stress" in properties
        result = self.model.compute(
            Structure.from_ase(self.atoms, constraints=False), True, want_stress)
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

    def get_eigenvalues(self, kpt=0, spin=0):
        """Band energies at irreducible k-point ``kpt``, eV (spin-restricted: ``spin`` 0 only)."""
        eigenvalues = self._last_run("eigenvalues")["eigenvalues_eV"]
        if spin != 0:
            raise IndexError(f"NativeDFT is spin-restricted: spin {spin} does not exist")
        if not 0 <= kpt < len(eigenvalues):
            raise IndexError(f"kpt {kpt}: the last run has {len(eigenvalues)} irreducible k-points")
        return np.array(eigenvalues[kpt])

    def get_number_of_bands(self):
        return self._last_run("bands")["eigenvalues_eV"].shape[1]

    def get_number_of_spins(self):
        return 1

    def get_spin_polarized(self):
        return False
