/// \file memory_limit.cpp
/// \brief Memory a new allocation can get: machine, cgroup and RLIMIT_AS, the smallest.
#include "core/memory_limit.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <string>

namespace fw {

namespace {

/// sysconf's page count `pages_name` (_SC_PHYS_PAGES, _SC_AVPHYS_PAGES) in bytes; 0 if unknown.
double sysconf_pages_bytes(int pages_name) {
  const long pages = ::sysconf(pages_name);
  const long page = ::sysconf(_SC_PAGE_SIZE);
  return pages > 0 && page > 0 ? static_cast<double>(pages) * static_cast<double>(page) : 0.0;
}

double mem_available_bytes() {
  std::ifstream meminfo("/proc/meminfo");
  std::string key, unit;
  double kib = 0.0;
  while (meminfo >> key >> kib >> unit)
    if (key == "MemAvailable:") return kib * 1024.0;
  return sysconf_pages_bytes(_SC_AVPHYS_PAGES);
}

/// A number read from a cgroup file; 0 for "max", a missing file or junk.
double cgroup_number(const char* path) {
  std::ifstream in(path);
  double value = 0.0;
  return in >> value && value > 0.0 ? value : 0.0;
}

/// The cgroup's limit (v2 memory.max, or v1 limit_in_bytes), less its current use when
/// `subtract_use`; 0 if there is no limit.
double cgroup_room_bytes(bool subtract_use) {
  const double v2 = cgroup_number("/sys/fs/cgroup/memory.max");
  if (v2 > 0.0)
    return std::max(1.0, v2 - (subtract_use ? cgroup_number("/sys/fs/cgroup/memory.current") : 0));
  const double v1 = cgroup_number("/sys/fs/cgroup/memory/memory.limit_in_bytes");
  // v1 reports "no limit" as a huge page-rounded number, far above any machine.
  if (v1 > 0.0 && v1 < 1e18)
    return std::max(
        1.0,
        v1 - (subtract_use ? cgroup_number("/sys/fs/cgroup/memory/memory.usage_in_bytes") : 0));
  return 0.0;
}

/// RLIMIT_AS less this process's virtual size (first field of /proc/self/statm, in pages); 0 if
/// there is no limit.
double address_space_room_bytes() {
  rlimit limit{};
  if (::getrlimit(RLIMIT_AS, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) return 0.0;
  std::ifstream statm("/proc/self/statm");
  double pages = 0.0;
  statm >> pages;
  const double used = pages * static_cast<double>(::sysconf(_SC_PAGE_SIZE));
  // Never 0 (that means "unknown"): a process at its limit has no room, say 1 byte.
  return std::max(1.0, static_cast<double>(limit.rlim_cur) - used);
}

}  // namespace

MemoryLimit memory_limit(MemoryBasis basis) {
  MemoryLimit m;
  const auto take = [&](double bytes, const char* what) {
    if (bytes > 0.0 && (m.bytes == 0.0 || bytes < m.bytes)) {
      m.bytes = bytes;
      m.limited_by = what;
    }
  };
  if (basis == MemoryBasis::installed)
    take(sysconf_pages_bytes(_SC_PHYS_PAGES), "the installed memory");
  else
    take(mem_available_bytes(), "the memory free now (MemAvailable)");
  take(cgroup_room_bytes(basis == MemoryBasis::free_now), "the container's memory limit (cgroup)");
  take(address_space_room_bytes(), "the address-space limit (ulimit -v)");
  return m;
}

}  // namespace fw
