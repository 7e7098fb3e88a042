/// \file test_bad_input.cpp
/// \brief Table-driven: every careless input found for issues 13 and 21 exits 2 at once with ONE
/// line naming the option or file, and leaves nothing behind in the working folder. Plus the
/// results folder lock of `facetweld run` and `facetweld weld` (second one: exit 2 naming the
/// folder and the holder's PID; released when the holder is killed).
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include "core/dir_lock.hpp"
#include "core/error.hpp"
#include "tests/cli_runner.hpp"

namespace fs = std::filesystem;

namespace {

struct Result : fw::test::CommandResult {
  double wall_s = 0;
};

class BadInput : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    root_ = fs::temp_directory_path() / ("fw_bad_input_" + std::to_string(::getpid()) + "_" +
                                         std::to_string(std::hash<std::string>{}(name)));
    fs::remove_all(root_);
    dir_ = root_ / "work";
    fs::create_directories(dir_);
    // Inputs the cases read.
    std::ofstream(dir_ / "au.vasp")
        << "Au\n1.0\n0 2.04 2.04\n2.04 0 2.04\n2.04 2.04 0\nAu\n1\nDirect\n0 0 0\n";
    // Scale -1: a cell of 1 Å^3, so each Au atom is 1 Å from its own images.
    std::ofstream(dir_ / "tiny.vasp") << "Au\n-1.0\n1 0 0\n0 1 0\n0 0 1\nAu\n1\nDirect\n0 0 0\n";
    std::ofstream(dir_ / "empty.vasp") << "nothing\n1.0\n4 0 0\n0 4 0\n0 0 4\nAu\n0\nDirect\n";
    std::ofstream(dir_ / "empty.extxyz") << "0\nLattice=\"4 0 0 0 4 0 0 0 4\" "
                                            "Properties=species:S:1:pos:R:3 pbc=\"T T T\"\n";
    fs::create_symlink("/dev/zero", dir_ / "zero.vasp");  // a device behind a structure name
    // Facet tables: the test helper's Au EAM γ, at Au's a_A and at two absurd ones.
    const auto facets = [&](const char* name, const char* a_A) {
      std::ofstream(dir_ / name) << R"({"engine": "eam", "element": "Au", "a_A": )" << a_A
                                 << R"(, "facets": [
  {"hkl": [1, 0, 0], "e_dis_eV_per_A2": 0.0571, "relaxed": true, "method": "slab"},
  {"hkl": [1, 1, 0], "e_dis_eV_per_A2": 0.0610, "relaxed": true, "method": "slab"},
  {"hkl": [1, 1, 1], "e_dis_eV_per_A2": 0.0491, "relaxed": true, "method": "slab"}]}
)";
    };
    facets("facets.json", "4.08");
    facets("facets_a0.5.json", "0.5");
    facets("facets_a1000.json", "1000");
    facets("facets_1e400.json",
           "1e400");  // beyond double: nlohmann's out_of_range, not a parse_error
    for (const char* bad : {"nan", "-inf"})
      std::ofstream(dir_ / (std::string(bad[0] == '-' ? "inf" : bad) + ".extxyz"))
          << "1\nLattice=\"0 2.04 2.04 2.04 0 2.04 2.04 2.04 0\" "
             "Properties=species:S:1:pos:R:3 pbc=\"T T T\"\nAu 0 "
          << bad << " 0\n";
    // Job files asking for a Nosé–Hoover chain at 0 K (`run` and `md run`).
    std::ofstream(dir_ / "weld_0K.toml") << "output_dir = \"res\"\n[weld]\ntemperature = 0\n";
    std::ofstream(dir_ / "nvt_0K.toml")
        << "structure = \"au.vasp\"\noutput_dir = \"out\"\n[run]\nmode = \"nvt\"\n"
           "thermostat = \"nose-hoover-chain\"\ntemperature = 0\nsteps = 10\n";
    // Issue 21, late checks: job files whose cross-field rules or paths fail. Each must stop
    // when the file is read, naming file:line and the key, before any stage runs.
    const auto job = [&](const char* name, const char* text) {
      std::ofstream(dir_ / name) << "output_dir = \"res\"\n" << text;
    };
    job("lj.toml", "[weld]\nlj_sigma = 5.0\nlj_cutoff = 4.0\n");
    job("flexible.toml", "[weld]\nsheet = \"flexible\"\nsubstrate = \"none\"\n");
    job("flexible_native.toml", "[weld]\nsheet = \"flexible\"\n");
    job("tilt.toml", "[weld]\nmode = \"tip\"\nsubstrate = \"none\"\ntilt_axis = \"100\"\n");
    job("psp.toml", "[dft]\npseudopotential = \"no-such.psp8\"\n");
    job("eam_pot.toml", "[eam]\npotential = \"no-such.eam\"\n");
    job("potcar.toml", "[vasp]\npotcar_dir = \"no-such-library\"\n");
    job("cu.toml", "element = \"Cu\"\n[eam]\npotential = \"Au_u3.eam\"\n");
    job("sr.toml", "element = \"Sr\"\n");
    // A metal without metal–carbon parameters needs an EAM file of its own: Ni_u3.eam relabelled
    // Co (atomic number 27 on its second line) serves, nothing of it is computed.
    {
      std::ifstream ni("/usr/share/lammps/potentials/Ni_u3.eam");
      std::ofstream co(dir_ / "Co_relabelled.eam");
      std::string line;
      for (int n = 0; std::getline(ni, line); ++n)
        co << (n == 1 ? "27" + line.substr(5) : line) << '\n';
    }
    job("co_weld.toml",
        "element = \"Co\"\na = 3.52\n[eam]\npotential = \"Co_relabelled.eam\"\n[dft]\nenabled = "
        "false\n");
    job("a_far.toml", "a = 2.5\n");
    job("eam_vacuum.toml", "[eam]\nvacuum = 0.5\n");
    job("vasp_vacuum.toml", "[vasp]\npreset = \"slab\"\nvacuum = 1.0\n");
    // Issue 21, medium: a zero scale factor (line 2), a key given twice, an angle given twice,
    // and a k-point density beside an explicit mesh.
    std::ofstream(dir_ / "zeroscale.vasp") << "Au\n0\n4 0 0\n0 4 0\n0 0 4\nAu\n1\nDirect\n0 0 0\n";
    job("twice.toml", "[weld]\nseeds = 1\nseeds = 2\n");
    job("angles_twice.toml", "[weld]\nangles = [0, 20, 20]\n");
    job("kdensity.toml", "[dft]\nkpts = \"4x4x1\"\nkdensity = 3.0\n");
    std::ofstream text(dir_ / "notes.txt");  // 150 000 lines of text that is no OUTCAR
    for (int i = 0; i < 150000; ++i) text << "line " << i << " of a long lab notebook\n";
  }
  void TearDown() override { fs::remove_all(root_); }

  Result run(const std::string& args) const {
    const auto start = std::chrono::steady_clock::now();
    Result r{fw::test::run_facetweld(args, dir_), 0.0};
    r.wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return r;
  }

  std::set<std::string> listing() const {
    std::set<std::string> names;
    for (const auto& e : fs::recursive_directory_iterator(dir_))
      names.insert(fs::relative(e.path(), dir_).string());
    return names;
  }

  fs::path root_, dir_;
};

