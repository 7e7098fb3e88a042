/// \file facet_table.hpp
/// \brief The facet table (facets.json): E_dis per facet in one schema for every engine
/// (native PBE, VASP, EAM). See docs/formats.md.
#pragma once

#include <filesystem>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "slabs/miller.hpp"

namespace fw::slabs {

/// One facet's dissociation energy. E_dis is per unit area of ONE cut face:
/// E_dis = (E_part1 + E_part2 − E_crystal)/A (cut-crystal) or (E_slab − E_bulk)/A (slab),
/// which is 2γ for a clean cleavage into two surfaces of area A each.
struct FacetEntry {
  Miller hkl{1, 0, 0};
  double e_dis_eV_per_A2 = 0.0;
  bool relaxed = false;
  std::string method = "slab";  ///< "slab" | "cut-crystal"
  int layers = 0;               ///< slab method: atomic layers; cut-crystal: 0
  double area_A2 = 0.0;         ///< A of the formula above
  /// Slab method: E_slab and E_bulk; cut-crystal: E_part1 + E_part2 and E_crystal.
  double e_slab_eV = 0.0;
  double e_bulk_eV = 0.0;
  bool converged = true;
  /// Error bar of E_dis (a converged series, dft/facet/convergence); NaN when none was estimated.
  double e_dis_error_eV_per_A2 = std::numeric_limits<double>::quiet_NaN();

  /// γ = E_dis/2 in J/m² (the surface energy of one face).
  double gamma_J_per_m2() const;
};

struct FacetTable {
  std::string engine;  ///< "native-pbe" | "vasp" | "eam"
  std::string element = "Au";
  double a_A = 0.0;
  std::vector<FacetEntry> facets;
  nlohmann::json settings = nlohmann::json::object();  ///< every input that determines the numbers

  /// The entry for (hkl) with the given method and relaxation, if present.
  std::optional<FacetEntry> find(const Miller& hkl, const std::string& method, bool relaxed) const;
};

nlohmann::json to_json(const FacetTable& table);
/// Throws InputError(source) naming the missing or mistyped key.
FacetTable facet_table_from_json(const nlohmann::json& j, const std::string& source);

/// A cleavage costs energy: refuses (InputError naming `option`) the first E_dis that is ≤ 0 or not
/// finite, naming its facet, method and relaxation and appending `likely_cause`. Called before a
/// table is written, so no such number leaves with exit 0.
void check_e_dis_positive(const FacetTable& table, const std::string& option,
                          const std::string& likely_cause);

/// Writes atomically, with "code_version" added.
void write_facet_table(const std::filesystem::path& path, const FacetTable& table);
FacetTable read_facet_table(const std::filesystem::path& path);

}  // namespace fw::slabs
