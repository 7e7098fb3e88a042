/// \file gmres.hpp
/// \brief GMRES for a real linear operator (Saad & Schultz, SIAM J. Sci. Stat. Comput. 7, 856
/// (1986)): Arnoldi with modified Gram–Schmidt, the small least-squares problem by Givens
/// rotations.
#pragma once

#include <functional>
#include <vector>

namespace fw::dft {

struct GmresResult {
  std::vector<double> x;
  int iterations = 0;
  double relative_residual = 0.0;  ///< |b − A x| / |b|
};

/// y = A x for vectors of b's length.
using LinearOperator = std::function<void(const std::vector<double>& x, std::vector<double>& y)>;

/// Solves A x = b from x = 0, stopping when |b − A x| <= rtol·|b| or after max_iterations
/// Krylov vectors (no restart: the mixer's systems need a handful).
GmresResult gmres(const LinearOperator& apply, const std::vector<double>& b, double rtol,
                  int max_iterations);

}  // namespace fw::dft
