/// \file cli_options.hpp
/// \brief Option groups shared by several subcommands (element and lattice constant, facets).
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "slabs/miller.hpp"

namespace fw::cli {

struct CrystalOptions {
  std::string element = "Au";
  double a_A = 4.08;
};

/// Adds --element and --a (Å) to a subcommand.
inline void add_crystal_options(CLI::App* cmd, CrystalOptions& opts) {
  cmd->add_option("--element", opts.element, "Chemical symbol of the fcc metal")
      ->capture_default_str();
  cmd->add_option("--a", opts.a_A, "Cubic lattice constant (Å)")->capture_default_str();
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
