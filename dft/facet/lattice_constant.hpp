/// \file lattice_constant.hpp
/// \brief The functional's own fcc lattice constant: SCF free energies of the one-atom cell at
/// lattice constants around a guess, fitted by Birch–Murnaghan (dft/facet/birch_murnaghan.hpp).
#pragma once

#include <array>
#include <functional>
#include <string>
#include <vector>

#include "dft/facet/cell_cache.hpp"
#include "dft/facet/cell_energy.hpp"
#include "dft/facet/eos_settings.hpp"
#include "dft/pseudo/pseudopotential.hpp"
#include "dft/solver/scf.hpp"

namespace fw::dft {

struct EosPoint {
  double a_A = 0.0;
  double volume_A3 = 0.0;       ///< per atom
  double free_energy_eV = 0.0;  ///< F = E − TS per atom (its volume derivative is −P)
  double pressure_GPa = 0.0;    ///< −Tr σ/3, the analytic stress at a fixed plane-wave set
  CellEnergy cell;
};

struct LatticeConstantFit {
  std::vector<EosPoint> points;
  double a0_A = 0.0;  ///< from the E(V) fit: the number the study uses
  /// Where the analytic pressure vanishes (NaN if it does not inside the span). It differs from
  /// a0_A by the Pulay stress of the cut-off (E(V) at fixed ecut changes its basis with V; the
  /// stress is at a fixed basis): their gap says how converged the cut-off is for a0.
  double a0_stress_A = 0.0;
  double v0_A3 = 0.0;
  double b0_GPa = 0.0;
  double b0_prime = 0.0;
  double e0_eV = 0.0;
  double rms_residual_meV = 0.0;  ///< of the fit, per atom
  bool converged = false;         ///< every SCF converged
  int recentred = 0;              ///< times the samples were moved because a0 lay near an edge
  EosSettings settings;
  double wall_s = 0.0;
};

/// Samples `eos.points` lattice constants over a_guess·(1 ± spread) (evenly), fits BM3 and, when
/// a0 lies in the outer fifth of the span, samples again around it; when E(V) has no minimum in
/// the span, samples again one span downhill (at most twice in all; then InputError naming
/// --eos-spread). An E(V) the fit misses by more than 5 % of its energy spread (rms), or with
/// B0 ≤ 0, is noise from too coarse cells: InputError naming --eos-ecut. Every cell goes through
/// `cache` when given. `scf` supplies smearing, xc and tolerances.
LatticeConstantFit fit_lattice_constant(const Pseudopotential& psp, const std::string& element,
                                        double a_guess_A, ScfSettings scf, const EosSettings& eos,
                                        const std::function<void(const std::string&)>& log = {},
                                        CellCache* cache = nullptr);

/// The fit as JSON (a0_A, B0_GPa, B0_prime, E0_eV per atom, every point, settings, wall time).
nlohmann::json to_json(const LatticeConstantFit& fit);

}  // namespace fw::dft
