"""facetweld.Structure ↔ ase.Atoms and pymatgen.core.Structure (both imported only when used).

Lengths stay in Å (all three codes use Å). Selective dynamics maps to ASE's FixAtoms (all three
components fixed) or FixCartesian (some), and to pymatgen's ``selective_dynamics`` site property.
"""

def _ase_stores_free_mask():
    """ASE before 3.23 keeps FixCartesian.mask inverted (True = free), later True = fixed."""
    import ase

    major, minor = (int(x) for x in ase.__version__.split(".")[:2])
    return (major, minor) < (3, 23)


def to_ase(self):
    """This structure as an ``ase.Atoms`` (cell, positions in Å, pbc, constraints)."""
    from ase import Atoms
    from ase.constraints import FixAtoms, FixCartesian

    import numpy as np  # here, not at the top: `import facetweld` stays fast
    atoms = Atoms(symbols=self.species, positions=self.positions_A, cell=self.cell_A,
                  pbc=self.pbc)
    if self.selective_dynamics:
        fixed = ~self.movable
        constraints = []
        all_fixed = np.flatnonzero(fixed.all(axis=1))
        if len(all_fixed):
            constraints.append(FixAtoms(indices=all_fixed))
        for i in np.flatnonzero(fixed.any(axis=1) & ~fixed.all(axis=1)):
            constraints.append(FixCartesian(int(i), mask=fixed[i]))
        atoms.set_constraint(constraints)
    return atoms


def from_ase(atoms, constraints=True):
    """A ``facetweld.Structure`` from an ``ase.Atoms``; FixAtoms/FixCartesian become the
    selective-dynamics flags unless ``constraints`` is False."""
    from ase.constraints import FixAtoms, FixCartesian

    from ._facetweld import Structure

    import numpy as np
    s = Structure(np.asarray(atoms.cell.array, dtype=float), atoms.get_chemical_symbols(),
                  np.asarray(atoms.positions, dtype=float), tuple(bool(p) for p in atoms.pbc))
    if constraints and atoms.constraints:
        movable = np.ones((len(atoms), 3), dtype=bool)
        for c in atoms.constraints:
            if isinstance(c, FixAtoms):
                movable[c.get_indices()] = False
            elif isinstance(c, FixCartesian):
                mask = np.asarray(c.mask, dtype=bool).reshape(-1, 3)
                fixed = ~mask if _ase_stores_free_mask() else mask
                for k, i in enumerate(np.atleast_1d(c.get_indices())):
                    movable[i] &= ~fixed[0 if len(fixed) == 1 else k]
        s.movable = movable
    return s


def to_pymatgen(self):
    """This structure as a ``pymatgen.core.Structure`` (Cartesian coordinates in Å; the
    selective-dynamics flags as the ``selective_dynamics`` site property)."""
    from pymatgen.core import Lattice
    from pymatgen.core import Structure as PmgStructure

    lattice = Lattice(self.cell_A, pbc=tuple(self.pbc))
    props = {"selective_dynamics": self.movable.tolist()} if self.selective_dynamics else None
    return PmgStructure(lattice, self.species, self.positions_A, coords_are_cartesian=True,
                        site_properties=props)


def from_pymatgen(structure):
    """A ``facetweld.Structure`` from an ordered ``pymatgen.core.Structure``."""
    from ._facetweld import Structure

    import numpy as np
    if not structure.is_ordered:
        raise ValueError("from_pymatgen: a disordered structure (partial occupancies) has no "
                         "single species per site")
    lattice = structure.lattice
    pbc = tuple(bool(p) for p in getattr(lattice, "pbc", (True, True, True)))
    s = Structure(np.asarray(lattice.matrix, dtype=float),
                  [site.specie.symbol for site in structure],
                  np.asarray(structure.cart_coords, dtype=float), pbc)
    flags = structure.site_properties.get("selective_dynamics")
    if flags is not None:
        s.movable = np.asarray(flags, dtype=bool)
    return s


def attach(cls):
    """Adds the conversions to the C++ Structure class."""
    cls.to_ase = to_ase
    cls.from_ase = staticmethod(from_ase)
    cls.to_pymatgen = to_pymatgen
    cls.from_pymatgen = staticmethod(from_pymatgen)
