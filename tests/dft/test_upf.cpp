/// \file test_upf.cpp
/// \brief UPF reader: the UPF v1 Si of abinit-data as written in the file, Ry -> Ha, 4πr²ρ -> ρ;
/// a UPF v2 file (hand-written from the spec, then the Si data re-expressed as v2) reads the same.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <numbers>
#include <sstream>

#include "core/error.hpp"
#include "dft/pseudo/radial.hpp"
#include "dft/pseudo/upf.hpp"

namespace fw::dft {
namespace {

constexpr double kFourPi = 4.0 * std::numbers::pi;
const std::string kSiUpf = "/usr/share/abinit/psp/14-Si.nlcc.UPF";

#define REQUIRE_SI_UPF()                                                \
  if (!std::filesystem::exists(kSiUpf)) {                               \
    GTEST_FAIL() << kSiUpf << " missing: install Debian's abinit-data"; \
  }

std::string temp_file(const std::string& name, const std::string& text) {
  const auto dir = std::filesystem::temp_directory_path() / "facetweld_test_upf";
  std::filesystem::create_directories(dir);
  const std::string path = (dir / name).string();
  std::ofstream(path) << text;
  return path;
}

double valence_charge(const Pseudopotential& psp) {
  std::vector<double> f(psp.n_points());
  for (std::size_t i = 0; i < f.size(); ++i)
    f[i] = kFourPi * psp.r_bohr[i] * psp.r_bohr[i] * psp.rho_valence_atom[i];
  return radial_integral(psp, f);
}

TEST(Upf, V1SiliconAsWrittenInTheFile) {
  REQUIRE_SI_UPF();
  const Pseudopotential psp = read_upf(kSiUpf);
  EXPECT_EQ(psp.format, "upf");
  EXPECT_EQ(psp.element, "Si");
  EXPECT_DOUBLE_EQ(psp.z_atom, 14.0);
  EXPECT_DOUBLE_EQ(psp.z_valence, 4.0);
  EXPECT_EQ(psp.functional.libxc_ids, (std::vector<int>{1, 12}));  // "SLA PW NOGX NOGC"
  EXPECT_TRUE(psp.has_core_correction());
  // 600 points to 112 bohr in the file; kept up to the first point beyond 20 bohr (odd count).
  EXPECT_EQ(psp.n_points() % 2, 1u);
  EXPECT_GT(psp.r_bohr.back(), 20.0);
  EXPECT_LT(psp.r_bohr.back(), 21.0);
  EXPECT_DOUBLE_EQ(psp.r_bohr[0], 3.74165729225e-05);
  ASSERT_EQ(psp.channels.size(), 3u);  // projectors with l = 0, 1, 3 (l = 2 is local)
  EXPECT_EQ(psp.channels[2].l, 3);
  // PP_DIJ "1 1 7.43631197929E-01" is in Ry.
  EXPECT_DOUBLE_EQ(psp.channels[0].d(0, 0), 0.5 * 7.43631197929e-01);
  EXPECT_DOUBLE_EQ(psp.channels[2].d(0, 0), 0.5 * -7.43472818011e-01);
  // First PP_BETA value (r·β, unchanged).
  EXPECT_DOUBLE_EQ(psp.channels[0].projectors[0].r_beta[0], 9.23880928506e-05);
}

TEST(Upf, V1SiliconChargesAndCoulombTail) {
  REQUIRE_SI_UPF();
  const Pseudopotential psp = read_upf(kSiUpf);
  EXPECT_NEAR(valence_charge(psp), 4.0, 2e-3);
  for (std::size_t i = 0; i < psp.n_points(); ++i) {
    if (psp.r_bohr[i] > 8.0) {
      ASSERT_NEAR(psp.v_local_hartree[i] * psp.r_bohr[i], -4.0, 1e-4) << "r " << psp.r_bohr[i];
    }
  }
}

/// A minimal UPF v2 file written by hand from the specification (12-point mesh).
TEST(Upf, V2HandWrittenUnitsAndLayout) {
  std::ostringstream r, rab, vloc, beta0, beta1, rho;
  for (auto* stream : {&r, &rab, &vloc, &beta0, &beta1, &rho}) *stream << std::setprecision(17);
  for (int i = 0; i < 12; ++i) {
    const double x = 0.1 * (i + 1);
    r << x << " ";
    rab << 0.1 << " ";
    vloc << -8.0 / x << " ";  // Ry: −2 Z_val/r with Z_val = 4
    beta0 << x * std::exp(-x) << " ";
    beta1 << x * x * std::exp(-x) << " ";
    rho << kFourPi * x * x * 0.5 << " ";  // 4πr²ρ with ρ = 0.5
  }
  const std::string text =
      "<UPF version=\"2.0.1\">\n<PP_INFO>made by hand &amp; checked</PP_INFO>\n"
      "<PP_HEADER element=\"Si\" pseudo_type=\"NC\" relativistic=\"scalar\" "
      "is_ultrasoft=\"F\" is_paw=\"F\" core_correction=\"F\" functional=\"PBE\" "
      "z_valence=\"4.0\" wfc_cutoff=\"40.0\" l_max=\"1\" mesh_size=\"12\" "
      "number_of_proj=\"2\"/>\n"
      "<PP_MESH><PP_R type=\"real\" size=\"12\">" +
      r.str() + "</PP_R>\n<PP_RAB>" + rab.str() + "</PP_RAB></PP_MESH>\n<PP_LOCAL>" + vloc.str() +
      "</PP_LOCAL>\n<PP_NONLOCAL>\n"
      "<PP_BETA.1 angular_momentum=\"0\">" +
      beta0.str() +
      "</PP_BETA.1>\n"
      "<PP_BETA.2 angular_momentum=\"1\">" +
      beta1.str() +
      "</PP_BETA.2>\n"
      "<PP_DIJ>3.0 0.0 0.0 -1.0</PP_DIJ>\n</PP_NONLOCAL>\n<PP_RHOATOM>" +
      rho.str() + "</PP_RHOATOM>\n</UPF>\n";
  const Pseudopotential psp = read_upf(temp_file("hand.upf", text));
  EXPECT_EQ(psp.functional.libxc_ids, (std::vector<int>{101, 130}));
  EXPECT_FALSE(psp.has_core_correction());
  EXPECT_NEAR(psp.v_local_hartree[3], -4.0 / 0.4, 1e-12);  // Ry halved
  ASSERT_EQ(psp.channels.size(), 2u);
  EXPECT_DOUBLE_EQ(psp.channels[0].d(0, 0), 1.5);
  EXPECT_DOUBLE_EQ(psp.channels[1].d(0, 0), -0.5);
  EXPECT_NEAR(psp.channels[1].projectors[0].r_beta[4], 0.25 * std::exp(-0.5), 1e-15);
  EXPECT_NEAR(psp.rho_valence_atom[7], 0.5, 1e-14);
  ASSERT_TRUE(psp.cutoff_hints.normal_hartree.has_value());
  EXPECT_DOUBLE_EQ(*psp.cutoff_hints.normal_hartree, 20.0);
}

/// The Si UPF v1 data re-expressed in the v2 layout reads back identically.
TEST(Upf, V2LayoutOfTheSiliconDataEqualsTheV1Reading) {
  REQUIRE_SI_UPF();
  const Pseudopotential v1 = read_upf(kSiUpf);
  std::ostringstream out;
  out << std::setprecision(17);
  auto array = [&](const std::string& tag, const std::vector<double>& values, double scale,
                   const std::string& attributes = "") {
    out << "<" << tag << attributes << ">";
    for (double v : values) out << v * scale << " ";
    out << "</" << tag << ">\n";
  };
  out << "<UPF version=\"2.0.1\">\n<PP_HEADER element=\"Si\" pseudo_type=\"NC\" "
      << "core_correction=\"T\" functional=\"SLA PW NOGX NOGC\" z_valence=\"4\" "
      << "mesh_size=\"" << v1.n_points() << "\" number_of_proj=\"3\" number_of_wfc=\""
      << v1.orbitals.size() << "\"/>\n<PP_MESH>\n";
  array("PP_R", v1.r_bohr, 1.0);
  array("PP_RAB", v1.rab_bohr, 1.0);
  out << "</PP_MESH>\n";
  array("PP_NLCC", v1.rho_core, 1.0);
  array("PP_LOCAL", v1.v_local_hartree, 2.0);
  out << "<PP_NONLOCAL>\n";
  int index = 1;
  for (const auto& channel : v1.channels)
    array("PP_BETA." + std::to_string(index++), channel.projectors[0].r_beta, 1.0,
          " angular_momentum=\"" + std::to_string(channel.l) + "\"");
  out << "<PP_DIJ>";
  for (std::size_t i = 0; i < 3; ++i)
    for (std::size_t j = 0; j < 3; ++j) out << (i == j ? 2.0 * v1.channels[i].d(0, 0) : 0.0) << " ";
  out << "</PP_DIJ>\n</PP_NONLOCAL>\n";
  std::vector<double> rho_4pi_r2(v1.n_points());
  for (std::size_t i = 0; i < rho_4pi_r2.size(); ++i)
    rho_4pi_r2[i] = kFourPi * v1.r_bohr[i] * v1.r_bohr[i] * v1.rho_valence_atom[i];
  array("PP_RHOATOM", rho_4pi_r2, 1.0);
  out << "<PP_PSWFC>\n";
  for (std::size_t w = 0; w < v1.orbitals.size(); ++w)
    array("PP_CHI." + std::to_string(w + 1), v1.orbitals[w].r_phi, 1.0,
          " label=\"" + v1.orbitals[w].label + "\" l=\"" + std::to_string(v1.orbitals[w].l) + "\"");
  out << "</PP_PSWFC>\n</UPF>\n";
  const Pseudopotential v2 = read_upf(temp_file("si_v2.upf", out.str()));
  EXPECT_EQ(v2.functional.libxc_ids, v1.functional.libxc_ids);
  ASSERT_EQ(v2.channels.size(), v1.channels.size());
  for (std::size_t i = 0; i < v1.n_points(); i += 7) {
    EXPECT_NEAR(v2.v_local_hartree[i], v1.v_local_hartree[i],
                1e-13 * std::abs(v1.v_local_hartree[i]));
    EXPECT_NEAR(v2.rho_core[i], v1.rho_core[i], 1e-15);
    EXPECT_NEAR(v2.rho_valence_atom[i], v1.rho_valence_atom[i],
                1e-13 * std::abs(v1.rho_valence_atom[i]) + 1e-300);
    for (std::size_t c = 0; c < 3; ++c)
      EXPECT_DOUBLE_EQ(v2.channels[c].projectors[0].r_beta[i],
                       v1.channels[c].projectors[0].r_beta[i]);
  }
  for (std::size_t c = 0; c < 3; ++c)
    EXPECT_DOUBLE_EQ(v2.channels[c].d(0, 0), v1.channels[c].d(0, 0));
  ASSERT_EQ(v2.orbitals.size(), v1.orbitals.size());
  for (std::size_t w = 0; w < v1.orbitals.size(); ++w) {
    EXPECT_EQ(v2.orbitals[w].l, v1.orbitals[w].l);
    EXPECT_EQ(v2.orbitals[w].label, v1.orbitals[w].label);
    for (std::size_t i = 0; i < v1.n_points(); i += 7)
      EXPECT_NEAR(v2.orbitals[w].r_phi[i], v1.orbitals[w].r_phi[i], 1e-14) << w << " " << i;
  }
}

TEST(Upf, V1SiliconPseudoAtomicOrbitalsAreReadAndNormalised) {
  REQUIRE_SI_UPF();
  const Pseudopotential psp = read_upf(kSiUpf);
  // <PP_PSWFC>: 3s and 3p (occupation 2 each); 3d and 4f (occupation 0) are placeholders of norm
  // ~1e-6 and are left out.
  ASSERT_EQ(psp.orbitals.size(), 2u);
  EXPECT_EQ(psp.orbitals[0].label, "3s");
  EXPECT_EQ(psp.orbitals[0].l, 0);
  EXPECT_EQ(psp.orbitals[1].label, "3p");
  EXPECT_EQ(psp.orbitals[1].l, 1);
  for (const auto& orbital : psp.orbitals) {
    EXPECT_FALSE(orbital.energy_hartree.has_value());
    std::vector<double> square(psp.n_points());
    for (std::size_t i = 0; i < square.size(); ++i) square[i] = orbital.r_phi[i] * orbital.r_phi[i];
    EXPECT_NEAR(radial_integral(psp, square), 1.0, 1e-12);
  }
}

TEST(Upf, UltrasoftAndBrokenFilesAreRejectedWithTheLine) {
  const std::string us = temp_file(
      "us.upf",
      "<UPF version=\"2.0.1\">\n<PP_INFO/>\n<PP_HEADER element=\"Si\" pseudo_type=\"US\" "
      "is_ultrasoft=\"T\" functional=\"PBE\" z_valence=\"4\" mesh_size=\"10\"/>\n</UPF>\n");
  try {
    read_upf(us);
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.line(), 3);
    EXPECT_NE(std::string(e.what()).find("norm-conserving"), std::string::npos) << e.what();
  }
  const std::string short_mesh = temp_file(
      "short.upf",
      "<UPF version=\"2.0.1\">\n<PP_HEADER element=\"Si\" pseudo_type=\"NC\" functional=\"PBE\" "
      "z_valence=\"4\" mesh_size=\"10\" number_of_proj=\"0\"/>\n<PP_MESH>\n"
      "<PP_R>0.1 0.2 0.3</PP_R>\n</PP_MESH>\n</UPF>\n");
  try {
    read_upf(short_mesh);
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.line(), 4);
    EXPECT_NE(std::string(e.what()).find("expected 10 numbers"), std::string::npos) << e.what();
  }
  EXPECT_THROW(read_upf(temp_file("not.upf", "hello\n")), InputError);
}

}  // namespace
}  // namespace fw::dft
