/// \file kerker.hpp
/// \brief Kerker preconditioning, P⁻¹(G) = G²/(G² + q0²) (Kerker, PRB 23, 3082 (1981)): the
/// dielectric response of a homogeneous metal with Thomas–Fermi vector q0.
#pragma once

#include "dft/mixing/preconditioner.hpp"

namespace fw::dft {

class KerkerPreconditioner : public DensityPreconditioner {
 public:
  KerkerPreconditioner(double q0_bohr_inv, const std::vector<Vec3>& box_g)
      : q0_(q0_bohr_inv), box_g_(box_g) {}
  /// The G = 0 coefficient (the charge) is left unchanged by the step: set to zero.
  void apply(std::vector<Complex>& residual_g) const override;

 private:
  double q0_;
  const std::vector<Vec3>& box_g_;
};

}  // namespace fw::dft
