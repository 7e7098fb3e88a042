/// \file test_vasprun.cpp
/// \brief Streaming vasprun.xml reader vs pymatgen 2022.11.7 on the corpus, and bad input.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "core/error.hpp"
#include "tests/vasp_io/corpus.hpp"
#include "vasp_io/outcar.hpp"
#include "vasp_io/text_source.hpp"
#include "vasp_io/vasprun.hpp"

namespace fw::vasp {
namespace {

using testing::corpus_dir;

struct Case {
  const char* name;
  const char* file;
};

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// JSON values equal, numbers to 1e-9 relative (lists and scalars).
void expect_json_near(const nlohmann::json& ours, const nlohmann::json& theirs,
                      const std::string& what) {
  if (theirs.is_number() && ours.is_number()) {
    const double a = ours.get<double>(), b = theirs.get<double>();
    EXPECT_NEAR(a, b, 1e-9 * std::max(1.0, std::abs(b))) << what;
  } else if (theirs.is_array() && ours.is_array()) {
    ASSERT_EQ(ours.size(), theirs.size()) << what;
    for (std::size_t k = 0; k < ours.size(); ++k)
      expect_json_near(ours[k], theirs[k], what + "[" + std::to_string(k) + "]");
  } else {
    EXPECT_EQ(ours, theirs) << what;
  }
}

void expect_structure(const slabs::Structure& s, const nlohmann::json& ex,
                      const std::string& what) {
  ASSERT_EQ(s.size(), ex["num_sites"].get<std::size_t>()) << what;
  for (int r = 0; r < 3; ++r)
    for (int c = 0; c < 3; ++c)
      EXPECT_NEAR(s.cell[r][c], ex["lattice_matrix"][r][c].get<double>(), 1e-12) << what;
  for (std::size_t k = 0; k < s.size(); ++k) {
    EXPECT_EQ(s.atoms[k].species, ex["species_sequence"][k].get<std::string>()) << what;
    // fractional = cartesian · cell⁻¹ (cell rows are lattice vectors)
    const Mat3& m = s.cell;
    const double det = determinant(m);
    const Vec3 b0 = cross(m[1], m[2]) / det, b1 = cross(m[2], m[0]) / det,
               b2 = cross(m[0], m[1]) / det;
    const Vec3& x = s.atoms[k].position;
    const Vec3 frac{dot(x, b0), dot(x, b1), dot(x, b2)};
    for (int c = 0; c < 3; ++c)
      EXPECT_NEAR(frac[c], ex["frac_coords"][k][c].get<double>(), 1e-9) << what << " atom " << k;
  }
}

class VasprunCorpus : public ::testing::TestWithParam<Case> {};

TEST_P(VasprunCorpus, MatchesPymatgen) {
  FW_REQUIRE_CORPUS();
  const Case c = GetParam();
  const auto ex = testing::expected_values(c.name, c.file);
  const Vasprun v = read_vasprun(corpus_dir() / c.name / c.file);
  EXPECT_TRUE(v.completeness.complete)
      << (v.completeness.missing.empty() ? "" : v.completeness.missing[0]);
  EXPECT_EQ(v.vasp_version, ex["vasp_version"].get<std::string>());
  ASSERT_EQ(v.ionic_steps.size(), ex["n_ionic_steps"].get<std::size_t>());
  for (std::size_t k = 0; k < v.ionic_steps.size(); ++k) {
    EXPECT_DOUBLE_EQ(v.ionic_steps[k].energies.free_energy_eV,
                     ex["ionic_step_energies"][k]["e_fr_energy"].get<double>());
    EXPECT_EQ(v.ionic_steps[k].electronic_steps,
              ex["n_electronic_steps_per_ionic_step"][k].get<int>())
        << k;
  }
  EXPECT_NEAR(*v.final_energy_eV(), ex["final_energy"].get<double>(), 1e-8);
  if (ex["efermi"].is_null()) {
    EXPECT_FALSE(v.efermi_eV.has_value());
  } else {
    EXPECT_DOUBLE_EQ(*v.efermi_eV, ex["efermi"].get<double>());
  }
  EXPECT_EQ(v.converged_electronic(), ex["converged_electronic"].get<bool>());
  if (v.parameters["IBRION"] == 0) {
    EXPECT_FALSE(v.converged_ionic().has_value());  // MD: documented deviation from pymatgen
  } else {
    EXPECT_EQ(*v.converged_ionic(), ex["converged_ionic"].get<bool>());
  }
  EXPECT_EQ(v.is_spin(), ex["is_spin"].get<bool>());
  EXPECT_EQ(v.is_hubbard(), ex["is_hubbard"].get<bool>());

  for (const auto& [key, value] : ex["incar"].items()) {
    ASSERT_TRUE(v.incar.contains(key)) << key;
    expect_json_near(v.incar[key], value, "INCAR " + key);
  }
  EXPECT_EQ(v.incar.size(), ex["incar"].size());
  for (const auto& [key, value] : ex["parameters_subset"].items()) {
    if (value.is_null()) {
      EXPECT_FALSE(v.parameters.contains(key)) << key;
    } else {
      ASSERT_TRUE(v.parameters.contains(key)) << key;
      expect_json_near(v.parameters[key], value, "parameter " + key);
    }
  }
  EXPECT_EQ(nlohmann::json(v.atomic_symbols), ex["atomic_symbols"]);
  EXPECT_EQ(nlohmann::json(v.potcar_symbols), ex["potcar_symbols"]);
  EXPECT_EQ(v.kpoints_reciprocal.size(), ex["n_actual_kpoints"].get<std::size_t>());
  EXPECT_EQ(v.kpoint_weights.size(), v.kpoints_reciprocal.size());
  EXPECT_EQ(v.kpoints_style.substr(0, 1), ex["kpoints_style"].get<std::string>().substr(0, 1));
  ASSERT_TRUE(v.kpoints_divisions.has_value());
  for (int k = 0; k < 3; ++k)
    EXPECT_EQ((*v.kpoints_divisions)[k], ex["kpoints_kpts"][0][k].get<int>());

  expect_structure(*v.initial_structure, ex["initial_structure"], "initial");
  expect_structure(*v.final_structure, ex["final_structure"], "final");

  const auto& last = v.ionic_steps.back();
  ASSERT_EQ(last.forces_eV_per_A.size(), ex["final_forces"].size());
  for (std::size_t k = 0; k < last.forces_eV_per_A.size(); ++k)
    for (int d = 0; d < 3; ++d)
      EXPECT_DOUBLE_EQ(last.forces_eV_per_A[k][d], ex["final_forces"][k][d].get<double>());
  ASSERT_TRUE(last.stress_kbar.has_value());
  for (int r = 0; r < 3; ++r)
    for (int d = 0; d < 3; ++d)
      EXPECT_DOUBLE_EQ((*last.stress_kbar)[r][d], ex["final_stress"][r][d].get<double>());

  const auto edges = v.band_edges();
  ASSERT_TRUE(edges.has_value());
  const auto& bp = ex["eigenvalue_band_properties"];
  EXPECT_NEAR(edges->gap_eV, bp["gap"].get<double>(), 1e-9);
  EXPECT_DOUBLE_EQ(edges->cbm_eV, bp["cbm"].get<double>());
  EXPECT_DOUBLE_EQ(edges->vbm_eV, bp["vbm"].get<double>());
  EXPECT_EQ(edges->direct, bp["is_gap_direct"].get<bool>());

  if (ex["tdos_nedos"].is_null()) {
    EXPECT_FALSE(v.total_dos_points.has_value());
  } else {
    EXPECT_EQ(*v.total_dos_points, ex["tdos_nedos"].get<int>());
  }
}

INSTANTIATE_TEST_SUITE_P(PublicCases, VasprunCorpus,
                         ::testing::Values(Case{"aiida_Si_elec_unconverged", "vasprun.xml"},
                                           Case{"aiida_Si_spin_relax_vasp620", "vasprun.xml"},
                                           Case{"custodian_FeO_ldau_spin_relax", "vasprun.xml"},
                                           Case{"custodian_SbXeClF_max_force_relax", "vasprun.xml"},
                                           Case{"custodian_Si_spin_relax_vasp642", "vasprun.xml"},
                                           Case{"pyiron_vasprun_vasp4628", "vasprun.xml"},
                                           Case{"pymatgen_Cu111_slab_vasprun", "vasprun.xml.gz"},
                                           Case{"pymatgen_md_vasp632", "vasprun.xml"},
                                           Case{"pymatgen_scan_relax_vasp611", "vasprun.xml"}),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(Vasprun, EnergiesPerStepEqualTheOutcarOfTheSameRunDespiteVasp5Labels) {
  FW_REQUIRE_CORPUS();
  // VASP 5 labels E(σ→0) as e_wo_entrp at the step level; the reader must undo that.
  for (const char* name :
       {"custodian_FeO_ldau_spin_relax", "aiida_Si_elec_unconverged", "aiida_Si_spin_relax_vasp620",
        "custodian_Si_spin_relax_vasp642", "pymatgen_scan_relax_vasp611"}) {
    const Vasprun v = read_vasprun(corpus_dir() / name / "vasprun.xml");
    const Outcar o = read_outcar(corpus_dir() / name / "OUTCAR");
    ASSERT_EQ(v.ionic_steps.size(), o.ionic_steps.size()) << name;
    for (std::size_t k = 0; k < v.ionic_steps.size(); ++k) {
      const auto& a = v.ionic_steps[k].energies;
      const auto& b = o.ionic_steps[k].energies;
      EXPECT_NEAR(a.free_energy_eV, b.free_energy_eV, 1e-8) << name << " " << k;
      EXPECT_NEAR(a.energy_without_entropy_eV, b.energy_without_entropy_eV, 1e-8)
          << name << " " << k;
      EXPECT_NEAR(a.energy_sigma0_eV, b.energy_sigma0_eV, 1e-8) << name << " " << k;
    }
  }
}

TEST(Vasprun, MetalIsFlaggedWherePymatgenReportsASmallGap) {
  FW_REQUIRE_CORPUS();
  // MANIFEST item 10: Cu(111) slab gets a 0.09 eV "gap" from pymatgen.
  const Vasprun v = read_vasprun(corpus_dir() / "pymatgen_Cu111_slab_vasprun" / "vasprun.xml.gz");
  EXPECT_TRUE(v.band_edges()->metallic);
  EXPECT_EQ(to_json(v)["band_edges"]["gap_eV"].get<double>(), 0.0);
  // A real insulator stays one: FeO (AFM, U) has a 1.80 eV gap.
  const Vasprun feo = read_vasprun(corpus_dir() / "custodian_FeO_ldau_spin_relax" / "vasprun.xml");
  EXPECT_FALSE(feo.band_edges()->metallic);
  EXPECT_NEAR(to_json(feo)["band_edges"]["gap_eV"].get<double>(), 1.7962, 1e-9);
}

TEST(Vasprun, TruncatedFileKeepsCompletedStepsAndSaysIncomplete) {
  FW_REQUIRE_CORPUS();
  const std::string xml = slurp(corpus_dir() / "custodian_FeO_ldau_spin_relax" / "vasprun.xml");
  const auto ex = testing::expected_values("custodian_FeO_ldau_spin_relax", "vasprun.xml");
  // Cut inside the 4th <calculation>.
  std::size_t cut = 0;
  for (int k = 0; k < 4; ++k) cut = xml.find("<calculation>", cut + 1);
  cut = xml.find("<scstep>", cut);
  const Vasprun v = parse_vasprun(std::string_view(xml).substr(0, cut + 100), "vasprun-cut.xml");
  ASSERT_EQ(v.ionic_steps.size(), 3u);
  EXPECT_FALSE(v.completeness.complete);
  EXPECT_DOUBLE_EQ(v.ionic_steps[2].energies.free_energy_eV,
                   ex["ionic_step_energies"][2]["e_fr_energy"].get<double>());
  EXPECT_NE(v.completeness.missing[0].find("ionic step 4"), std::string::npos)
      << v.completeness.missing[0];
  EXPECT_FALSE(to_json(v)["complete"].get<bool>());
}

TEST(Vasprun, CutInsideASkippedProjectionBlockIsNotMistakenForComplete) {
  FW_REQUIRE_CORPUS();
  ChunkedFile file(corpus_dir() / "pymatgen_Cu111_slab_vasprun" / "vasprun.xml.gz");
  std::string xml(5'000'000, '\0');
  xml.resize(file.read(xml.data(), xml.size()));
  const std::size_t projected = xml.find("<projected>");
  ASSERT_NE(projected, std::string::npos);
  // The only <calculation> is cut inside <projected>: no complete step, so an error.
  EXPECT_THROW(parse_vasprun(std::string_view(xml).substr(0, projected + 100000), "cut.xml"),
               InputError);
  // The whole text parses to the same step as the gzip file.
  const Vasprun v = parse_vasprun(xml, "whole.xml");
  EXPECT_TRUE(v.completeness.complete);
  EXPECT_EQ(v.ionic_steps.size(), 1u);
}

TEST(Vasprun, SkippedBlockTagsCutByAChunkBoundaryAtAnyByte) {
  FW_REQUIRE_CORPUS();
  ChunkedFile file(corpus_dir() / "pymatgen_Cu111_slab_vasprun" / "vasprun.xml.gz");
  std::string xml(5'000'000, '\0');
  xml.resize(file.read(xml.data(), xml.size()));
  const Vasprun whole = parse_vasprun(xml, "whole.xml");
  const std::size_t open = xml.find("<projected>"), close = xml.find("</projected>");
  ASSERT_NE(open, std::string::npos);
  ASSERT_NE(close, std::string::npos);
  // Blanks before a tag (on its own line) move it across the parser's chunk boundaries (64 KiB
  // or less, a power of two) without changing the document: every cut of "<projected>" and of
  // "</projected>" must give the same result as the unpadded text.
  for (const std::size_t tag : {open, close}) {
    const std::size_t boundary = (tag / 65536 + 1) * 65536;
    for (std::size_t shift = 0; shift <= 13; ++shift) {
      std::string padded = xml;
      padded.insert(tag, boundary - tag - 13 + shift, ' ');
      const Vasprun v = parse_vasprun(padded, "padded.xml");
      SCOPED_TRACE("tag at byte " + std::to_string(tag) + ", shift " + std::to_string(shift));
      ASSERT_TRUE(v.completeness.complete);
      ASSERT_EQ(v.ionic_steps.size(), whole.ionic_steps.size());
      EXPECT_EQ(v.ionic_steps[0].energies.free_energy_eV,
                whole.ionic_steps[0].energies.free_energy_eV);
      ASSERT_TRUE(v.eigenvalues.has_value());
      EXPECT_EQ(to_json(v)["eigenvalues"], to_json(whole)["eigenvalues"]);
    }
  }
}

TEST(Vasprun, EmptyForeignAndHeaderOnlyFilesAreClearErrors) {
  EXPECT_THROW(parse_vasprun("", "vasprun.xml"), InputError);
  EXPECT_THROW(parse_vasprun("<html><body/></html>", "vasprun.xml"), InputError);
  EXPECT_THROW(parse_vasprun("not xml at all", "vasprun.xml"), InputError);
  EXPECT_THROW(parse_vasprun("<?xml version=\"1.0\"?>\n<modeling>\n <generator>\n", "vasprun.xml"),
               InputError);
}

TEST(Vasprun, CorruptEnergyNamesTheLine) {
  const std::string xml =
      "<modeling>\n<calculation>\n<energy>\n<i name=\"e_fr_energy\"> -6.5x "
      "</i>\n</energy>\n</calculation>\n</modeling>\n";
  try {
    parse_vasprun(xml, "vasprun.xml");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.line(), 4);
  }
}

TEST(Vasprun, StreamingCallbackSeesEveryStepWhileOnlyTheLastKeepsForces) {
  FW_REQUIRE_CORPUS();
  VasprunOptions options;
  std::size_t calls = 0, atoms = 0;
  options.on_ionic_step = [&](std::size_t, const VasprunIonicStep& step,
                              const slabs::Structure& s) {
    ++calls;
    atoms += step.forces_eV_per_A.size();
    EXPECT_EQ(s.size(), step.forces_eV_per_A.size());
  };
  const Vasprun v = read_vasprun(corpus_dir() / "pymatgen_md_vasp632" / "vasprun.xml", options);
  EXPECT_EQ(calls, 10u);
  EXPECT_EQ(atoms, 640u);
  EXPECT_TRUE(v.ionic_steps.front().forces_eV_per_A.empty());
  EXPECT_EQ(v.ionic_steps.back().forces_eV_per_A.size(), 64u);
}

TEST(Vasprun, DosArraysHaveTheShapeAndNumbersOfTheFile) {
  FW_REQUIRE_CORPUS();
  ChunkedFile file(corpus_dir() / "pymatgen_Cu111_slab_vasprun" / "vasprun.xml.gz");
  std::string xml(5'000'000, '\0');
  xml.resize(file.read(xml.data(), xml.size()));
  const Vasprun v = parse_vasprun(xml, "vasprun.xml");
  ASSERT_TRUE(v.dos.has_value());
  const VasprunDos& dos = *v.dos;
  EXPECT_EQ(dos.nspin, 2);
  EXPECT_EQ(static_cast<int>(dos.nedos()), *v.total_dos_points);
  EXPECT_EQ(dos.efermi_eV, *v.efermi_eV);
  EXPECT_EQ(dos.orbitals,
            (std::vector<std::string>{"s", "py", "pz", "px", "dxy", "dyz", "dz2", "dxz", "dx2"}));
  EXPECT_EQ(dos.nions, 6);
  EXPECT_EQ(dos.partial.size(), 6u * 2 * dos.nedos() * 9);
  // The first row of the total DOS and the last row of the projected DOS, as printed.
  const std::size_t total = xml.find("<r>", xml.find("<total>")) + 3;
  EXPECT_EQ(dos.energies_eV.front(), std::strtod(xml.c_str() + total, nullptr));
  const std::size_t last = xml.rfind("<r>", xml.find("</partial>")) + 3;
  char* end = nullptr;
  double row[10];
  row[0] = std::strtod(xml.c_str() + last, &end);
  for (int k = 1; k < 10; ++k) row[k] = std::strtod(end, &end);
  EXPECT_EQ(dos.energies_eV.back(), row[0]);
  for (int k = 1; k < 10; ++k) EXPECT_EQ(dos.partial[dos.partial.size() - 10 + k], row[k]) << k;
  // The JSON nests them as [spin][energy] and [ion][spin][energy][orbital].
  const nlohmann::json j = to_json(v);
  EXPECT_EQ(j["dos"]["total"].size(), 2u);
  EXPECT_EQ(j["dos"]["partial"]["values"][5][1].back().back().get<double>(), row[9]);
  EXPECT_EQ(j["eigenvalues"]["energies_eV"][1][43].size(), 64u);
  EXPECT_EQ(j["kpoint_weights"].size(), 44u);
}

TEST(Vasprun, ProjectedDosIsSkippedWhenTheDosIsNotKept) {
  FW_REQUIRE_CORPUS();
  VasprunOptions options;
  options.keep_dos = false;
  const auto path = corpus_dir() / "pymatgen_Cu111_slab_vasprun" / "vasprun.xml.gz";
  const Vasprun lean = read_vasprun(path, options), full = read_vasprun(path);
  EXPECT_FALSE(lean.dos.has_value());
  EXPECT_EQ(lean.total_dos_points, full.total_dos_points);
  EXPECT_EQ(lean.efermi_eV, full.efermi_eV);
  EXPECT_EQ(lean.eigenvalues->energies_eV, full.eigenvalues->energies_eV);
}

TEST(Vasprun, MalformedDosRowIsReportedMissingWithoutLosingTheRest) {
  FW_REQUIRE_CORPUS();
  std::string xml = slurp(corpus_dir() / "aiida_Si_spin_relax_vasp620" / "vasprun.xml");
  const std::size_t row = xml.find("<r>", xml.find("<partial>"));
  xml.insert(row, "<r> 1.0 2.0 </r>\n");
  const Vasprun v = parse_vasprun(xml, "vasprun.xml");
  EXPECT_FALSE(v.dos.has_value());
  EXPECT_FALSE(v.completeness.complete);
  ASSERT_EQ(v.completeness.missing.size(), 1u);
  EXPECT_NE(v.completeness.missing[0].find("projected DOS row '1.0 2.0'"), std::string::npos)
      << v.completeness.missing[0];
  EXPECT_EQ(v.ionic_steps.size(), 5u);
  EXPECT_TRUE(v.eigenvalues.has_value());
}

TEST(Vasprun, EveryStepKeepsItsStructureForcesAndStressWhenAsked) {
  FW_REQUIRE_CORPUS();
  VasprunOptions options;
  options.keep_all_forces = true;
  options.keep_step_structures = true;
  const Vasprun v =
      read_vasprun(corpus_dir() / "custodian_FeO_ldau_spin_relax" / "vasprun.xml", options);
  ASSERT_EQ(v.ionic_steps.size(), 28u);
  for (const auto& step : v.ionic_steps) {
    ASSERT_TRUE(step.structure.has_value());
    EXPECT_EQ(step.forces_eV_per_A.size(), 4u);
    EXPECT_TRUE(step.stress_kbar.has_value());
    ASSERT_EQ(step.positions_fractional.size(), 4u);
    // Cartesian positions are the printed fractional ones times the step's cell.
    const Vec3 cartesian = step.positions_fractional[1] * step.structure->cell;
    EXPECT_EQ(cartesian.x, step.structure->atoms[1].position.x);
  }
  // The last step's structure is the final one (finalpos repeats it).
  EXPECT_EQ(v.ionic_steps.back().structure->cell[2].z, v.final_structure->cell[2].z);
  const nlohmann::json j = to_json(v);
  EXPECT_EQ(j["ionic_steps"][27]["structure"]["positions_fractional"].size(), 4u);
  EXPECT_EQ(j["ionic_steps"][0]["forces_eV_per_A"].size(), 4u);
}

}  // namespace
}  // namespace fw::vasp
