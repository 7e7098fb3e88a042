/// \file stages.hpp
/// \brief The stages of `facetweld run`, each writing its own results into the results folder
/// and skipping itself when its results from identical settings are already there (resume).
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "md/weld/study.hpp"
#include "slabs/facet_table.hpp"
#include "tools/pipeline/run_settings.hpp"

namespace fw::pipeline {

/// What a stage produced, for the summary and the report.
struct StageResult {
  std::string name;
  std::string status;  ///< "done" | "resumed" | "skipped" | "failed"
  double wall_s = 0.0;
  std::string note;  ///< one line for the summary
};

/// Cut crystals (the paper's method) and slab geometry for every facet → geometry.json + files.
nlohmann::json run_geometry_stage(const RunSettings& s, const std::filesystem::path& out,
                                  StageResult& result);

/// EAM E_dis, cut-crystal and slab method, unrelaxed and relaxed → facets_eam.json.
std::optional<slabs::FacetTable> run_eam_stage(const RunSettings& s,
                                               const std::filesystem::path& out,
                                               StageResult& result);

/// Native PBE E_dis by the slab method at the run's (quick) settings → facets_native_pbe.json.
std::optional<slabs::FacetTable> run_dft_stage(const RunSettings& s,
                                               const std::filesystem::path& out,
                                               StageResult& result);

/// VASP job folders of the same cleavages, ready to submit → vasp_jobs/.
void run_vasp_stage(const RunSettings& s, const std::filesystem::path& out, StageResult& result);

/// Two Wulff-shaped rods welding at each angle → weld/ (weld.json, plots, trajectories);
/// resumable per run. The rods' γ come from the first-principles table when the DFT stage wrote
/// one (`dft`, facets_native_pbe.json), from the EAM table otherwise; skipped without either.
std::optional<md::WeldStudy> run_weld_stage(const RunSettings& s,
                                            const std::optional<slabs::FacetTable>& dft,
                                            const std::optional<slabs::FacetTable>& eam,
                                            const std::filesystem::path& out, StageResult& result);

/// The producer of a stage's resumable file (core/file_integrity.hpp): the format and the
/// fingerprint of the stage's settings key (which holds its engine version).
nlohmann::json stage_file_producer(const nlohmann::json& key);

/// The facet table in `file` when its checksum holds and it was written with the same `key`
/// (every setting that determines it): the stage is then "resumed" instead of recomputed. A file
/// that fails is recomputed, with a one-line notice.
std::optional<slabs::FacetTable> resume_facet_table(const std::filesystem::path& file,
                                                    const nlohmann::json& key, StageResult& result);

/// Writes `doc` atomically with the key stored for resume_facet_table and the integrity block.
void write_resumable_json(const std::filesystem::path& file, nlohmann::json doc,
                          const nlohmann::json& key);

/// Writes `table` (settings = key) through write_resumable_json.
void write_resumable_facet_table(const std::filesystem::path& file, slabs::FacetTable table,
                                 const nlohmann::json& key);

}  // namespace fw::pipeline
