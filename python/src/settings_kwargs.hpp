/// \file settings_kwargs.hpp
/// \brief Python keyword arguments → settings structs through their modules' settings tables
/// (core/settings/table.hpp): the same keys, units, defaults and checks as the CLI options and
/// the job-file keys. A keyword is the table key (`ecut`, `vacuum`) or its results-JSON name with
/// the unit (`ecut_Ha`, `vacuum_A`). Numbers are taken in the table's unit; a string is parsed as
/// typed on the command line ("30Ha", "816eV", "4x4x1").
#pragma once

#include <pybind11/pybind11.h>

#include <string>
#include <vector>

#include "core/settings/table.hpp"
#include "json_convert.hpp"

namespace fw::python {

/// A Python value as a typed settings value for `spec`; raises TypeError naming `key`.
settings::Value value_from_python(const settings::Spec& spec, const pybind11::handle& obj,
                                  const std::string& key);

/// Sets `key` (table key or JSON key) in `s` from a Python value; false when the table has no
/// such key. Out-of-range values raise facetweld.InputError naming the key.
template <class S>
bool apply_setting(const settings::Table<S>& table, S& s, const std::string& key,
                   const pybind11::handle& value) {
  for (const auto& b : table.bindings()) {
    if (b.spec.key != key && b.spec.json_key() != key) continue;
    const settings::Type type = b.spec.type;
    const bool text_typed = type == settings::Type::Text || type == settings::Type::Choice;
    if (pybind11::isinstance<pybind11::str>(value) && !text_typed)
      table.set_text(s, b.spec.key, value.template cast<std::string>(), key);
    else
      table.set_value(s, b.spec.key, value_from_python(b.spec, value, key), key);
    return true;
  }
  return false;
}

/// Raises facetweld.InputError for a keyword no table knows, with the nearest known key.
void reject_unknown_keyword(const std::string& key, const std::vector<std::string>& known);

/// The table keys and JSON keys of a table (for reject_unknown_keyword).
template <class S>
std::vector<std::string> keyword_names(const settings::Table<S>& table) {
  std::vector<std::string> out;
  for (const auto& b : table.bindings()) {
    out.push_back(b.spec.key);
    if (b.spec.json_key() != b.spec.key) out.push_back(b.spec.json_key());
  }
  return out;
}

/// Every keyword applied to `s` (starting from `s`), then the table's cross-field checks.
template <class S>
S settings_from_kwargs(const settings::Table<S>& table, S s, const pybind11::kwargs& kwargs) {
  for (const auto& [k, v] : kwargs) {
    const std::string key = pybind11::str(k).cast<std::string>();
    if (!apply_setting(table, s, key, v)) reject_unknown_keyword(key, keyword_names(table));
  }
  table.check_consistency(s, "keyword arguments");
  return s;
}

/// {"ecut_Ha": 30.0, ...}: the settings as the results JSON writes them.
template <class S>
pybind11::dict settings_to_python(const settings::Table<S>& table, const S& s) {
  return to_python(table.to_json(s)).template cast<pybind11::dict>();
}

/// One dict per setting: key, json_key, type, unit, default, allowed, doc.
pybind11::list describe_settings(const std::vector<const settings::Spec*>& specs);

}  // namespace fw::python
