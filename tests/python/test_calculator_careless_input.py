"""Issue 21, careless input to the ASE calculators that did not fail as it should: a misspelt EAM
keyword computed gold with the default potential; a smearing width that is no number was
ValueError("could not convert string to float"); kpts={'gamma': 'no'} meant gamma True; a cell of
10^5 Å blamed the command-line option --ecut. Each now raises facetweld.InputError naming it."""
import pytest
from ase import Atoms
from ase.build import bulk

import facetweld
from facetweld.calculators import EAM, NativeDFT


def energy(calc, atoms=None):
    atoms = bulk("Au", "fcc", a=4.08) if atoms is None else atoms
    atoms.calc = calc
    return atoms.get_potential_energy()


def test_a_misspelt_eam_keyword_is_refused_naming_the_likely_one():
    with pytest.raises(facetweld.InputError, match=r"potentail: unknown keyword of EAM "
                                                   r"\(did you mean 'potential'\?\)"):
        EAM(potentail="Cu_u3.eam")
    # ASE's own keywords still pass through
    assert EAM(label="eam", directory=".").parameters["potential"] == "Au_u3.eam"


@pytest.mark.parametrize("width", ["x", None, True, [0.1]])
def test_a_smearing_width_that_is_no_number_names_smearing(width):
    with pytest.raises(facetweld.InputError, match=r"smearing: the width must be a number in eV"):
        energy(NativeDFT(smearing=("fermi-dirac", width), kpts=(1, 1, 1)))


@pytest.mark.parametrize("flag", ["gamma", "even"])
def test_kpts_flags_must_be_booleans(flag):
    with pytest.raises(facetweld.InputError, match=rf"kpts: '{flag}' must be True, False or None"):
        energy(NativeDFT(kpts={"size": (1, 1, 1), flag: "no"}))


def test_a_cell_of_kilometre_scale_names_the_structure_not_ecut():
    atoms = Atoms("Au", cell=[1e5, 1e5, 1e5], pbc=True)
    with pytest.raises(facetweld.InputError,
                       match=r"^structure: cell vector 1 is 100000 Å long: at a cut-off of "):
        energy(NativeDFT(kpts=(1, 1, 1)), atoms)
