/// \file miller.cpp
/// \brief Miller index parsing and reduction.
#include "slabs/miller.hpp"

#include <cctype>
#include <cstdlib>
#include <numeric>
#include <sstream>
#include <vector>

#include "core/error.hpp"

namespace fw::slabs {

Miller parse_miller(const std::string& text, const std::string& option) {
  std::vector<int> values;
  bool well_formed = true;
  if (text.find_first_of(", ") != std::string::npos) {
    std::string spaced = text;
    for (char& c : spaced)
      if (c == ',') c = ' ';
    std::istringstream in(spaced);
    std::string token;
    while (in >> token) {
      char* end = nullptr;
      const long v = std::strtol(token.c_str(), &end, 10);
      well_formed = well_formed && end != token.c_str() && *end == '\0';
      values.push_back(static_cast<int>(v));
    }
  } else {
    int sign = 1;
    for (char c : text) {
      if (c == '-') {
        sign = -1;
      } else if (std::isdigit(static_cast<unsigned char>(c))) {
        values.push_back(sign * (c - '0'));
        sign = 1;
      } else {
        well_formed = false;
      }
    }
  }
  if (!well_formed || values.size() != 3 || (values[0] == 0 && values[1] == 0 && values[2] == 0)) {
    throw InputError(
        option,
        "expected Miller indices such as 100, 110, 111, 1-10 or \"1,1,0\", got '" + text + "'");
  }
  return {values[0], values[1], values[2]};
}

Miller reduce_miller(const Miller& hkl) {
  const int g = std::gcd(std::gcd(std::abs(hkl[0]), std::abs(hkl[1])), std::abs(hkl[2]));
  if (g <= 1) return hkl;
  return {hkl[0] / g, hkl[1] / g, hkl[2] / g};
}

std::string miller_compact(const Miller& hkl) {
  std::string s;
  for (int v : hkl) s += std::to_string(v);
  return s;
}

std::string miller_label(const Miller& hkl) { return "(" + miller_compact(hkl) + ")"; }

}  // namespace fw::slabs
