/// \file stage_vasp.cpp
/// \brief VASP stage: job folders for the same cleavages, ready to submit on a cluster.
#include <chrono>
#include <cstdlib>

#include "core/error.hpp"
#include "tools/pipeline/stages.hpp"
#include "vasp_io/presets.hpp"

namespace fw::pipeline {

void run_vasp_stage(const RunSettings& s, const std::filesystem::path& out, StageResult& result) {
  const auto start = std::chrono::steady_clock::now();
  result.name = "vasp";
  vasp::PrepareOptions options;
  options.preset = s.vasp.jobs.preset;
  options.vacuum_A = s.vasp.jobs.vacuum_A;
  options.layers = s.vasp.jobs.layers;
  options.facets = s.facets;
  options.element = s.element;
  options.a_A = s.a_A;
  options.force = true;  // the run folder is ours: refresh the jobs on every run
  // Without potcar_dir or $VASP_PP_PATH, prepare_jobs writes POTCAR.spec files instead.
  if (s.vasp.jobs.potcar_dir == "none")
    options.skip_potcar = true;
  else if (!s.vasp.jobs.potcar_dir.empty())
    options.potcar_dir = s.vasp.jobs.potcar_dir;
  const auto prepared = vasp::prepare_jobs(options, out / "vasp_jobs");
  const char* env = std::getenv("VASP_PP_PATH");
  const std::string library = !s.vasp.jobs.potcar_dir.empty() ? s.vasp.jobs.potcar_dir
                              : env                           ? env
                                                              : "";
  result.status = "done";
  result.note =
      std::to_string(prepared.manifest.jobs.size()) + " VASP jobs (" + s.vasp.jobs.preset +
      " preset) in vasp_jobs/" +
      (prepared.potcar_spec_only
           ? std::string(options.skip_potcar ? "; potcar_dir = \"none\""
                                             : "; no POTCAR library ($VASP_PP_PATH unset)") +
                 ": POTCAR.spec names the datasets each job needs"
           : "; POTCAR from " + library);
  result.wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace fw::pipeline
