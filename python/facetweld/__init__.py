"""facetweld from Python: structures, slabs and cleaved crystals, the facet table, VASP parsers
at C++ speed, and ASE calculators for the native EAM and DFT engines.

Units are in the names: Å (``a_A``, ``vacuum_A``, ``positions_A``), eV, eV/Å, eV/Å², J/m².

    import facetweld
    result = facetweld.vasp.parse("OUTCAR")          # the dict of `facetweld vasp parse --json`
    slab = facetweld.slab("111", layers=7, vacuum_A=10.0)  # keywords: the slabs settings table
    atoms = slab.to_ase()                             # ase.Atoms; Structure.from_ase(atoms) back
    from facetweld.calculators import EAM, NativeDFT  # ASE calculators

See docs/python.md.
"""

from ._facetweld import (
    CleavedCrystal,
    DftModel,
    EamModel,
    FacetEntry,
    FacetTable,
    InputError,
    Structure,
    __version__,
    cleave,
    cleave_settings,
    dft_settings,
    fcc_bulk,
    oriented_bulk,
    slab,
    slab_settings,
)
from . import vasp
from .vasp import read_chgcar, read_locpot
from . import _interop

_interop.attach(Structure)

__all__ = [
    "CleavedCrystal",
    "DftModel",
    "EamModel",
    "FacetEntry",
    "FacetTable",
    "InputError",
    "Structure",
    "__version__",
    "cleave",
    "cleave_settings",
    "dft_settings",
    "fcc_bulk",
    "oriented_bulk",
    "read_chgcar",
    "read_locpot",
    "slab",
    "slab_settings",
    "vasp",
]
