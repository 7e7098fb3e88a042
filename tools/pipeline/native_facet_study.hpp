/// \file native_facet_study.hpp
/// \brief Native-PBE E_dis of a list of facets, as `facetweld edis --engine native` and the DFT
/// stage of `facetweld run` both compute it: the slab method (with its relaxation), the
/// `--converge` series, or the cut-crystal method — one code path and one facets.json, so the
/// pipeline states exactly what the command would.
#pragma once

#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "dft/facet/cell_cache.hpp"
#include "dft/settings.hpp"
#include "slabs/facet_table.hpp"

namespace fw::pipeline {

/// Something that makes a number of the study unusable: the option to change and why.
struct NativeStudyProblem {
  std::string option;
  std::string message;
};

struct NativeFacetStudy {
  nlohmann::json facets_json;  ///< the facets.json document (engine "native-pbe")
  slabs::FacetTable table;     ///< its entries in the shared schema (what a weld reads)
  /// Method, settings, relaxed or not and the error estimate, in one sentence.
  std::string summary;
  /// Unconverged SCF, relaxation or series, and E_dis ≤ 0 (a slab cheaper than the bulk: the
  /// settings are far from converged). Also listed in facets_json["problems"].
  std::vector<NativeStudyProblem> problems;
  std::string source;  ///< facets.json's file name: what a problem of a computed number names
};

/// Whether the study first computes the functional's own lattice constant (E(V) fit) instead of
/// using settings.a_A: lattice_constant "eos", or "auto" with relax or converge.
bool uses_own_lattice_constant(const dft::DftFacetSettings& settings);

/// Runs the study of `settings` (method "slab" or "cut-crystal"; settings.relax,
/// settings.converge) for every facet, at the E(V) lattice constant first when
/// uses_own_lattice_constant (facets.json then has "lattice_constant" and a_A = a0). Every finished
/// slab-method SCF cell goes through `cells`, so a killed study continues per cell. Files beside
/// `facets_path` (written atomically by the output rank only, as every file of an MPI run): the
/// relaxed slabs
/// `<stem>_<hkl>_relaxed.vasp/.extxyz` and the series plot `<stem>_convergence_layers.svg`;
/// facets.json itself is the caller's to write. `print` gets the table lines (one per facet, one
/// per ionic step or series point).
NativeFacetStudy run_native_facet_study(const dft::DftFacetSettings& settings,
                                        const std::vector<slabs::Miller>& facets,
                                        const std::filesystem::path& facets_path,
                                        dft::CellCache& cells,
                                        const std::function<void(const std::string&)>& print);

/// The problems of `study` as one InputError (exit 2) naming the first one's option, when there
/// are any. Call after facets.json is written, so that the numbers stay inspectable.
void throw_if_problems(const NativeFacetStudy& study);

}  // namespace fw::pipeline
