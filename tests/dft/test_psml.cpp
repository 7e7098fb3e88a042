/// \file test_psml.cpp
/// \brief PSML reader: ONCVPSP PSML and psp8 files of one generation run agree; charges integrate
/// to Z_val; bad files give InputError with the file and line.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <numbers>

#include "core/error.hpp"
#include "dft/pseudo/psml.hpp"
#include "dft/pseudo/psp8.hpp"
#include "dft/pseudo/radial.hpp"

namespace fw::dft {
namespace {

const std::string kPspDir = "/usr/share/abinit/psp/";

bool have(const std::string& file) {
  return std::filesystem::exists(kPspDir + file);
}

#define REQUIRE_PSP(file)                                                        \
  if (!have(file)) {                                                             \
    GTEST_FAIL() << kPspDir << file << " missing: install Debian's abinit-data"; \
  }

double charge_integral(const Pseudopotential& psp, const std::vector<double>& rho) {
  std::vector<double> integrand(rho.size());
  for (std::size_t i = 0; i < rho.size(); ++i)
    integrand[i] = 4.0 * std::numbers::pi * psp.r_bohr[i] * psp.r_bohr[i] * rho[i];
  return radial_integral(psp, integrand);
}

/// Largest |a - b| over the radial points both grids share (both are uniform from r = 0 with the
/// same spacing, so point i is the same r in both).
double max_difference_on_common_points(const Pseudopotential& a, const std::vector<double>& fa,
                                       const Pseudopotential& b, const std::vector<double>& fb,
                                       double r_min_bohr = 0.0) {
  const std::size_t n = std::min(fa.size(), fb.size());
  double worst = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    EXPECT_NEAR(a.r_bohr[i], b.r_bohr[i], 1e-9);
    if (a.r_bohr[i] < r_min_bohr) continue;
    worst = std::max(worst, std::abs(fa[i] - fb[i]));
  }
  return worst;
}

/// F_l(q) = ∫ r·β(r) j_l(qr) r dr, the radial form factor the solver builds from a projector
/// (up to 4π/√Ω), on q = 0, 0.25, ... 12 bohr⁻¹ (plane-wave cutoffs up to 72 Ha).
std::vector<double> form_factor(const Pseudopotential& psp, const std::vector<double>& r_beta,
                                int l) {
  std::size_t n = r_beta.size();
  while (n > 1 && r_beta[n - 1] == 0.0) --n;  // projectors vanish beyond their cut-off radius
  n = std::min(r_beta.size(), n + 2);
  std::vector<double> values;
  for (double q = 0.0; q <= 12.0 + 1e-9; q += 0.25) {
    std::vector<double> integrand(n);
    for (std::size_t i = 0; i < n; ++i)
      integrand[i] =
          r_beta[i] * std::sph_bessel(static_cast<unsigned>(l), q * psp.r_bohr[i]) * psp.r_bohr[i];
    values.push_back(radial_integral(psp, integrand));
  }
  return values;
}

double max_abs(const std::vector<double>& f) {
  double m = 0.0;
  for (double v : f) m = std::max(m, std::abs(v));
  return m;
}

TEST(Psml, AuOncvHeaderFunctionalAndChannelsAsWrittenInTheFile) {
  REQUIRE_PSP("79_Au_oncv.psml");
  const Pseudopotential psp = read_psml(kPspDir + "79_Au_oncv.psml");
  EXPECT_EQ(psp.format, "psml");
  EXPECT_EQ(psp.element, "Au");
  EXPECT_DOUBLE_EQ(psp.z_atom, 79.0);
  EXPECT_DOUBLE_EQ(psp.z_valence, 19.0);
  EXPECT_EQ(psp.functional.libxc_ids, (std::vector<int>{101, 130}));  // GGA_X_PBE + GGA_C_PBE
  EXPECT_EQ(psp.functional.name, "PBE");
  EXPECT_TRUE(psp.relativistic);
  EXPECT_TRUE(psp.has_core_correction());
  ASSERT_EQ(psp.channels.size(), 4u);  // s, p, d with two projectors; f with one
  for (int l = 0; l < 4; ++l) {
    EXPECT_EQ(psp.channels[static_cast<std::size_t>(l)].l, l);
    EXPECT_EQ(psp.channels[static_cast<std::size_t>(l)].projectors.size(), l < 3 ? 2u : 1u);
  }
  // ekb of the first s projector, attribute ekb="9.40788408784" (Hartree) in the file.
  EXPECT_DOUBLE_EQ(psp.channels[0].d(0, 0), 9.40788408784);
  EXPECT_DOUBLE_EQ(psp.channels[0].d(0, 1), 0.0);
  EXPECT_NEAR(psp.r_bohr[1] - psp.r_bohr[0], kPsmlGridSpacingBohr, 1e-15);
}

TEST(Psml, AuValenceChargeIntegratesToZvalAndCoreChargeIsPositive) {
  REQUIRE_PSP("79_Au_oncv.psml");
  const Pseudopotential psp = read_psml(kPspDir + "79_Au_oncv.psml");
  EXPECT_NEAR(charge_integral(psp, psp.rho_valence_atom), 19.0, 1e-6);
  // Interpolation may undershoot by a hair where the model core density reaches zero.
  for (double rho : psp.rho_core) EXPECT_GE(rho, -1e-6 * max_abs(psp.rho_core));
  EXPECT_GT(charge_integral(psp, psp.rho_core), 0.1);
}

TEST(Psml, AtomFileOrbitalsAreBoundNormalisedAndLowestEnergyFirst) {
  REQUIRE_PSP("79_Au_atom.psml");
  const Pseudopotential psp = read_psml(kPspDir + "79_Au_atom.psml");
  // <pseudo-wave-functions set="scalar_relativistic">: 6s (−0.2228 Ha), 6p (−0.0334), 5d (−0.2632)
  // and an unbound 5f placeholder (energy 0, norm ~1e-7) that is left out.
  ASSERT_EQ(psp.orbitals.size(), 3u);
  EXPECT_EQ(psp.orbitals[0].label, "5d");
  EXPECT_EQ(psp.orbitals[0].l, 2);
  EXPECT_NEAR(*psp.orbitals[0].energy_hartree, -0.263160144195, 1e-12);
  EXPECT_EQ(psp.orbitals[1].label, "6s");
  EXPECT_EQ(psp.orbitals[2].label, "6p");
  for (const auto& orbital : psp.orbitals) {
    std::vector<double> square(psp.n_points());
    for (std::size_t k = 0; k < square.size(); ++k) square[k] = orbital.r_phi[k] * orbital.r_phi[k];
    EXPECT_NEAR(radial_integral(psp, square), 1.0, 1e-6) << orbital.label;
  }
  // The ONCVPSP file carries none.
  REQUIRE_PSP("79_Au_oncv.psml");
  EXPECT_TRUE(read_psml(kPspDir + "79_Au_oncv.psml").orbitals.empty());
}

TEST(Psml, LocalPotentialTendsToMinusZvalOverR) {
  REQUIRE_PSP("79_Au_oncv.psml");
  const Pseudopotential psp = read_psml(kPspDir + "79_Au_oncv.psml");
  for (std::size_t i = 0; i < psp.n_points(); ++i) {
    const double r = psp.r_bohr[i];
    if (r > 6.0) {
      ASSERT_NEAR(psp.v_local_hartree[i] * r, -19.0, 1e-5) << "r = " << r;
    }
  }
}

/// The PSML and psp8 files of one ONCVPSP run hold the same functions on different grids (a
/// resampled log grid and a uniform 0.01 bohr grid): after resampling they must agree.
void expect_same_as_psp8(const std::string& psml_file, const std::string& psp8_file) {
  const Pseudopotential psml = read_psml(kPspDir + psml_file);
  const Pseudopotential psp8 = read_psp8(kPspDir + psp8_file);
  EXPECT_EQ(psml.element, psp8.element);
  EXPECT_DOUBLE_EQ(psml.z_valence, psp8.z_valence);
  EXPECT_EQ(psml.functional.libxc_ids, psp8.functional.libxc_ids);
  EXPECT_LT(max_difference_on_common_points(psml, psml.v_local_hartree, psp8, psp8.v_local_hartree),
            1e-8 * max_abs(psp8.v_local_hartree));
  ASSERT_EQ(psml.channels.size(), psp8.channels.size());
  for (std::size_t c = 0; c < psp8.channels.size(); ++c) {
    const KbChannel& a = psml.channels[c];
    const KbChannel& b = psp8.channels[c];
    EXPECT_EQ(a.l, b.l);
    ASSERT_EQ(a.projectors.size(), b.projectors.size());
    for (std::size_t i = 0; i < b.projectors.size(); ++i) {
      EXPECT_NEAR(a.d(i, i), b.d(i, i), 1e-9 * std::abs(b.d(i, i))) << "l " << b.l << " i " << i;
      // Both files sample one function (with a kink at the cut-off radius) on different grids;
      // what the solver uses, the Bessel transform, must agree to the files' print precision.
      const auto fa = form_factor(psml, a.projectors[i].r_beta, a.l);
      const auto fb = form_factor(psp8, b.projectors[i].r_beta, b.l);
      double worst = 0.0;
      std::size_t worst_k = 0;
      for (std::size_t k = 0; k < fb.size(); ++k)
        if (std::abs(fa[k] - fb[k]) > worst) worst = std::abs(fa[k] - fb[k]), worst_k = k;
      EXPECT_LT(worst, 2e-7 * max_abs(fb)) << "projector l " << b.l << " i " << i << " at q "
                                           << 0.25 * static_cast<double>(worst_k) << " /bohr";
    }
  }
  EXPECT_LT(max_difference_on_common_points(psml, psml.rho_core, psp8, psp8.rho_core),
            1e-10 * max_abs(psp8.rho_core));
  EXPECT_LT(
      max_difference_on_common_points(psml, psml.rho_valence_atom, psp8, psp8.rho_valence_atom),
      1e-9 * max_abs(psp8.rho_valence_atom));
  EXPECT_NEAR(charge_integral(psml, psml.rho_valence_atom), psml.z_valence, 1e-8);
}

TEST(Psml, AlOncvPsmlEqualsPsp8OfTheSameGenerationRun) {
  REQUIRE_PSP("13_Al_oncv.psml");
  REQUIRE_PSP("13_Al_psml.psp8");
  expect_same_as_psp8("13_Al_oncv.psml", "13_Al_psml.psp8");
}

TEST(Psml, SiOncvPsmlEqualsPsp8OfTheSameGenerationRun) {
  REQUIRE_PSP("14_Si_oncv.psml");
  REQUIRE_PSP("14_Si_psml.psp8");
  expect_same_as_psp8("14_Si_oncv.psml", "14_Si_psml.psp8");
}

class PsmlBadInput : public ::testing::Test {
 protected:
  std::string write(const std::string& name, const std::string& text) {
    const auto dir = std::filesystem::temp_directory_path() / "facetweld_test_psml";
    std::filesystem::create_directories(dir);
    const std::string path = (dir / name).string();
    std::ofstream(path) << text;
    return path;
  }
};

TEST_F(PsmlBadInput, MissingFileNamesThePath) {
  try {
    read_psml("/nonexistent/Au.psml");
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.source(), "/nonexistent/Au.psml");
  }
}

