/// \file cmd_run.cpp
/// \brief `facetweld run`: the whole chain on built-in Au defaults, into one results folder.
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "core/atomic_file.hpp"
#include "core/version.hpp"
#include "slabs/cleave.hpp"
#include "slabs/io/structure_file.hpp"
#include "slabs/oriented.hpp"
#include "tools/cli_options.hpp"
#include "tools/command.hpp"

namespace fw::cli {
namespace {

namespace fs = std::filesystem;

struct RunOptions {
  CrystalOptions crystal;
  std::string facets = "100,110,111";
  int cells = 5;
  double vacuum_A = 10.0;
  std::string output_dir = "facetweld-results";
};

/// E_dis of the paper (Adv. Sci. 2025, VASP PBE, 500-atom cube), eV/Å², for the side-by-side table.
double paper_e_dis_eV_per_A2(const slabs::Miller& hkl) {
  if (hkl == slabs::Miller{1, 0, 0}) return 0.133;
  if (hkl == slabs::Miller{1, 1, 0}) return 0.109;
  if (hkl == slabs::Miller{1, 1, 1}) return 0.087;
  return 0.0;
}

void run_pipeline(const RunOptions& o) {
  const auto facets = parse_facet_list(o.facets, "--facets");
  const fs::path out = o.output_dir;
  struct Row {
    slabs::Miller hkl;
    slabs::CleavedCrystal cut;
    slabs::PlaneGeometry plane;
  };
  std::vector<Row> rows;
  for (const auto& hkl : facets) {
    slabs::CleaveSpec spec{o.crystal.element, o.crystal.a_A, o.cells, slabs::reduce_miller(hkl),
                           o.vacuum_A};
    rows.push_back(
        {spec.hkl, slabs::cleave_crystal(spec), slabs::fcc_plane_geometry(o.crystal.a_A, hkl)});
  }
  ensure_output_folder(out, "-o");

  nlohmann::json geometry = {
      {"element", o.crystal.element},     {"a_A", o.crystal.a_A},
      {"cells_per_edge", o.cells},        {"edge_A", o.cells * o.crystal.a_A},
      {"vacuum_A", o.vacuum_A},           {"code_version", code_version()},
      {"facets", nlohmann::json::array()}};
  std::printf("facetweld run: %s fcc, a = %.4f Å; paper cut crystal %d^3 cells (%.2f Å edge)\n\n",
              o.crystal.element.c_str(), o.crystal.a_A, o.cells, o.cells * o.crystal.a_A);
  std::printf("%-7s %14s %8s %8s %14s %16s %22s\n", "facet", "cut_area_A2", "part1", "part2",
              "area_1x1_A2", "layer_spacing_A", "paper_e_dis_eV_per_A2");
  for (const Row& r : rows) {
    const std::string label = slabs::miller_label(r.hkl);
    const fs::path dir = out / ("cleave_" + std::to_string(r.hkl[0]) + std::to_string(r.hkl[1]) +
                                std::to_string(r.hkl[2]));
    ensure_output_folder(dir, "-o");
    slabs::write_structure(dir / "crystal.vasp", r.cut.crystal);
    slabs::write_structure(dir / "part1.vasp", r.cut.part1);
    slabs::write_structure(dir / "part2.vasp", r.cut.part2);
    slabs::write_structure(dir / "crystal.extxyz", r.cut.crystal);
    const double paper = paper_e_dis_eV_per_A2(r.hkl);
    std::printf("%-7s %14.3f %8zu %8zu %14.4f %16.4f %22s\n", label.c_str(), r.cut.cut_area_A2,
                r.cut.part1.size(), r.cut.part2.size(), r.plane.area_A2, r.plane.layer_spacing_A,
                paper > 0 ? std::to_string(paper).substr(0, 5).c_str() : "-");
    geometry["facets"].push_back(
        {{"hkl", r.hkl},
         {"cut_area_A2", r.cut.cut_area_A2},
         {"atoms_part1", r.cut.part1.size()},
         {"atoms_part2", r.cut.part2.size()},
         {"area_1x1_A2", r.plane.area_A2},
         {"layer_spacing_A", r.plane.layer_spacing_A},
         {"paper_e_dis_eV_per_A2", paper > 0 ? nlohmann::json(paper) : nlohmann::json(nullptr)},
         {"folder", dir.filename().string()}});
  }
  write_file_atomically(out / "geometry.json", geometry.dump(2) + "\n");
  std::printf(
      "\nwrote %s/ (geometry.json, cleave_*/crystal.vasp, part1.vasp, part2.vasp, "
      "crystal.extxyz)\n",
      out.string().c_str());
}

const RegisterCommand kRegistered{
    "run", [](CLI::App& root) {
      auto opts = std::make_shared<RunOptions>();
      CLI::App* cmd = root.add_subcommand("run", "Run the facetweld chain on built-in Au defaults");
      add_crystal_options(cmd, opts->crystal);
      cmd->add_option("--facets", opts->facets, "Facets to cleave, comma separated")
          ->capture_default_str();
      cmd->add_option("--cells", opts->cells, "Cubic cells per edge of the cut crystal")
          ->capture_default_str();
      cmd->add_option("--vacuum", opts->vacuum_A, "Vacuum around the cut crystal (Å)")
          ->capture_default_str();
      cmd->add_option("-o,--output", opts->output_dir, "Results folder")->capture_default_str();
      cmd->callback([opts] { run_pipeline(*opts); });
    }};

}  // namespace
}  // namespace fw::cli