struct Case {
  const char* args;
  const char* names;  ///< the option or file the one line must name
};

// Each: exit 2, one line naming `names`, within seconds, nothing written.
const Case kCases[] = {
    {"bulk --a inf -o b.vasp", "--a"},
    {"bulk --a nan -o b.vasp", "--a"},
    {"bulk --a -4.08 -o b.vasp", "--a"},
    {"slab --a inf -o s.vasp", "--a"},
    {"slab --vacuum inf -o s.vasp", "--vacuum"},
    {"slab --repeat 10000x10000 -o s.vasp", "--repeat"},
    {"slab --layers 20000000 -o s.vasp", "--layers"},
    {"cleave --cells 200 -o cut", "--cells"},
    {"cleave --a inf -o cut", "--a"},
    {"cleave --vacuum inf -o cut", "--vacuum"},
    {"vasp prepare --a 0 -o jobs", "--a"},
    {"vasp prepare --a inf -o jobs", "--a"},
    {"vasp prepare --preset slab --facets 111 --layers 5,2 -o jobs", "--layers"},
    {"vasp prepare --preset slab --facets 111 --vacuum inf -o jobs", "--vacuum"},
    {"vasp prepare --facets 100 -o jobs --potcar-dir no-such-library", "no-such-library"},
    {"vasp parse --type outcar /dev/zero", "/dev/zero"},
    {"vasp parse --type oszicar /dev/zero", "/dev/zero"},
    {"vasp parse --type vasprun /dev/zero", "/dev/zero"},
    {"vasp parse --type contcar /dev/zero", "/dev/zero"},
    {"vasp parse /dev/zero", "/dev/zero"},
    {"vasp parse .", ".: is a directory"},
    {"vasp parse --type outcar notes.txt", "notes.txt"},
    {"vasp parse --type oszicar notes.txt", "notes.txt"},
    {"convert empty.vasp out.extxyz", "empty.vasp"},
    {"convert empty.extxyz out.vasp", "empty.extxyz"},
    {"convert zero.vasp out.extxyz", "zero.vasp"},
    {"scf --structure empty.vasp", "empty.vasp"},
    {"md energy --structure empty.vasp", "empty.vasp"},
    {"scf --structure tiny.vasp", "tiny.vasp: atoms 1 (Au) and 1 (Au) overlap"},
    {"md energy --structure tiny.vasp", "tiny.vasp: atoms 1 (Au) and 1 (Au) overlap"},
    // Issue 21, crashes: the Nosé–Hoover chain at 0 K (SIGSEGV in EamForce::compute), and facet
    // tables whose a_A packs millions of atoms into a rod (SIGABRT) or none (a hang).
    {"weld --facets facets.json --temperature 0 -o w",
     "temperature 0 K with thermostat nose-hoover-chain"},
    {"weld --facets facets.json --temperature 0 --thermostat nose-hoover-chain --mode tip -o w",
     "temperature 0 K with thermostat nose-hoover-chain"},
    {"md run nvt_0K.toml", "nvt_0K.toml: temperature 0 K with thermostat nose-hoover-chain"},
    {"weld --facets facets_a0.5.json -o w", "facets_a0.5.json: a_A = 0.5"},
    {"weld --facets facets_a1000.json -o w", "facets_a1000.json: a_A = 1000"},
    // A NaN/inf coordinate in an extxyz file: `scf` died with SIGSEGV, `convert` wrote it on.
    {"scf --structure nan.extxyz", "nan.extxyz:3: bad value 'nan' for property 'pos'"},
    {"scf --structure inf.extxyz", "inf.extxyz:3: bad value '-inf' for property 'pos'"},
    {"md energy --structure nan.extxyz", "nan.extxyz:3"},
    {"convert nan.extxyz out.vasp", "nan.extxyz:3"},
    // Issue 21, late checks: the [weld] cross-field rules, job-file paths and the vacuum of a
    // `run` job file, at read time with file:line and the key (the stage never starts).
    {"run weld_0K.toml", "weld_0K.toml:3: [weld] temperature: temperature 0 K with thermostat"},
    {"run lj.toml", "lj.toml:4: [weld] lj_cutoff: lj_cutoff must be at least lj_sigma"},
    {"run flexible.toml", "flexible.toml:3: [weld] sheet: sheet flexible needs substrate graphene"},
    {"run flexible_native.toml", "flexible_native.toml:3: [weld] sheet: a flexible sheet"},
    {"run tilt.toml", "tilt.toml:5: [weld] tilt_axis: tilt_axis [100] must be perpendicular"},
    {"run psp.toml", "psp.toml:3: [dft] pseudopotential: 'no-such.psp8' is not a file"},
    {"run eam_pot.toml", "eam_pot.toml:3: [eam] potential:"},
    {"run potcar.toml", "potcar.toml:3: [vasp] potcar_dir: 'no-such-library' is not a folder"},
    {"run eam_vacuum.toml", "eam_vacuum.toml:3: [eam] vacuum: vacuum 0.5 Å is less than one"},
    {"run vasp_vacuum.toml", "vasp_vacuum.toml:4: [vasp] vacuum: vacuum 1 Å is less than one"},
    // Issue 21, wrong numbers with exit 0: gold's EAM file labelled Cu, and a vacuum below one
    // layer spacing silently raised to it while the POSCAR comment and the log said 0.5 Å.
    // (Issue 23: --element alone now brings its own potential and lattice constant.)
    {"run cu.toml", "cu.toml:2: element: the EAM potential Au_u3.eam is for Au, not Cu"},
    {"edis --engine eam --element Cu --potential Au_u3.eam -o e.json",
     "--element: the EAM potential Au_u3.eam is for Au, not Cu"},
    // Issue 21: gold's 4.08 Å under another element, and a lattice constant far from any metal's
    // (E_dis(100) relaxed came out -250 eV/Å² with exit 0). An element without a tabulated
    // lattice constant needs --a.
    {"edis --engine eam --element Sr -o e.json",
     "--element: no tabulated lattice constant for Sr (known: Ag, Al, Au, Cu, Ni, Pd, Pt): give "
     "--a"},
    {"edis --engine native --element Sr -o e.json", "--element: no tabulated lattice constant"},
    {"edis --engine eam --a 2.5 -o e.json",
     "--a: a = 2.5 Å is -39 % from Au's 4.08 Å (more than ±15 %)"},
    // Within ±15 % of Cu's 3.61 Å, but Cu_u3.eam's crystal at Au's 4.08 Å falls apart on
    // relaxing: a negative E_dis is refused, not written.
    {"edis --engine eam --element Cu --a 4.08 -o e.json",
     "--a: E_dis(100) relaxed (slab) = -0.683577 eV/Å² is not positive, and a cleavage costs "
     "energy: a = 4.08 Å is likely far from the potential's equilibrium for Cu: check --a and "
     "--potential"},
    {"run sr.toml", "sr.toml:2: element: no tabulated lattice constant for Sr"},
    // Rods of a metal without metal–carbon parameters on graphene with gold's Au–C
    // Lennard-Jones: refused before any stage runs (Ag and the other tabulated metals take their
    // own, md/apps/metal_carbon_lj).
    {"run co_weld.toml",
     "co_weld.toml: [weld] lj_epsilon: no metal–carbon Lennard-Jones parameters for Co"},
    {"run a_far.toml", "a_far.toml:2: a: a = 2.5 Å is -39 % from Au's 4.08 Å"},
    {"slab --vacuum 0.5 -o s.vasp",
     "--vacuum: vacuum 0.5 Å is less than one (111) layer spacing (2.3556 Å"},
    {"edis --engine eam --vacuum 0.5 -o e.json", "--vacuum: vacuum 0.5 Å is less than one"},
    {"edis --engine native --vacuum 0.5 -o e.json", "--vacuum: vacuum 0.5 Å is less than one"},
    // Issue 21, misleading culprit: `--a 100` was blamed on --ecut by the DFT memory estimate.
    {"edis --engine native --a 100 -o e.json", "--a: 'a' = 100 Å is out of range"},
    // Issue 21, estimates before allocating: a rod of ~2·10^8 atoms is refused before the lattice
    // scan (it ran 9 s into a bad_alloc), and a number beyond double in a facet table is bad JSON
    // naming the file (it was an "internal error").
    {"weld --facets facets.json --radius 500 --length 5000 -o w",
     "--radius: a rod 5000 Å long with its nearest side facet"},
    {"weld --facets facets_1e400.json -o w", "facets_1e400.json: not valid JSON"},
    // The weld command line names the option of a broken cross-field rule.
    {"weld --facets facets.json --lj-sigma 5 --lj-cutoff 4 -o w", "--lj-cutoff: lj_cutoff must"},
    // Issue 21, medium. An angle given twice ran twice into one folder; two angles closer than
    // the folder name resolves (10^-6 deg) would share it.
    {"weld --facets facets.json --angles 20,20 -o w", "--angles: angle 20 deg is given twice"},
    {"weld --facets facets.json --angles 20,20.0000001 -o w",
     "--angles: angles 20 and 20.0000001 deg differ by less than 1e-6 deg"},
    {"run angles_twice.toml", "angles_twice.toml:3: [weld] angles: angle 20 deg is given twice"},
    // --kdensity silently replaced --kpts (given at its default value too).
    {"edis --engine native --kdensity 3 --kpts 2x2x1 -o e.json",
     "--kdensity: --kdensity replaces --kpts and --kpts-bulk (both meshes from the density): "
     "give --kdensity or --kpts, not both"},
    {"edis --engine native --kdensity 3 --kpts 6x6x1 -o e.json", "give --kdensity or --kpts"},
    {"edis --engine native --kdensity 3 --kpts-bulk 2x2x8 -o e.json",
     "give --kdensity or --kpts-bulk"},
    {"run kdensity.toml", "kdensity.toml:4: [dft] kdensity: kdensity replaces kpts and kpts_bulk"},
    // Options the chosen engine ignores were accepted and did nothing.
    {"edis --engine eam --ecut 8Ha -o e.json", "--ecut: does nothing with --engine eam"},
    {"edis --engine eam --relax -o e.json", "--relax: does nothing with --engine eam"},
    {"edis --engine eam --ecut 8Ha --relax --converge -o e.json", "does nothing with --engine eam"},
    {"edis --engine native --potential Au_u3.eam -o e.json",
     "--potential: does nothing with --engine native"},
    {"edis --engine native --minimizer fire -o e.json",
     "--minimizer: does nothing with --engine native"},
    // CLI11's own usage errors came on two lines without the prefix.
    {"weld --facets facets.json --nope -o w",
     "facetweld: error: The following argument was not expected: --nope"},
    {"weld -o w", "facetweld: error: --facets is required"},
    {"weld --facets no-such.json -o w", "no-such.json"},
    {"edis --engine eam --layers many -o e.json", "--layers"},
    // The scale factor is on line 2 (it was reported at line 5, where the cell was scaled).
    {"convert zeroscale.vasp out.extxyz", "zeroscale.vasp:2: the scaling factor must not be zero"},
    // A key given twice was "TOML syntax error" and nothing more.
    {"run twice.toml",
     "twice.toml:4: TOML syntax error: key 'seeds' is defined twice (first on line 3)"},
    // A refusal of edis printed the table's header first: now the error line alone.
    {"edis --engine eam --method cut-crystal --cells 1 -o e.json",
     "--cells: need at least 2 cubic cells per edge, got 1"},
};

}  // namespace

