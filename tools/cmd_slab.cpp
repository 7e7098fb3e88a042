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
  std::unique_ptr<CrystalOptions> crystal;
  std::unique_ptr<SettingsOptions<slabs::SlabSettings>> slab;
  std::string output = "slab.vasp";
};

void run_slab(const SlabOptions& o) {
  const slabs::CrystalSettings crystal = o.crystal->resolve();
  const slabs::SlabSettings settings = o.slab->resolve();
  slabs::OrientedSpec spec;
  spec.element = crystal.element;
  spec.a_A = crystal.a_A;
  spec.hkl = settings.facet;
  spec.layers = settings.layers;
  spec.repeat_a = settings.repeat_a;
  spec.repeat_b = settings.repeat_b;
  slabs::format_from_filename(o.output, "-o");
  ensure_writable_destination(o.output, "-o");
  const auto slab = slabs::slab_with_vacuum(spec, settings.vacuum_A);
  const auto plane = slabs::fcc_plane_geometry(spec.a_A, spec.hkl);
  slabs::write_structure(o.output, slab);
  char line[256];
  std::snprintf(
      line, sizeof line,
      "wrote %s: %s%s slab, %zu atoms, %d layers, in-plane area %.3f Å², layer spacing %.4f Å, "
      "thickness %.3f Å, vacuum %.2f Å\n",
      o.output.c_str(), spec.element.c_str(), slabs::miller_label(plane.hkl).c_str(), slab.size(),
      spec.layers, norm(cross(slab.cell[0], slab.cell[1])), plane.layer_spacing_A,
      slabs::slab_thickness_A(slab), settings.vacuum_A);
  std::cout << line;
}

const RegisterCommand kRegistered{
    "slab", [](CLI::App& root) {
      auto opts = std::make_shared<SlabOptions>();
      CLI::App* cmd = root.add_subcommand("slab", "Write an fcc (hkl) slab with vacuum");
      opts->crystal = add_crystal_options(cmd);
      opts->slab =
          std::make_unique<SettingsOptions<slabs::SlabSettings>>(cmd, slabs::slab_settings_table());
      cmd->add_option("-o,--output", opts->output, "Output file (*.vasp/POSCAR, *.extxyz, *.lmp)")
          ->capture_default_str();
      cmd->callback([opts] { run_slab(*opts); });
    }};

}  // namespace
}  // namespace fw::cli
