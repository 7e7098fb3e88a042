/// \file checkpoint.hpp
/// \brief SCF checkpoint (density and wavefunctions), written atomically so a killed run never
/// leaves a corrupt file; read back by --restart.
#pragma once

#include <string>
#include <vector>

#include "dft/basis/fft_grid.hpp"

namespace fw::dft {

struct KohnShamBasis;
struct KohnShamState;

/// Binary layout: "FWDFTCK2", int32 step, int32 n_k, int32 n_bands, int32 grid[3], per k int64 npw
/// and npw·n_bands complex<double> coefficients, then grid.size() complex density coefficients,
/// then a uint64 checksum of every byte before it (any single byte flip is detected).
void write_checkpoint(const std::string& path, const KohnShamBasis& ks,
                      const std::vector<std::vector<Complex>>& psi,
                      const std::vector<Complex>& rho_g, int step);

bool checkpoint_exists(const std::string& path);

/// Throws InputError(option) unless a checkpoint can be written at `path` (its folder exists and
/// takes a new file). Call it before the SCF starts, so that the result is never lost at the end.
void ensure_checkpoint_writable(const std::string& path,
                                const std::string& option = "--checkpoint");

/// Throws InputError(path) unless `path` is an intact checkpoint of this format (magic and
/// checksum; the grid and basis are checked when it is read).
void verify_checkpoint(const std::string& path);

/// What the SCF drivers call before the first step: the checkpoint path takes a file, and with
/// `restart` an existing checkpoint is intact — so that neither problem shows only at the end.
void check_checkpoint_before_scf(const std::string& path, bool restart,
                                 const std::string& option = "--checkpoint");

/// Loads wavefunctions into state.psi and the density into state.rho_g; returns the step it was
/// written at. Throws fw::InputError(path, ...) if the checksum fails (corrupt file), or the file
/// is truncated or belongs to another grid/basis.
int read_checkpoint(const std::string& path, const KohnShamBasis& ks, KohnShamState& state);

}  // namespace fw::dft
