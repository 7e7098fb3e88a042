/// \file validate.hpp
/// \brief Checks that a job folder is one VASP accepts (VASP wiki rules): known INCAR tags with
/// values of the right type, a readable POSCAR, KPOINTS syntax (or KSPACING), and POTCAR datasets
/// in the POSCAR species order.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace fw::vasp {

/// One line per problem; empty when the folder is ready to run.
std::vector<std::string> validate_job_folder(const std::filesystem::path& folder,
                                             bool require_potcar = true);

}  // namespace fw::vasp
