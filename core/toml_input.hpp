/// \file toml_input.hpp
/// \brief Reading job files (TOML, via toml11) with errors that name the file, line and key.
#pragma once

#include <cstdint>
#include <filesystem>
#include <set>
#include <string>
#include <toml.hpp>
#include <type_traits>
#include <vector>

#include "core/error.hpp"

namespace fw::toml_input {

/// Parses a TOML file; a syntax error or an unreadable file becomes InputError(path), a syntax
/// error at its line with what toml11 found (describe_syntax_error).
toml::value parse_file(const std::filesystem::path& path);

/// toml11's several-line syntax error (`what()`) as one phrase: its title ("bad format: unknown
/// value appeared"), or for a key or table given twice "key 'seeds' is defined twice (first on
/// line 2)".
std::string describe_syntax_error(const std::string& what);

/// Rejects keys the format does not know (a typo would otherwise be silently ignored).
/// `where` names the table in the message ("the top level", "[weld]").
void check_keys(const toml::value& table, const std::set<std::string>& known,
                const std::string& path, const std::string& where);

/// Sets `out` from `table[key]` when present; integers are accepted for doubles.
/// A value of the wrong type is an InputError naming the file, line and key.
template <typename T>
void read_key(const toml::value& table, const std::string& key, T& out, const std::string& path) {
  if (!table.contains(key)) return;
  const toml::value& v = table.at(key);
  try {
    if constexpr (std::is_same_v<T, double>) {
      out = v.is_integer() ? static_cast<double>(v.as_integer()) : v.as_floating();
    } else if constexpr (std::is_same_v<T, std::vector<double>>) {
      out.clear();
      for (const auto& item : v.as_array())
        out.push_back(item.is_integer() ? static_cast<double>(item.as_integer())
                                        : item.as_floating());
    } else if constexpr (std::is_same_v<T, std::uint64_t>) {
      out = static_cast<std::uint64_t>(v.as_integer());
    } else {
      out = toml::get<T>(v);
    }
  } catch (const std::exception&) {
    throw InputError(path, static_cast<int>(v.location().line()), "wrong type for '" + key + "'");
  }
}

}  // namespace fw::toml_input
