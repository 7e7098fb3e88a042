/// \file cmd_slab.cpp
/// \brief `facetweld slab`: write an (hkl) slab with vacuum and print its geometry.
#include <cstdio>
#include <iostream>

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "slabs/io/structure_file.hpp"
#include "slabs/oriented.hpp"
#include "tools/cli_options.hpp"
#include "tools/command.hpp"

namespace fw::cli {
namespace {

struct SlabOptions {
  CrystalOptions crystal;
  std::string facet = "111";
  int layers = 7;
  double vacuum_A = 12.0;
  std::string repeat = "1x1";
  std::string output = "slab.vasp";
};

std::pair<int, int> parse_repeat(const std::string& text) {
  int n = 0, m = 0;
  char x = 0, extra = 0;
  if (std::sscanf(text.c_str(), "%d%c%d%c", &n, &x, &m, &extra) != 3 || (x != 'x' && x != 'X') ||
      n < 1 || m < 1)
    throw InputError("--repeat", "expected NxM with N, M >= 1 (e.g. 2x2), got '" + text + "'");
  return {n, m};
}

void run_slab(const SlabOptions& o) {
  slabs::OrientedSpec spec;
  spec.element = o.crystal.element;
  spec.a_A = o.crystal.a_A;
  spec.hkl = slabs::parse_miller(o.facet, "--facet");
  spec.layers = o.layers;
  std::tie(spec.repeat_a, spec.repeat_b) = parse_repeat(o.repeat);
  slabs::format_from_filename(o.output, "-o");
  ensure_writable_destination(o.output, "-o");
  const auto slab = slabs::slab_with_vacuum(spec, o.vacuum_A);
  const auto plane = slabs::fcc_plane_geometry(spec.a_A, spec.hkl);
  slabs::write_structure(o.output, slab);
  char line[256];
  std::snprintf(
      line, sizeof line,
      "wrote %s: %s%s slab, %zu atoms, %d layers, in-plane area %.3f Å², layer spacing %.4f Å, "
      "thickness %.3f Å, vacuum %.2f Å\n",
      o.output.c_str(), spec.element.c_str(), slabs::miller_label(plane.hkl).c_str(), slab.size(),
      spec.layers, norm(cross(slab.cell[0], slab.cell[1])), plane.layer_spacing_A,
      slabs::slab_thickness_A(slab), o.vacuum_A);
  std::cout << line;
}

const RegisterCommand kRegistered{
    "slab", [](CLI::App& root) {
      auto opts = std::make_shared<SlabOptions>();
      CLI::App* cmd = root.add_subcommand("slab", "Write an fcc (hkl) slab with vacuum");
      add_crystal_options(cmd, opts->crystal);
      cmd->add_option("--facet", opts->facet,
                      "Miller indices of the surface: 100, 110, 111, 210, \"1,1,0\"")
          ->capture_default_str();
      cmd->add_option("--layers", opts->layers, "Number of atomic layers")->capture_default_str();
      cmd->add_option("--vacuum", opts->vacuum_A, "Vacuum gap between periodic images (Å)")
          ->capture_default_str();
      cmd->add_option("--repeat", opts->repeat, "In-plane repetition of the 1x1 cell, NxM")
          ->capture_default_str();
      cmd->add_option("-o,--output", opts->output, "Output file (*.vasp/POSCAR, *.extxyz, *.lmp)")
          ->capture_default_str();
      cmd->callback([opts] { run_slab(*opts); });
    }};

}  // namespace
}  // namespace fw::cli
