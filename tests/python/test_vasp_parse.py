"""facetweld.vasp.parse: the same dict as `facetweld vasp parse --json`, and the numbers pymatgen
reads from the same corpus files."""
import json
import subprocess
import warnings

import pytest

import facetweld

CASES = [
    "custodian_FeO_ldau_spin_relax/OUTCAR",
    "custodian_FeO_ldau_spin_relax/vasprun.xml",
    "custodian_FeO_ldau_spin_relax/OSZICAR",
    "custodian_FeO_ldau_spin_relax/CONTCAR",
    "pymatgen_Cu111_slab_vasprun/vasprun.xml.gz",
    "aiida_Si_elec_unconverged/OUTCAR",
    "pymatgen_md_vasp632/vasprun.xml",
]


@pytest.mark.parametrize("case", CASES)
def test_parse_returns_the_cli_json_dict(corpus, facetweld_binary, case):
    path = corpus / case
    cli = subprocess.run([facetweld_binary, "vasp", "parse", "--json", str(path)],
                         capture_output=True, check=True)
    expected = json.loads(cli.stdout.decode("utf-8", errors="replace"))
    got = facetweld.vasp.parse(str(path))
    assert got == expected
    assert got["complete"] in (True, False)


def test_parse_accepts_pathlike_and_forced_type(corpus):
    path = corpus / "custodian_FeO_ldau_spin_relax" / "OUTCAR"
    assert facetweld.vasp.parse(path, type="outcar")["file_type"] == facetweld.vasp.parse(
        str(path))["file_type"]
    assert facetweld.vasp.detect_type(path) == "outcar"


def test_missing_file_raises_input_error_naming_it(tmp_path):
    missing = tmp_path / "OUTCAR"
    with pytest.raises(facetweld.InputError, match="OUTCAR: file not found"):
        facetweld.vasp.parse(missing)
    assert issubclass(facetweld.InputError, ValueError)


def test_vasprun_energy_fermi_and_steps_equal_pymatgen(corpus):
    from pymatgen.io.vasp.outputs import Vasprun

    for case in ["custodian_FeO_ldau_spin_relax/vasprun.xml",
                 "pymatgen_Cu111_slab_vasprun/vasprun.xml.gz"]:
        path = corpus / case
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ref = Vasprun(str(path), parse_potcar_file=False)
        ours = facetweld.vasp.parse(path)
        assert ours["final_energy_sigma0_eV"] == pytest.approx(ref.final_energy, abs=1e-8), case
        assert ours["efermi_eV"] == pytest.approx(ref.efermi, abs=1e-8), case
        assert ours["n_ionic_steps"] == len(ref.ionic_steps), case
        assert ours["converged_electronic"] == ref.converged_electronic, case


def test_outcar_final_energy_equals_pymatgen(corpus):
    from pymatgen.io.vasp.outputs import Outcar

    path = corpus / "custodian_FeO_ldau_spin_relax" / "OUTCAR"
    ref = Outcar(str(path))
    ours = facetweld.vasp.parse(path)
    assert ours["complete"] is True
    assert ours["final_energy_sigma0_eV"] == pytest.approx(ref.final_energy, abs=1e-8)
