/// \file test_gamma_real.cpp
/// \brief Real wavefunctions at Γ (ABINIT istwfk 2): the real coordinates keep inner products, and
/// an SCF on real vectors gives the complex solver's energy, eigenvalues and forces.
#include <gtest/gtest.h>

#include <random>

#include "dft/basis/gamma_real.hpp"
#include "dft/settings.hpp"
#include "dft/solver/scf.hpp"
#include "dft_test_support.hpp"

namespace fw::dft {
namespace {

KPointBasis gamma_basis(const Crystal& crystal, double ecut) {
  const FftGrid grid = choose_fft_grid(crystal.cell_bohr, ecut);
  return make_kpoint_basis(crystal, grid, KPoint{Vec3{0, 0, 0}, 1.0}, ecut);
}

/// Coefficients of a random real function on the sphere: c(−G) = c(G)*.
std::vector<Complex> random_real_function(const GammaRealMap& map, std::size_t npw, unsigned seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> u(-1.0, 1.0);
  std::vector<Complex> c(npw);
  c[map.zero] = u(rng);
  for (std::size_t j = 0; j < map.plus.size(); ++j) {
    c[map.plus[j]] = Complex(u(rng), u(rng));
    c[map.minus[j]] = std::conj(c[map.plus[j]]);
  }
  return c;
}

/// PBE at 10 Ha, toldfe 1e-11, one thread, real wavefunctions at Γ.
ScfSettings tight_settings(std::array<int, 3> mesh) {
  ScfSettings s = testing::small_pbe_settings(10.0, mesh, 1e-11);
  s.real_gamma = true;
  return s;
}

TEST(GammaReal, CoordinatesKeepInnerProductsAndRoundTrip) {
  Crystal crystal;
  crystal.cell_bohr = Mat3{{Vec3{9.0, 0, 0}, Vec3{1.0, 8.0, 0}, Vec3{0.5, 0.3, 7.0}}};
  const KPointBasis basis = gamma_basis(crystal, 6.0);
  const GammaRealMap map = make_gamma_real_map(basis);
  const std::size_t npw = basis.size();
  ASSERT_EQ(map.size(), npw);
  ASSERT_GT(npw, 100u);
  const auto a = random_real_function(map, npw, 1), b = random_real_function(map, npw, 2);
  std::vector<double> xa(npw), xb(npw);
  map.to_real(a.data(), xa.data(), 1);
  map.to_real(b.data(), xb.data(), 1);
  Complex complex_dot = 0.0;
  double real_dot = 0.0;
  for (std::size_t g = 0; g < npw; ++g) {
    complex_dot += std::conj(a[g]) * b[g];
    real_dot += xa[g] * xb[g];
  }
  EXPECT_NEAR(complex_dot.imag(), 0.0, 1e-12);
  EXPECT_NEAR(real_dot, complex_dot.real(), 1e-11 * std::abs(complex_dot.real()));
  std::vector<Complex> back(npw);
  map.to_complex(xa.data(), back.data(), 1);
  for (std::size_t g = 0; g < npw; ++g) EXPECT_NEAR(std::abs(back[g] - a[g]), 0.0, 1e-14) << g;
  // A function that is not real is projected onto its real part: i·a has real part 0.
  std::vector<Complex> imaginary(npw);
  for (std::size_t g = 0; g < npw; ++g) imaginary[g] = Complex(0.0, 1.0) * a[g];
  map.to_real(imaginary.data(), xa.data(), 1);
  for (double v : xa) EXPECT_NEAR(v, 0.0, 1e-14);
}

TEST(GammaReal, ThrowsAwayFromGamma) {
  Crystal crystal;
  crystal.cell_bohr = Mat3{{Vec3{8.0, 0, 0}, Vec3{0, 8.0, 0}, Vec3{0, 0, 8.0}}};
  const FftGrid grid = choose_fft_grid(crystal.cell_bohr, 4.0);
  const KPointBasis basis = make_kpoint_basis(crystal, grid, KPoint{Vec3{0.25, 0, 0}, 1.0}, 4.0);
  EXPECT_FALSE(is_gamma_point(basis));
  EXPECT_THROW(make_gamma_real_map(basis), std::logic_error);
}

TEST(GammaReal, ScfOnRealVectorsEqualsComplexScf) {
  FW_REQUIRE_AU_PSP8();
  // Two Au atoms, one displaced: low symmetry, non-zero forces, nonlocal projectors up to l = 2.
  Crystal crystal = testing::fcc_au_primitive();
  crystal.cell_bohr = Mat3{{Vec3{7.71, 0, 0}, Vec3{0, 5.45, 0}, Vec3{0, 0, 5.45}}};
  crystal.positions_frac = {Vec3{0, 0, 0}, Vec3{0.52, 0.5, 0.5}};
  crystal.species_of_atom = {0, 0};
  ScfSettings s = tight_settings({1, 1, 1});
  s.compute_forces = true;
  const ScfResult real = run_scf(crystal, s);
  s.real_gamma = false;
  const ScfResult complex = run_scf(crystal, s);
  ASSERT_TRUE(real.converged);
  ASSERT_TRUE(complex.converged);
  EXPECT_TRUE(real.real_wavefunctions_at_gamma);
  EXPECT_FALSE(complex.real_wavefunctions_at_gamma);
  EXPECT_NEAR(real.free_energy_hartree, complex.free_energy_hartree, 1e-9);
  for (std::size_t b = 0; b < complex.eigenvalues_hartree[0].size(); ++b)
    EXPECT_NEAR(real.eigenvalues_hartree[0][b], complex.eigenvalues_hartree[0][b], 1e-7) << b;
  ASSERT_EQ(real.forces_hartree_per_bohr.size(), 2u);
  EXPECT_GT(std::abs(complex.forces_hartree_per_bohr[0][0]), 1e-3);
  for (std::size_t a = 0; a < 2; ++a)
    for (int d = 0; d < 3; ++d)
      EXPECT_NEAR(real.forces_hartree_per_bohr[a][d], complex.forces_hartree_per_bohr[a][d], 1e-7)
          << a << " " << d;
}

TEST(GammaReal, GammaAmongOtherKPointsEqualsComplexScf) {
  FW_REQUIRE_AU_PSP8();
  // A Γ-centred 2x2x2 mesh: Γ runs on real vectors, the other irreducible k-points on complex ones.
  ScfSettings s = tight_settings({2, 2, 2});
  const ScfResult real = run_scf(testing::fcc_au_primitive(), s);
  s.real_gamma = false;
  const ScfResult complex = run_scf(testing::fcc_au_primitive(), s);
  ASSERT_TRUE(real.converged);
  ASSERT_TRUE(complex.converged);
  ASSERT_GE(real.kpoints.size(), 2u);
  EXPECT_TRUE(real.real_wavefunctions_at_gamma);
  EXPECT_NEAR(real.free_energy_hartree, complex.free_energy_hartree, 1e-9);
  for (std::size_t k = 0; k < complex.kpoints.size(); ++k)
    for (std::size_t b = 0; b < complex.eigenvalues_hartree[k].size(); ++b)
      EXPECT_NEAR(real.eigenvalues_hartree[k][b], complex.eigenvalues_hartree[k][b], 1e-7)
          << k << " " << b;
}

}  // namespace
}  // namespace fw::dft
