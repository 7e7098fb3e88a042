/// \file spec.cpp
/// \brief Parsing, checking and printing one setting's value.
#include "core/settings/spec.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "core/error.hpp"
#include "core/settings/quantity.hpp"

namespace fw::settings {

Range at_least(double min) {
  return Range{min, std::nullopt, false, false};
}
Range above(double min) {
  return Range{min, std::nullopt, true, false};
}
Range between(double min, double max) {
  return Range{min, max, false, false};
}
Range above_at_most(double min, double max) {
  return Range{min, max, true, false};
}

std::string Spec::option() const {
  std::string name = cli_name.empty() ? key : cli_name;
  std::replace(name.begin(), name.end(), '_', '-');
  return "--" + name;
}

std::string Spec::json_key() const {
  if (unit.empty()) return key;
  return key + "_" + unit_key_suffix(unit);
}

namespace {

std::vector<std::string> split(const std::string& text, char sep) {
  std::vector<std::string> parts;
  std::string item;
  std::stringstream in(text);
  while (std::getline(in, item, sep)) parts.push_back(item);
  if (!text.empty() && text.back() == sep) parts.emplace_back();
  return parts;
}

std::string trim(std::string s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.erase(0, 1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
  return s;
}

std::string format_number(double x) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.12g", x);
  std::string s = buf;
  return s;
}

long long parse_integer(const std::string& text) {
  const std::string t = trim(text);
  std::size_t used = 0;
  long long v = 0;
  try {
    v = std::stoll(t, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (t.empty() || used != t.size())
    throw std::invalid_argument("expected an integer, got '" + text + "'");
  return v;
}

std::array<int, 3> parse_triplet(const std::string& text) {
  std::string t = trim(text);
  std::replace(t.begin(), t.end(), 'X', 'x');
  const auto parts = split(t, 'x');
  if (parts.size() != 3) throw std::invalid_argument("expected NxNxN, got '" + text + "'");
  std::array<int, 3> v{};
  for (int i = 0; i < 3; ++i) {
    const long long n = parse_integer(parts[i]);
    if (n < -1000000000LL || n > 1000000000LL)
      throw std::invalid_argument("expected NxNxN, got '" + text + "'");
    v[i] = static_cast<int>(n);
  }
  return v;
}

bool parse_bool(const std::string& text) {
  const std::string t = trim(text);
  if (t == "true" || t == "yes" || t == "on" || t == "1") return true;
  if (t == "false" || t == "no" || t == "off" || t == "0") return false;
  throw std::invalid_argument("expected true or false, got '" + text + "'");
}

Value parse_text_or_throw(const Spec& spec, const std::string& text) {
  switch (spec.type) {
    case Type::Boolean:
      return parse_bool(text);
    case Type::Integer:
      return parse_integer(text);
    case Type::Real:
      return parse_quantity(trim(text), spec.unit);
    case Type::Text:
    case Type::Choice:
      return trim(text);
    case Type::RealList: {
      std::vector<double> out;
      if (trim(text).empty()) return out;
      for (const auto& item : split(text, ','))
        out.push_back(parse_quantity(trim(item), spec.unit));
      return out;
    }
    case Type::TextList: {
      std::vector<std::string> out;
      if (trim(text).empty()) return out;
      for (const auto& item : split(text, ',')) out.push_back(trim(item));
      return out;
    }
    case Type::Triplet:
      return parse_triplet(text);
  }
  throw std::logic_error("unhandled setting type");
}

bool in_range(const Range& r, double x) {
  if (!std::isfinite(x)) return false;
  if (r.min && (r.min_open ? !(x > *r.min) : !(x >= *r.min))) return false;
  if (r.max && (r.max_open ? !(x < *r.max) : !(x <= *r.max))) return false;
  return true;
}

std::string with_unit(double x, const std::string& unit) {
  return format_number(x) + (unit.empty() ? "" : " " + unit);
}

}  // namespace

Value parse_text(const Spec& spec, const std::string& text, const std::string& origin) {
  try {
    return parse_text_or_throw(spec, text);
  } catch (const std::invalid_argument& e) {
    throw InputError(origin, e.what());
  }
}

Value parse_toml(const Spec& spec, const toml::value& value, const std::string& path) {
  const int line = static_cast<int>(value.location().line());
  const std::string where = "'" + spec.key + "': ";
  try {
    if (value.is_string()) {
      if (spec.type == Type::RealList || spec.type == Type::TextList || spec.type == Type::Real ||
          spec.type == Type::Triplet || spec.type == Type::Text || spec.type == Type::Choice)
        return parse_text_or_throw(spec, value.as_string());
      throw std::invalid_argument("expected " + describe_type(spec) + ", got a string");
    }
    switch (spec.type) {
      case Type::Boolean:
        if (value.is_boolean()) return value.as_boolean();
        break;
      case Type::Integer:
        if (value.is_integer()) return static_cast<long long>(value.as_integer());
        break;
      case Type::Real:
        if (value.is_integer()) return static_cast<double>(value.as_integer());
        if (value.is_floating()) return value.as_floating();
        break;
      case Type::RealList:
      case Type::TextList:
      case Type::Triplet: {
        if (!value.is_array()) break;
        std::string joined;
        for (const auto& item : value.as_array()) {
          std::string text;
          if (item.is_string())
            text = item.as_string();
          else if (item.is_integer())
            text = std::to_string(item.as_integer());
          else if (item.is_floating())
            text = format_number(item.as_floating());
          else
            throw std::invalid_argument("expected " + describe_type(spec));
          joined += (joined.empty() ? "" : (spec.type == Type::Triplet ? "x" : ",")) + text;
        }
        return parse_text_or_throw(spec, joined);
      }
      default:
        break;
    }
    throw std::invalid_argument("expected " + describe_type(spec));
  } catch (const std::invalid_argument& e) {
    throw InputError(path, line, where + e.what());
  }
}

void validate(const Spec& spec, const Value& value, const std::string& source, int line) {
  const auto fail = [&](const std::string& got) {
    throw InputError(
        source, line,
        "'" + spec.key + "' = " + got + " is out of range: allowed " + describe_allowed(spec));
  };
  if (const auto* x = std::get_if<double>(&value)) {
    if (!in_range(spec.range, *x)) fail(with_unit(*x, spec.unit));
  } else if (const auto* n = std::get_if<long long>(&value)) {
    if (!in_range(spec.range, static_cast<double>(*n))) fail(std::to_string(*n));
  } else if (const auto* list = std::get_if<std::vector<double>>(&value)) {
    for (double x : *list)
      if (!in_range(spec.range, x)) fail(with_unit(x, spec.unit));
  } else if (const auto* t = std::get_if<std::array<int, 3>>(&value)) {
    for (int x : *t)
      if (!in_range(spec.range, x)) fail(to_text(spec, value));
  } else if (const auto* s = std::get_if<std::string>(&value)) {
    if (spec.type == Type::Choice &&
        std::find(spec.choices.begin(), spec.choices.end(), *s) == spec.choices.end()) {
      std::string hint;
      if (!s->empty()) hint = " (did you mean '" + nearest_key(*s, spec.choices) + "'?)";
      throw InputError(source, line,
                       "'" + spec.key + "' = '" + *s + "' is not " + describe_allowed(spec) + hint);
    }
  }
  if (spec.check) {
    try {
      spec.check(value);
    } catch (const std::invalid_argument& e) {
      throw InputError(source, line, "'" + spec.key + "': " + e.what());
    } catch (const InputError& e) {  // a module parser used as the check
      throw InputError(source, line, "'" + spec.key + "': " + e.what());
    }
  }
}

nlohmann::json to_json(const Value& value) {
  return std::visit([](const auto& v) { return nlohmann::json(v); }, value);
}

std::string to_text(const Spec& spec, const Value& value) {
  if (const auto* b = std::get_if<bool>(&value)) return *b ? "true" : "false";
  if (const auto* n = std::get_if<long long>(&value)) return std::to_string(*n);
  if (const auto* x = std::get_if<double>(&value)) {
    // "30Ha", "12Å"; a unit that starts with a digit ("1/bohr") would read as part of the number.
    const bool suffix =
        !spec.unit.empty() && !std::isdigit(static_cast<unsigned char>(spec.unit[0]));
    return format_number(*x) + (suffix ? spec.unit : "");
  }
  if (const auto* s = std::get_if<std::string>(&value)) return *s;
  if (const auto* t = std::get_if<std::array<int, 3>>(&value))
    return std::to_string((*t)[0]) + "x" + std::to_string((*t)[1]) + "x" + std::to_string((*t)[2]);
  std::string out;
  if (const auto* list = std::get_if<std::vector<double>>(&value))
    for (double x : *list) out += (out.empty() ? "" : ",") + format_number(x);
  if (const auto* list = std::get_if<std::vector<std::string>>(&value))
    for (const auto& x : *list) out += (out.empty() ? "" : ",") + x;
  return out;
}

std::string to_toml_literal(const Spec& spec, const Value& value) {
  if (const auto* b = std::get_if<bool>(&value)) return *b ? "true" : "false";
  if (const auto* n = std::get_if<long long>(&value)) return std::to_string(*n);
  if (const auto* x = std::get_if<double>(&value)) {
    std::string s = format_number(*x);
    if (s.find_first_of(".en") == std::string::npos) s += ".0";
    return s;
  }
  if (const auto* s = std::get_if<std::string>(&value)) return toml::format(toml::value(*s));
  if (spec.type == Type::Triplet) return "\"" + to_text(spec, value) + "\"";
  std::string out;
  if (const auto* list = std::get_if<std::vector<double>>(&value))
    for (double x : *list) out += (out.empty() ? "" : ", ") + format_number(x);
  if (const auto* list = std::get_if<std::vector<std::string>>(&value))
    for (const auto& x : *list) out += (out.empty() ? "" : ", ") + toml::format(toml::value(x));
  return "[" + out + "]";
}

std::string describe_allowed(const Spec& spec) {
  if (spec.type == Type::Choice) {
    std::string list;
    for (const auto& c : spec.choices) list += (list.empty() ? "" : ", ") + c;
    return "one of: " + list;
  }
  const Range& r = spec.range;
  const std::string u = spec.unit.empty() ? "" : " " + spec.unit;
  if (r.min && r.max)
    return format_number(*r.min) + (r.min_open ? " < x " : " ≤ x ") + (r.max_open ? "< " : "≤ ") +
           format_number(*r.max) + u;
  if (r.min) return (r.min_open ? "> " : "≥ ") + format_number(*r.min) + u;
  if (r.max) return (r.max_open ? "< " : "≤ ") + format_number(*r.max) + u;
  return "";
}

std::string describe_type(const Spec& spec) {
  const std::string u = spec.unit.empty() ? "" : " (" + spec.unit + ")";
  switch (spec.type) {
    case Type::Boolean:
      return "true/false";
    case Type::Integer:
      return "integer";
    case Type::Real:
      return "number" + u;
    case Type::Text:
      return "text";
    case Type::Choice:
      return "choice";
    case Type::RealList:
      return "list of numbers" + u;
    case Type::TextList:
      return "list";
    case Type::Triplet:
      return "NxNxN";
  }
  return "";
}

std::string nearest_key(const std::string& key, const std::vector<std::string>& known) {
  std::string best;
  std::size_t best_distance = std::string::npos;
  for (const auto& candidate : known) {
    // Levenshtein distance, one row at a time.
    std::vector<std::size_t> row(candidate.size() + 1);
    for (std::size_t j = 0; j <= candidate.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= key.size(); ++i) {
      std::size_t diagonal = row[0];
      row[0] = i;
      for (std::size_t j = 1; j <= candidate.size(); ++j) {
        const std::size_t up = row[j];
        row[j] = std::min(
            {row[j] + 1, row[j - 1] + 1, diagonal + (key[i - 1] == candidate[j - 1] ? 0 : 1)});
        diagonal = up;
      }
    }
    if (row.back() < best_distance) {
      best_distance = row.back();
      best = candidate;
    }
  }
  return best;
}

}  // namespace fw::settings
