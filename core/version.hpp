/// \file version.hpp
/// \brief The code version (git describe at configure time) written into every result file, and
/// the version of each engine (last commit touching its module) that resume keys carry.
#pragma once

#include <string>

namespace fw {
const char* code_version();

/// "dft@1a2b3c4", "md@…", "vasp_io@…", "slabs@…" (with "-dirty" for uncommitted changes).
std::string engine_version(const std::string& engine);
}  // namespace fw
