/// \file incar.cpp
/// \brief INCAR parsing, typed access, editing and writing.
#include "vasp_io/incar.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>

#include "core/atomic_file.hpp"
#include "core/error.hpp"

namespace fw::vasp {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string unquote(std::string_view s) {
  s = trim(s);
  if (s.size() >= 2 && (s.front() == '"' || s.front() == '\'') && s.back() == s.front())
    s = s.substr(1, s.size() - 2);
  return std::string(s);
}

std::vector<std::string> split_ws(std::string_view s) {
  std::vector<std::string> out;
  std::istringstream in{std::string(s)};
  std::string tok;
  while (in >> tok) out.push_back(tok);
  return out;
}

/// Checks `value` against the tag's type; returns an error message or "".
std::string type_error(const IncarTagInfo& info, std::string_view value) {
  auto bad = [&] {
    return "INCAR tag " + std::string(info.name) + " expects " +
           std::string(incar_type_name(info.type)) + ", got '" + std::string(value) + "'";
  };
  if (value.empty()) return "INCAR tag " + std::string(info.name) + " has no value";
  switch (info.type) {
    case IncarType::logical:
      return read_fortran_logical(value) ? "" : bad();
    case IncarType::integer:
      return read_fortran_integer(value) ? "" : bad();
    case IncarType::real:
      return read_fortran_real(value) ? "" : bad();
    case IncarType::string:
      return "";
    case IncarType::integer_list:
    case IncarType::real_list:
    case IncarType::logical_list: {
      auto items = expand_incar_list(value);
      if (!items) return bad() + " (a repeat must read N*value with N a positive integer)";
      for (const auto& item : *items) {
        const bool ok =
            info.type == IncarType::integer_list ? read_fortran_integer(item).has_value()
            : info.type == IncarType::real_list  ? read_fortran_real(item).has_value()
                                                 : read_fortran_logical(item).has_value();
        if (!ok) return bad();
      }
      return "";
    }
  }
  return "";
}

std::string unknown_tag_message(std::string_view tag) {
  std::string msg = "unknown INCAR tag '" + std::string(tag) + "'";
  if (auto suggestion = suggest_incar_tag(tag)) msg += " (did you mean " + *suggestion + "?)";
  return msg;
}

}  // namespace

std::optional<bool> read_fortran_logical(std::string_view text) {
  // Fortran list-directed input: optional blanks, optional '.', then T or F, then anything.
  text = trim(text);
  if (!text.empty() && text.front() == '.') text.remove_prefix(1);
  if (text.empty()) return std::nullopt;
  const char c = static_cast<char>(std::toupper(static_cast<unsigned char>(text.front())));
  if (c != 'T' && c != 'F') return std::nullopt;
  // Reject words that merely start with T/F but are not logicals ("Fast", "Tetra").
  const std::string word = upper(text);
  static const char* const kAccepted[] = {"T", "F", "TRUE", "FALSE", "T.", "F.", "TRUE.", "FALSE."};
  if (std::none_of(std::begin(kAccepted), std::end(kAccepted),
                   [&](const char* a) { return word == a; }))
    return std::nullopt;
  return c == 'T';
}

std::optional<long long> read_fortran_integer(std::string_view text) {
  text = trim(text);
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  long long v = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || ptr != text.data() + text.size() || text.empty()) return std::nullopt;
  return v;
}

std::optional<double> read_fortran_real(std::string_view text) {
  std::string s(trim(text));
  if (s.empty()) return std::nullopt;
  for (char& c : s)
    if (c == 'd' || c == 'D') c = 'E';
  if (s.front() == '+') s.erase(0, 1);
  double v = 0.0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::optional<std::vector<std::string>> expand_incar_list(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& tok : split_ws(text)) {
    const auto star = tok.find('*');
    if (star == std::string::npos) {
      out.push_back(tok);
      continue;
    }
    auto count = read_fortran_integer(std::string_view(tok).substr(0, star));
    const std::string item = tok.substr(star + 1);
    if (!count || *count < 1 || *count > 10'000'000 || item.empty()) return std::nullopt;
    out.insert(out.end(), static_cast<std::size_t>(*count), item);
  }
  if (out.empty()) return std::nullopt;
  return out;
}

std::string format_incar_real(double value) {
  char buf[64];
  auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, value);
  std::string s(buf, ptr);
  // Integral reals keep a decimal point so they read as reals ("520.0" rather than "520").
  if (s.find_first_of(".eE") == std::string::npos && s.find("inf") == std::string::npos) s += ".0";
  return s;
}

