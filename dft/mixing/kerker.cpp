/// \file kerker.cpp
/// \brief Kerker preconditioning of a density residual.
#include "dft/mixing/kerker.hpp"

namespace fw::dft {

void KerkerPreconditioner::apply(std::vector<Complex>& residual_g) const {
  for (std::size_t i = 0; i < residual_g.size(); ++i) {
    const double g2 = dot(box_g_[i], box_g_[i]);
    residual_g[i] *= g2 < 1e-12 ? 0.0 : g2 / (g2 + q0_ * q0_);
  }
}

}  // namespace fw::dft
