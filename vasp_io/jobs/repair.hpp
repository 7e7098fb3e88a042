/// \file repair.hpp
/// \brief The fix ladder: for each recognised failure, the next standard change to the inputs
/// (after custodian's VaspErrorHandler/UnconvergedErrorHandler corrections), applied in the job
/// folder and described for the job's history.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "vasp_io/jobs/errors.hpp"

namespace fw::vasp {

struct Repair {
  std::string error_code;            ///< which failure it answers
  int rung = 0;                      ///< 0 for the first fix of that failure in this job, 1, ...
  std::vector<std::string> actions;  ///< "INCAR: IBRION = 1", "POSCAR <- CONTCAR", ...
};

/// Applies the next fix for the first fatal error in `errors` that still has a rung left, given
/// how many fixes each error code already received in this job (`previous`). Returns nullopt
/// (and changes nothing) when no fix applies — the job then fails for good.
std::optional<Repair> repair_job(const std::filesystem::path& folder,
                                 const std::vector<VaspError>& errors,
                                 const std::map<std::string, int>& previous);

}  // namespace fw::vasp
