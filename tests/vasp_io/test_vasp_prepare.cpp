/// \file test_vasp_prepare.cpp
/// \brief `vasp prepare` writes folders VASP accepts (VASP wiki rules), with the study's settings.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "slabs/io/structure_file.hpp"
#include "tests/vasp_io/potcar_fixture.hpp"
#include "vasp_io/incar.hpp"
#include "vasp_io/jobs/validate.hpp"
#include "vasp_io/kpoints.hpp"
#include "vasp_io/presets.hpp"

using namespace fw::vasp;
namespace fs = std::filesystem;

namespace {
struct Library {
  test::FakePotcarLibrary lib;
  Library() { lib.add("potpaw_PBE", "Au", "PAW_PBE Au 04Oct2007", 11.0, 229.943); }
};
}  // namespace

TEST(Prepare, PaperPresetWritesTheStudysNineJobs) {
  Library l;
  PrepareOptions o;
  o.preset = "paper";
  o.potcar_dir = l.lib.root();
  const fs::path out = l.lib.root() / "jobs";
  const auto prepared = prepare_jobs(o, out);
  ASSERT_EQ(prepared.manifest.jobs.size(), 9u);
  for (const auto& job : prepared.manifest.jobs) {
    SCOPED_TRACE(job.name);
    EXPECT_TRUE(validate_job_folder(out / job.name).empty());
    const Incar incar = Incar::read(out / job.name / "INCAR");
    EXPECT_DOUBLE_EQ(*incar.real("ENCUT"), 520.0);
    EXPECT_DOUBLE_EQ(*incar.real("EDIFF"), 1e-8);
    EXPECT_EQ(incar.word("GGA"), "PE");
    const auto k = read_kpoints(out / job.name / "KPOINTS");
    EXPECT_EQ(k.mode, KpointsMode::monkhorst_pack);
    EXPECT_EQ(k.mesh, (std::array<int, 3>{2, 2, 2}));  // the paper's 2×2×2
    EXPECT_GT(job.area_A2, 0.0);
  }
  // Crystal: 500 atoms; the two parts share them out.
  for (const char* facet : {"100", "110", "111"}) {
    const auto crystal = fw::slabs::read_structure(out / facet / "crystal" / "POSCAR");
    const auto p1 = fw::slabs::read_structure(out / facet / "part1" / "POSCAR");
    const auto p2 = fw::slabs::read_structure(out / facet / "part2" / "POSCAR");
    EXPECT_EQ(crystal.size(), 500u);
    EXPECT_EQ(p1.size() + p2.size(), 500u);
  }
  // (100) cut through a 20.4 Å cube: the cut area is the cube face, 20.4² Å².
  EXPECT_NEAR(prepared.manifest.jobs[0].area_A2, 20.4 * 20.4, 1e-6);
  EXPECT_DOUBLE_EQ(prepared.potcars.at(0).zval, 11.0);
  EXPECT_THROW(prepare_jobs(o, out), fw::InputError);  // already prepared
}

TEST(Prepare, SlabPresetWritesBulkAndSymmetricRelaxedSlabsWithKzOne) {
  Library l;
  PrepareOptions o;
  o.preset = "slab";
  o.facets = {{1, 1, 1}};
  o.layers = {5, 7};
  o.potcar_dir = l.lib.root();
  const fs::path out = l.lib.root() / "jobs";
  const auto prepared = prepare_jobs(o, out);
  ASSERT_EQ(prepared.manifest.jobs.size(), 3u);
  for (const auto& job : prepared.manifest.jobs) {
    SCOPED_TRACE(job.name);
    EXPECT_TRUE(validate_job_folder(out / job.name).empty());
    const Incar incar = Incar::read(out / job.name / "INCAR");
    const auto k = read_kpoints(out / job.name / "KPOINTS");
    EXPECT_EQ(incar.integer("ISMEAR"), 1);
    if (job.role == "slab") {
      EXPECT_EQ(k.mesh[2], 1);
      EXPECT_EQ(incar.integer("ISIF"), 2);
      EXPECT_EQ(incar.integer("IBRION"), 2);
      EXPECT_EQ(job.natoms, job.layers);  // (111) 1x1: one atom per layer
    } else {
      EXPECT_EQ(incar.integer("NSW"), 0);
    }
  }
  // In-plane meshes of bulk and slabs agree, so in-plane sampling errors cancel.
  EXPECT_EQ(prepared.manifest.jobs[0].kmesh[0], prepared.manifest.jobs[1].kmesh[0]);
}

