/// \file settings.cpp
/// \brief The vasp_io settings table.
#include "vasp_io/settings.hpp"

namespace fw::vasp {

const settings::Table<JobSettings>& job_settings_table() {
  using settings::bind;
  using settings::Type;
  using S = JobSettings;
  static const settings::Table<S> table(
      "vasp", "VASP job folders",
      {
          bind<S>(
              {.key = "preset",
               .type = Type::Choice,
               .default_value = std::string("paper"),
               .doc = "paper: the study's 500-atom cut crystal; slab: a layer-convergence "
                      "slab series",
               .choices = {"paper", "slab"}},
              [](auto& s) -> auto& { return s.preset; }),
          bind<S>(
              {.key = "potcar_dir",
               .type = Type::Text,
               .default_value = std::string(),
               .doc = "POTCAR library (empty: $VASP_PP_PATH; none: jobs get a POTCAR.spec)"},
              [](auto& s) -> auto& { return s.potcar_dir; }),
          settings::bind_custom<S>(
              {.key = "layers",
               .type = Type::RealList,
               .default_value = std::vector<double>{5, 7, 9, 11},
               .doc = "Slab preset: layer counts of the series (odd: symmetric slabs)",
               .range = settings::between(1, 200),
               .check =
                   [](const settings::Value& v) {
                     for (double n : std::get<std::vector<double>>(v))
                       if (n != static_cast<int>(n))
                         throw std::invalid_argument("layer counts are whole numbers");
                   }},
              [](S& s, const settings::Value& v) {
                s.layers.clear();
                for (double n : std::get<std::vector<double>>(v))
                  s.layers.push_back(static_cast<int>(n));
              },
              [](const S& s) -> settings::Value {
                return std::vector<double>(s.layers.begin(), s.layers.end());
              }),
          bind<S>(
              {.key = "vacuum",
               .type = Type::Real,
               .unit = "Å",
               .default_value = 15.0,
               .doc = "Slab preset: vacuum gap",
               .range = settings::above_at_most(0, 1000)},
              [](auto& s) -> auto& { return s.vacuum_A; }),
      });
  return table;
}

const JobSettings& default_job_settings() {
  static const JobSettings defaults = job_settings_table().defaults();
  return defaults;
}

}  // namespace fw::vasp
