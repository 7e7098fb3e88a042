/// \file collect.hpp
/// \brief `facetweld vasp collect`: the facet table (DESIGN.md schema, "engine": "vasp") from the
/// finished jobs of a folder.
#pragma once

#include <filesystem>

#include <nlohmann/json.hpp>

namespace fw::vasp {

/// |γ(N) − γ(N−2)| below this marks a slab series converged (J/m²).
inline constexpr double kSlabConvergenceJPerM2 = 0.01;

/// Cut crystal (paper): E_dis = (E_part1 + E_part2 − E_crystal)/A, γ = E_dis/2.
/// Slab: γ = (E_slab − N·ε_bulk)/(2A) with ε_bulk the oriented bulk energy per atom; E_dis = 2γ;
/// the facet entry is the thickest finished slab, with the whole layer series alongside.
/// Energies are E(σ→0) of the last ionic step. Facets whose jobs are not all done are listed
/// under "incomplete". InputError when no facet is complete.
nlohmann::json collect_facet_table(const std::filesystem::path& jobs_dir);

}  // namespace fw::vasp