std::string format_incar_list(const std::vector<double>& values) {
  std::string out;
  for (std::size_t i = 0; i < values.size();) {
    std::size_t j = i;
    while (j < values.size() && values[j] == values[i]) ++j;
    if (!out.empty()) out += ' ';
    if (j - i > 1) out += std::to_string(j - i) + "*";
    out += format_incar_real(values[i]);
    i = j;
  }
  return out;
}

Incar Incar::parse(std::string_view text, const std::string& source,
                   std::vector<std::string>* warnings) {
  Incar incar;
  incar.source_ = source;
  std::istringstream in{std::string(text)};
  std::string raw;
  int line_no = 0;
  while (std::getline(in, raw)) {
    ++line_no;
    const int first_line = line_no;
    if (!raw.empty() && raw.back() == '\r') raw.pop_back();
    // Fortran-style continuation: a trailing backslash joins the next line.
    while (!raw.empty() && trim(raw).ends_with('\\')) {
      std::string next;
      const std::string_view kept = trim(raw);
      raw = std::string(kept.substr(0, kept.size() - 1)) + " ";
      if (!std::getline(in, next)) break;
      ++line_no;
      if (!next.empty() && next.back() == '\r') next.pop_back();
      raw += next;
    }
    // Split off the comment (first '#' or '!' outside quotes).
    std::string code = raw, comment;
    bool has_comment = false;
    char quote = 0;
    for (std::size_t i = 0; i < raw.size(); ++i) {
      const char c = raw[i];
      if (quote) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '#' || c == '!') {
        code = raw.substr(0, i);
        comment = std::string(trim(std::string_view(raw).substr(i + 1)));
        has_comment = true;
        break;
      }
    }
    if (trim(code).empty()) {
      Line line;
      line.text = raw;
      incar.lines_.push_back(std::move(line));
      continue;
    }
    std::vector<std::string> statements;
    {
      std::string cur;
      for (char c : code) {
        if (c == ';') {
          statements.push_back(cur);
          cur.clear();
        } else {
          cur += c;
        }
      }
      statements.push_back(cur);
    }
    bool first_statement = true;
    for (const auto& statement : statements) {
      if (trim(statement).empty()) continue;
      const auto eq = statement.find('=');
      if (eq == std::string::npos) {
        // VASP skips lines without '=' (section headers in the corpus' INCARs): keep them verbatim.
        if (warnings)
          warnings->push_back(source + ":" + std::to_string(first_line) + ": no '=' in '" +
                              std::string(trim(statement)) + "', ignored as VASP does");
        Line line;
        line.text = raw;
        incar.lines_.push_back(std::move(line));
        first_statement = false;
        break;
      }
      const std::string tag = upper(trim(std::string_view(statement).substr(0, eq)));
      const std::string value = unquote(std::string_view(statement).substr(eq + 1));
      if (tag.empty() || tag.find_first_of(" \t") != std::string::npos)
        throw InputError(source, first_line,
                         "expected 'TAG = value', got '" + std::string(trim(statement)) + "'");
      if (const IncarTagInfo* info = find_incar_tag(tag)) {
        const std::string err = type_error(*info, value);
        if (!err.empty()) throw InputError(source, first_line, err);
      } else {
        if (suggest_incar_tag(tag)) throw InputError(source, first_line, unknown_tag_message(tag));
        if (warnings)
          warnings->push_back(source + ":" + std::to_string(first_line) + ": unknown INCAR tag '" +
                              tag + "', kept as written");
      }
      if (const IncarEntry* previous = incar.entry(tag)) {
        if (warnings)
          warnings->push_back(source + ":" + std::to_string(first_line) + ": " + tag +
                              " repeats line " + std::to_string(previous->line) +
                              "; VASP uses the first value");
        continue;
      }
      Line line;
      line.is_entry = true;
      line.entry =
          IncarEntry{tag, value, first_statement && has_comment ? comment : "", first_line};
      incar.lines_.push_back(std::move(line));
      first_statement = false;
    }
  }
  return incar;
}

Incar Incar::read(const std::filesystem::path& path, std::vector<std::string>* warnings) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path.string(), "cannot open INCAR");
  std::ostringstream ss;
  ss << in.rdbuf();
  return parse(ss.str(), path.string(), warnings);
}

std::string Incar::str() const {
  std::ostringstream out;
  for (const auto& line : lines_) {
    if (!line.is_entry) {
      out << line.text << '\n';
      continue;
    }
    const auto& e = line.entry;
    std::string statement = e.tag + " = " + e.value;
    if (!e.comment.empty()) {
      if (statement.size() < 24) statement.resize(24, ' ');
      statement += "  # " + e.comment;
    }
    out << statement << '\n';
  }
  return out.str();
}

void Incar::write(const std::filesystem::path& path) const {
  write_file_atomically(path, str());
}

