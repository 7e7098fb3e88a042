"""VASP output files: ``parse(path)`` returns the dict of ``facetweld vasp parse --json``
(energies in eV, forces in eV/Å, stress in kbar, Fermi level in eV, convergence flags)."""

from ._facetweld.vasp import detect_type, parse

__all__ = ["detect_type", "parse"]
