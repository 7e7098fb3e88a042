/// \file test_cna.cpp
/// \brief Common-neighbour analysis: ideal fcc, hcp, bcc and surfaces, strain (adaptive vs
/// conventional), and per-atom agreement with LAMMPS's compute cna/atom.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "core/error.hpp"
#include "md/analysis/cna.hpp"
#include "md/formats/lammps_data.hpp"
#include "md_test_helpers.hpp"

namespace fw::md {
namespace {

constexpr double kA = 4.08;

/// Ideal hcp with the fcc nearest-neighbour distance, c/a = √(8/3), orthohexagonal cell.
System hcp_crystal(int n0, int n1, int n2) {
  const double a = kA / std::sqrt(2.0), c = a * std::sqrt(8.0 / 3.0), b = a * std::sqrt(3.0);
  System s;
  s.cell = Mat3::diagonal(n0 * a, n1 * b, n2 * c);
  const int t = s.type_index("Au", 196.97);
  const double basis[4][3] = {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 1.0 / 6.0, 0.5}, {0, 2.0 / 3.0, 0.5}};
  for (int i = 0; i < n0; ++i)
    for (int j = 0; j < n1; ++j)
      for (int k = 0; k < n2; ++k)
        for (const auto& f : basis)
          s.add_atom(t, Vec3{(i + f[0]) * a, (j + f[1]) * b, (k + f[2]) * c});
  return s;
}

System bcc_crystal(int n, double a) {
  System s;
  s.cell = Mat3::diagonal(n * a, n * a, n * a);
  const int t = s.type_index("Fe", 55.845);
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j)
      for (int k = 0; k < n; ++k) {
        s.add_atom(t, Vec3{i * a, j * a, k * a});
        s.add_atom(t, Vec3{(i + 0.5) * a, (j + 0.5) * a, (k + 0.5) * a});
      }
  return s;
}

CnaSettings mode(const std::string& m) {
  CnaSettings c;
  c.mode = m;
  return c;
}

TEST(Cna, PerfectFccIsAllFccInBothModes) {
  const System s = test::fcc_crystal(4, 4, 4, kA);
  for (const char* m : {"adaptive", "conventional"}) {
    const CnaCounts c = count_cna(common_neighbor_analysis(s, mode(m)));
    EXPECT_EQ(c.of(CnaType::fcc), static_cast<long>(s.size())) << m;
  }
}

TEST(Cna, IdealHcpIsAllHcp) {
  const System s = hcp_crystal(4, 3, 3);
  for (const char* m : {"adaptive", "conventional"}) {
    const CnaCounts c = count_cna(common_neighbor_analysis(s, mode(m)));
    EXPECT_EQ(c.of(CnaType::hcp), static_cast<long>(s.size())) << m;
  }
}

TEST(Cna, BccIsAllBcc) {
  const double a = 2.87;
  const System s = bcc_crystal(5, a);
  CnaSettings adaptive = mode("adaptive");
  EXPECT_EQ(count_cna(common_neighbor_analysis(s, adaptive)).of(CnaType::bcc),
            static_cast<long>(s.size()));
  // Conventional bcc cutoff lies between the 2nd (a) and 3rd (√2 a) shells.
  CnaSettings conv = mode("conventional");
  conv.cutoff_A = 0.5 * (1.0 + std::sqrt(2.0)) * a;
  EXPECT_EQ(count_cna(common_neighbor_analysis(s, conv)).of(CnaType::bcc),
            static_cast<long>(s.size()));
}

TEST(Cna, SurfaceAtomsAreOtherAndTheSlabInteriorFcc) {
  System s = test::fcc_crystal(4, 4, 5, kA);
  s.pbc = {true, true, false};  // (001) surfaces at the bottom and top
  const auto types = common_neighbor_analysis(s);
  double z_max = -1e9, z_min = 1e9;
  for (std::size_t i = 0; i < s.size(); ++i)
    z_max = std::max(z_max, s.x[3 * i + 2]), z_min = std::min(z_min, s.x[3 * i + 2]);
  for (std::size_t i = 0; i < s.size(); ++i) {
    const double z = s.x[3 * i + 2];
    if (z > z_max - 1e-6 || z < z_min + 1e-6) {
      EXPECT_EQ(types[i], CnaType::other) << "surface atom " << i;
    } else if (z > z_min + 0.6 * kA && z < z_max - 0.6 * kA) {
      EXPECT_EQ(types[i], CnaType::fcc) << "interior atom " << i;
    }
  }
}