TEST(Prepare, MissingPotcarLibraryIsAClearErrorAndWritesNothing) {
  test::FakePotcarLibrary empty;
  PrepareOptions o;
  o.potcar_dir = empty.root();
  o.facets = {{1, 0, 0}};
  EXPECT_THROW(prepare_jobs(o, empty.root() / "jobs"), fw::InputError);
  EXPECT_FALSE(fs::exists(empty.root() / "jobs" / "manifest.json"));
}

TEST(Prepare, ValidatorCatchesPotcarOrderAndTypos) {
  Library l;
  l.lib.add("potpaw_PBE", "Cu", "PAW_PBE Cu 22Jun2005", 11.0, 295.4);
  PrepareOptions o;
  o.facets = {{1, 0, 0}};
  o.potcar_dir = l.lib.root();
  const fs::path out = l.lib.root() / "jobs";
  prepare_jobs(o, out);
  const fs::path job = out / "100" / "crystal";
  assemble_potcar(locate_potcar_library(l.lib.root()), {"Cu"}, job / "POTCAR");
  EXPECT_FALSE(validate_job_folder(job).empty());
  std::ofstream(job / "INCAR", std::ios::app) << "ENCTU = 400\n";
  const auto problems = validate_job_folder(job);
  bool typo = false;
  for (const auto& p : problems) typo |= p.find("did you mean ENCUT?") != std::string::npos;
  EXPECT_TRUE(typo);
}

// Issue 23: the slab preset's ENCUT follows the element's ENMAX (1.74 x, Au's 400 eV ratio), the
// POTCAR's when a library is there, else the recommended dataset's tabulated one.
TEST(Prepare, SlabPresetEncutFollowsTheElementsEnmax) {
  std::string note;
  EXPECT_DOUBLE_EQ(slab_encut_eV("Au", 0.0, note), 400.0);
  EXPECT_DOUBLE_EQ(slab_encut_eV("Cu", 0.0, note), 510.0);  // 1.74 x 295.446
  EXPECT_NE(note.find("295.446"), std::string::npos) << note;
  EXPECT_DOUBLE_EQ(slab_encut_eV("Ag", 0.0, note), 430.0);    // 1.74 x 249.844
  EXPECT_DOUBLE_EQ(slab_encut_eV("Ni", 0.0, note), 470.0);    // 1.74 x 269.532
  EXPECT_DOUBLE_EQ(slab_encut_eV("Ni", 300.0, note), 520.0);  // the POTCAR's ENMAX wins
  EXPECT_NE(note.find("the POTCAR's"), std::string::npos) << note;
  EXPECT_DOUBLE_EQ(slab_encut_eV("Co", 0.0, note), 400.0);
  EXPECT_NE(note.find("no ENMAX known for Co"), std::string::npos) << note;

  test::FakePotcarLibrary lib;
  lib.add("potpaw_PBE", "Cu", "PAW_PBE Cu 22Jun2005", 11.0, 295.446);
  PrepareOptions o;
  o.preset = "slab";
  o.element = "Cu";
  o.a_A = 3.61;
  o.facets = {{1, 0, 0}};
  o.layers = {5};
  o.potcar_dir = lib.root();
  const fs::path out = lib.root() / "jobs";
  const auto prepared = prepare_jobs(o, out);
  for (const auto& job : prepared.manifest.jobs) {
    SCOPED_TRACE(job.name);
    EXPECT_DOUBLE_EQ(*Incar::read(out / job.name / "INCAR").real("ENCUT"), 510.0);
  }
  EXPECT_DOUBLE_EQ(prepared.manifest.settings.at("encut_eV").get<double>(), 510.0);

  // Without a library each folder's POTCAR.spec names the recommended dataset, Cu.
  o.potcar_dir.reset();
  o.skip_potcar = true;
  const fs::path spec_out = lib.root() / "spec_jobs";
  const auto spec_only = prepare_jobs(o, spec_out);
  std::ifstream spec(spec_out / spec_only.manifest.jobs.front().name / kPotcarSpecFile);
  std::string first;
  std::getline(spec, first);
  EXPECT_EQ(first, "Cu");
}
