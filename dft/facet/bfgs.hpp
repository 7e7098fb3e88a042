/// \file bfgs.hpp
/// \brief Quasi-Newton (BFGS) steps for an ionic relaxation whose every force call is an SCF.
#pragma once

#include <cstddef>
#include <vector>

namespace fw::dft {

/// BFGS on a coordinate vector x (Å) with forces f = −∇E (eV/Å), as ASE's `BFGS` does it: the
/// Hessian starts as α·1 and takes the BFGS rank-two update (Broyden, Fletcher, Goldfarb, Shanno
/// 1970; Nocedal & Wright, Numerical Optimization, eq. 6.19) after each step; the step is
/// −H⁻¹∇E through the eigenvectors of H with |eigenvalues| (always downhill), scaled down so that
/// no atom moves more than `max_step_A`. No line search: one force call per step.
class Bfgs {
 public:
  /// `coords_per_atom` groups the coordinates into atoms for the step limit (1 or 3).
  Bfgs(std::size_t n_coords, std::size_t coords_per_atom, double initial_curvature_eV_per_A2,
       double max_step_A);

  /// The displacement (Å) to take from x with forces f.
  std::vector<double> step(const std::vector<double>& x, const std::vector<double>& f);

 private:
  void update(const std::vector<double>& x, const std::vector<double>& f);

  std::size_t n_;
  std::size_t coords_per_atom_;
  double max_step_A_;
  std::vector<double> hessian_;  ///< n×n, row-major, eV/Å²
  std::vector<double> x_previous_, f_previous_;
};

}  // namespace fw::dft
