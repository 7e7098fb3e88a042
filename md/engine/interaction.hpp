/// \file interaction.hpp
/// \brief One energy term of the force field (EAM, Lennard-Jones substrate ...) behind one
/// interface.
#pragma once

#include <array>
#include <string>

#include "md/engine/neighbor_list.hpp"
#include "md/engine/system.hpp"

namespace fw::md {

/// Energy and virial accumulated by the interactions. The virial is LAMMPS's
/// W_ab = sum over pairs of (x_i - x_j)_a f_ij,b, in Voigt order xx, yy, zz, yz, xz, xy (eV).
struct ForceResult {
  double energy_eV = 0.0;
  std::array<double, 6> virial_eV{};

  void clear() { *this = ForceResult{}; }
};

class Interaction {
 public:
  virtual ~Interaction() = default;
  virtual std::string name() const = 0;
  /// Range of the interaction; the neighbour list covers the largest one.
  virtual double cutoff_A() const = 0;
  /// Resolves the system's types (by species name) before the first compute; called again when
  /// the atom count or types change. Throws InputError for species the term cannot handle.
  virtual void bind(const System& system) = 0;
  /// Whether pairs of these two types interact at all (after bind); the neighbour list of this
  /// term keeps only such pairs (e.g. Au–C only for the substrate coupling).
  virtual bool pair_included(int /*type_a*/, int /*type_b*/) const { return true; }
  /// Adds this term's forces to system.f and, when `need_energy`, its energy and virial to
  /// `result` (MD steps between outputs skip them, as LAMMPS's eflag/vflag do).
  virtual void add_forces(System& system, const NeighborList& list, ForceResult& result,
                          bool need_energy) = 0;
};

}  // namespace fw::md