TEST_F(PsmlBadInput, MalformedXmlReportsTheLine) {
  const std::string path = write("broken.psml",
                                 "<?xml version=\"1.0\"?>\n<psml version=\"1.1\">\n"
                                 "<pseudo-atom-spec>\n</psml>\n");
  try {
    read_psml(path);
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.source(), path);
    EXPECT_GE(e.line(), 3);
    EXPECT_NE(std::string(e.what()).find("malformed XML"), std::string::npos);
  }
}

TEST_F(PsmlBadInput, MissingAttributeNamesElementAndLine) {
  const std::string path = write("noz.psml",
                                 "<?xml version=\"1.0\"?>\n<psml version=\"1.1\">\n"
                                 "<pseudo-atom-spec atomic-label=\"Au\" atomic-number=\"79\">\n"
                                 "</pseudo-atom-spec>\n</psml>\n");
  try {
    read_psml(path);
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.line(), 3);
    EXPECT_NE(std::string(e.what()).find("z-pseudo"), std::string::npos) << e.what();
  }
}

TEST_F(PsmlBadInput, SemilocalOnlyFileIsRejectedClearly) {
  const std::string path =
      write("semilocal.psml",
            "<?xml version=\"1.0\"?>\n<psml version=\"1.1\" energy_unit=\"hartree\" "
            "length_unit=\"bohr\">\n<pseudo-atom-spec atomic-label=\"Al\" atomic-number=\"13\" "
            "z-pseudo=\"3\">\n<exchange-correlation><libxc-info number-of-functionals=\"1\">"
            "<functional id=\"20\"/></libxc-info></exchange-correlation>\n</pseudo-atom-spec>\n"
            "<semilocal-potentials/>\n</psml>\n");
  try {
    read_psml(path);
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("semilocal"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace fw::dft
