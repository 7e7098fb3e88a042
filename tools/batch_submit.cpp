/// \file batch_submit.cpp
/// \brief One facetweld command as one batch job (vasp_io/jobs' Slurm and PBS back ends).
#include "tools/batch_submit.hpp"

#include <filesystem>
#include <iostream>

#include "core/error.hpp"
#include "vasp_io/jobs/process.hpp"

namespace fw::cli {

void submit_facetweld_job(const std::string& name, const std::vector<std::string>& arguments,
                          const std::string& scheduler, const vasp::BatchResources& resources) {
  if (scheduler != "slurm" && scheduler != "pbs")
    throw InputError("--scheduler", "expected slurm or pbs, got '" + scheduler + "'");
  // The full executable itself, so the job does not go through the lean launcher's exec.
  const std::string self = std::filesystem::read_symlink("/proc/self/exe").string();
  std::string line = (scheduler == "slurm" ? "srun " : "mpirun ") + vasp::shell_quote(self);
  for (const auto& a : arguments) line += " " + vasp::shell_quote(a);
  const vasp::AttemptCommand command(line, name + ".out", name + ".err", name);
  auto batch = vasp::make_batch_system(scheduler, command, resources);
  const auto folder = std::filesystem::current_path();
  const std::string id = batch->submit(folder, "facetweld-" + name);
  std::cout << "submitted facetweld " << name << " as " << scheduler << " job " << id << " in "
            << folder.string() << " (output " << name << ".out, " << name << ".err)" << std::endl;
}

}  // namespace fw::cli
