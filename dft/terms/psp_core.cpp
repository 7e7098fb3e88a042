/// \file psp_core.cpp
/// \brief The psp_core energy.
#include "dft/terms/psp_core.hpp"

namespace fw::dft {

PspCoreTerm::PspCoreTerm(const KohnShamBasis& ks) : volume_(ks.crystal.volume_bohr3()) {
  double epsatm_sum = 0.0;
  for (std::size_t a = 0; a < ks.crystal.n_atoms(); ++a)
    epsatm_sum += ks.form_factors[static_cast<std::size_t>(ks.crystal.species_of_atom[a])].epsatm;
  energy_ = epsatm_sum * ks.n_electrons / ks.crystal.volume_bohr3();
}

}  // namespace fw::dft
