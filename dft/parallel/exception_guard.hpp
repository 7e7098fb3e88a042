/// \file exception_guard.hpp
/// \brief dft's name for the generic guard of OpenMP regions (core/exception_guard.hpp).
#pragma once

#include "core/exception_guard.hpp"

namespace fw::dft {

using ExceptionGuard = fw::ExceptionGuard;

}  // namespace fw::dft