TEST_F(BadInput, EveryCaseExits2WithOneLineNamingTheCulpritAndWritesNothing) {
  ASSERT_TRUE(fs::exists(FACETWELD_BINARY)) << FACETWELD_BINARY;
  const auto before = listing();
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.args);
    const Result r = run(c.args);
    EXPECT_EQ(r.exit_code, 2) << r.output;
    ASSERT_FALSE(r.output.empty());
    EXPECT_EQ(r.output.find('\n'), r.output.size() - 1) << "not one line:\n" << r.output;
    EXPECT_EQ(r.output.rfind("facetweld: error: ", 0), 0u) << r.output;
    EXPECT_NE(r.output.find(c.names), std::string::npos) << r.output;
    EXPECT_EQ(r.output.find("internal error"), std::string::npos) << r.output;
    EXPECT_LT(r.wall_s, 10.0) << r.output;
    EXPECT_EQ(listing(), before) << "files left behind";
  }
}

// Endless input (a pipe that never ends) must be refused after a bounded read: endless lines of
// text that are no OUTCAR/OSZICAR, and one endless line.
TEST_F(BadInput, EndlessTextOnStdinIsRefusedAfterABoundedRead) {
  const struct {
    const char* producer;
    const char* type;
    const char* says;
  } cases[] = {{"yes 'a lab notebook line'", "outcar", "not a VASP OUTCAR"},
               {"yes 'a lab notebook line'", "oszicar", "not a VASP OSZICAR"},
               {"yes | tr -d '\\n'", "outcar", "line longer than 16 MiB"}};
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.producer) + " | vasp parse --type " + c.type);
    const fs::path log = root_ / "endless.txt";
    const std::string cmd = std::string("bash -c \"") + c.producer + " | timeout 20 '" +
                            FACETWELD_BINARY + "' vasp parse --type " + c.type +
                            " /dev/stdin\" > '" + log.string() + "' 2>&1";
    const int status = std::system(cmd.c_str());
    std::ifstream in(log);
    const std::string out((std::istreambuf_iterator<char>(in)), {});
    EXPECT_EQ(WIFEXITED(status) ? WEXITSTATUS(status) : -1, 2) << out;
    EXPECT_NE(out.find(c.says), std::string::npos) << out;
    EXPECT_EQ(out.find('\n'), out.size() - 1) << out;
  }
}

