/// \file test_exception_guard.cpp
/// \brief ExceptionGuard: an exception thrown inside an OpenMP region (bad_alloc, InputError)
/// reaches the caller after the region instead of std::terminate; the first one wins.
#include <gtest/gtest.h>

#include <atomic>
#include <new>

#include "core/error.hpp"
#include "core/exception_guard.hpp"

namespace fw {
namespace {

TEST(ExceptionGuard, BadAllocInsideAParallelForIsRethrownAfterTheRegion) {
  ExceptionGuard guard;
  std::atomic<int> ran{0};
#pragma omp parallel for num_threads(4) schedule(static, 1)
  for (int i = 0; i < 64; ++i) {
    guard.run([&] {
      ++ran;
      if (i == 5) throw std::bad_alloc();
    });
  }
  EXPECT_TRUE(guard.failed());
  EXPECT_THROW(guard.rethrow(), std::bad_alloc);
  EXPECT_GE(ran.load(), 1);
}

TEST(ExceptionGuard, KeepsTheFirstExceptionAndSkipsLaterBodies) {
  ExceptionGuard guard;
  int ran = 0;
  for (int i = 0; i < 10; ++i) {
    guard.run([&] {
      ++ran;
      throw InputError("atom " + std::to_string(i), "bad");
    });
  }
  EXPECT_EQ(ran, 1);
  try {
    guard.rethrow();
    ADD_FAILURE() << "nothing rethrown";
  } catch (const InputError& e) {
    EXPECT_EQ(e.source(), "atom 0");
  }
}

TEST(ExceptionGuard, NothingThrownMeansNothingRethrown) {
  ExceptionGuard guard;
  long sum = 0;
#pragma omp parallel for num_threads(4) reduction(+ : sum)
  for (int i = 0; i < 100; ++i) guard.run([&] { sum += i; });
  EXPECT_FALSE(guard.failed());
  EXPECT_NO_THROW(guard.rethrow());
  EXPECT_EQ(sum, 4950);
}

}  // namespace
}  // namespace fw
