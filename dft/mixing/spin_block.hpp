/// \file spin_block.hpp
/// \brief The preconditioner of a collinear-spin density (ρ, m) mixed as one vector: the
/// total-density preconditioner (Kerker or LDOS) on ρ, the identity on the magnetisation m.
#pragma once

#include <vector>

#include "dft/mixing/preconditioner.hpp"

namespace fw::dft {

/// The residual is (R_ρ, R_m), each of the FFT box's size. Screening acts on the charge: a
/// moment change moves no charge and is not long-range, so the magnetisation's residual is
/// taken as it is (DFTK's Kerker and LDOS mixing leave the spin density unpreconditioned in
/// the same way; Herbst & Levitt, J. Phys.: Condens. Matter 32, 205004 (2020)).
class SpinBlockPreconditioner : public DensityPreconditioner {
 public:
  explicit SpinBlockPreconditioner(const DensityPreconditioner& total) : total_(total) {}
  void apply(std::vector<Complex>& residual_g) const override;

 private:
  const DensityPreconditioner& total_;
};

/// (ρ, m) as one vector, and back.
std::vector<Complex> stack_spin_density(const std::vector<Complex>& rho_g,
                                        const std::vector<Complex>& magnetization_g);
void split_spin_density(const std::vector<Complex>& stacked, std::vector<Complex>& rho_g,
                        std::vector<Complex>& magnetization_g);

}  // namespace fw::dft
