/// \file test_memory_limit.cpp
/// \brief fw::memory_limit sees `ulimit -v` (RLIMIT_AS): a child process lowers its own limit and
/// must report it as the binding one, with no more room than the limit leaves.
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>

#include "core/memory_limit.hpp"

namespace {

double virtual_size_bytes() {
  std::ifstream statm("/proc/self/statm");
  double pages = 0.0;
  statm >> pages;
  return pages * static_cast<double>(::sysconf(_SC_PAGE_SIZE));
}

}  // namespace

TEST(MemoryLimit, WithoutAnAddressSpaceLimitTheMachineOrTheContainerBinds) {
  rlimit limit{};
  ASSERT_EQ(::getrlimit(RLIMIT_AS, &limit), 0);
  if (limit.rlim_cur != RLIM_INFINITY) GTEST_FAIL() << "the test runner itself has ulimit -v";
  for (const auto basis : {fw::MemoryBasis::installed, fw::MemoryBasis::free_now}) {
    const fw::MemoryLimit m = fw::memory_limit(basis);
    EXPECT_GT(m.bytes, 1e8);  // any machine that builds facetweld has 100 MB
    EXPECT_EQ(m.limited_by.find("ulimit"), std::string::npos) << m.limited_by;
  }
  EXPECT_LE(fw::memory_limit(fw::MemoryBasis::free_now).bytes,
            fw::memory_limit(fw::MemoryBasis::installed).bytes * 1.000001);
}

TEST(MemoryLimit, AnAddressSpaceLimitBindsAndLeavesOnlyTheRoomAboveTheProcess) {
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    // 200 MB above what the process has mapped now: far below any machine's memory.
    const double room = 200e6;
    rlimit limit{};
    limit.rlim_cur = limit.rlim_max = static_cast<rlim_t>(virtual_size_bytes() + room);
    if (::setrlimit(RLIMIT_AS, &limit) != 0) ::_exit(10);
    const fw::MemoryLimit m = fw::memory_limit(fw::MemoryBasis::installed);
    if (m.limited_by != "the address-space limit (ulimit -v)") ::_exit(11);
    if (!(m.bytes > 0.5 * room && m.bytes <= room * 1.01)) ::_exit(12);
    ::_exit(0);
  }
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0) << "10: setrlimit failed, 11: another limit was named, "
                                       "12: the room is not what the limit leaves";
}
