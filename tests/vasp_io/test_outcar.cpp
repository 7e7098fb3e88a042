/// \file test_outcar.cpp
/// \brief OUTCAR reader vs pymatgen 2022.11.7 on the real-file corpus, and bad-input handling.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <sstream>

#include "core/error.hpp"
#include "tests/vasp_io/corpus.hpp"
#include "vasp_io/outcar.hpp"

namespace fw::vasp {
namespace {

using testing::corpus_dir;
using testing::expected_values;

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

class OutcarCorpus : public ::testing::TestWithParam<const char*> {};

TEST_P(OutcarCorpus, MatchesPymatgenEnergiesFermiMomentsAndFlags) {
  FW_REQUIRE_CORPUS();
  const std::string name = GetParam();
  const auto ex = expected_values(name, "OUTCAR");
  const Outcar o = read_outcar(corpus_dir() / name / "OUTCAR");

  EXPECT_EQ(o.vasp_version, ex["vasp_version"].get<std::string>());
  EXPECT_EQ(o.nions, ex["nions"].get<int>());
  EXPECT_EQ(o.ispin, ex["ispin"].get<int>());
  EXPECT_TRUE(o.completeness.complete)
      << (o.completeness.missing.empty() ? "" : o.completeness.missing[0]);

  // Energies of every ionic step, exactly as printed (8 decimals).
  const auto& toten = ex["toten_per_ionic_step"];
  ASSERT_EQ(o.ionic_steps.size(), toten.size());
  for (std::size_t i = 0; i < toten.size(); ++i) {
    EXPECT_DOUBLE_EQ(o.ionic_steps[i].energies.free_energy_eV, toten[i].get<double>()) << i;
    EXPECT_DOUBLE_EQ(o.ionic_steps[i].energies.energy_without_entropy_eV,
                     ex["energy_wo_entrp_per_ionic_step"][i].get<double>())
        << i;
    EXPECT_DOUBLE_EQ(o.ionic_steps[i].energies.energy_sigma0_eV,
                     ex["energy_sigma0_per_ionic_step"][i].get<double>())
        << i;
  }
  // Finished runs: pymatgen's final_* equal the last completed step.
  EXPECT_DOUBLE_EQ(o.last_step()->energies.energy_sigma0_eV, ex["final_energy"].get<double>());
  EXPECT_DOUBLE_EQ(o.last_step()->energies.energy_without_entropy_eV,
                   ex["final_energy_wo_entrp"].get<double>());
  EXPECT_DOUBLE_EQ(o.last_step()->energies.free_energy_eV, ex["final_fr_energy"].get<double>());

  // The LAST E-fermi (MANIFEST item 1: pymatgen may report the first).
  const auto& last = ex["read_pattern_last_values"];
  ASSERT_TRUE(o.efermi_eV.has_value());
  EXPECT_DOUBLE_EQ(*o.efermi_eV, last["efermi"].get<double>());
  EXPECT_DOUBLE_EQ(*o.last_step()->efermi_eV, last["efermi"].get<double>());

  // Spin and noncollinear flags (MANIFEST item 3: pymatgen's noncollinear is always false).
  EXPECT_EQ(o.ispin == 2, ex["spin"].get<bool>());
  EXPECT_EQ(o.noncollinear, last["LNONCOLLINEAR_in_file"].get<std::string>() == "T");
  EXPECT_EQ(o.spin_orbit, last["LSORBIT_in_file"].get<std::string>() == "T");

  if (!ex["total_mag"].is_null() && !o.noncollinear) {
    // pymatgen stopped its backward scan at the last block: nelect and moment are the last ones.
    ASSERT_TRUE(o.total_magnetization_muB.has_value());
    EXPECT_DOUBLE_EQ(*o.total_magnetization_muB, ex["total_mag"].get<double>());
    EXPECT_DOUBLE_EQ(*o.nelect, ex["nelect"].get<double>());
  } else if (o.noncollinear) {
    ASSERT_TRUE(o.total_magnetization_vector_muB.has_value());
    EXPECT_DOUBLE_EQ(o.total_magnetization_vector_muB->x, ex["total_mag"].get<double>());
    EXPECT_FALSE(o.total_magnetization_muB.has_value());
  } else {
    // ISPIN = 1: no moment printed; pymatgen's nelect is the first occurrence = NELECT.
    EXPECT_FALSE(o.total_magnetization_muB.has_value());
    ASSERT_TRUE(o.nelect_parameter.has_value());
    EXPECT_NEAR(*o.nelect_parameter, ex["nelect"].get<double>(), 1e-4);
  }

  EXPECT_EQ(o.finished, ex["has_general_timing_block"].get<bool>());
  EXPECT_EQ(o.reached_required_accuracy, ex["reached_required_accuracy"].get<bool>());
  EXPECT_EQ(o.stopped_by_stopcar, ex["is_stopped"].get<bool>());

  // Site tables: the last "magnetization (x)" / "total charge".
  EXPECT_EQ(o.charge.rows.size(), ex["n_charge_sites"].get<std::size_t>());
  EXPECT_EQ(o.magnetization_x.rows.size(), ex["n_magnetization_sites"].get<std::size_t>());
  if (!ex["magnetization"].is_null()) {
    const auto& mag = ex["magnetization"];
    for (std::size_t site = 0; site < mag.size(); ++site) {
      for (std::size_t c = 0; c < o.magnetization_x.columns.size(); ++c) {
        const std::string col = o.magnetization_x.columns[c];
        if (o.noncollinear) {
          const auto& m = mag[site][col]["moment"];
          EXPECT_DOUBLE_EQ(o.magnetization_x.rows[site][c], m[0].get<double>());
          EXPECT_DOUBLE_EQ(o.magnetization_y.rows[site][c], m[1].get<double>());
          EXPECT_DOUBLE_EQ(o.magnetization_z.rows[site][c], m[2].get<double>());
        } else {
          EXPECT_DOUBLE_EQ(o.magnetization_x.rows[site][c], mag[site][col].get<double>()) << col;
        }
      }
    }
  }

  const auto& rs = ex["run_stats"];
  EXPECT_EQ(*o.run_stats.cores, rs["cores"].get<int>());
  EXPECT_DOUBLE_EQ(*o.run_stats.elapsed_time_s, rs["Elapsed time (sec)"].get<double>());
  EXPECT_DOUBLE_EQ(*o.run_stats.total_cpu_time_s, rs["Total CPU time used (sec)"].get<double>());
  EXPECT_DOUBLE_EQ(*o.run_stats.maximum_memory_kb, rs["Maximum memory used (kb)"].get<double>());
  EXPECT_EQ(o.run_stats.average_memory_kb.has_value(), !rs["Average memory used (kb)"].is_null());

  ASSERT_TRUE(o.ngf.has_value());
  EXPECT_EQ((*o.ngf)[0], ex["ngf"][0].get<int>());
  EXPECT_EQ((*o.ngf)[2], ex["ngf"][2].get<int>());
  if (ex["drift_last"].is_null()) {
    EXPECT_FALSE(o.last_step()->total_drift_eV_per_A.has_value());
  } else {
    ASSERT_TRUE(o.last_step()->total_drift_eV_per_A.has_value());
    EXPECT_DOUBLE_EQ(o.last_step()->total_drift_eV_per_A->z, ex["drift_last"][2].get<double>());
  }
  // Forces: one row per ion when printed (a static run with IBRION = -1 prints none).
  const std::size_t n_forces = o.last_step()->forces_eV_per_A.size();
  EXPECT_TRUE(n_forces == 0 || n_forces == static_cast<std::size_t>(o.nions)) << n_forces;
  EXPECT_EQ(n_forces == 0, ex["drift_last"].is_null());
}

INSTANTIATE_TEST_SUITE_P(
    PublicCases, OutcarCorpus,
    ::testing::Values("aiida_Co_magnetization_outcar", "aiida_Si_elec_unconverged",
                      "aiida_Si_spin_relax_vasp620", "atomate_H_on_Ir16_slab_seldyn",
                      "custodian_FeO_ldau_spin_relax", "custodian_Si_spin_relax_vasp642",
                      "nomad_dftu_multi_vasp610", "pymatgen_Dy9_slab_static",
                      "pymatgen_NiO_SOC_noncollinear", "pymatgen_scan_relax_vasp611"));

TEST(Outcar, ElectronicStepCountsMatchVasprunScstepCounts) {
  FW_REQUIRE_CORPUS();
  for (const char* name : {"custodian_FeO_ldau_spin_relax", "aiida_Si_spin_relax_vasp620",
                           "custodian_Si_spin_relax_vasp642", "aiida_Si_elec_unconverged"}) {
    const Outcar o = read_outcar(corpus_dir() / name / "OUTCAR");
    const auto counts = expected_values(name, "vasprun.xml")["n_electronic_steps_per_ionic_step"];
    ASSERT_EQ(o.ionic_steps.size(), counts.size()) << name;
    for (std::size_t i = 0; i < counts.size(); ++i)
      EXPECT_EQ(o.ionic_steps[i].electronic_steps, counts[i].get<int>()) << name << " step " << i;
  }
}

TEST(Outcar, UnconvergedScfIsFlaggedPerStep) {
  FW_REQUIRE_CORPUS();
  // NELM = 8 reached without "aborting loop because EDIFF is reached".
  const Outcar o = read_outcar(corpus_dir() / "aiida_Si_elec_unconverged" / "OUTCAR");
  ASSERT_EQ(o.ionic_steps.size(), 1u);
  EXPECT_FALSE(o.ionic_steps[0].electronic_converged);
  EXPECT_EQ(o.ionic_steps[0].electronic_steps, *o.nelm);
  const Outcar ok = read_outcar(corpus_dir() / "custodian_FeO_ldau_spin_relax" / "OUTCAR");
  for (const auto& s : ok.ionic_steps) EXPECT_TRUE(s.electronic_converged);
}

TEST(Outcar, TruncatedMidScfReportsLastCompletedStepAndIncomplete) {
  FW_REQUIRE_CORPUS();
  // MANIFEST item 2: pymatgen's final_energy would be the last mid-SCF energy(sigma->0).
  const std::string text = slurp(corpus_dir() / "custodian_FeO_ldau_spin_relax" / "OUTCAR");
  const auto ex = expected_values("custodian_FeO_ldau_spin_relax", "OUTCAR");
  // Cut in the middle of ionic step 6's SCF (after its 3rd iteration header).
  std::size_t cut = 0;
  int steps_seen = 0;
  while (steps_seen < 5) {
    cut = text.find("FREE ENERGIE OF THE ION-ELECTRON SYSTEM", cut + 1);
    ++steps_seen;
  }
  cut = text.find("Iteration    6(   3)", cut);
  ASSERT_NE(cut, std::string::npos);
  cut = text.find("energy(sigma->0)", cut);  // a mid-SCF sigma->0 line is included
  cut = text.find('\n', cut);
  const Outcar o = parse_outcar(std::string_view(text).substr(0, cut), "OUTCAR-cut");
  ASSERT_EQ(o.ionic_steps.size(), 5u);
  EXPECT_DOUBLE_EQ(o.last_step()->energies.energy_sigma0_eV,
                   ex["energy_sigma0_per_ionic_step"][4].get<double>());
  EXPECT_FALSE(o.completeness.complete);
  EXPECT_TRUE(o.has_unfinished_step);
  EXPECT_FALSE(o.finished);
  EXPECT_EQ(o.completeness.missing.size(), 2u);
}

TEST(Outcar, EmptyFileIsAClearError) {
  EXPECT_THROW(parse_outcar("", "OUTCAR"), InputError);
  try {
    parse_outcar("", "OUTCAR");
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("empty"), std::string::npos);
  }
}

TEST(Outcar, NonOutcarTextIsAClearError) {
  EXPECT_THROW(parse_outcar("hello\nworld\n", "notes.txt"), InputError);
}

TEST(Outcar, CorruptNumberNamesFileAndLine) {
  const std::string text =
      " vasp.6.4.2 20Jul23 complex\n"
      "  FREE ENERGIE OF THE ION-ELECTRON SYSTEM (eV)\n"
      "  free  energy   TOTEN  =       -10.8382x748 eV\n";
  try {
    parse_outcar(text, "OUTCAR");
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.line(), 3);
    EXPECT_NE(std::string(e.what()).find("TOTEN"), std::string::npos);
  }
}

