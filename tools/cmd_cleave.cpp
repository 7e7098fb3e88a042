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
  std::unique_ptr<CrystalOptions> crystal;
  std::unique_ptr<SettingsOptions<slabs::SlabSettings>> slab;
  std::unique_ptr<SettingsOptions<slabs::CutCrystalSettings>> cut_crystal;
  std::string mode = "paper";
  std::string output_dir = "cleave";
};

void run_cleave(const CleaveOptions& o) {
  if (o.mode != "paper" && o.mode != "slab")
    throw InputError("--mode", "expected 'paper' or 'slab', got '" + o.mode + "'");
  const slabs::CrystalSettings crystal = o.crystal->resolve();
  const slabs::SlabSettings slab_settings = o.slab->resolve();
  slabs::CutCrystalSettings cube = o.cut_crystal->resolve();
  // One --vacuum for both modes; its default is the mode's own (slab gap, or around the cube).
  if (o.slab->given("vacuum")) cube.vacuum_A = slab_settings.vacuum_A;
  const slabs::Miller hkl = slab_settings.facet;
  const fs::path dir = o.output_dir;

  nlohmann::json cut = {{"element", crystal.element},
                        {"a_A", crystal.a_A},
                        {"hkl", hkl},
                        {"mode", o.mode},
                        {"code_version", code_version()}};
  std::vector<std::pair<std::string, slabs::Structure>> files;
  if (o.mode == "paper") {
    slabs::CleaveSpec spec{crystal.element, crystal.a_A, cube.cells, hkl, cube.vacuum_A};
    const slabs::CleavedCrystal c = slabs::cleave_crystal(spec);
    cut.update({{"cells_per_edge", cube.cells},
                {"edge_A", cube.cells * crystal.a_A},
                {"vacuum_A", cube.vacuum_A},
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
    slabs::OrientedSpec spec{
        crystal.element,        crystal.a_A,           hkl, slab_settings.layers,
        slab_settings.repeat_a, slab_settings.repeat_b};
    const auto slab = slabs::slab_with_vacuum(spec, slab_settings.vacuum_A);
    const auto bulk = slabs::oriented_bulk(spec);
    const auto plane = slabs::fcc_plane_geometry(crystal.a_A, hkl);
    cut.update(
        {{"layers", slab_settings.layers},
         {"vacuum_A", slab_settings.vacuum_A},
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
  std::cout << "wrote " << dir.string() << "/: " << o.mode << " cleavage of " << crystal.element
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
      opts->crystal = add_crystal_options(cmd);
      opts->slab = std::make_unique<SettingsOptions<slabs::SlabSettings>>(
          cmd, slabs::slab_settings_table(), std::vector<std::string>{"facet", "layers", "vacuum"});
      opts->cut_crystal = std::make_unique<SettingsOptions<slabs::CutCrystalSettings>>(
          cmd, slabs::cut_crystal_settings_table(), std::vector<std::string>{"cells"});
      cmd->add_option("--mode", opts->mode,
                      "paper (n^3-cell cube cut in two) | slab (slab + oriented bulk)")
          ->capture_default_str();
      cmd->add_option("-o,--output", opts->output_dir, "Output folder")->capture_default_str();
      cmd->callback([opts] { run_cleave(*opts); });
    }};

}  // namespace
}  // namespace fw::cli
