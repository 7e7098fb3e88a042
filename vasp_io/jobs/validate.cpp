/// \file validate.cpp
/// \brief Job folder checks.
#include "vasp_io/jobs/validate.hpp"

#include "core/error.hpp"
#include "slabs/io/structure_file.hpp"
#include "vasp_io/incar.hpp"
#include "vasp_io/kpoints.hpp"
#include "vasp_io/potcar.hpp"

namespace fw::vasp {
namespace fs = std::filesystem;

std::vector<std::string> validate_job_folder(const fs::path& folder, bool require_potcar) {
  std::vector<std::string> problems;
  std::optional<Incar> incar;
  try {
    std::vector<std::string> warnings;
    incar = Incar::read(folder / "INCAR", &warnings);
    for (const auto& w : warnings) problems.push_back(w);
  } catch (const InputError& e) {
    problems.push_back(e.what());
  }
  std::vector<std::string> species;
  try {
    const auto s = slabs::read_structure(folder / "POSCAR");
    species = s.species_order();
    if (s.size() == 0) problems.push_back((folder / "POSCAR").string() + ": no atoms");
  } catch (const InputError& e) {
    problems.push_back(e.what());
  }
  if (fs::exists(folder / "KPOINTS")) {
    try {
      read_kpoints(folder / "KPOINTS");
    } catch (const InputError& e) {
      problems.push_back(e.what());
    }
  } else if (!incar || !incar->has("KSPACING")) {
    problems.push_back((folder / "KPOINTS").string() + ": missing and INCAR sets no KSPACING");
  }
  if (require_potcar) {
    try {
      const auto datasets = read_potcar_headers(folder / "POTCAR");
      std::vector<std::string> elements;
      for (const auto& d : datasets) elements.push_back(d.element);
      if (!species.empty() && elements != species) {
        std::string a, b;
        for (const auto& e : elements) a += " " + e;
        for (const auto& e : species) b += " " + e;
        problems.push_back((folder / "POTCAR").string() + ": datasets" + a +
                           " do not match the POSCAR species" + b);
      }
    } catch (const InputError& e) {
      problems.push_back(e.what());
    }
  }
  return problems;
}

}  // namespace fw::vasp
