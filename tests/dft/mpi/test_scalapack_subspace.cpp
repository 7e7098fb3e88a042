/// \file test_scalapack_subspace.cpp
/// \brief Under `mpirun -np 2`: ScaLAPACK's distributed pzheevd (pdsyevd) gives LAPACK's
/// eigenpairs of a dense Hermitian (real symmetric) matrix, and an SCF whose ranks share one
/// k-point (subspace problems through ScaLAPACK) gives the energy of the same SCF with LAPACK
/// subspaces, on complex and on real Γ-point wavefunctions.
#include <gtest/gtest.h>

#include <cmath>
#include <complex>
#include <random>

#include "../dft_test_support.hpp"
#include "dft/parallel/communicator.hpp"
#include "dft/parallel/scalapack_eigensolver.hpp"
#include "dft/settings.hpp"
#include "dft/solver/scf.hpp"

namespace fw::dft {
namespace {

using C = std::complex<double>;

std::vector<C> random_hermitian(std::size_t n, unsigned seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> u(-1.0, 1.0);
  std::vector<C> a(n * n);
  for (std::size_t j = 0; j < n; ++j)
    for (std::size_t i = 0; i <= j; ++i) {
      const C v = i == j ? C(u(rng) + static_cast<double>(i), 0.0) : C(u(rng), u(rng));
      a[j * n + i] = v;
      a[i * n + j] = std::conj(v);
    }
  return a;
}

TEST(ScalapackSubspace, DistributedEigenpairsEqualLapack) {
  const Communicator& world = Communicator::world();
  ASSERT_EQ(world.size(), 2) << "run under mpirun -np 2";
  const std::size_t n = 90;
  const auto a = random_hermitian(n, 7);  // same matrix on every rank
  auto a_lapack = a, a_scalapack = a;
  std::vector<double> w_lapack, w_scalapack;
  lapack_heevd(a_lapack, n, w_lapack);
  const ScalapackEigensolver solver(world, 1, 16);
  ASSERT_TRUE(solver.distributed());
  EXPECT_EQ(solver.grid_rows() * solver.grid_cols(), 2);
  solver.heevd(a_scalapack, n, w_scalapack);
  for (std::size_t j = 0; j < n; ++j) EXPECT_NEAR(w_scalapack[j], w_lapack[j], 1e-11) << j;
  // Eigenvectors agree up to a phase: |<z_lapack|z_scalapack>| = 1 (the spectrum is simple).
  for (std::size_t j = 0; j < n; ++j) {
    C overlap = 0.0;
    for (std::size_t i = 0; i < n; ++i)
      overlap += std::conj(a_lapack[j * n + i]) * a_scalapack[j * n + i];
    EXPECT_NEAR(std::abs(overlap), 1.0, 1e-10) << j;
  }
}

TEST(ScalapackSubspace, DistributedRealSymmetricEigenpairsEqualLapack) {
  const Communicator& world = Communicator::world();
  ASSERT_EQ(world.size(), 2) << "run under mpirun -np 2";
  const std::size_t n = 77;
  std::mt19937_64 rng(5);
  std::uniform_real_distribution<double> u(-1.0, 1.0);
  std::vector<double> a(n * n);
  for (std::size_t j = 0; j < n; ++j)
    for (std::size_t i = 0; i <= j; ++i)
      a[j * n + i] = a[i * n + j] = u(rng) + (i == j ? static_cast<double>(i) : 0.0);
  auto a_lapack = a, a_scalapack = a;
  std::vector<double> w_lapack, w_scalapack;
  lapack_syevd(a_lapack, n, w_lapack);
  const ScalapackEigensolver solver(world, 1, 16);
  ASSERT_TRUE(solver.distributed());
  solver.syevd(a_scalapack, n, w_scalapack);
  for (std::size_t j = 0; j < n; ++j) {
    EXPECT_NEAR(w_scalapack[j], w_lapack[j], 1e-11) << j;
    double overlap = 0.0;  // eigenvectors agree up to a sign
    for (std::size_t i = 0; i < n; ++i) overlap += a_lapack[j * n + i] * a_scalapack[j * n + i];
    EXPECT_NEAR(std::abs(overlap), 1.0, 1e-10) << j;
  }
}

TEST(ScalapackSubspace, ScfSharingOneKPointEqualsLapackSubspaces) {
  FW_REQUIRE_AU_PSP8();
  const Crystal crystal = testing::fcc_au_primitive();
  ScfSettings s = default_scf_settings();
  s.ecut_hartree = 12.0;
  s.kpoint_mesh = {1, 1, 1};  // Γ only: both ranks share the one k-point
  s.xc_libxc_ids = {101, 130};
  s.smearing = Smearing{SmearingKind::kFermiDirac, 0.02};
  s.energy_tolerance_hartree = 1e-10;
  s.threads = 1;
  for (const bool real : {true, false}) {  // pdsyevd on real Γ vectors, pzheevd on complex ones
    s.real_gamma = real;
    s.scalapack_min_dimension = 8;  // every subspace of 14+ bands goes to ScaLAPACK
    const ScfResult distributed = run_scf(crystal, s);
    s.scalapack_min_dimension = 1 << 30;  // LAPACK on each rank
    const ScfResult local = run_scf(crystal, s);
    ASSERT_TRUE(distributed.converged);
    ASSERT_TRUE(local.converged);
    EXPECT_EQ(distributed.mpi_ranks, 2);
    EXPECT_EQ(distributed.real_wavefunctions_at_gamma, real);
    EXPECT_NEAR(distributed.free_energy_hartree, local.free_energy_hartree, 1e-8) << real;
    for (std::size_t b = 0; b < local.eigenvalues_hartree[0].size(); ++b)
      EXPECT_NEAR(distributed.eigenvalues_hartree[0][b], local.eigenvalues_hartree[0][b], 1e-6)
          << real << " " << b;
  }
}

}  // namespace
}  // namespace fw::dft

int main(int argc, char** argv) {
  fw::dft::Communicator::world();  // MPI_Init under mpirun
  ::testing::InitGoogleTest(&argc, argv);
  // Only rank 0 reports; every rank runs every test (they are collective).
  if (!fw::dft::Communicator::world().is_root()) {
    auto& listeners = ::testing::UnitTest::GetInstance()->listeners();
    delete listeners.Release(listeners.default_result_printer());
  }
  int failed = RUN_ALL_TESTS();
  // A failure on any rank fails the run.
  failed = fw::dft::Communicator::world().max(failed);
  return failed;
}
