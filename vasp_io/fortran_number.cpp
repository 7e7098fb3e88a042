/// \file fortran_number.cpp
/// \brief Number-token parsing shared by the OUTCAR, OSZICAR and vasprun.xml readers.
#include "vasp_io/fortran_number.hpp"

#include <array>
#include <charconv>
#include <limits>

namespace fw::vasp {

namespace {

bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

std::optional<double> from_chars_exact(std::string_view s) {
  if (s.empty()) return std::nullopt;
  const char* first = s.data();
  const char* last = s.data() + s.size();
  if (*first == '+') ++first;  // from_chars rejects a leading '+', Fortran may write one
  double value = 0.0;
  const auto [ptr, ec] = std::from_chars(first, last, value, std::chars_format::general);
  // A value too small for a double (e.g. 1e-400) underflows to 0: accept it as 0.
  if (ec == std::errc::result_out_of_range && ptr == last) return 0.0;
  if (ec != std::errc() || ptr != last) return std::nullopt;
  return value;
}

}  // namespace

std::string_view trim(std::string_view line) {
  std::size_t b = 0, e = line.size();
  while (b < e && is_blank(line[b])) ++b;
  while (e > b && is_blank(line[e - 1])) --e;
  return line.substr(b, e - b);
}

std::optional<double> parse_fortran_double(std::string_view token) {
  token = trim(token);
  if (token.empty()) return std::nullopt;
  if (token.find_first_not_of('*') == std::string_view::npos) {
    return std::numeric_limits<double>::quiet_NaN();
  }
  if (auto v = from_chars_exact(token)) return v;
  // Fortran D exponent, or an exponent whose letter was dropped: mantissa then [+-]digits.
  std::array<char, 64> buffer{};
  if (token.size() + 2 > buffer.size()) return std::nullopt;
  std::size_t n = 0;
  bool seen_digit_or_dot = false;
  bool inserted = false;
  for (std::size_t i = 0; i < token.size(); ++i) {
    char c = token[i];
    if (c == 'D' || c == 'd') c = 'E';
    if (c == 'E' || c == 'e') inserted = true;
    if ((c == '+' || c == '-') && i > 0 && seen_digit_or_dot && !inserted) {
      buffer[n++] = 'E';
      inserted = true;
    }
    if ((c >= '0' && c <= '9') || c == '.') seen_digit_or_dot = true;
    buffer[n++] = c;
  }
  return from_chars_exact(std::string_view(buffer.data(), n));
}

std::optional<long long> parse_integer(std::string_view token) {
  token = trim(token);
  if (token.empty()) return std::nullopt;
  const char* first = token.data();
  if (*first == '+') ++first;
  long long value = 0;
  const auto [ptr, ec] = std::from_chars(first, token.data() + token.size(), value);
  if (ec != std::errc() || ptr != token.data() + token.size()) return std::nullopt;
  return value;
}

int split_blanks(std::string_view line, std::string_view* tokens, int max_tokens) {
  int count = 0;
  std::size_t i = 0;
  while (i < line.size() && count < max_tokens) {
    while (i < line.size() && is_blank(line[i])) ++i;
    if (i >= line.size()) break;
    const std::size_t start = i;
    while (i < line.size() && !is_blank(line[i])) ++i;
    tokens[count++] = line.substr(start, i - start);
  }
  return count;
}

}  // namespace fw::vasp
