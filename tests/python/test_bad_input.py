"""Issue 21: no native crash reaches a Python user. Each engine binding (EamModel,
calculators.EAM, DftModel, NativeDFT) is driven with NaN and inf positions, a zero cell and no
atoms, each call in its own interpreter: the call must raise facetweld.InputError (a ValueError)
and the interpreter must exit normally. A SIGSEGV fails the test instead of killing pytest."""
import os
import subprocess
import sys
import textwrap

import pytest

PRELUDE = textwrap.dedent(
    """
    import sys
    import numpy as np
    from ase import Atoms
    from ase.build import bulk
    from facetweld import DftModel, EamModel, InputError, Structure
    from facetweld.calculators import EAM, NativeDFT

    def au_atoms(bad=None, cell=None):
        atoms = bulk("Au", "fcc", a=4.08)  # one atom, periodic
        if bad is not None:
            atoms.positions[0, 1] = bad
        if cell is not None:
            atoms.set_cell(cell)
        return atoms

    def au(bad=None, cell=None):
        return Structure.from_ase(au_atoms(bad, cell), constraints=False)

    ZERO = np.zeros((3, 3))
    NAN, INF = float("nan"), float("inf")
    """
)

CASES = {
    "EamModel_nan": "EamModel().compute(au(NAN))",
    "EamModel_inf": "EamModel().compute(au(INF))",
    "EamModel_minus_inf": "EamModel().compute(au(-INF))",
    "EamModel_zero_cell": "EamModel().compute(au(cell=ZERO))",
    "EAM_nan": "a = au_atoms(NAN); a.calc = EAM(); a.get_potential_energy()",
    "EAM_inf": "a = au_atoms(INF); a.calc = EAM(); a.get_forces()",
    "DftModel_nan": "DftModel().compute(au(NAN))",
    "DftModel_inf": "DftModel().compute(au(INF))",
    "DftModel_zero_cell": "DftModel().compute(au(cell=ZERO))",
    "DftModel_zero_cell_open": (
        "s = au(cell=ZERO); s.pbc = [False, False, False]; DftModel().compute(s)"
    ),
    "DftModel_nan_cell": "DftModel().compute(au(cell=np.full((3, 3), NAN)))",
    "DftModel_no_atoms": (
        "DftModel().compute(Structure(4.08 * np.eye(3), [], np.zeros((0, 3)), [True] * 3, ''))"
    ),
    "NativeDFT_nan": "a = au_atoms(NAN); a.calc = NativeDFT(); a.get_potential_energy()",
    "NativeDFT_inf": "a = au_atoms(INF); a.calc = NativeDFT(); a.get_forces()",
    "NativeDFT_zero_cell": "a = au_atoms(cell=ZERO); a.calc = NativeDFT(); a.get_potential_energy()",
}

RUNNER = textwrap.dedent(
    """
    try:
        {call}
    except InputError as e:
        print("InputError:", e)
        sys.exit(0)
    except ValueError as e:
        print("ValueError (not InputError):", e)
        sys.exit(4)
    print("no exception")
    sys.exit(3)
    """
)


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input_raises_input_error_and_the_interpreter_survives(name):
    code = PRELUDE + RUNNER.format(call=CASES[name])
    env = dict(os.environ, OMP_NUM_THREADS="1")
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=300, env=env
    )
    said = proc.stdout + proc.stderr
    assert proc.returncode >= 0, f"killed by signal {-proc.returncode}:\n{said}"
    assert proc.returncode == 0, f"exit {proc.returncode}:\n{said}"
    assert "InputError: structure:" in proc.stdout, said