IncarEntry* Incar::find(std::string_view tag) {
  const std::string key = upper(tag);
  for (auto& line : lines_)
    if (line.is_entry && line.entry.tag == key) return &line.entry;
  return nullptr;
}

const IncarEntry* Incar::entry(std::string_view tag) const {
  return const_cast<Incar*>(this)->find(tag);
}

bool Incar::has(std::string_view tag) const {
  return entry(tag) != nullptr;
}

std::vector<std::string> Incar::tags() const {
  std::vector<std::string> out;
  for (const auto& line : lines_)
    if (line.is_entry) out.push_back(line.entry.tag);
  return out;
}

namespace {
[[noreturn]] void bad_value(const std::string& source, const IncarEntry& e, const char* expected) {
  throw InputError(source, e.line,
                   "INCAR tag " + e.tag + " expects " + expected + ", got '" + e.value + "'");
}
}  // namespace

std::optional<bool> Incar::logical(std::string_view tag) const {
  const IncarEntry* e = entry(tag);
  if (!e) return std::nullopt;
  auto v = read_fortran_logical(e->value);
  if (!v) bad_value(source_, *e, "a logical");
  return v;
}

std::optional<long long> Incar::integer(std::string_view tag) const {
  const IncarEntry* e = entry(tag);
  if (!e) return std::nullopt;
  auto v = read_fortran_integer(e->value);
  if (!v) bad_value(source_, *e, "an integer");
  return v;
}

std::optional<double> Incar::real(std::string_view tag) const {
  const IncarEntry* e = entry(tag);
  if (!e) return std::nullopt;
  auto v = read_fortran_real(e->value);
  if (!v) bad_value(source_, *e, "a real number");
  return v;
}

std::optional<std::string> Incar::word(std::string_view tag) const {
  const IncarEntry* e = entry(tag);
  if (!e) return std::nullopt;
  return e->value;
}

std::optional<std::vector<double>> Incar::reals(std::string_view tag) const {
  const IncarEntry* e = entry(tag);
  if (!e) return std::nullopt;
  auto items = expand_incar_list(e->value);
  if (!items) bad_value(source_, *e, "a list of numbers");
  std::vector<double> out;
  for (const auto& item : *items) {
    auto v = read_fortran_real(item);
    if (!v) bad_value(source_, *e, "a list of numbers");
    out.push_back(*v);
  }
  return out;
}

void Incar::set_raw(std::string_view tag, std::string value, std::string comment) {
  const std::string key = upper(tag);
  const IncarTagInfo* info = find_incar_tag(key);
  if (!info) throw InputError(source_, unknown_tag_message(key));
  // The formatted value must read back as the tag's type (an integer for a real tag is fine,
  // 2.5 for an integer tag is not).
  if (const std::string err = type_error(*info, value); !err.empty())
    throw InputError(source_, err);
  if (IncarEntry* e = find(key)) {
    e->value = std::move(value);
    if (!comment.empty()) e->comment = std::move(comment);
    return;
  }
  Line line;
  line.is_entry = true;
  line.entry = IncarEntry{key, std::move(value), std::move(comment), 0};
  lines_.push_back(std::move(line));
}

void Incar::set(std::string_view tag, bool value, std::string comment) {
  set_raw(tag, value ? ".TRUE." : ".FALSE.", std::move(comment));
}
void Incar::set(std::string_view tag, int value, std::string comment) {
  set(tag, static_cast<long long>(value), std::move(comment));
}
void Incar::set(std::string_view tag, long long value, std::string comment) {
  set_raw(tag, std::to_string(value), std::move(comment));
}
void Incar::set(std::string_view tag, double value, std::string comment) {
  set_raw(tag, format_incar_real(value), std::move(comment));
}
void Incar::set(std::string_view tag, const char* value, std::string comment) {
  set(tag, std::string(value), std::move(comment));
}
void Incar::set(std::string_view tag, const std::string& value, std::string comment) {
  set_raw(tag, value, std::move(comment));
}
void Incar::set(std::string_view tag, const std::vector<double>& values, std::string comment) {
  set_raw(tag, format_incar_list(values), std::move(comment));
}

void Incar::add_comment(const std::string& text) {
  Line line;
  line.text = "# " + text;
  lines_.push_back(std::move(line));
}

bool Incar::erase(std::string_view tag) {
  const std::string key = upper(tag);
  auto it = std::find_if(lines_.begin(), lines_.end(),
                         [&](const Line& l) { return l.is_entry && l.entry.tag == key; });
  if (it == lines_.end()) return false;
  lines_.erase(it);
  return true;
}

}  // namespace fw::vasp
