"""facetweld.Structure ↔ ase.Atoms and pymatgen.core.Structure (both imported only when used).

Lengths stay in Å (all three codes use Å). Selective dynamics maps to ASE's FixAtoms (all three
components fixed) or FixCartesian (some), and to pymatgen's ``selective_dynamics`` site property.
The builders' tags travel too: ``layer`` as ASE's tags (tag n = layer n − 1, 0 = untagged, as ASE's
surface builders tag layers) and as the ``layer`` site property, ``part`` as the ASE array and
site property ``part``. What a facetweld.Structure cannot hold (magnetic moments, velocities,
charges, oxidation states, other site properties) is dropped with a warning naming it.
"""

import warnings


def _warn_dropped(source, dropped):
    if dropped:
        warnings.warn(f"{source}: facetweld.Structure holds no {', '.join(dropped)}; dropped",
                      UserWarning, stacklevel=3)

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
    layer, part = np.asarray(self.layer), np.asarray(self.part)
    if (layer >= 0).any():
        atoms.set_tags(np.where(layer >= 0, layer + 1, 0))
    if (part != 0).any():
        atoms.set_array("part", part)
    return atoms


def from_ase(atoms, constraints=True, warn_dropped=True):
    """A ``facetweld.Structure`` from an ``ase.Atoms``; FixAtoms/FixCartesian become the
    selective-dynamics flags unless ``constraints`` is False; tags become layers. Magnetic moments,
    velocities and charges are dropped with a warning unless ``warn_dropped`` is False (the
    calculators, whose energies do not depend on them, convert every step of an MD run)."""
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
    tags = atoms.get_tags()
    if tags.any():
        s.layer = [int(t) - 1 if t > 0 else -1 for t in tags]
    if "part" in atoms.arrays:
        s.part = [int(p) for p in atoms.arrays["part"]]
    dropped = [name for name, values in (
        ("magnetic moments", atoms.get_initial_magnetic_moments()),
        ("velocities", atoms.get_velocities()),
        ("charges", atoms.get_initial_charges())) if values is not None and np.any(values)]
    if warn_dropped:
        _warn_dropped("from_ase", dropped)
    return s


def to_pymatgen(self):
    """This structure as a ``pymatgen.core.Structure`` (Cartesian coordinates in Å; the
    selective-dynamics flags as the ``selective_dynamics`` site property)."""
    from pymatgen.core import Lattice
    from pymatgen.core import Structure as PmgStructure

    lattice = Lattice(self.cell_A, pbc=tuple(self.pbc))
    props = {}
    if self.selective_dynamics:
        props["selective_dynamics"] = self.movable.tolist()
    if any(layer >= 0 for layer in self.layer):
        props["layer"] = list(self.layer)
    if any(part != 0 for part in self.part):
        props["part"] = list(self.part)
    return PmgStructure(lattice, self.species, self.positions_A, coords_are_cartesian=True,
                        site_properties=props or None)


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
    properties = structure.site_properties
    flags = properties.get("selective_dynamics")
    if flags is not None:
        s.movable = np.asarray(flags, dtype=bool)
    if "layer" in properties:
        s.layer = [int(v) for v in properties["layer"]]
    if "part" in properties:
        s.part = [int(v) for v in properties["part"]]
    dropped = sorted(set(properties) - {"selective_dynamics", "layer", "part"})
    if any(getattr(site.specie, "oxi_state", None) for site in structure):
        dropped.append("oxidation states")
    _warn_dropped("from_pymatgen", dropped)
    return s


def attach(cls):
    """Adds the conversions to the C++ Structure class."""
    cls.to_ase = to_ase
    cls.from_ase = staticmethod(from_ase)
    cls.to_pymatgen = to_pymatgen
    cls.from_pymatgen = staticmethod(from_pymatgen)
