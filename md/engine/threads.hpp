/// \file threads.hpp
/// \brief How many OpenMP threads a loop over n atoms should use.
#pragma once

#include <omp.h>

#include <algorithm>
#include <cstddef>

namespace fw::md {

/// Below ~2000 atoms per thread the fork/join and barriers cost more than they save (and on an
/// oversubscribed machine they cost far more), so small systems run on one thread.
inline int threads_for_atoms(std::size_t atoms) {
  constexpr std::size_t kMinAtomsPerThread = 2000;
  const int wanted = static_cast<int>(std::max<std::size_t>(1, atoms / kMinAtomsPerThread));
  return std::clamp(wanted, 1, omp_get_max_threads());
}

}  // namespace fw::md
