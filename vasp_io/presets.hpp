/// \file presets.hpp
/// \brief `facetweld vasp prepare`: the study's jobs (`paper`: cut 500-atom crystal) or a
/// converged slab set (`slab`), written as VASP job folders plus manifest.json.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "slabs/miller.hpp"
#include "slabs/settings.hpp"
#include "vasp_io/incar.hpp"
#include "vasp_io/jobs/manifest.hpp"
#include "vasp_io/potcar.hpp"
#include "vasp_io/settings.hpp"

namespace fw::vasp {

/// Defaults come from the settings tables (vasp_io/settings.cpp, slabs/settings.cpp).
struct PrepareOptions {
  std::string preset = default_job_settings().preset;  ///< paper | slab
  std::vector<slabs::Miller> facets = slabs::crystal_settings_table().defaults().facets;
  std::string element = slabs::crystal_settings_table().defaults().element;
  std::optional<double> a_A;  ///< default: 4.08 (paper, experiment) or 4.16 (slab, PBE)
  std::optional<std::filesystem::path> potcar_dir;
  bool skip_potcar = false;  ///< write everything but POTCAR (assemble it on the cluster)
  bool force = false;        ///< write into a folder that already holds a manifest
  // slab preset
  std::vector<int> layers = default_job_settings().layers;  ///< convergence series
  double vacuum_A = default_job_settings().vacuum_A;
};

struct PreparedJobs {
  Manifest manifest;
  std::vector<PotcarInfo> potcars;  ///< one per species (empty with skip_potcar)
  /// No POTCAR written: each folder has a POTCAR.spec instead (no library, or skip_potcar).
  bool potcar_spec_only = false;
};

/// Written instead of POTCAR when no library is at hand: the dataset names the job needs, one a
/// line in POSCAR species order (pymatgen's `potcar_spec` convention, e.g. "Au").
inline constexpr const char* kPotcarSpecFile = "POTCAR.spec";

/// INCARs of the two presets (documented and justified in docs/vasp_io_jobs.md).
Incar paper_incar(const std::string& system);
Incar slab_incar(const std::string& system, bool relax, double encut_eV,
                 const std::string& encut_note);

/// The slab preset's plane-wave cutoff for `element`: 1.74 × ENMAX (the ratio of Au's 400 eV to
/// its 229.9 eV), rounded to 10 eV. ENMAX is the POTCAR's when `potcar_enmax_eV` > 0, else the
/// tabulated one of the recommended dataset (slabs/fcc_metals); an element with neither keeps
/// 400 eV. `note` says which.
double slab_encut_eV(const std::string& element, double potcar_enmax_eV, std::string& note);

/// Writes `<out>/<hkl>/<role>/{INCAR,POSCAR,KPOINTS,POTCAR}` and `<out>/manifest.json`.
/// Without a POTCAR library (no potcar_dir, VASP_PP_PATH unset) or with skip_potcar, each folder
/// gets a POTCAR.spec instead of its POTCAR. InputError, before anything is written, for an
/// unknown preset, a bad lattice constant, layer count or vacuum, a folder that already has a
/// manifest (unless force), or a library that lacks the element's dataset.
PreparedJobs prepare_jobs(const PrepareOptions& options, const std::filesystem::path& out);

}  // namespace fw::vasp
