/// \file settings_kwargs.hpp
/// \brief Python keyword arguments → a settings struct through its module's settings table
/// (core/settings/table.hpp): the same keys, units, defaults and checks as the CLI options and
/// the job-file keys. Numbers are taken in the unit the table stores (e.g. ecut in Ha); a string
/// is parsed as the user would type it on the command line ("30Ha", "816eV", "4x4x1").
#pragma once

#include <pybind11/pybind11.h>

#include <string>

#include "core/settings/table.hpp"
#include "json_convert.hpp"

namespace fw::python {

/// A Python value as a typed settings value for `spec`; raises TypeError naming `key`.
settings::Value value_from_python(const settings::Spec& spec, const pybind11::handle& obj,
                                  const std::string& key);

/// Applies every keyword to `s` (unknown keys, wrong types and out-of-range values raise
/// facetweld.InputError naming the key, with a "did you mean" for near misses), then the table's
/// cross-field checks.
template <class S>
S settings_from_kwargs(const settings::Table<S>& table, S s, const pybind11::kwargs& kwargs) {
  for (const auto& [k, v] : kwargs) {
    const std::string key = pybind11::str(k).cast<std::string>();
    const settings::Binding<S>* b = table.find(key);
    if (!b) {
      settings::reject_unknown_key(key, table.keys(), key, 0, table.section());
      continue;
    }
    const settings::Type type = b->spec.type;
    const bool text_typed = type == settings::Type::Text || type == settings::Type::Choice;
    if (pybind11::isinstance<pybind11::str>(v) && !text_typed)
      table.set_text(s, key, v.template cast<std::string>(), key);
    else
      table.set_value(s, key, value_from_python(b->spec, v, key), key);
  }
  table.check_consistency(s, "keyword arguments");
  return s;
}

/// {"ecut_Ha": 30.0, ...}: the settings as the results JSON writes them.
template <class S>
pybind11::dict settings_to_python(const settings::Table<S>& table, const S& s) {
  return to_python(table.to_json(s));
}

/// One dict per setting: key, type, unit, default, allowed, doc (for help() and docs).
pybind11::list describe_settings(const std::vector<const settings::Spec*>& specs);

}  // namespace fw::python
