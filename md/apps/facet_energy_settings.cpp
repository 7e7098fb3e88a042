/// \file facet_energy_settings.cpp
/// \brief EAM facet-energy settings: keys, units, defaults, ranges, docs.
#include "md/apps/facet_energy_settings.hpp"
#include "md/formats/potential_file.hpp"
#include "slabs/settings.hpp"

namespace fw::md {

const settings::Table<EamFacetSettings>& eam_facet_settings_table() {
  using settings::between;
  using settings::bind;
  using settings::Type;
  using S = EamFacetSettings;
  static const settings::Table<S> table(
      "eam", "EAM facet energies E_dis (unrelaxed and relaxed)",
      {
          bind<S>(
              {.key = "potential",
               .type = Type::Text,
               .default_value = std::string(kDefaultEamPotential),
               .doc = "EAM file (funcfl/setfl): a path, or a name found in data/ or Debian's "
                      "lammps-data; edis and run default to the element's (Cu_u3.eam, …; "
                      "docs/md.md)"},
              [](auto& s) -> auto& { return s.potential; }),
          bind<S>(
              slabs::facet_method_spec(), [](auto& s) -> auto& { return s.method; }),
          bind<S>(
              {.key = "layers",
               .type = Type::Integer,
               .default_value = 15LL,
               .doc = "Slab method: atomic planes (raised to span two cut-offs if needed)",
               .range = between(slabs::kSlabMethodMinLayers, slabs::kSlabMethodMaxLayers)},
              [](auto& s) -> auto& { return s.layers; }),
          bind<S>(
              {.key = "vacuum",
               .type = Type::Real,
               .unit = "Å",
               .default_value = 15.0,
               .doc = "Slab method: vacuum gap",
               .range = settings::above_at_most(0, 1000)},
              [](auto& s) -> auto& { return s.vacuum_A; }),
          bind<S>(
              {.key = "fmax",
               .type = Type::Real,
               .unit = "eV/Å",
               .default_value = 1e-4,
               .doc = "Relaxation: stop when every force is below this",
               .range = settings::above_at_most(0, 10)},
              [](auto& s) -> auto& { return s.force_tolerance_eV_per_A; }),
          bind<S>(
              {.key = "minimizer",
               .type = Type::Choice,
               .default_value = std::string("cg"),
               .doc = "Relaxation: conjugate gradient (cg) or FIRE",
               .choices = {"cg", "fire"}},
              [](auto& s) -> auto& { return s.minimizer; }),
      });
  return table;
}

}  // namespace fw::md
