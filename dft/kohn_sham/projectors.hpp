/// \file projectors.hpp
/// \brief Kleinman–Bylander projectors of one k-point, V_NL = Σ |β_i> D_ij <β_j| (Kleinman &
/// Bylander, PRL 48, 1425 (1982)), applied with ZGEMM; the nonlocal term (dft/terms/nonlocal.hpp)
/// and the Hamiltonian use them.
#pragma once

#include <vector>

#include "dft/basis/plane_wave_basis.hpp"
#include "dft/kohn_sham/form_factors.hpp"

namespace fw::dft {

/// One column of B: atom, angular momentum, its table (index into the species' projectors).
struct ProjectorColumn {
  std::size_t atom;
  int l, m, channel, projector;
  const RadialTransform* table;
  std::size_t table_index;
};

/// The columns of B in their order: atoms, then each atom's projectors, then m.
std::vector<ProjectorColumn> projector_columns(const Crystal& crystal,
                                               const std::vector<SpeciesFormFactors>& ff);

/// B (npw x n_proj, column-major): B_{G,p} = <k+G|β_p> = (4π... in the table)/√Ω · (−i)^l Y_lm(k+G)
/// β_l(|k+G|) e^{−i(k+G)·τ_a}; D (n_proj x n_proj, column-major) couples projectors of one atom and
/// l.
struct KPointProjectors {
  std::size_t n_proj = 0;
  std::vector<Complex> b;
  std::vector<Complex> d;
  std::vector<int> atom_of_projector;
};

KPointProjectors make_kpoint_projectors(const Crystal& crystal, const KPointBasis& basis,
                                        const std::vector<SpeciesFormFactors>& ff);

/// HX += B D B^H X for `n_bands` columns (ld = npw). Also returns the projections P = B^H X
/// (n_proj x n_bands) in `projections` when non-null.
void apply_nonlocal(const KPointProjectors& proj, std::size_t npw, std::size_t n_bands,
                    const Complex* x, Complex* hx, std::vector<Complex>* projections = nullptr);

}  // namespace fw::dft
