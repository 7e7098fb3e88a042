/// \file minimizer.hpp
/// \brief Energy minimisation of atomic positions (quenches, relaxed surfaces): FIRE and CG
/// behind one interface, chosen by name.
#pragma once

#include <memory>
#include <string>

#include "md/engine/force_field.hpp"
#include "md/engine/system.hpp"

namespace fw::md {

struct MinimizeSettings {
  /// Converged when the largest force on a movable atom is below this (LAMMPS's ftol is the
  /// 2-norm of all forces; the per-atom maximum is the stricter, ASE-style criterion).
  double force_tolerance_eV_per_A = 1e-4;
  int max_iterations = 5000;
  /// Largest displacement of any atom in one step, Å.
  double max_step_A = 0.2;
};

struct MinimizeResult {
  bool converged = false;
  int iterations = 0;
  int force_evaluations = 0;
  double energy_eV = 0.0;
  double max_force_eV_per_A = 0.0;
  std::string stop_reason;
};

class Minimizer {
 public:
  virtual ~Minimizer() = default;
  virtual std::string name() const = 0;
  /// Moves the movable atoms of `system` to a local energy minimum; frozen atoms stay put.
  virtual MinimizeResult minimize(System& system, ForceField& field,
                                  const MinimizeSettings& settings) = 0;
};

/// "fire" (Bitzek et al., PRL 97, 170201 (2006)) or "cg" (Polak–Ribière conjugate gradients with
/// a secant line search on the directional derivative). Throws InputError otherwise.
std::unique_ptr<Minimizer> make_minimizer(const std::string& name);

/// Largest |f_i| over movable atoms, after zeroing the forces on frozen atoms.
double max_movable_force_eV_per_A(System& system);

}  // namespace fw::md
