/// \file toml_input.cpp
/// \brief TOML parsing with file/line errors.
#include "core/toml_input.hpp"

#include <sstream>

namespace fw::toml_input {

std::string describe_syntax_error(const std::string& what) {
  // toml11 3.x: "[error] <title>\n --> file\n   |\n 2 | text\n   | ~~~ note\n ...".
  std::string title = what.substr(0, what.find('\n'));
  for (const char* prefix : {"[error] ", "toml::insert_value: "})
    if (title.rfind(prefix, 0) == 0) title.erase(0, std::string(prefix).size());
  while (!title.empty() && (title.back() == '.' || title.back() == ' ')) title.pop_back();
  // A redefinition: `value ("seeds") already exists` or `table ("dft") already exists`, the
  // first definition being the first source line quoted below the title.
  const std::string exists = "\") already exists";
  const std::size_t open = title.find(" (\"");
  const std::size_t close = title.find(exists);
  if (open == std::string::npos || close == std::string::npos || close < open) return title;
  const std::string kind = title.substr(0, open);
  const std::string name = title.substr(open + 3, close - open - 3);
  std::string first_line;
  std::istringstream lines(what);
  for (std::string line; first_line.empty() && std::getline(lines, line);) {
    const std::size_t bar = line.find(" | ");
    if (bar == std::string::npos) continue;
    const std::string number = line.substr(0, bar);
    if (number.find_first_not_of(' ') != std::string::npos &&
        number.find_first_not_of(" 0123456789") == std::string::npos)
      first_line = number.substr(number.find_first_not_of(' '));
  }
  const std::string subject = kind == "table" ? "table [" + name + "]" : "key '" + name + "'";
  return subject + " is defined twice" +
         (first_line.empty() ? std::string() : " (first on line " + first_line + ")");
}

toml::value parse_file(const std::filesystem::path& path) {
  if (!std::filesystem::exists(path)) throw InputError(path.string(), "file not found");
  try {
    return toml::parse(path.string());
  } catch (const toml::syntax_error& e) {
    const auto line = static_cast<int>(e.location().line());
    throw InputError(path.string(), line, "TOML syntax error: " + describe_syntax_error(e.what()));
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
