/// \file cell_cache.hpp
/// \brief Finished SCF cells of a long facet series, kept in a JSON file written atomically after
/// each cell, so that a killed series continues from the last finished cell. Each cell carries its
/// integrity block (core/file_integrity.hpp): a checksum and the producer {format, fingerprint of
/// the cell's key}; docs/formats.md, "Integrity of files a rerun trusts".
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
  /// Loads `path` when it exists. A cell whose checksum or producer fails is left out (recomputed)
  /// with a one-line notice; throws InputError(path) if the file is not a cell store, or holds
  /// cells without a checksum (an older facetweld's store: `facetweld adopt` vouches for it).
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

/// What `facetweld adopt` did to a cell store.
struct CellStoreAdoption {
  std::size_t stamped = 0;     ///< cells without a checksum, now stamped
  std::size_t intact = 0;      ///< cells whose checksum and producer already held
  std::size_t distrusted = 0;  ///< cells whose checksum fails: left as they are, recomputed
};

/// Vouches for the cell store at `path`: every cell without an integrity block gets one (each cell
/// is checked to parse first), and the file is rewritten atomically. Throws InputError(path) if
/// it is not a cell store.
CellStoreAdoption adopt_cell_store(const std::filesystem::path& path);

/// True when `doc` has the top-level layout of a cell store.
bool is_cell_store(const nlohmann::json& doc);

}  // namespace fw::dft
