"""Shared fixtures of the Python tests: the VASP corpus, the CLI binary, LAMMPS and the EAM file.

ctest runs these with PYTHONPATH=<build>/python and FACETWELD_BINARY=<build>/tools/facetweld.
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
        pytest.skip("VASP corpus not found (tests/data/vasp-corpus or ../shared/vasp-corpus)")
    return path


@pytest.fixture(scope="session")
def facetweld_binary():
    path = os.environ.get("FACETWELD_BINARY") or str(REPO / "build" / "tools" / "facetweld")
    if not os.path.exists(path):
        pytest.skip(f"facetweld executable not found at {path}")
    return path


AU_U3 = "/usr/share/lammps/potentials/Au_u3.eam"


@pytest.fixture(scope="session")
def au_u3():
    if not os.path.exists(AU_U3):
        pytest.skip("Au_u3.eam not installed (Debian lammps-data)")
    return AU_U3


@pytest.fixture(scope="session")
def lmp():
    exe = shutil.which("lmp") or shutil.which("lmp_serial")
    if exe is None:
        pytest.skip("LAMMPS (Debian lammps) not installed")
    return exe
