/// \file shipped_dft_table.cpp
/// \brief Finding, reading and checking a converged E_dis table.
#include "tools/pipeline/shipped_dft_table.hpp"

#include <cmath>

#include "core/data_file.hpp"
#include "core/error.hpp"
#include "core/json_file.hpp"
#include "core/printf_format.hpp"
#include "dft/facet/check_cell.hpp"

namespace fw::pipeline {

namespace {

const nlohmann::json& check_cell_json(const nlohmann::json& j, const std::filesystem::path& path) {
  if (!j.is_object() || !j.contains("check_cell"))
    throw InputError(path.string(),
                     "not a converged E_dis table: it has no \"check_cell\" "
                     "(tables from `facetweld edis --engine native --converge`)");
  return j.at("check_cell");
}

}  // namespace

std::optional<std::filesystem::path> find_shipped_dft_table(const std::string& name) {
  return find_data_file("dft", name);
}

bool shipped_table_matches(const std::filesystem::path& path, const std::string& element,
                           const std::string& pseudopotential) {
  const nlohmann::json j = read_json_file(path, "the E_dis table");
  const dft::CheckCell cell = dft::check_cell_from_json(check_cell_json(j, path), path.string());
  return j.value("element", "") == element && cell.element == element &&
         std::filesystem::absolute(cell.pseudopotential) ==
             std::filesystem::absolute(pseudopotential);
}

ShippedDftTable load_checked_dft_table(const std::filesystem::path& path,
                                       const std::function<void(const std::string&)>& log) {
  ShippedDftTable t;
  t.path = path;
  t.json = read_json_file(path, "the E_dis table");
  t.table = slabs::facet_table_from_json(t.json, path.string());
  const dft::CheckCell stored =
      dft::check_cell_from_json(check_cell_json(t.json, path), path.string());
  const dft::CheckCell now = dft::recompute_check_cell(stored, log);
  t.check_cell_change_hartree = now.free_energy_hartree - stored.free_energy_hartree;
  t.check_cell_wall_s = now.wall_s;
  if (!(std::abs(t.check_cell_change_hartree) <= dft::kCheckCellToleranceHartree))
    throw InputError(
        "[dft] table",
        format("%s: its check cell (%s one-layer cell, k %dx%dx%d) gives F = %.10f Ha with this "
               "build, %.10f Ha when the table was computed (%.2e Ha apart, more than %.0e): the "
               "solver has changed since; recompute the table (`[dft] converge = true`) or set "
               "`[dft] table = \"none\"`",
               path.string().c_str(), slabs::miller_label(stored.hkl).c_str(), stored.kpts[0],
               stored.kpts[1], stored.kpts[2], now.free_energy_hartree, stored.free_energy_hartree,
               t.check_cell_change_hartree, dft::kCheckCellToleranceHartree));
  return t;
}

}  // namespace fw::pipeline
