/// \file spin_block.cpp
/// \brief The (ρ, m) block preconditioner of collinear spin mixing.
#include "dft/mixing/spin_block.hpp"

#include <algorithm>
#include <stdexcept>

namespace fw::dft {

void SpinBlockPreconditioner::apply(std::vector<Complex>& residual_g) const {
  if (residual_g.size() % 2 != 0)
    throw std::logic_error("a spin density residual has an odd number of coefficients");
  const auto half = static_cast<long>(residual_g.size() / 2);
  std::vector<Complex> charge(residual_g.begin(), residual_g.begin() + half);
  total_.apply(charge);
  std::copy(charge.begin(), charge.end(), residual_g.begin());
}

std::vector<Complex> stack_spin_density(const std::vector<Complex>& rho_g,
                                        const std::vector<Complex>& magnetization_g) {
  std::vector<Complex> out(rho_g);
  out.insert(out.end(), magnetization_g.begin(), magnetization_g.end());
  return out;
}

void split_spin_density(const std::vector<Complex>& stacked, std::vector<Complex>& rho_g,
                        std::vector<Complex>& magnetization_g) {
  const auto half = static_cast<long>(stacked.size() / 2);
  rho_g.assign(stacked.begin(), stacked.begin() + half);
  magnetization_g.assign(stacked.begin() + half, stacked.end());
}

}  // namespace fw::dft
