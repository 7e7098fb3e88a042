/// \file manifest.hpp
/// \brief manifest.json of a jobs folder: what each job folder computes and how the facet table
/// is assembled from them.
#pragma once

#include <array>
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace fw::vasp {

/// One VASP calculation (one folder).
struct JobSpec {
  std::string name;  ///< folder relative to the jobs folder, e.g. "111/part1"
  std::string role;  ///< crystal | part1 | part2 (cut-crystal); bulk | slab (slab)
  std::array<int, 3> hkl{0, 0, 0};
  int layers = 0;  ///< slab / oriented-bulk atomic planes (0 for the cut crystal)
  int natoms = 0;
  double area_A2 = 0.0;  ///< the A of E_dis: cut area, or in-plane slab cell area
  std::array<int, 3> kmesh{1, 1, 1};
  bool relax = false;  ///< ionic relaxation (IBRION/NSW) in the INCAR
};

struct Manifest {
  std::string preset;  ///< paper | slab
  std::string method;  ///< cut-crystal | slab
  std::string element = "Au";
  double a_A = 0.0;
  std::vector<JobSpec> jobs;
  nlohmann::json settings = nlohmann::json::object();  ///< every input that fixes the numbers

  const JobSpec* find(const std::string& name) const;
};

inline constexpr const char* kManifestFile = "manifest.json";

nlohmann::json to_json(const Manifest& manifest);
/// Reads `<jobs_dir>/manifest.json`; InputError naming the file when absent or malformed.
Manifest read_manifest(const std::filesystem::path& jobs_dir);
void write_manifest(const std::filesystem::path& jobs_dir, const Manifest& manifest);

}  // namespace fw::vasp
