/// \file cmd_cleave.cpp
/// \brief `facetweld cleave`: the paper's cut crystal and its two parts, or a slab and its bulk.
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "core/version.hpp"
#include "slabs/cleave.hpp"
#include "slabs/io/structure_file.hpp"
#include "slabs/oriented.hpp"
#include "tools/cli_options.hpp"
#include "tools/command.hpp"

namespace fw::cli {
namespace {

namespace fs = std::filesystem;

struct CleaveOptions {
  CrystalOptions crystal;
  std::string facet = "111";
  std::string mode = "paper";
  int cells = 5;
  double vacuum_A = 10.0;
  int layers = 9;
  std::string output_dir = "cleave";
};

void run_cleave(const CleaveOptions& o) {
  const slabs::Miller hkl = slabs::parse_miller(o.facet, "--facet");
  if (o.mode != "paper" && o.mode != "slab")
    throw InputError("--mode", "expected 'paper' or 'slab', got '" + o.mode + "'");
  const fs::path dir = o.output_dir;

  nlohmann::json cut = {{"element", o.crystal.element},
                        {"a_A", o.crystal.a_A},
                        {"hkl", hkl},
                        {"mode", o.mode},
                        {"code_version", code_version()}};
  std::vector<std::pair<std::string, slabs::Structure>> files;
  if (o.mode == "paper") {
    slabs::CleaveSpec spec{o.crystal.element, o.crystal.a_A, o.cells, hkl, o.vacuum_A};
    const slabs::CleavedCrystal c = slabs::cleave_crystal(spec);
    cut.update({{"cells_per_edge", o.cells},
                {"edge_A", o.cells * o.crystal.a_A},
                {"vacuum_A", o.vacuum_A},
                {"cut_area_A2", c.cut_area_A2},
                {"plane_offset_from_centre_A", c.plane_offset_A},
                {"atoms_crystal", c.crystal.size()},
                {"atoms_part1", c.part1.size()},
                {"atoms_part2", c.part2.size()},
                {"files", {"crystal.vasp", "part1.vasp", "part2.vasp", "crystal.extxyz"}}});
    files = {{"crystal.vasp", c.crystal},
             {"part1.vasp", c.part1},
             {"part2.vasp", c.part2},
             {"crystal.extxyz", c.crystal}};
  } else {
    slabs::OrientedSpec spec{o.crystal.element, o.crystal.a_A, hkl, o.layers, 1, 1};
    const auto slab = slabs::slab_with_vacuum(spec, o.vacuum_A);
    const auto bulk = slabs::oriented_bulk(spec);
    const auto plane = slabs::fcc_plane_geometry(o.crystal.a_A, hkl);
    cut.update(
        {{"layers", o.layers},
         {"vacuum_A", o.vacuum_A},
         {"area_A2", plane.area_A2},
         {"cut_area_A2", plane.area_A2},
         {"layer_spacing_A", plane.layer_spacing_A},
         {"atoms_slab", slab.size()},
         {"atoms_bulk", bulk.size()},
         {"note",
          "E_dis = (E_slab - E_bulk)/A: the slab has two surfaces of area A, so E_dis = 2 gamma"},
         {"files", {"slab.vasp", "bulk.vasp"}}});
    files = {{"slab.vasp", slab}, {"bulk.vasp", bulk}};
  }

  ensure_output_folder(dir, "-o");
  for (const auto& [name, s] : files) slabs::write_structure(dir / name, s);
  write_file_atomically(dir / "cut.json", cut.dump(2) + "\n");
  std::cout << "wrote " << dir.string() << "/: " << o.mode << " cleavage of " << o.crystal.element
            << slabs::miller_label(hkl) << ", cut area " << cut["cut_area_A2"].get<double>()
            << " Å²";
  if (o.mode == "paper")
    std::cout << ", " << cut["atoms_part1"] << " + " << cut["atoms_part2"] << " = "
              << cut["atoms_crystal"] << " atoms";
  std::cout << "\n";
}

const RegisterCommand kRegistered{
    "cleave", [](CLI::App& root) {
      auto opts = std::make_shared<CleaveOptions>();
      CLI::App* cmd = root.add_subcommand(
          "cleave", "Cut a crystal along (hkl): the paper's cube or a slab + oriented bulk");
      add_crystal_options(cmd, opts->crystal);
      cmd->add_option("--facet", opts->facet, "Miller indices of the cut plane")
          ->capture_default_str();
      cmd->add_option("--mode", opts->mode,
                      "paper (n^3-cell cube cut in two) | slab (slab + oriented bulk)")
          ->capture_default_str();
      cmd->add_option("--cells", opts->cells,
                      "paper mode: cubic cells per edge (5 -> 500 atoms, 20.4 Å)")
          ->capture_default_str();
      cmd->add_option("--layers", opts->layers, "slab mode: atomic layers")->capture_default_str();
      cmd->add_option("--vacuum", opts->vacuum_A,
                      "Vacuum around the crystal / between slab images (Å)")
          ->capture_default_str();
      cmd->add_option("-o,--output", opts->output_dir, "Output folder")->capture_default_str();
      cmd->callback([opts] { run_cleave(*opts); });
    }};

}  // namespace
}  // namespace fw::cli
