/// \file eam_force.hpp
/// \brief EAM energy, forces and virial on a half neighbour list, threaded with OpenMP.
#pragma once

#include <memory>
#include <vector>

#include "md/engine/eam_potential.hpp"
#include "md/engine/interaction.hpp"

namespace fw::md {

/// The two-pass EAM evaluation of LAMMPS's pair_eam.cpp (densities, then F'(rho) and pair forces):
///   E = sum_i F_i(rho_i) + sum_{i<j} phi_ij(r_ij),  rho_i = sum_j rho_j(r_ij),
///   f_i = -sum_j [F_i' rho_j'(r) + F_j' rho_i'(r) + phi'(r)] (x_i - x_j)/r.
/// Each thread accumulates into its own density and force buffers, reduced after each pass, so
/// the Newton's-third-law half list needs no atomics. Atoms of species absent from the
/// potential (e.g. the carbon of a substrate) are skipped.
class EamForce : public Interaction {
 public:
  explicit EamForce(std::shared_ptr<const EamPotential> potential);

  std::string name() const override { return "eam"; }
  double cutoff_A() const override { return potential_->cutoff_A(); }
  void bind(const System& system) override;
  bool pair_included(int type_a, int type_b) const override {
    return potential_type_[static_cast<std::size_t>(type_a)] >= 0 &&
           potential_type_[static_cast<std::size_t>(type_b)] >= 0;
  }
  void add_forces(System& system, const NeighborList& list, ForceResult& result,
                  bool need_energy) override;

  const EamPotential& potential() const { return *potential_; }
  /// Electron density at each atom from the last compute (per current atom order).
  const std::vector<double>& densities() const { return rho_; }

 private:
  template <bool kSingleType, bool kEnergy>
  void compute(System& system, const NeighborList& list, ForceResult& result);

  /// Density pass table for type pair (i, j): value coefficients c3..c6 of the density at i due
  /// to j and of the density at j due to i.
  struct alignas(64) DensityKnot {
    double at_i[4];
    double at_j[4];
  };
  /// Force pass table: slope coefficients c0..c2 of both densities and of r*phi, and r*phi's
  /// value coefficients c3..c6.
  /// Ordered so that the one-species kernel reads the first 80 bytes only; 128-byte aligned.
  struct alignas(64) ForceKnot {
    double d_at_j[3];
    double d_z2[3];
    double z2[4];
    double d_at_i[3];
  };

  std::shared_ptr<const EamPotential> potential_;
  int nr_ = 0;
  double inv_dr_ = 0.0;
  double cutoff_sq_ = 0.0;
  int pot_types_ = 0;
  std::vector<std::vector<DensityKnot>> density_table_;  ///< [ti * pot_types + tj]
  std::vector<std::vector<ForceKnot>> force_table_;
  std::vector<int> potential_type_;  ///< system type → potential type or -1
  bool single_type_ = false;

  std::vector<double> rho_, fp_;
  std::vector<std::vector<double>> thread_rho_, thread_f_;
};

}  // namespace fw::md
