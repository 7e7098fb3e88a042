/// \file settings.cpp
/// \brief The welding settings table (keys, units, defaults, ranges, docs), its checks and JSON.
#include "md/weld/settings.hpp"

#include <initializer_list>
#include <sstream>
#include <stdexcept>

#include "core/error.hpp"
#include "core/printf_format.hpp"
#include "md/engine/dynamics.hpp"
#include "md/engine/thermostat.hpp"
#include "md/weld/angle_folder.hpp"
#include "slabs/miller.hpp"

namespace fw::md {
namespace {

using settings::above;
using settings::above_at_most;
using settings::at_least;
using settings::between;
using settings::bind;
using settings::bind_custom;
using settings::Type;
using settings::Value;
using S = WeldSettings;

void check_miller(const Value& v) {
  slabs::parse_miller(std::get<std::string>(v), "");
}

/// A [uvw] direction stored as slabs::Miller, written as "100".
settings::Binding<S> miller_binding(settings::Spec spec, slabs::Miller& (*access)(S&),
                                    const slabs::Miller& (*read)(const S&)) {
  spec.type = Type::Text;
  spec.check = check_miller;
  const std::string key = spec.key;
  return bind_custom<S>(
      std::move(spec),
      [access, key](S& s, const Value& v) {
        access(s) = slabs::parse_miller(std::get<std::string>(v), key);
      },
      [read](const S& s) -> Value { return slabs::miller_compact(read(s)); });
}

/// The table's own entries and the lifted dynamics ones, in the order given.
std::vector<settings::Binding<S>> in_order(
    std::initializer_list<std::vector<settings::Binding<S>>> parts) {
  std::vector<settings::Binding<S>> out;
  for (const auto& part : parts) out.insert(out.end(), part.begin(), part.end());
  return out;
}

/// The shared dynamics entries `keys`, with the welding study's own defaults (a series of seeds
/// seed, seed+1, … that starts at 1; room for the quench of a large pair, 20,000 minimiser
/// iterations) and `facetweld weld`'s option names (--dt-fs, --damping-ps, --ftol).
std::vector<settings::Binding<S>> weld_dynamics(const std::vector<std::string>& keys) {
  auto lifted = lift_dynamics<S>(keys);
  for (auto& b : lifted) {
    if (b.spec.key == "seed") {
      b.spec.default_value = 1LL;
      b.spec.doc = "First random seed (velocities, thermostat noise); the runs use seed, seed+1, …";
    }
    if (b.spec.key == "max_iterations") b.spec.default_value = 20000LL;
    if (b.spec.key == "dt") b.spec.cli_name = "dt-fs";
    if (b.spec.key == "damping") b.spec.cli_name = "damping-ps";
    if (b.spec.key == "force_tolerance") {
      b.spec.doc = "Quench (and rod relaxation) stops below this largest force";
      b.spec.cli_name = "ftol";
    }
  }
  return lifted;
}

}  // namespace

const settings::Table<WeldSettings>& weld_settings_table() {
  static const settings::Table<S> table(
      "weld", "Nanorod welding (EAM MD, control pair, seeds)",
      in_order(
          {{bind<S>(
                {.key = "mode",
                 .type = Type::Choice,
                 .default_value = std::string("side"),
                 .doc = "How the rods meet: side by side (a V of angle θ), end on side, or end "
                        "to end",
                 .choices = {"side", "top", "tip"}},
                [](auto& s) -> auto& { return s.mode; }),
            bind<S>(
                {.key = "substrate",
                 .type = Type::Choice,
                 .default_value = std::string("graphene"),
                 .doc = "Rigid periodic graphene sheet under the rods (Au-C Lennard-Jones), or "
                        "none",
                 .choices = {"graphene", "none"}},
                [](auto& s) -> auto& { return s.substrate; }),
            bind<S>(
                {.key = "sheet",
                 .type = Type::Choice,
                 .default_value = std::string("rigid"),
                 .doc = "Graphene sheet: rigid (frozen, no C-C terms) or flexible (AIREBO C-C; "
                        "engine lammps only)",
                 .choices = {"rigid", "flexible"}},
                [](auto& s) -> auto& { return s.sheet; }),
            bind<S>(
                {.key = "engine",
                 .type = Type::Choice,
                 .default_value = std::string("native"),
                 .doc = "MD engine of the runs: facetweld's own, or LAMMPS (lmp) decks analysed by "
                        "the same code",
                 .choices = {"native", "lammps"}},
                [](auto& s) -> auto& { return s.engine; }),
            bind<S>(
                {.key = "lammps_command",
                 .type = Type::Text,
                 .default_value = std::string("lmp"),
                 .doc = "LAMMPS executable for engine lammps (a path, or a name on $PATH)",
                 .cli_name = "lmp"},
                [](auto& s) -> auto& { return s.lammps_command; }),
            bind<S>(
                {.key = "lammps_ranks",
                 .type = Type::Integer,
                 .default_value = 1LL,
                 .doc = "MPI ranks per LAMMPS run (more than 1: mpirun -np N lmp)",
                 .range = between(1, 4096)},
                [](auto& s) -> auto& { return s.lammps_ranks; }),
            bind<S>(
                {.key = "angles",
                 .type = Type::RealList,
                 .unit = "deg",
                 .default_value = std::vector<double>{0, 20, 40, 60, 80},
                 .doc = "Initial angles between the rods",
                 .range = between(0, 90)},
                [](auto& s) -> auto& { return s.angles_deg; }),
            bind<S>(
                {.key = "seeds",
                 .type = Type::Integer,
                 .default_value = 3LL,
                 .doc = "Runs per angle, and control pairs, with seeds seed, seed+1, ...",
                 .range = between(1, 1000)},
                [](auto& s) -> auto& { return s.seeds; })},
           weld_dynamics({"seed"}),
           {bind<S>(
                {.key = "workers",
                 .type = Type::Integer,
                 .default_value = 0LL,
                 .doc = "Runs in parallel, one core each (0: one per hardware thread)",
                 .range = between(0, 4096)},
                [](auto& s) -> auto& { return s.workers; }),
            bind<S>(
                {.key = "time",
                 .type = Type::Real,
                 .unit = "ps",
                 .default_value = 1.0,
                 .doc = "NVT time per run (study-sized: 20-50 ps)",
                 .range = between(0, 1e4),
                 .cli_name = "time-ps"},
                [](auto& s) -> auto& { return s.time_ps; })},
           weld_dynamics({"temperature", "dt", "thermostat", "damping"}),
           {bind<S>(
                {.key = "radius",
                 .type = Type::Real,
                 .unit = "Å",
                 .default_value = 8.0,
                 .doc = "Inscribed radius of the rod cross-section (nearest side facet)",
                 .range = above_at_most(0, 500)},
                [](auto& s) -> auto& { return s.rod.radius_A; }),
            bind<S>(
                {.key = "length",
                 .type = Type::Real,
                 .unit = "Å",
                 .default_value = 40.0,
                 .doc = "Rod length between the end faces",
                 .range = above_at_most(0, 5000)},
                [](auto& s) -> auto& { return s.rod.length_A; }),
            miller_binding(
                {.key = "axis", .default_value = std::string("100"), .doc = "Rod axis [uvw]"},
                [](S& s) -> slabs::Miller& { return s.rod.axis; },
                [](const S& s) -> const slabs::Miller& { return s.rod.axis; }),
            bind<S>(
                {.key = "wulff_tips",
                 .type = Type::Boolean,
                 .default_value = false,
                 .doc = "Cut the rod ends into Wulff caps (default: flat ends)"},
                [](auto& s) -> auto& { return s.rod.wulff_tips; }),
            bind<S>(
                {.key = "contact_distance",
                 .type = Type::Real,
                 .unit = "Å",
                 .default_value = 3.2,
                 .doc = "Closest inter-rod atom distance at the start",
                 .range = above_at_most(1, 20)},
                [](auto& s) -> auto& { return s.pair.contact_distance_A; }),
            miller_binding(
                {.key = "tilt_axis",
                 .default_value = std::string("011"),
                 .doc = "tip mode without substrate: axis [uvw] (⟂ the rod axis) that rod "
                        "2 is tilted about"},
                [](S& s) -> slabs::Miller& { return s.pair.tilt_axis; },
                [](const S& s) -> const slabs::Miller& { return s.pair.tilt_axis; }),
            bind<S>(
                {.key = "vacuum",
                 .type = Type::Real,
                 .unit = "Å",
                 .default_value = 12.0,
                 .doc = "Empty space around the pair (at least 2 x (LJ cutoff + skin) on "
                        "graphene)",
                 .range = between(0, 500)},
                [](auto& s) -> auto& { return s.pair.vacuum_A; }),
            bind<S>(
                {.key = "control_gap",
                 .type = Type::Real,
                 .unit = "Å",
                 .default_value = 12.0,
                 .doc = "Distance between the rods of the control pair (beyond the EAM cutoff)",
                 .range = between(6, 1000)},
                [](auto& s) -> auto& { return s.control_gap_A; }),
            bind<S>(
                {.key = "reshaping_threshold",
                 .type = Type::Real,
                 .unit = "eV",
                 .default_value = 10.0,
                 .doc = "Control release above which the rods are flagged as reshaping",
                 .range = above(0)},
                [](auto& s) -> auto& { return s.reshaping_threshold_eV; }),
            bind<S>(
                {.key = "substrate_gap",
                 .type = Type::Real,
                 .unit = "Å",
                 .default_value = 3.0,
                 .doc = "Height of the lowest Au atom above the graphene sheet (≈ σ: the 10-4 "
                        "wall minimum)",
                 .range = between(1.5, 10)},
                [](auto& s) -> auto& { return s.substrate_gap_A; })},
           weld_dynamics({"lj_epsilon", "lj_sigma", "lj_cutoff", "potential"}),
           {bind<S>(
               {.key = "minimizer",
                .type = Type::Choice,
                .default_value = std::string("fire"),
                .doc = "Quench minimiser",
                .choices = {"fire", "cg"}},
               [](auto& s) -> auto& { return s.minimizer; })},
           weld_dynamics({"force_tolerance", "max_iterations", "skin"}),
           {bind<S>(
                {.key = "sample_every",
                 .type = Type::Real,
                 .unit = "ps",
                 .default_value = 0.1,
                 .doc = "Neck, angle and interface-CNA sampling interval",
                 .range = above_at_most(0, 1e4),
                 .cli_name = "sample-every-ps"},
                [](auto& s) -> auto& { return s.sample_every_ps; }),
            bind<S>(
                {.key = "trajectory_every",
                 .type = Type::Real,
                 .unit = "ps",
                 .default_value = 0.25,
                 .doc = "extxyz frame interval (0: first and last frames only)",
                 .range = between(0, 1e4),
                 .cli_name = "trajectory-every-ps"},
                [](auto& s) -> auto& { return s.trajectory_every_ps; }),
            bind<S>(
                {.key = "thermo_every",
                 .type = Type::Real,
                 .unit = "ps",
                 .default_value = 0.05,
                 .doc = "thermo.csv interval",
                 .range = above_at_most(0, 1e4),
                 .cli_name = "thermo-every-ps"},
                [](auto& s) -> auto& { return s.thermo_every_ps; }),
            bind<S>(
                {.key = "cna",
                 .type = Type::Choice,
                 .default_value = std::string("adaptive"),
                 .doc = "Common-neighbour analysis: adaptive (OVITO's default) or conventional",
                 .choices = {"adaptive", "conventional"}},
                [](auto& s) -> auto& { return s.cna.mode; }),
            bind<S>(
                {.key = "interface_width",
                 .type = Type::Real,
                 .unit = "Å",
                 .default_value = 4.0,
                 .doc = "Half thickness of the interface slab analysed by CNA",
                 .range = above_at_most(0, 100)},
                [](auto& s) -> auto& { return s.interface_half_width_A; })}}),
      [](const S& s, const std::string& source) {
        using settings::ConsistencyError;
        if (s.lj_cutoff_A < s.lj_sigma_A)
          throw ConsistencyError(source, {"lj_cutoff", "lj_sigma"},
                                 "lj_cutoff must be at least lj_sigma");
        if (s.angles_deg.empty())
          throw ConsistencyError(source, {"angles"}, "give at least one angle");
        if (const std::string why = shared_angle_folder(s.angles_deg); !why.empty())
          throw ConsistencyError(source, {"angles"}, why);
        if (s.thermostat != "none") {
          try {
            check_thermostat_temperature(s.thermostat, s.temperature_K, source);
          } catch (const InputError& e) {
            throw ConsistencyError(source, {"temperature", "thermostat"}, e.message());
          }
        }
        if (s.sheet == "flexible" && s.substrate != "graphene")
          throw ConsistencyError(source, {"sheet", "substrate"},
                                 "sheet flexible needs substrate graphene");
        if (s.sheet == "flexible" && s.engine != "lammps")
          throw ConsistencyError(source, {"sheet", "engine"},
                                 "a flexible sheet (AIREBO C-C) runs only with engine lammps; the "
                                 "native engine has no AIREBO");
        // An angle between rods is one between their long axes, the gyration tensor's largest
        // eigenvector (md/analysis/rods): a direction only where that eigenvalue stands out.
        // Along a prism of length L it is L²/12, across one whose inscribed radius is r at least
        // r²/4 (the disc inside); asking twice as much along gives L ≥ √6 r. Below 3 Å the
        // cross-section is the axis column alone (fcc nearest neighbours are 2.5–2.9 Å apart).
        if (s.rod.radius_A < kMinRodRadiusA)
          throw ConsistencyError(
              source, {"radius"},
              format("radius %g Å leaves the rod one column of atoms, no cross-section: give at "
                     "least %g Å",
                     s.rod.radius_A, kMinRodRadiusA));
        if (s.rod.length_A < kMinRodLengthPerRadius * s.rod.radius_A)
          throw ConsistencyError(
              source, {"length", "radius"},
              format("a rod %g Å long and %g Å in radius has no long axis to measure its angle "
                     "by: give a length of at least √6 × radius = %.2f Å (along the axis its "
                     "gyration L²/12 at least twice the r²/4 across it)",
                     s.rod.length_A, s.rod.radius_A, kMinRodLengthPerRadius * s.rod.radius_A));
        // Rods meeting end to end in vacuum turn about tilt_axis, which must be ⟂ the rod axis.
        const auto& t = s.pair.tilt_axis;
        const auto& a = s.rod.axis;
        if (s.mode == "tip" && s.substrate == "none" &&
            t[0] * a[0] + t[1] * a[1] + t[2] * a[2] != 0)
          throw ConsistencyError(source, {"tilt_axis", "axis"},
                                 "tilt_axis [" + slabs::miller_compact(t) +
                                     "] must be perpendicular to the rod axis [" +
                                     slabs::miller_compact(a) + "]");
      });
  return table;
}

WeldSettings default_weld_settings() {
  return weld_settings_table().defaults();
}

nlohmann::json WeldSettings::study_json() const {
  nlohmann::json j = weld_settings_table().to_json(*this);
  if (substrate == "graphene")
    j["au_c_lj_source"] =
        "Lewis, Jensen, Combe and Barrat, Phys. Rev. B 61, 16084 (2000), Au clusters on "
        "graphite; LAMMPS lj/cut (truncated, not shifted); graphene sheet, C-C 1.42 A, "
        "periodic in x and y, " +
        std::string(sheet == "flexible"
                        ? "flexible: AIREBO C-C (Stuart, Tutein and Harrison, JCP 112, 6472 "
                          "(2000), LAMMPS CH.airebo)"
                        : "rigid: frozen, no C-C terms");
  return j;
}

nlohmann::json WeldSettings::to_json() const {
  nlohmann::json j = study_json();
  for (const char* k : {"angles_deg", "seeds", "seed", "workers", "reshaping_threshold_eV",
                        "lammps_command", "lammps_ranks"})
    j.erase(k);
  return j;
}

void check_weld_settings(const WeldSettings& s) {
  weld_settings_table().validate(s, "weld settings");
  parse_weld_mode(s.mode, "mode");
  check_time_step(s.dt_fs * 1e-3, "--dt-fs");
  check_cna_settings(CnaSettings{s.cna.mode, s.cna.cutoff_A > 0 ? s.cna.cutoff_A : 1.0, 0.0},
                     "--cna");
}

void check_weld_lattice_constant(const slabs::FacetTable& table, const std::string& source) {
  if (!(table.a_A >= kWeldLatticeConstantMinA && table.a_A <= kWeldLatticeConstantMaxA)) {
    std::ostringstream msg;
    msg << "a_A = " << table.a_A << " Å is outside [" << kWeldLatticeConstantMinA << ", "
        << kWeldLatticeConstantMaxA << "] Å, the cubic lattice constant of an fcc metal (Au 4.08)";
    throw InputError(source, msg.str());
  }
}

}  // namespace fw::md
