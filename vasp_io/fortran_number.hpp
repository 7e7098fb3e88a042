/// \file fortran_number.hpp
/// \brief Numbers as VASP's Fortran writes them: "-.2439E+02", "-.243930-146", "********".
#pragma once

#include <optional>
#include <string_view>

namespace fw::vasp {

/// Parses one number token. Accepts plain decimals, E/D exponents, and the Fortran form whose
/// three-digit exponent lost its letter ("-.243930-146" = -0.243930e-146). A field of asterisks
/// (Fortran overflow) gives NaN. Anything else, or trailing characters, gives nullopt.
std::optional<double> parse_fortran_double(std::string_view token);

/// Parses an integer token ("  12"); nullopt if it is not one.
std::optional<long long> parse_integer(std::string_view token);

/// Splits on blanks (spaces, tabs, CR) into at most `max_tokens` views; returns the count found.
/// The views point into `line`.
int split_blanks(std::string_view line, std::string_view* tokens, int max_tokens);

/// `line` without leading and trailing blanks.
std::string_view trim(std::string_view line);

}  // namespace fw::vasp
