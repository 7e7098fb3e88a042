/// \file table.cpp
/// \brief The parts of the settings table that do not depend on the settings struct.
#include "core/settings/table.hpp"

namespace fw::settings {

void reject_unknown_key(const std::string& key, const std::vector<std::string>& known,
                        const std::string& source, int line, const std::string& where) {
  const std::string hint =
      known.empty() ? "" : " (did you mean '" + nearest_key(key, known) + "'?)";
  throw InputError(source, line, "unknown key '" + key + "' in " + where + hint);
}

namespace {
std::string bracket_note(const Spec& spec, const Value& default_value) {
  std::string note = describe_type(spec);
  const std::string allowed = describe_allowed(spec);
  if (!allowed.empty()) note += "; " + allowed;
  note += "; default " + to_toml_literal(spec, default_value);
  return note;
}
}  // namespace

std::string commented_toml_line(const Spec& spec, const Value& value) {
  return "# " + spec.doc + " [" + bracket_note(spec, spec.default_value) + "]\n" + spec.key +
         " = " + to_toml_literal(spec, value) + "\n";
}

std::string markdown_rows(const std::vector<const Spec*>& specs) {
  std::string out =
      "| key | CLI option | type | unit | default | allowed | description |\n"
      "|---|---|---|---|---|---|---|\n";
  for (const Spec* s : specs) {
    std::string allowed = describe_allowed(*s);
    out += "| `" + s->key + "` | `" + s->option() + "` | " + describe_type(*s) + " | " +
           (s->unit.empty() ? "—" : s->unit) + " | `" + to_text(*s, s->default_value) + "` | " +
           (allowed.empty() ? "—" : allowed) + " | " + s->doc + " |\n";
  }
  return out;
}

}  // namespace fw::settings
