/// \file manifest.cpp
/// \brief manifest.json reading and writing.
#include "vasp_io/jobs/manifest.hpp"

#include <fstream>

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "core/version.hpp"

namespace fw::vasp {

const JobSpec* Manifest::find(const std::string& name) const {
  for (const auto& job : jobs)
    if (job.name == name) return &job;
  return nullptr;
}

nlohmann::json to_json(const Manifest& m) {
  nlohmann::json jobs = nlohmann::json::array();
  for (const auto& j : m.jobs) {
    jobs.push_back({{"name", j.name},
                    {"role", j.role},
                    {"hkl", j.hkl},
                    {"layers", j.layers},
                    {"natoms", j.natoms},
                    {"area_A2", j.area_A2},
                    {"kmesh", j.kmesh},
                    {"relax", j.relax}});
  }
  return {{"format", "facetweld-vasp-jobs/1"},
          {"preset", m.preset},
          {"method", m.method},
          {"element", m.element},
          {"a_A", m.a_A},
          {"settings", m.settings},
          {"jobs", jobs},
          {"code_version", fw::code_version()}};
}

Manifest read_manifest(const std::filesystem::path& jobs_dir) {
  const auto path = jobs_dir / kManifestFile;
  std::ifstream in(path);
  if (!in)
    throw InputError(path.string(), "no manifest: is " + jobs_dir.string() +
                                        " a folder written by `facetweld vasp prepare`?");
  try {
    const auto j = nlohmann::json::parse(in);
    Manifest m;
    m.preset = j.at("preset").get<std::string>();
    m.method = j.at("method").get<std::string>();
    m.element = j.at("element").get<std::string>();
    m.a_A = j.at("a_A").get<double>();
    m.settings = j.value("settings", nlohmann::json::object());
    for (const auto& e : j.at("jobs")) {
      JobSpec s;
      s.name = e.at("name").get<std::string>();
      s.role = e.at("role").get<std::string>();
      s.hkl = e.at("hkl").get<std::array<int, 3>>();
      s.layers = e.value("layers", 0);
      s.natoms = e.at("natoms").get<int>();
      s.area_A2 = e.at("area_A2").get<double>();
      s.kmesh = e.value("kmesh", std::array<int, 3>{1, 1, 1});
      s.relax = e.value("relax", false);
      m.jobs.push_back(std::move(s));
    }
    return m;
  } catch (const nlohmann::json::exception& e) {
    throw InputError(path.string(), std::string("malformed manifest: ") + e.what());
  }
}

void write_manifest(const std::filesystem::path& jobs_dir, const Manifest& manifest) {
  write_file_atomically(jobs_dir / kManifestFile, to_json(manifest).dump(2) + "\n");
}

}  // namespace fw::vasp
