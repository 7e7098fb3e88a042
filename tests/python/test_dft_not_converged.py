"""Issue 21: NativeDFT never returns an unconverged energy. An SCF cut short by max_steps raises
SCFNotConverged, an ASE SCFError (as ASE's own calculators do), and leaves no results behind;
the same cell converged returns its energy."""
import os

import pytest
from ase.build import bulk
from ase.calculators.calculator import SCFError

from facetweld.calculators import NativeDFT, SCFNotConverged

AU_PSP8 = "/usr/share/abinit/psp/Pseudodojo_nc_sr_04_pw_standard_psp8/Au.psp8"
SMALL = dict(ecut_Ha=8, kpts=(2, 2, 2), xc="pbe")


@pytest.fixture(autouse=True)
def au_psp8_installed():
    """tools/setup.sh always installs abinit-data: a missing file fails, it never skips."""
    if not os.path.exists(AU_PSP8):
        pytest.fail(f"{AU_PSP8} missing: tools/setup.sh installs Debian's abinit-data")


def test_scf_cut_short_by_max_steps_raises_ase_scf_error_and_keeps_no_energy():
    atoms = bulk("Au", "fcc", a=4.08)
    atoms.calc = NativeDFT({"Au": AU_PSP8}, max_steps=2, **SMALL)
    with pytest.raises(SCFNotConverged, match="did not converge in 2 steps") as info:
        atoms.get_potential_energy()
    assert isinstance(info.value, SCFError)
    assert atoms.calc.scf["converged"] is False
    assert "energy" not in atoms.calc.results
    with pytest.raises(SCFError):  # asking again recomputes and raises again, no cached number
        atoms.get_potential_energy()


def test_the_same_cell_converged_returns_its_energy():
    atoms = bulk("Au", "fcc", a=4.08)
    atoms.calc = NativeDFT({"Au": AU_PSP8}, **SMALL)
    energy = atoms.get_potential_energy()
    assert atoms.calc.scf["converged"] is True
    assert energy == pytest.approx(atoms.calc.scf["energy_eV"])
