/// \file test_ase_interop.cpp
/// \brief Our POSCAR/extxyz files as ASE (python3-ase) and pymatgen read them: same cell and
/// positions.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>

#include "slabs/io/structure_file.hpp"
#include "slabs/oriented.hpp"

using namespace fw;
using namespace fw::slabs;
namespace fs = std::filesystem;

namespace {

/// Debian's interpreter, where python3-ase and python3-pymatgen live (a pyenv python3 may shadow
/// it).
std::string python() {
  return fs::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
}

bool python_module_available(const std::string& module) {
  const std::string cmd = python() + " -c 'import " + module + "' >/dev/null 2>&1";
  return std::system(cmd.c_str()) == 0;
}

/// Runs a python snippet and parses the JSON it prints.
nlohmann::json run_python(const std::string& code) {
  const std::string cmd = python() + " -c '" + code + "' 2>/dev/null";
  std::unique_ptr<FILE, decltype(&pclose)> pipe(popen(cmd.c_str(), "r"), &pclose);
  std::string output;
  char buf[4096];
  while (pipe && fgets(buf, sizeof buf, pipe.get())) output += buf;
  return nlohmann::json::parse(output);
}

void expect_same_structure(const Structure& s, const nlohmann::json& j) {
  for (int i = 0; i < 3; ++i)
    for (int k = 0; k < 3; ++k) EXPECT_NEAR(j["cell"][i][k].get<double>(), s.cell[i][k], 1e-10);
  ASSERT_EQ(j["positions"].size(), s.size());
  for (std::size_t a = 0; a < s.size(); ++a) {
    for (int k = 0; k < 3; ++k)
      EXPECT_NEAR(j["positions"][a][k].get<double>(), s.atoms[a].position[k], 1e-10);
    EXPECT_EQ(j["symbols"][a].get<std::string>(), s.atoms[a].species);
  }
}

Structure slab111() {
  OrientedSpec spec;
  spec.hkl = {1, 1, 1};
  spec.layers = 6;
  spec.repeat_a = 2;
  spec.repeat_b = 2;
  return slab_with_vacuum(spec, 12.0);
}

}  // namespace

TEST(AseInterop, AseReadsOurPoscarAndExtxyzOf111SlabWithTheSameCellAndPositions) {
  if (!python_module_available("ase.io"))
    GTEST_FAIL() << "python3-ase not installed (tools/setup.sh installs it)";
  const Structure s = slab111();
  const fs::path dir = fs::temp_directory_path() / ("fw_ase_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  for (const std::string name : {"slab.vasp", "slab.extxyz"}) {
    write_structure(dir / name, s);
    const std::string code =
        "import json, ase.io; a = ase.io.read(\"" + (dir / name).string() +
        "\"); print(json.dumps({\"cell\": a.cell.tolist(), \"positions\": a.positions.tolist(), "
        "\"symbols\": a.get_chemical_symbols(), \"pbc\": a.pbc.tolist()}))";
    const auto j = run_python(code);
    SCOPED_TRACE(name);
    expect_same_structure(s, j);
  }
  fs::remove_all(dir);
}

TEST(AseInterop, PymatgenReadsOurPoscarWithTheSameLattice) {
  if (!python_module_available("pymatgen.core"))
    GTEST_FAIL() << "python3-pymatgen not installed (tools/setup.sh installs it)";
  const Structure s = slab111();
  const fs::path file =
      fs::temp_directory_path() / ("fw_pmg_" + std::to_string(::getpid()) + ".vasp");
  write_structure(file, s);
  const std::string code =
      "import json; from pymatgen.core import Structure; t = Structure.from_file(\"" +
      file.string() +
      "\"); print(json.dumps({\"cell\": t.lattice.matrix.tolist(), \"positions\": "
      "t.cart_coords.tolist(), "
      "\"symbols\": [x.specie.symbol for x in t]}))";
  expect_same_structure(s, run_python(code));
  fs::remove(file);
}
