/// \file facet_table.cpp
/// \brief facets.json reading and writing.
#include "slabs/facet_table.hpp"

#include <cmath>
#include <cstdio>

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "core/json_file.hpp"
#include "core/units.hpp"
#include "core/version.hpp"

namespace fw::slabs {

double FacetEntry::gamma_J_per_m2() const {
  return units::eV_per_A2_to_J_per_m2(e_dis_eV_per_A2) / 2.0;
}

std::optional<FacetEntry> FacetTable::find(const Miller& hkl, const std::string& method,
                                           bool relaxed) const {
  for (const FacetEntry& f : facets)
    if (f.hkl == reduce_miller(hkl) && f.method == method && f.relaxed == relaxed) return f;
  return std::nullopt;
}

nlohmann::json to_json(const FacetTable& table) {
  nlohmann::json facets = nlohmann::json::array();
  for (const FacetEntry& f : table.facets) {
    facets.push_back({{"hkl", f.hkl},
                      {"e_dis_eV_per_A2", f.e_dis_eV_per_A2},
                      {"gamma_J_per_m2", f.gamma_J_per_m2()},
                      {"relaxed", f.relaxed},
                      {"method", f.method},
                      {"layers", f.layers},
                      {"area_A2", f.area_A2},
                      {"e_slab_eV", f.e_slab_eV},
                      {"e_bulk_eV", f.e_bulk_eV},
                      {"converged", f.converged}});
    if (std::isfinite(f.e_dis_error_eV_per_A2))
      facets.back()["e_dis_error_eV_per_A2"] = f.e_dis_error_eV_per_A2;
  }
  return {{"engine", table.engine}, {"element", table.element},   {"a_A", table.a_A},
          {"facets", facets},       {"settings", table.settings}, {"code_version", code_version()}};
}

namespace {
template <typename T>
T required(const nlohmann::json& j, const std::string& key, const std::string& source,
           const std::string& where) {
  if (!j.contains(key)) throw InputError(source, "missing key '" + key + "' in " + where);
  try {
    return j.at(key).get<T>();
  } catch (const nlohmann::json::exception&) {
    throw InputError(source, "key '" + key + "' in " + where + " has the wrong type");
  }
}
}  // namespace

FacetTable facet_table_from_json(const nlohmann::json& j, const std::string& source) {
  if (!j.is_object()) throw InputError(source, "expected a JSON object (the facet table)");
  FacetTable t;
  t.engine = required<std::string>(j, "engine", source, "the table");
  t.element = required<std::string>(j, "element", source, "the table");
  t.a_A = required<double>(j, "a_A", source, "the table");
  if (j.contains("settings")) t.settings = j["settings"];
  const auto facets = required<nlohmann::json>(j, "facets", source, "the table");
  if (!facets.is_array()) throw InputError(source, "'facets' must be an array");
  for (std::size_t i = 0; i < facets.size(); ++i) {
    const auto& e = facets[i];
    const std::string where = "facets[" + std::to_string(i) + "]";
    FacetEntry f;
    const auto hkl = required<std::vector<int>>(e, "hkl", source, where);
    if (hkl.size() != 3) throw InputError(source, where + ".hkl must have three integers");
    f.hkl = reduce_miller({hkl[0], hkl[1], hkl[2]});
    f.e_dis_eV_per_A2 = required<double>(e, "e_dis_eV_per_A2", source, where);
    f.relaxed = required<bool>(e, "relaxed", source, where);
    f.method = required<std::string>(e, "method", source, where);
    f.layers = e.value("layers", 0);
    f.area_A2 = e.value("area_A2", 0.0);
    f.e_slab_eV = e.value("e_slab_eV", 0.0);
    f.e_bulk_eV = e.value("e_bulk_eV", 0.0);
    f.converged = e.value("converged", true);
    if (e.contains("e_dis_error_eV_per_A2")) {
      f.e_dis_error_eV_per_A2 = required<double>(e, "e_dis_error_eV_per_A2", source, where);
      if (!(f.e_dis_error_eV_per_A2 >= 0.0))
        throw InputError(source, where + ".e_dis_error_eV_per_A2 must be ≥ 0");
    }
    t.facets.push_back(f);
  }
  return t;
}

void check_e_dis_positive(const FacetTable& table, const std::string& option,
                          const std::string& likely_cause) {
  for (const FacetEntry& f : table.facets) {
    if (std::isfinite(f.e_dis_eV_per_A2) && f.e_dis_eV_per_A2 > 0) continue;
    char value[64];
    std::snprintf(value, sizeof value, "%.6g", f.e_dis_eV_per_A2);
    throw InputError(
        option, "E_dis" + miller_label(f.hkl) + " " + (f.relaxed ? "relaxed" : "unrelaxed") + " (" +
                    f.method + ") = " + value +
                    " eV/Å² is not positive, and a cleavage costs energy: " + likely_cause);
  }
}

void write_facet_table(const std::filesystem::path& path, const FacetTable& table) {
  write_file_atomically(path, to_json(table).dump(2) + "\n");
}

FacetTable read_facet_table(const std::filesystem::path& path) {
  return facet_table_from_json(read_json_file(path, "the facet table"), path.string());
}

}  // namespace fw::slabs
