/// \file errors.hpp
/// \brief Recognising VASP failures in stdout and OUTCAR text. The message list is custodian's
/// VaspErrorHandler.error_msgs (materialsproject/custodian, vasp/handlers.py), keyed by the same
/// names so that a custodian user recognises them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace fw::vasp {

struct VaspError {
  std::string code;     ///< custodian's key: zbrent, edddav, brmix, subspacematrix, ...
  std::string message;  ///< the text that matched (or what our own checks found)
};

struct ErrorPattern {
  std::string code;
  std::vector<std::string> messages;
  bool fatal = true;  ///< false for notes such as auto_nbands (VASP changed NBANDS and went on)
};

/// The patterns, in custodian's order.
const std::vector<ErrorPattern>& vasp_error_patterns();

/// Every error whose message occurs in `text` (a substring match per line, as custodian does),
/// each code once, in order of first appearance. Non-fatal notes are included.
std::vector<VaspError> detect_errors_in_text(std::string_view text);

/// Codes that our own checks add (not in VASP's text): see outcome.hpp.
namespace error_code {
inline constexpr const char* unconverged_scf = "unconverged_scf";  ///< last SCF hit NELM
inline constexpr const char* unfinished_relaxation = "unfinished_relaxation";  ///< NSW reached
inline constexpr const char* incomplete = "incomplete";  ///< killed / walltime / crashed silently
inline constexpr const char* no_output = "no_output";    ///< VASP wrote no OUTCAR
}  // namespace error_code

bool is_fatal_error(const std::string& code);

}  // namespace fw::vasp
