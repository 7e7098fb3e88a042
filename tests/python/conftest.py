"""Shared fixtures of the Python tests: the VASP corpus, the CLI binary, LAMMPS and the EAM file.

ctest runs these with PYTHONPATH=<build>/python and FACETWELD_BINARY=<build>/tools/facetweld.
Everything here is in the repository or installed by tools/setup.sh: a missing one fails the test,
never skips it (tests/run_pytest.py also fails a ctest entry on any skip).
"""
import os
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def corpus_dir():
    """tests/data/vasp-corpus (in the repository) or ../shared/vasp-corpus (beside it)."""
    for candidate in (REPO / "tests" / "data" / "vasp-corpus", REPO.parent / "shared" / "vasp-corpus"):
        if candidate.is_dir():
            return candidate
    return None


@pytest.fixture(scope="session")
def corpus():
    path = corpus_dir()
    if path is None:
        pytest.fail("VASP corpus not found (tests/data/vasp-corpus, part of the repository)")
    return path


@pytest.fixture(scope="session")
def facetweld_binary():
    path = os.environ.get("FACETWELD_BINARY") or str(REPO / "build" / "tools" / "facetweld")
    if not os.path.exists(path):
        pytest.fail(f"facetweld executable not found at {path} (build it first)")
    return path


AU_U3 = "/usr/share/lammps/potentials/Au_u3.eam"


@pytest.fixture(scope="session")
def au_u3():
    if not os.path.exists(AU_U3):
        pytest.fail(f"{AU_U3} missing: tools/setup.sh installs Debian's lammps-data")
    return AU_U3


@pytest.fixture(scope="session")
def lmp():
    exe = shutil.which("lmp") or shutil.which("lmp_serial")
    if exe is None:
        pytest.fail("lmp missing: tools/setup.sh installs Debian's lammps")
    return exe