TEST(Outcar, JsonHasUnitsInKeysAndCompleteness) {
  FW_REQUIRE_CORPUS();
  const auto j = to_json(read_outcar(corpus_dir() / "custodian_Si_spin_relax_vasp642" / "OUTCAR"));
  EXPECT_TRUE(j["complete"].get<bool>());
  EXPECT_DOUBLE_EQ(j["final_energy_sigma0_eV"].get<double>(), -10.84147246);
  EXPECT_DOUBLE_EQ(j["efermi_eV"].get<double>(), 5.913);
  EXPECT_EQ(j["ionic_steps"].size(), 3u);
  EXPECT_EQ(j["final_forces_eV_per_A"].size(), 2u);
}

TEST(Outcar, EveryStepCarriesItsCellPositionsAndForces) {
  FW_REQUIRE_CORPUS();
  // A variable-cell relaxation (ISIF = 3): VASP prints the step's cell after "VOLUME and
  // BASIS-vectors are now", before its forces; the last block is the final cell.
  const Outcar o = read_outcar(corpus_dir() / "custodian_FeO_ldau_spin_relax" / "OUTCAR");
  ASSERT_EQ(o.ionic_steps.size(), 28u);
  for (const auto& s : o.ionic_steps) {
    ASSERT_TRUE(s.cell_A.has_value());
    EXPECT_EQ(s.positions_A.size(), 4u);
    EXPECT_EQ(s.forces_eV_per_A.size(), 4u);
  }
  EXPECT_EQ((*o.ionic_steps.back().cell_A)[2][2], -5.384047075);
  EXPECT_NE((*o.ionic_steps.back().cell_A)[2][2], (*o.initial_cell_A)[2][2]);
  const auto j = to_json(o);
  EXPECT_EQ(j["ionic_steps"][27]["cell_A"][2][2].get<double>(), -5.384047075);
  EXPECT_EQ(j["ionic_steps"][27]["positions_A"], j["final_positions_A"]);
}

}  // namespace
}  // namespace fw::vasp
