/// \file settings_cli.cpp
/// \brief Help text of generated options.
#include "tools/settings_cli.hpp"

namespace fw::cli {

std::string settings_help(const settings::Spec& spec) {
  if (spec.type == settings::Type::Boolean) {
    // On the command line a boolean is a pair of flags that take no value (the job file takes
    // true/false).
    const std::string on = spec.option(), off = "--no-" + on.substr(2);
    return spec.doc + " [flag: " + on + " or " + off + ", no value; default " +
           (settings::to_text(spec, spec.default_value) == "true" ? on : off) + "]";
  }
  std::string note = settings::describe_type(spec);
  const std::string allowed = settings::describe_allowed(spec);
  if (!allowed.empty()) note += "; " + allowed;
  const std::string value = settings::to_text(spec, spec.default_value);
  note += "; default " + (value.empty() ? std::string("none") : value);
  return spec.doc + " [" + note + "]";
}

std::string option_type_name(const settings::Spec& spec) {
  const std::string unit = spec.unit.empty() ? "" : "[" + spec.unit + "]";
  switch (spec.type) {
    case settings::Type::Integer:
      return "INT";
    case settings::Type::Real:
      return "VALUE" + unit;
    case settings::Type::Triplet:
      return "NxNxN";
    case settings::Type::RealList:
      return "V1,V2,..." + unit;
    case settings::Type::TextList:
      return "A,B,...";
    case settings::Type::Choice: {
      std::string out;
      for (const auto& c : spec.choices) out += (out.empty() ? "" : "|") + c;
      return out;
    }
    default:
      return "TEXT";
  }
}

}  // namespace fw::cli