// Issue 21: `[weld] temperature = 0` with the Nosé–Hoover chain in a `run` job file crashed the
// weld stage (SIGSEGV); then it stopped only when the weld stage started. It now stops when the
// job file is read (run's [weld] section calls the weld table's cross-field check, as [dft] does),
// naming file:line and the key, whatever stages are switched off.
TEST_F(BadInput, RunJobWithNoseHooverChainAtZeroKelvinExits2NotASignal) {
  const Result r = run("run --no-dft --no-vasp weld_0K.toml");
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_EQ(fw::test::count_occurrences(r.output, "facetweld: error:"), 1u) << r.output;
  EXPECT_NE(r.output.find("weld_0K.toml:3: [weld] temperature: temperature 0 K with thermostat "
                          "nose-hoover-chain"),
            std::string::npos)
      << r.output;
  EXPECT_EQ(r.output.find("internal error"), std::string::npos) << r.output;
  EXPECT_FALSE(fs::exists(dir_ / "res")) << "a stage ran";
  EXPECT_LT(r.wall_s, 10.0) << r.output;
}

// Issue 21, estimates before allocating: under `ulimit -v` (RLIMIT_AS) the DFT memory estimate
// compared itself with the installed memory and the run died of bad_alloc after 50–76 s as an
// "internal error". Now the limit is the smaller one and the refusal names it, at once; and an
// allocation that fails anyway is reported as out of memory naming the limit, not as a bug.
TEST_F(BadInput, AnAddressSpaceLimitIsNamedBeforeTheDftRunAllocates) {
  const auto start = std::chrono::steady_clock::now();
  const fw::test::CommandResult r = fw::test::run_shell(
      "cd " + fw::test::quote(dir_) + " && ulimit -v 3000000 && " +
      fw::test::quote(FACETWELD_BINARY) +
      " edis --engine native --facets 111 --layers 15 --ecut 40Ha --kpts 12x12x1 -o e.json");
  const double wall_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_TRUE(r.exit_code == 1 || r.exit_code == 2) << r.output;
  EXPECT_NE(r.output.find("the address-space limit (ulimit -v)"), std::string::npos) << r.output;
  EXPECT_EQ(r.output.find("internal error"), std::string::npos) << r.output;
  EXPECT_LT(wall_s, 30.0) << r.output;
  EXPECT_FALSE(fs::exists(dir_ / "e.json"));
}

