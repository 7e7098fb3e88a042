/// \file check_cell.hpp
/// \brief The check that a stored E_dis table still holds for the running solver: one small cell
/// of the table (the one-layer bulk cell of a facet at the table's lattice constant), tightly
/// converged, stored with its free energy; recomputing it must give the same number.
#pragma once

#include <array>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "dft/facet_energy.hpp"

namespace fw::dft {

struct CheckCell {
  slabs::Miller hkl{1, 1, 1};
  std::string element;
  double a_A = 0.0;
  std::array<int, 3> kpts{};
  ScfSettings scf;  ///< ecut, smearing, xc, tolerances (energy tolerance tight: 1e-10 Ha)
  std::string pseudopotential;
  double free_energy_hartree = 0.0;  ///< as stored (or as computed by compute_check_cell)
  double wall_s = 0.0;
};

/// Energy tolerance of a check cell, so that the run-to-run scatter is far below the bar.
inline constexpr double kCheckCellToldfeHartree = 1e-10;
/// How far a recomputed check cell may move before the table is declared stale (Ha).
inline constexpr double kCheckCellToleranceHartree = 1e-6;

/// The one-layer cell of `hkl` at settings.a_A on the mesh `kpts`, SCF at settings.scf with the
/// tight tolerance: its free energy is filled in.
CheckCell compute_check_cell(const Pseudopotential& psp, const DftFacetSettings& settings,
                             const slabs::Miller& hkl, const std::array<int, 3>& kpts);

/// Recomputes `stored` with this build; returns the new cell (free_energy_hartree recomputed).
CheckCell recompute_check_cell(const CheckCell& stored,
                               const std::function<void(const std::string&)>& log = {});

nlohmann::json to_json(const CheckCell& c);
/// Throws InputError(source) naming the missing or mistyped key.
CheckCell check_cell_from_json(const nlohmann::json& j, const std::string& source);

}  // namespace fw::dft
