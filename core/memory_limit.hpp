/// \file memory_limit.hpp
/// \brief How much memory a new allocation of this process can get: the machine's memory, the
/// container's limit (cgroup) and the address-space limit (`ulimit -v`, RLIMIT_AS), whichever is
/// smallest — so that a large job is refused before it allocates, naming the limit that binds.
#pragma once

#include <string>

namespace fw {

/// Which machine figure the limits are set against.
enum class MemoryBasis {
  installed,  ///< the physical memory (what a job may plan on having to itself)
  free_now,   ///< Linux MemAvailable: what a new allocation gets now, beside other processes
};

struct MemoryLimit {
  double bytes = 0.0;      ///< 0 when nothing could be read
  std::string limited_by;  ///< what binds, in words ("installed memory", "ulimit -v", ...)
};

/// The smallest of the machine figure (`basis`), the cgroup limit (less the cgroup's current use
/// for `free_now`) and RLIMIT_AS less this process's current virtual size (/proc/self/statm).
MemoryLimit memory_limit(MemoryBasis basis);

}  // namespace fw
