/// \file printf_format.hpp
/// \brief printf-style formatting into a std::string, for the fixed-width table lines of the
/// logs (std::format would do, but the column layouts are printf's and shared with the C output).
#pragma once

#include <cstdio>
#include <string>

namespace fw {

template <typename... Args>
std::string format(const char* pattern, Args... args) {
  const int size = std::snprintf(nullptr, 0, pattern, args...);
  if (size <= 0) return {};
  std::string out(static_cast<std::size_t>(size), '\0');
  std::snprintf(out.data(), out.size() + 1, pattern, args...);
  return out;
}

}  // namespace fw
