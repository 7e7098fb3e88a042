/// \file spec.hpp
/// \brief One setting described once: key, type, unit, default, allowed range or choices and a
/// one-line doc. From it come the CLI option, the job-file key, the results-JSON key, the
/// validation and the documentation (see table.hpp for the binding to a settings struct).
#pragma once

#include <array>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <toml.hpp>
#include <variant>
#include <vector>

namespace fw::settings {

enum class Type { Boolean, Integer, Real, Text, Choice, RealList, TextList, Triplet };

/// A setting's value; Real and RealList are stored in the setting's unit.
using Value = std::variant<bool, long long, double, std::string, std::vector<double>,
                           std::vector<std::string>, std::array<int, 3>>;

/// Closed or open bounds on a number (each element of a list or triplet).
struct Range {
  std::optional<double> min, max;
  bool min_open = false, max_open = false;
};
Range at_least(double min);
Range above(double min);
Range between(double min, double max);
Range above_at_most(double min, double max);

struct Spec {
  std::string key{};  ///< snake_case: job-file key; CLI option --key-with-dashes
  Type type = Type::Real;
  std::string unit{};  ///< the unit the value is stored in ("" for none)
  Value default_value{};
  std::string doc{};  ///< one line
  Range range{};
  std::vector<std::string> choices{};  ///< Type::Choice
  /// Extra check for values a range cannot express (a facet list, a smearing name); throws
  /// std::invalid_argument with what was expected, or is the module's own parser (InputError
  /// with an empty source), re-thrown naming the file/line or option.
  std::function<void(const Value&)> check{};
  std::string cli_name{};  ///< overrides --key-with-dashes (e.g. "kpts")

  std::string option() const;    ///< "--ecut"
  std::string json_key() const;  ///< "ecut_Ha"
};

/// Parses the text a user typed (CLI) into a value of `spec`; `origin` names the option.
/// Throws InputError(origin, "...expected...").
Value parse_text(const Spec& spec, const std::string& text, const std::string& origin);

/// Reads a TOML value (numbers, strings with units, arrays); errors name path:line.
Value parse_toml(const Spec& spec, const toml::value& value, const std::string& path);

/// Range, choices and the extra check; throws InputError(source, line, ...) naming the range
/// and unit.
void validate(const Spec& spec, const Value& value, const std::string& source, int line = 0);

/// The value as JSON (numbers in the spec's unit).
nlohmann::json to_json(const Value& value);

/// The value as a TOML literal that parse_toml reads back to the same value.
std::string to_toml_literal(const Spec& spec, const Value& value);

/// The value as a user would type it on the command line ("20Ha", "6x6x1", "100,110,111").
std::string to_text(const Spec& spec, const Value& value);

/// "≥ 2 Ha", "one of: fire, cg", "0 < x ≤ 1"; empty when any value is allowed.
std::string describe_allowed(const Spec& spec);

/// Type as a word for the docs ("number (Ha)", "integer", "NxNxN", "list of numbers (deg)").
std::string describe_type(const Spec& spec);

/// The known key closest to `key` (Levenshtein distance), for "did you mean" messages.
std::string nearest_key(const std::string& key, const std::vector<std::string>& known);

}  // namespace fw::settings
