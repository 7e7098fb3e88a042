/// \file toml_input.cpp
/// \brief TOML parsing with file/line errors.
#include "core/toml_input.hpp"

namespace fw::toml_input {

toml::value parse_file(const std::filesystem::path& path) {
  if (!std::filesystem::exists(path)) throw InputError(path.string(), "file not found");
  try {
    return toml::parse(path.string());
  } catch (const toml::syntax_error& e) {
    const auto line = static_cast<int>(e.location().line());
    throw InputError(path.string(), line, "TOML syntax error");
  } catch (const std::runtime_error& e) {
    throw InputError(path.string(), e.what());
  }
}

void check_keys(const toml::value& table, const std::set<std::string>& known,
                const std::string& path, const std::string& where) {
  if (!table.is_table())
    throw InputError(path, static_cast<int>(table.location().line()), where + " must be a table");
  for (const auto& [key, value] : table.as_table()) {
    if (known.count(key)) continue;
    std::string list;
    for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
    throw InputError(path, static_cast<int>(value.location().line()),
                     "unknown key '" + key + "' in " + where + " (known: " + list + ")");
  }
}

}  // namespace fw::toml_input