TEST(Cna, AdaptiveFollowsAStrainedLatticeWhereAFixedCutoffFails) {
  // 25 % larger lattice: the first shell (3.61 Å) lies beyond the fixed 3.485 Å cutoff.
  const System s = test::fcc_crystal(4, 4, 4, 1.25 * kA);
  EXPECT_EQ(count_cna(common_neighbor_analysis(s, mode("adaptive"))).of(CnaType::fcc),
            static_cast<long>(s.size()));
  EXPECT_EQ(count_cna(common_neighbor_analysis(s, mode("conventional"))).of(CnaType::fcc), 0);
}

TEST(Cna, ThermalNoiseKeepsFccAndCountsSubsets) {
  System s = test::fcc_crystal(4, 4, 4, kA);
  test::perturb(s, 0.08, 7);
  const auto types = common_neighbor_analysis(s);
  EXPECT_EQ(count_cna(types).of(CnaType::fcc), static_cast<long>(s.size()));
  const CnaCounts some = count_cna(types, {0, 1, 2});
  EXPECT_EQ(some.total(), 3);
  EXPECT_DOUBLE_EQ(some.fraction(CnaType::fcc), 1.0);
}

TEST(Cna, RejectsUnknownModeAndBadCutoff) {
  EXPECT_THROW(check_cna_settings(mode("ptm"), "--cna"), InputError);
  CnaSettings c;
  c.cutoff_A = 0;
  EXPECT_THROW(check_cna_settings(c, "--cna"), InputError);
}

/// Per-atom codes from LAMMPS's compute cna/atom (1 fcc … 5 unknown) at `cutoff_A`.
std::vector<int> lammps_cna(const System& system, double cutoff_A,
                            const std::filesystem::path& dir) {
  std::filesystem::create_directories(dir);
  write_lammps_data(dir / "data.lmp", system);
  std::string boundary;
  for (bool p : system.pbc) boundary += p ? "p " : "s ";
  std::ofstream in(dir / "in.cna");
  in << "units metal\natom_style atomic\nboundary " << boundary << "\nread_data data.lmp\n"
     << "pair_style zero 6.0\npair_coeff * *\nneighbor 1.0 bin\n"
     << "compute c all cna/atom " << cutoff_A << "\n"
     << "dump d all custom 1 cna.dump id c_c\ndump_modify d sort id\nrun 0\n";
  in.close();
  const std::string cmd =
      "cd '" + dir.string() + "' && lmp -in in.cna -log log.lammps -screen none";
  if (std::system(cmd.c_str()) != 0) throw std::runtime_error("lmp failed in " + dir.string());
  std::ifstream dump(dir / "cna.dump");
  std::string line;
  std::vector<int> codes(system.size(), 0);
  while (std::getline(dump, line))
    if (line.rfind("ITEM: ATOMS", 0) == 0)
      for (std::size_t k = 0; k < system.size(); ++k) {
        int id;
        double code;
        dump >> id >> code;
        codes[static_cast<std::size_t>(id - 1)] = static_cast<int>(code);
      }
  return codes;
}

TEST(Cna, ConventionalMatchesLammpsCnaAtomPerAtom) {
  if (!test::have_lammps()) GTEST_FAIL() << "lmp (LAMMPS) not installed";
  // A disordered mix: hcp and fcc blocks with strong noise, periodic, plus an open cluster.
  std::vector<System> cases;
  System bulk = test::fcc_crystal(5, 5, 5, kA);
  test::perturb(bulk, 0.45, 3);
  cases.push_back(bulk);
  System hcp = hcp_crystal(4, 3, 3);
  test::perturb(hcp, 0.4, 5);
  cases.push_back(hcp);
  System cluster = test::fcc_crystal(4, 4, 4, kA);
  cluster.pbc = {false, false, false};
  cluster.cell = Mat3::diagonal(40, 40, 40);
  test::perturb(cluster, 0.1, 9);
  cases.push_back(cluster);
  CnaSettings conv = mode("conventional");
  for (std::size_t c = 0; c < cases.size(); ++c) {
    const System& s = cases[c];
    const auto ours = common_neighbor_analysis(s, conv);
    const auto theirs =
        lammps_cna(s, conv.cutoff_A,
                   std::filesystem::temp_directory_path() / ("fw_cna_lammps_" + std::to_string(c)));
    long mismatches = 0;
    std::array<long, 5> hist{};
    for (std::size_t i = 0; i < s.size(); ++i) {
      mismatches += static_cast<int>(ours[i]) != theirs[i];
      ++hist[static_cast<std::size_t>(static_cast<int>(ours[i]) - 1)];
    }
    EXPECT_EQ(mismatches, 0) << "case " << c;
    // The cases must exercise more than one type, or the comparison proves little.
    EXPECT_GE(std::count_if(hist.begin(), hist.end(), [](long n) { return n > 0; }), 2)
        << "case " << c;
  }
}

}  // namespace
}  // namespace fw::md
