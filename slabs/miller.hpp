/// \file miller.hpp
/// \brief Miller indices: parsing "110" / "1,1,0" / "-1 1 1" and reduction to coprime form.
#pragma once

#include <array>
#include <string>

namespace fw::slabs {

using Miller = std::array<int, 3>;

/// Parses "100", "110", "111", "1-10" (single digits, '-' binds to the next digit), or
/// "1,1,0" / "1 -1 0". Throws InputError(option) for anything else or (0,0,0).
Miller parse_miller(const std::string& text, const std::string& option = "--facet");
/// Divides out the greatest common divisor: (2,2,0) -> (1,1,0).
Miller reduce_miller(const Miller& hkl);
/// "(110)" / "(1-10)".
std::string miller_label(const Miller& hkl);
/// "110" / "1-10": for folder and file names.
std::string miller_compact(const Miller& hkl);

}  // namespace fw::slabs
