/// \file test_hgh.cpp
/// \brief GTH/HGH reader and analytic formulae: file values, HGH relations evaluated by hand,
/// projector normalisation, closed-form transforms against numerical ones and the paper's table.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <numbers>

#include "core/error.hpp"
#include "dft/pseudo/hgh.hpp"

namespace fw::dft {
namespace {

constexpr double kPi = std::numbers::pi;
const std::string kPspDir = "/usr/share/abinit/psp/";

#define REQUIRE_PSP(file)                                                        \
  if (!std::filesystem::exists(kPspDir + file)) {                                \
    GTEST_FAIL() << kPspDir << file << " missing: install Debian's abinit-data"; \
  }

/// ∫_0^r_max f(r) dr by composite Simpson on n (even) intervals: an integrator independent of the
/// reader's grid.
template <class F>
double simpson(F f, double r_max, int n = 20000) {
  const double h = r_max / n;
  double sum = f(0.0) + f(r_max);
  for (int k = 1; k < n; ++k) sum += (k % 2 == 1 ? 4.0 : 2.0) * f(k * h);
  return sum * h / 3.0;
}

TEST(Hgh, Au11ElectronParametersAndHghRelationsByHand) {
  REQUIRE_PSP("79au.11.hgh");
  const HghFile file = read_hgh_file(kPspDir + "79au.11.hgh");
  EXPECT_EQ(file.element, "Au");
  EXPECT_EQ(file.pspcod, 3);
  EXPECT_EQ(file.pspxc, 1);
  const GthParameters& p = file.parameters;
  EXPECT_DOUBLE_EQ(p.z_ion, 11.0);
  EXPECT_DOUBLE_EQ(p.r_loc_bohr, 0.59);
  EXPECT_DOUBLE_EQ(p.c_hartree[0], 11.604428);
  ASSERT_EQ(p.channels.size(), 3u);  // s, p, d; the f line is all zeros
  for (std::size_t c = 0; c < 3; ++c) EXPECT_EQ(p.channels[c].n_projectors(), 2u);
  // h12 = −½√(3/5) h22 (l = 0), −½√(5/7) h22 (l = 1), −½√(7/9) h22 (l = 2), HGH 1998,
  // evaluated by hand for h22s = 2.701113, h22p = 2.057831, h22d = −1.650429.
  EXPECT_NEAR(p.channels[0].h_hartree[1], -1.0461365665224354, 1e-12);
  EXPECT_NEAR(p.channels[1].h_hartree[1], -0.869592312581119, 1e-12);
  EXPECT_NEAR(p.channels[2].h_hartree[1], 0.7277707817615034, 1e-12);
  EXPECT_DOUBLE_EQ(p.channels[2].h_hartree[3], -1.650429);
  EXPECT_DOUBLE_EQ(p.channels[0].r_l_bohr, 0.521180);
}

TEST(Hgh, KhghFullMatrixFormatPspcod10) {
  REQUIRE_PSP("22ti.12.khgh");
  const HghFile file = read_hgh_file(kPspDir + "22ti.12.khgh");
  EXPECT_EQ(file.element, "Ti");
  EXPECT_EQ(file.pspcod, 10);
  const GthParameters& p = file.parameters;
  EXPECT_DOUBLE_EQ(p.z_ion, 12.0);
  EXPECT_DOUBLE_EQ(p.c_hartree[1], -0.70028677);
  EXPECT_DOUBLE_EQ(p.c_hartree[2], 0.0);
  ASSERT_EQ(p.channels.size(), 3u);
  EXPECT_EQ(p.channels[1].h_hartree,
            (std::vector<double>{-4.63054123, 8.87087502, 8.87087502, -10.49616087}));
  EXPECT_EQ(p.channels[2].h_hartree, (std::vector<double>{-9.40665268}));
  EXPECT_DOUBLE_EQ(p.channels[2].r_l_bohr, 0.24331694);
}

TEST(Hgh, ProjectorsAreNormalised) {
  for (int l = 0; l <= 3; ++l)
    for (int i = 1; i <= 3; ++i) {
      const double r_l = 0.55;
      const double norm =
          simpson([&](double r) { return std::pow(r * gth_projector(l, i, r_l, r), 2); }, 12.0);
      EXPECT_NEAR(norm, 1.0, 1e-10) << "l " << l << " i " << i;
    }
}

TEST(Hgh, ProjectorTransformMatchesNumericalBesselTransform) {
  const double r_l = 0.44;
  for (int l = 0; l <= 3; ++l)
    for (int i = 1; i <= 3; ++i)
      for (double q : {0.0, 0.7, 2.5, 6.0, 11.0}) {
        const double numerical = simpson(
            [&](double r) {
              return 4.0 * kPi * r * r * std::sph_bessel(static_cast<unsigned>(l), q * r) *
                     gth_projector(l, i, r_l, r);
            },
            10.0);
        EXPECT_NEAR(gth_projector_q(l, i, r_l, q), numerical, 1e-9 * (1.0 + std::abs(numerical)))
            << "l " << l << " i " << i << " q " << q;
      }
}

TEST(Hgh, ProjectorTransformMatchesThePublishedClosedForms) {
  // HGH 1998 Eq. (4)-type table (times √Ω): p_1^0, p_2^0, p_1^1, p_1^2 in reciprocal space.
  const double r = 0.63;
  const double pi54 = std::pow(kPi, 1.25);
  for (double q : {0.3, 1.7, 4.2}) {
    const double g = std::exp(-0.5 * q * q * r * r);
    EXPECT_NEAR(gth_projector_q(0, 1, r, q), 4.0 * std::sqrt(2.0 * r * r * r) * pi54 * g, 1e-12);
    EXPECT_NEAR(gth_projector_q(0, 2, r, q),
                8.0 * std::sqrt(2.0 * std::pow(r, 3) / 15.0) * pi54 * (3.0 - q * q * r * r) * g,
                1e-12);
    EXPECT_NEAR(gth_projector_q(1, 1, r, q), 8.0 * std::sqrt(std::pow(r, 5) / 3.0) * pi54 * q * g,
                1e-12);
    EXPECT_NEAR(gth_projector_q(2, 1, r, q),
                8.0 * std::sqrt(2.0 * std::pow(r, 7) / 15.0) * pi54 * q * q * g, 1e-12);
  }
}

TEST(Hgh, LocalPotentialRealAndReciprocalSpaceAgree) {
  GthParameters p;
  p.z_ion = 11.0;
  p.r_loc_bohr = 0.59;
  p.c_hartree = {11.604428, -1.3, 0.4, 0.05};
  // V(0) by hand: −Z √(2/π)/r_loc + C1 (only C1 survives at r = 0).
  EXPECT_NEAR(gth_local_potential(p, 0.0), -11.0 * std::sqrt(2.0 / kPi) / 0.59 + 11.604428, 1e-12);
  // The short-range part V(r) + Z erf(r/(√2 r_loc))/r transforms to V(q) + 4πZ e^(−q²r²/2)/q².
  for (double q : {0.4, 1.5, 3.0, 7.0}) {
    const double numerical = simpson(
        [&](double r) {
          const double coulomb =
              r == 0.0 ? -p.z_ion * std::sqrt(2.0 / kPi) / p.r_loc_bohr
                       : -p.z_ion * std::erf(r / (std::numbers::sqrt2 * p.r_loc_bohr)) / r;
          const double j0 = q * r < 1e-8 ? 1.0 : std::sin(q * r) / (q * r);
          return 4.0 * kPi * r * r * j0 * (gth_local_potential(p, r) - coulomb);
        },
        12.0);
    const double analytic = gth_local_potential_q(p, q) +
                            4.0 * kPi * p.z_ion / (q * q) * std::exp(-0.5 * q * q * 0.59 * 0.59);
    EXPECT_NEAR(analytic, numerical, 1e-9 * (1.0 + std::abs(numerical))) << "q " << q;
  }
  // G = 0: ∫ 4π r² (V + Z/r) dr, the finite "αZ" term.
  const double alpha_z = simpson(
      [&](double r) {
        return r == 0.0 ? 0.0 : 4.0 * kPi * r * r * (gth_local_potential(p, r) + p.z_ion / r);
      },
      12.0);
  EXPECT_NEAR(gth_local_potential_q0_finite(p), alpha_z, 1e-9 * std::abs(alpha_z));
}

TEST(Hgh, TabulatedCommonStructHoldsTheAnalyticFunctions) {
  REQUIRE_PSP("79au.11.hgh");
  const Pseudopotential psp = read_hgh(kPspDir + "79au.11.hgh");
  const GthParameters p = read_hgh_file(kPspDir + "79au.11.hgh").parameters;
  EXPECT_EQ(psp.format, "hgh");
  EXPECT_EQ(psp.functional.libxc_ids, (std::vector<int>{20}));  // LDA_XC_TETER93 (pspxc 1)
  EXPECT_DOUBLE_EQ(psp.z_valence, 11.0);
  EXPECT_FALSE(psp.has_core_correction());
  ASSERT_EQ(psp.channels.size(), 3u);
  for (std::size_t k = 0; k < psp.n_points(); k += 97) {
    const double r = psp.r_bohr[k];
    EXPECT_DOUBLE_EQ(psp.v_local_hartree[k], gth_local_potential(p, r));
    EXPECT_DOUBLE_EQ(psp.channels[1].projectors[1].r_beta[k],
                     r * gth_projector(1, 2, p.channels[1].r_l_bohr, r));
  }
  EXPECT_NEAR(psp.v_local_hartree.back() * psp.r_bohr.back(), -11.0, 1e-10);
  EXPECT_DOUBLE_EQ(psp.channels[0].d(0, 1), psp.channels[0].d(1, 0));
}

TEST(Hgh, OneElectronAuHasSAndPChannelsWithThreeProjectors) {
  REQUIRE_PSP("79au.1.hgh");
  const Pseudopotential psp = read_hgh(kPspDir + "79au.1.hgh");
  EXPECT_DOUBLE_EQ(psp.z_valence, 1.0);
  ASSERT_EQ(psp.channels.size(), 2u);
  EXPECT_EQ(psp.channels[0].projectors.size(), 3u);
  // h23 (l = 0) = −½√(100/63) h33s with h33s = −0.792039, by hand: 0.4989...
  EXPECT_NEAR(psp.channels[0].d(1, 2), -0.5 * std::sqrt(100.0 / 63.0) * -0.792039, 1e-12);
  EXPECT_NEAR(psp.channels[1].d(0, 2), std::sqrt(35.0 / 11.0) / 6.0 * -0.209758, 1e-12);
}

TEST(Hgh, BadFilesNameTheLine) {
  const auto dir = std::filesystem::temp_directory_path() / "facetweld_test_hgh";
  std::filesystem::create_directories(dir);
  const std::string wrong_code = (dir / "psp8.hgh").string();
  std::ofstream(wrong_code) << "title\n 79 19 0 zatom,zion,pspdat\n 8 -1012 3 4 500 0 pspcod\n";
  try {
    read_hgh(wrong_code);
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.line(), 3);
    EXPECT_NE(std::string(e.what()).find("pspcod 3"), std::string::npos) << e.what();
  }
  const std::string truncated = (dir / "truncated.hgh").string();
  std::ofstream(truncated)
      << "title\n 79 11 0\n 3 1 2 0 2001 0\n 0.59 11.6 0 0 0\n 0.52 2.5 2.7 0\n";
  try {
    read_hgh(truncated);
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.line(), 6);
    EXPECT_EQ(e.source(), truncated);
  }
}

}  // namespace
}  // namespace fw::dft
