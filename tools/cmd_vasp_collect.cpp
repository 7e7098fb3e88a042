/// \file cmd_vasp_collect.cpp
/// \brief `facetweld vasp collect`: the facet table from finished VASP jobs.
#include <cstdio>
#include <iostream>
#include <memory>

#include "core/atomic_file.hpp"
#include "tools/command.hpp"
#include "vasp_io/jobs/collect.hpp"

namespace fw::cli {
namespace {

struct CollectCli {
  std::string jobs_dir;
  std::string json_path = "facets.json";
};

void run_collect(const CollectCli& c) {
  ensure_writable_destination(c.json_path, "--json");
  const auto table = vasp::collect_facet_table(c.jobs_dir);
  write_file_atomically(c.json_path, table.dump(2) + "\n");
  std::printf("%-8s %-12s %8s %16s %15s %9s\n", "hkl", "method", "layers", "e_dis_eV_per_A2",
              "gamma_J_per_m2", "converged");
  for (const auto& f : table["facets"]) {
    const auto& h = f["hkl"];
    char hkl[32];
    std::snprintf(hkl, sizeof hkl, "(%d%d%d)", h[0].get<int>(), h[1].get<int>(), h[2].get<int>());
    std::printf("%-8s %-12s %8d %16.5f %15.4f %9s\n", hkl, f["method"].get<std::string>().c_str(),
                f["layers"].get<int>(), f["e_dis_eV_per_A2"].get<double>(),
                f["gamma_J_per_m2"].get<double>(), f["converged"].get<bool>() ? "yes" : "no");
  }
  if (table.contains("incomplete"))
    std::cout << table["incomplete"].size() << " facet(s) still waiting for jobs\n";
  std::cout << "wrote " << c.json_path << "\n";
}

const RegisterCommand kRegistered{
    "vasp collect", [](CLI::App& root) {
      auto c = std::make_shared<CollectCli>();
      CLI::App* group =
          command_group(root, "vasp", "VASP jobs: prepare, run, watch, collect, parse");
      CLI::App* cmd = group->add_subcommand(
          "collect", "Write the facet table (facets.json schema, engine vasp) from finished jobs");
      cmd->add_option("jobs", c->jobs_dir, "Jobs folder")->required();
      cmd->add_option("--json", c->json_path, "Output facet table")->capture_default_str();
      cmd->callback([c] { run_collect(*c); });
    }};

}  // namespace
}  // namespace fw::cli
