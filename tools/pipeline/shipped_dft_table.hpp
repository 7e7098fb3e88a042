/// \file shipped_dft_table.hpp
/// \brief A converged E_dis table computed earlier (data/dft/, or any facets.json with a check
/// cell) used by `facetweld run` instead of a quick DFT stage — after its check cell has been
/// recomputed by the running build, so a changed solver is caught rather than trusted.
#pragma once

#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "slabs/facet_table.hpp"

namespace fw::pipeline {

/// `name` as given, else in $FACETWELD_DATA/dft/ and the source tree's data/dft/; nullopt when
/// none exists.
std::optional<std::filesystem::path> find_shipped_dft_table(const std::string& name);

struct ShippedDftTable {
  std::filesystem::path path;
  nlohmann::json json;                     ///< the file as read
  slabs::FacetTable table;                 ///< its entries
  double check_cell_change_hartree = 0.0;  ///< recomputed − stored free energy of the check cell
  double check_cell_wall_s = 0.0;
};

/// Whether the table at `path` was computed for this element and pseudopotential (cheap: reads
/// the file only). Throws InputError(path) when it is not a facet table with a check cell.
bool shipped_table_matches(const std::filesystem::path& path, const std::string& element,
                           const std::string& pseudopotential);

/// Reads the table and recomputes its check cell; throws InputError("[dft] table", ...) naming
/// the file and both energies when they differ by more than the check's tolerance.
ShippedDftTable load_checked_dft_table(const std::filesystem::path& path,
                                       const std::function<void(const std::string&)>& log = {});

}  // namespace fw::pipeline
