/// \file checkpoint.hpp
/// \brief SCF checkpoint (density and wavefunctions), written atomically so a killed run never
/// leaves a corrupt file; read back by --restart.
#pragma once

#include <string>
#include <vector>

#include "dft/basis/fft_grid.hpp"

namespace fw::dft {

struct ScfContext;

/// Binary layout: "FWDFTCK1", int32 step, int32 n_k, int32 n_bands, int32 grid[3], per k int64 npw
/// and npw·n_bands complex<double> coefficients, then grid.size() complex density coefficients.
void write_checkpoint(const std::string& path, const ScfContext& ctx,
                      const std::vector<Complex>& rho_g, int step);

bool checkpoint_exists(const std::string& path);

/// Loads wavefunctions into ctx.psi and the density into rho_g; returns the step it was written at.
/// Throws fw::InputError(path, ...) if the file is corrupt or belongs to another grid/basis.
int read_checkpoint(const std::string& path, ScfContext& ctx, std::vector<Complex>& rho_g);

}  // namespace fw::dft
