/// \file cmd_bulk.cpp
/// \brief `facetweld bulk`: write an fcc bulk cell.
#include <iostream>

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "slabs/fcc.hpp"
#include "slabs/io/structure_file.hpp"
#include "tools/cli_options.hpp"
#include "tools/command.hpp"

namespace fw::cli {
namespace {

struct BulkOptions {
  std::unique_ptr<CrystalOptions> crystal;
  std::string cell = "primitive";
  std::string output = "bulk.vasp";
};

void run_bulk(const BulkOptions& o) {
  if (o.cell != "primitive" && o.cell != "conventional")
    throw InputError("--cell", "expected 'primitive' or 'conventional', got '" + o.cell + "'");
  slabs::format_from_filename(o.output, "-o");
  ensure_writable_destination(o.output, "-o");
  const slabs::CrystalSettings crystal = o.crystal->resolve();
  const auto s = slabs::fcc_bulk(
      crystal.element, crystal.a_A,
      o.cell == "primitive" ? slabs::FccCell::primitive : slabs::FccCell::conventional);
  slabs::write_structure(o.output, s);
  std::cout << "wrote " << o.output << ": " << s.size() << " " << crystal.element << " atoms, "
            << o.cell << " fcc cell, a = " << crystal.a_A << " Å, volume " << s.volume() << " Å³\n";
}

const RegisterCommand kRegistered{
    "bulk", [](CLI::App& root) {
      auto opts = std::make_shared<BulkOptions>();
      CLI::App* cmd =
          root.add_subcommand("bulk", "Write an fcc bulk cell (primitive or conventional)");
      opts->crystal = add_crystal_options(cmd);
      cmd->add_option("--cell", opts->cell, "primitive | conventional")->capture_default_str();
      cmd->add_option("-o,--output", opts->output, "Output file (*.vasp/POSCAR, *.extxyz, *.lmp)")
          ->capture_default_str();
      cmd->callback([opts] { run_bulk(*opts); });
    }};

}  // namespace
}  // namespace fw::cli
