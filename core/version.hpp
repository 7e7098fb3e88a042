/// \file version.hpp
/// \brief The code version (git describe at configure time) written into every result file.
#pragma once

namespace fw {
const char* code_version();
}
