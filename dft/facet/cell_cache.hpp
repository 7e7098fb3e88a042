/// \file cell_cache.hpp
/// \brief Finished SCF cells of a long facet series, kept in a JSON file written atomically after
/// each cell, so that a killed series continues from the last finished cell.
#pragma once

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "dft/facet/cell_energy.hpp"

namespace fw::dft {

class CellCache {
 public:
  /// Loads `path` when it exists (throws InputError(path) if it is not a cell cache).
  explicit CellCache(std::filesystem::path path);

  /// What determines a cell's energies: the structure (cell and positions to 1e-8 Å), the mesh,
  /// every SCF setting that changes the result, and the pseudopotential file.
  static std::string key(const slabs::Structure& cell, const std::array<int, 3>& mesh,
                         const ScfSettings& scf, const std::string& pseudopotential_path);

  std::optional<CellEnergy> find(const std::string& key) const;
  /// Adds the cell and rewrites the file atomically (a kill leaves the previous file intact);
  /// under MPI the output rank alone writes.
  void store(const std::string& key, const CellEnergy& energy);
  std::size_t size() const { return cells_.size(); }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
  std::map<std::string, nlohmann::json> cells_;
};

}  // namespace fw::dft
