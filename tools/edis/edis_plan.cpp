/// \file edis_plan.cpp
/// \brief The refusals of `facetweld edis`, all before anything is printed or written.
#include "tools/edis/edis_plan.hpp"

#include "core/error.hpp"
#include "dft/pseudo/default_pseudopotential.hpp"
#include "dft/pseudo/pseudopotential_for_element.hpp"
#include "md/formats/potential_file.hpp"
#include "slabs/fcc_metals.hpp"
#include "slabs/oriented.hpp"

namespace fw::cli {
namespace {

void check_engine_name(const EdisOptions& o) {
  if (o.engine != "eam" && o.engine != "native")
    throw InputError("--engine", "expected 'eam' or 'native', got '" + o.engine + "'");
}

/// An option the chosen engine does not read is refused, not dropped: the EAM engine reads no
/// [dft] option (it reports unrelaxed and relaxed E_dis at once, so --relax too does nothing);
/// the native engine reads, of the EAM table, only what native_settings() takes over.
void refuse_options_the_engine_ignores(const EdisOptions& o) {
  if (o.engine == "eam") {
    if (const auto keys = o.dft->given_keys(); !keys.empty())
      throw InputError(o.dft->option_name(keys.front()),
                       "does nothing with --engine eam (a native-DFT setting; the EAM engine "
                       "reports unrelaxed and relaxed E_dis at once): leave it out or use "
                       "--engine native");
    return;
  }
  for (const auto& key : o.eam->given_keys())
    if (key != "method" && key != "layers" && key != "vacuum" && key != "fmax")
      throw InputError(o.eam->option_name(key),
                       "does nothing with --engine native (an EAM setting): leave it out or use "
                       "--engine eam");
}

/// The crystal: --element's tabulated lattice constant unless --a is given (slabs/fcc_metals),
/// and a given --a near the tabulated one.
slabs::CrystalSettings crystal_of(const EdisOptions& o) {
  slabs::CrystalSettings crystal = o.crystal->resolve();
  if (o.crystal->given("a"))
    slabs::check_lattice_constant_near_tabulated(crystal.element, crystal.a_A, "--a");
  else
    crystal.a_A = slabs::tabulated_lattice_constant_A(crystal.element, "--element", "--a");
  return crystal;
}

/// The EAM settings: --element's default potential unless --potential is given.
md::EamFacetSettings eam_settings_of(const EdisOptions& o, const slabs::CrystalSettings& crystal) {
  md::EamFacetSettings s = o.eam->resolve();
  if (const slabs::FccMetal* metal = slabs::find_fcc_metal(crystal.element);
      metal && !o.eam->given("potential"))
    s.potential = metal->eam_potential;
  s.a_A = crystal.a_A;
  s.cells = o.cut_crystal->resolve().cells;
  return s;
}

/// The [dft] settings of a native run: the table's options, with --method, --layers, --vacuum,
/// --fmax and --cells taken from the shared (EAM / cut-crystal) options when given.
dft::DftFacetSettings native_settings(const EdisOptions& o, const slabs::CrystalSettings& crystal) {
  const md::EamFacetSettings shared = o.eam->resolve();
  const auto& table_spec = dft::facet_settings_table();
  // The table's own rule sees values only; a mesh given at its default value is caught here.
  for (const char* mesh : {"kpts", "kpts_bulk"})
    if (o.dft->given("kdensity") && o.dft->given(mesh))
      throw InputError("--kdensity",
                       "--kdensity replaces --kpts and --kpts-bulk (both meshes "
                       "from the density): give --kdensity or " +
                           o.dft->option_name(mesh) + ", not both");
  dft::DftFacetSettings s = o.dft->resolve();
  const bool cut = shared.method == "cut-crystal";
  table_spec.set_value(s, "method", settings::Value(shared.method), "--method");
  if (o.eam->given("layers"))
    table_spec.set_value(s, "layers", settings::Value(static_cast<long long>(shared.layers)),
                         "--layers");
  if (o.eam->given("vacuum"))
    table_spec.set_value(s, cut ? "cut_vacuum" : "vacuum", settings::Value(shared.vacuum_A),
                         "--vacuum");
  if (o.eam->given("fmax"))
    table_spec.set_value(s, "fmax", settings::Value(shared.force_tolerance_eV_per_A), "--fmax");
  if (o.cut_crystal->given("cells"))
    table_spec.set_value(s, "cut_cells",
                         settings::Value(static_cast<long long>(o.cut_crystal->resolve().cells)),
                         "--cells");
  // An explicit --a is the user's lattice constant unless they also ask for the E(V) fit (which
  // then samples around it).
  if (o.crystal->given("a") && !o.dft->given("lattice_constant"))
    table_spec.set_value(s, "lattice_constant", settings::Value(std::string("crystal")), "--a");
  table_spec.check_consistency(s, "command line");
  dft::check_relaxation_layers(s, "--relax-fixed-layers");
  s.element = crystal.element;
  s.a_A = crystal.a_A;
  // --element's PBE pseudopotential unless --psp is given (slabs/fcc_metals); a metal without
  // one keeps gold's, which check_edis_options then refuses naming --element.
  if (!o.dft->given("pseudopotential"))
    if (auto psp = dft::find_default_pseudopotential(crystal.element)) s.pseudopotential = *psp;
  return s;
}

}  // namespace

EdisPlan check_edis_options(const EdisOptions& o) {
  check_engine_name(o);
  refuse_options_the_engine_ignores(o);
  EdisPlan plan;
  plan.engine = o.engine;
  plan.crystal = crystal_of(o);
  const std::vector<slabs::Miller>& facets = plan.crystal.facets;
  if (o.engine == "eam") {
    plan.eam = eam_settings_of(o, plan.crystal);
    if (plan.eam.method == "slab")
      slabs::check_slab_vacuum(plan.eam.vacuum_A, plan.eam.a_A, facets, "--vacuum");
    plan.eam_potential_path = md::find_potential_file(plan.eam.potential);
    plan.eam_potential = std::make_shared<const md::EamPotential>(
        md::read_eam_for_element(plan.eam_potential_path, plan.crystal.element, "--element"));
    return plan;
  }
  plan.dft = native_settings(o, plan.crystal);
  if (plan.dft.method == "slab")
    slabs::check_slab_vacuum(plan.dft.vacuum_A, plan.dft.a_A, facets, "--vacuum");
  // Read once here so that a pseudopotential of another element is refused before the study's
  // header is printed (the study reads it again for itself).
  dft::read_pseudopotential_for_element(plan.dft.pseudopotential, plan.crystal.element,
                                        "--element");
  return plan;
}

}  // namespace fw::cli
