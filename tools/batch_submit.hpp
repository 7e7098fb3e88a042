/// \file batch_submit.hpp
/// \brief A heavy facetweld command (`scf`, `edis --engine native`) submitted as one Slurm/PBS
/// job through the batch-system interface of `facetweld vasp run`.
#pragma once

#include <string>
#include <vector>

#include "vasp_io/jobs/batch_system.hpp"

namespace fw::cli {

/// Writes the batch script into the current folder and submits `facetweld <arguments>` (the
/// subcommand and its options as the user gave them, without --scheduler) as one job: `srun`
/// under Slurm, `mpirun` under PBS, output in <name>.out and <name>.err. Relative paths stay
/// valid because the script runs in this folder. Prints the job id. Throws InputError for a
/// scheduler other than slurm or pbs.
void submit_facetweld_job(const std::string& name, const std::vector<std::string>& arguments,
                          const std::string& scheduler, const vasp::BatchResources& resources);

}  // namespace fw::cli