// Issue 21: a relaxation stopped by --relax-max-steps was reported as "--max-steps: an SCF did
// not converge" (the relaxed entry's flag read as an SCF's). It names --relax-max-steps.
TEST_F(BadInput, RelaxationStoppedAtItsStepLimitNamesRelaxMaxSteps) {
  const Result r =
      run("edis --engine native --facets 100 --psp /usr/share/abinit/psp/79au.1.hgh --xc lda "
          "--layers 3 --vacuum 8 --ecut 6Ha --kpts 2x2x1 --lattice-constant crystal --relax "
          "--relax-max-steps 1 -o relax.json");
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("facetweld: error: --relax-max-steps: the relaxation of (100)"),
            std::string::npos)
      << r.output;
  EXPECT_EQ(r.output.find("--max-steps:"), std::string::npos) << r.output;
}

TEST_F(BadInput, SecondRunIntoALockedResultsFolderExits2NamingFolderAndPid) {
  const fs::path results = dir_ / "res";
  fs::create_directories(results);
  const fw::DirLock held(results, "facetweld run");  // as a first run would hold it
  const auto before = listing();
  const Result r = run("run --no-dft --no-weld --no-vasp -o res");
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_EQ(r.output.find('\n'), r.output.size() - 1) << "not one line:\n" << r.output;
  EXPECT_NE(r.output.find("res"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("PID " + std::to_string(::getpid())), std::string::npos) << r.output;
  EXPECT_LT(r.wall_s, 5.0);
  EXPECT_EQ(listing(), before) << "the second run wrote into the locked folder";
}

// Issue 21: `weld` had no folder lock, so two welds into one folder interleaved their runs. The
// second now stops before its rod is built, naming the folder and the holder's PID.
TEST_F(BadInput, SecondWeldIntoALockedFolderExits2NamingFolderAndPid) {
  const fs::path results = dir_ / "w";
  fs::create_directories(results);
  const fw::DirLock held(results, "a welding study");  // as a first weld would hold it
  const auto before = listing();
  const Result r = run("weld --facets facets.json --angles 0 --seeds 1 --time-ps 0 -o w");
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_EQ(r.output.find('\n'), r.output.size() - 1) << "not one line:\n" << r.output;
  EXPECT_NE(r.output.find("facetweld: error: w: in use by a welding study"), std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("PID " + std::to_string(::getpid())), std::string::npos) << r.output;
  EXPECT_LT(r.wall_s, 5.0);
  EXPECT_EQ(listing(), before) << "the second weld wrote into the locked folder";
}

TEST_F(BadInput, FolderLockIsReleasedWhenItsHolderIsKilled) {
  const fs::path folder = dir_ / "res";
  fs::create_directories(folder);
  int ready[2];
  ASSERT_EQ(::pipe(ready), 0);
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    const fw::DirLock lock(folder, "facetweld run");
    const char ok = 1;
    if (::write(ready[1], &ok, 1) != 1) ::_exit(3);
    ::pause();
    ::_exit(0);
  }
  char ok = 0;
  ASSERT_EQ(::read(ready[0], &ok, 1), 1);
  try {
    fw::DirLock second(folder, "facetweld run");
    ADD_FAILURE() << "took a lock held by PID " << child;
  } catch (const fw::InputError& e) {
    EXPECT_EQ(e.source(), folder.string());
    EXPECT_NE(std::string(e.what()).find("PID " + std::to_string(child)), std::string::npos)
        << e.what();
  }
  ::kill(child, SIGKILL);
  int status = 0;
  ::waitpid(child, &status, 0);
  EXPECT_NO_THROW(fw::DirLock after(folder, "facetweld run"));
  ::close(ready[0]);
  ::close(ready[1]);
}
