/// \file cli_options.hpp
/// \brief Option groups shared by several subcommands (element and lattice constant, facets).
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <string>
#include <vector>

#include "slabs/miller.hpp"
#include "slabs/settings.hpp"
#include "tools/settings_cli.hpp"

namespace fw::cli {

/// --element and --a (Å) of a subcommand, from slabs' crystal settings table.
using CrystalOptions = SettingsOptions<slabs::CrystalSettings>;
inline std::unique_ptr<CrystalOptions> add_crystal_options(CLI::App* cmd) {
  return std::make_unique<CrystalOptions>(cmd, slabs::crystal_settings_table(),
                                          std::vector<std::string>{"element", "a"});
}

/// "100,110,111" -> list of Miller indices; errors name `option`.
inline std::vector<slabs::Miller> parse_facet_list(const std::string& text,
                                                   const std::string& option) {
  std::vector<slabs::Miller> facets;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = text.find(',', start);
    const std::string item =
        text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    facets.push_back(slabs::parse_miller(item, option));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return facets;
}

}  // namespace fw::cli
