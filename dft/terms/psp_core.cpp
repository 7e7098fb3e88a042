/// \file psp_core.cpp
/// \brief The psp_core energy.
#include "dft/terms/psp_core.hpp"

#include "dft/solver/scf_context.hpp"

namespace fw::dft {

PspCoreTerm::PspCoreTerm(const ScfContext& ctx) : volume_(ctx.crystal.volume_bohr3()) {
  double epsatm_sum = 0.0;
  for (std::size_t a = 0; a < ctx.crystal.n_atoms(); ++a)
    epsatm_sum += ctx.form_factors[static_cast<std::size_t>(ctx.crystal.species_of_atom[a])].epsatm;
  energy_ = epsatm_sum * ctx.n_electrons / ctx.crystal.volume_bohr3();
}

}  // namespace fw::dft
