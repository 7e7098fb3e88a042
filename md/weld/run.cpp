/// \file run.cpp
/// \brief Relaxed rod, one welding run (NVT then quench) and its analysis and files.
#include "md/weld/run.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <limits>
#include <memory>
#include <numbers>

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "md/analysis/rods.hpp"
#include "md/apps/au_c_settings.hpp"
#include "md/apps/graphene.hpp"
#include "md/engine/dynamics.hpp"
#include "md/engine/force_fields.hpp"
#include "md/engine/minimizer.hpp"
#include "md/engine/velocities.hpp"
#include "md/formats/potential_file.hpp"
#include "md/formats/structure_bridge.hpp"
#include "md/formats/thermo_csv.hpp"
#include "md/weld/engine_native.hpp"
#include "md/weld/engines.hpp"
#include "slabs/oriented.hpp"

namespace fw::md {
namespace {

double bond_cutoff_A(double a_A) {
  return 0.5 * (1.0 + 1.0 / std::sqrt(2.0)) * a_A;  // midway between the 1st and 2nd fcc shells
}

long steps_of(double time_ps, double dt_ps) {
  return std::lround(time_ps / dt_ps);
}

std::shared_ptr<const EamPotential> load_potential(
    const WeldSettings& s, std::vector<std::pair<std::string, double>>& masses) {
  const auto path = find_potential_file(s.potential, "--potential");
  auto pot = std::make_shared<const EamPotential>(EamPotential::read(path));
  masses = potential_masses(*pot);
  return pot;
}

/// The run's MD system: the pair, plus the rigid graphene sheet under it (periodic in-plane).
System pair_system(const WeldSettings& s, const WeldPair& pair,
                   const std::vector<std::pair<std::string, double>>& masses) {
  System system = system_from_structure(pair.structure, masses);
  if (s.substrate == "graphene") {
    double z_min = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < system.size(); ++i) z_min = std::min(z_min, system.x[3 * i + 2]);
    const Mat3& h = system.cell;
    const std::size_t first = system.size();
    add_graphene_sheet(system, 0.0, 0.0, h[0].x, h[1].y, z_min - s.substrate_gap_A);
    if (s.sheet == "flexible")  // AIREBO C–C: the sheet moves (lammps engine)
      for (std::size_t i = first; i < system.size(); ++i) system.frozen[i] = 0;
  }
  return system;
}

/// The rod atoms alone (tags 1/2), open boundaries and unwrapped positions: what the neck, axis
/// and CNA analyses see (the substrate would spoil the CNA signatures of the bottom atoms).
System rods_only(const System& system, const std::vector<int>& rod_by_id, std::vector<int>& rods,
                 std::vector<std::size_t>& index_in_full) {
  System out;
  out.cell = system.cell;
  out.pbc = {false, false, false};
  rods.clear();
  index_in_full.clear();
  for (std::size_t i : system.indices_in_input_order()) {
    const int rod = rod_by_id[static_cast<std::size_t>(system.id[i])];
    if (rod == 0) continue;
    const int t = out.type_index(system.type_names[static_cast<std::size_t>(system.type[i])],
                                 system.mass_amu(i));
    out.add_atom(t, system.unwrapped_position(i));
    rods.push_back(rod);
    index_in_full.push_back(i);
  }
  return out;
}

CnaSettings cna_settings(const WeldSettings& s, double a_A) {
  CnaSettings c = s.cna;
  if (!(c.cutoff_A > 0)) c.cutoff_A = bond_cutoff_A(a_A);
  return c;
}

/// What the analyses need besides the state.
struct Analysis {
  CnaSettings cna;
  double bond_cutoff_A;
  double half_width_A;
  InterfaceNormal normal;
  /// Top mode: θ is rod 2's tilt from the perpendicular (a T at θ = 0), so the angle between the
  /// long axes is reported as 90° − it. Every angle of a run (samples, end of dynamics, after the
  /// quench, rotation) then means θ of the mode (docs/weld.md).
  bool angle_from_perpendicular = false;
};

/// The run's angle θ from the angle between the rods' long axes, [0, 90]°.
double weld_angle_deg(const Analysis& a, double axis_angle_deg) {
  return a.angle_from_perpendicular ? 90.0 - axis_angle_deg : axis_angle_deg;
}

/// Samples neck, angle and interface CNA of the current state; `rods_out` gets the rod atoms (in
/// input order) with their CNA types in `types_out`.
WeldSample sample(const System& full, const std::vector<int>& rod_by_id, const Analysis& a,
                  const ThermoState& state, System* rods_out = nullptr,
                  std::vector<int>* tags_out = nullptr, std::vector<CnaType>* types_out = nullptr) {
  std::vector<int> rods;
  std::vector<std::size_t> index;
  const System system = rods_only(full, rod_by_id, rods, index);
  const WeldSnapshot snap = analyse_weld(system, rods, a.bond_cutoff_A, a.half_width_A, a.normal);
  const std::vector<CnaType> types = common_neighbor_analysis(system, a.cna);
  WeldSample s;
  s.time_ps = state.time_ps;
  s.potential_eV = state.potential_eV;
  s.temperature_K = state.temperature_K;
  s.angle_deg = weld_angle_deg(a, snap.angle_deg);
  s.neck_bridge_atoms = snap.neck.bridge_atoms;
  s.cross_bonds = snap.neck.cross_bonds;
  s.neck_radius_A = snap.neck.radius_A;
  s.interface_atoms = static_cast<long>(snap.interface_atoms.size());
  s.interface_cna = count_cna(types, snap.interface_atoms);
  std::vector<std::size_t> interior;
  for (std::size_t i : snap.interface_atoms)
    if (snap.interior[i]) interior.push_back(i);
  s.interface_interior_cna = interior.empty() ? CnaCounts{} : count_cna(types, interior);
  if (types_out) *types_out = types;
  if (tags_out) *tags_out = rods;
  if (rods_out) *rods_out = system;
  return s;
}

/// extxyz frame with the rod tag and the CNA type per atom (OVITO colours by either);
/// `rod_by_id` is indexed by System::id, `types` by the current index (empty: 0).
void write_tagged_frame(std::ostream& out, const System& system, const std::vector<int>& rod_by_id,
                        const std::vector<CnaType>& types, const ThermoState* state) {
  char buf[512];
  const Mat3& h = system.cell;
  out << system.size() << "\n";
  std::snprintf(buf, sizeof buf,
                "Lattice=\"%.8f %.8f %.8f %.8f %.8f %.8f %.8f %.8f %.8f\" "
                "Properties=species:S:1:pos:R:3:rod:I:1:cna:I:1 pbc=\"%c %c %c\"",
                h[0].x, h[0].y, h[0].z, h[1].x, h[1].y, h[1].z, h[2].x, h[2].y, h[2].z,
                system.pbc[0] ? 'T' : 'F', system.pbc[1] ? 'T' : 'F', system.pbc[2] ? 'T' : 'F');
  out << buf;
  if (state) {
    std::snprintf(buf, sizeof buf, " step=%ld time_ps=%.4f energy=%.8f temperature_K=%.3f",
                  state->step, state->time_ps, state->potential_eV, state->temperature_K);
    out << buf;
  }
  out << "\n";
  for (std::size_t i : system.indices_in_input_order()) {
    const Vec3 p = system.unwrapped_position(i);
    std::snprintf(buf, sizeof buf, "%-3s %.6f %.6f %.6f %d %d\n",
                  system.type_names[static_cast<std::size_t>(system.type[i])].c_str(), p.x, p.y,
                  p.z, rod_by_id[static_cast<std::size_t>(system.id[i])],
                  types.empty() ? 0 : static_cast<int>(types[i]));
    out << buf;
  }
}

/// Records the time series and writes tagged trajectory frames (rod atoms) during the dynamics.
class WeldObserver : public Observer {
 public:
  WeldObserver(const std::filesystem::path& trajectory, long sample_every, long trajectory_every,
               const std::vector<int>& rod_by_id, const Analysis& analysis)
      : out_(trajectory),
        sample_every_(sample_every),
        trajectory_every_(trajectory_every),
        rod_by_id_(rod_by_id),
        analysis_(analysis) {
    if (!out_) throw InputError(trajectory.string(), "cannot write the trajectory");
  }
  long every() const override { return sample_every_; }
  void observe(const System& system, const ThermoState& state) override {
    System rods;
    std::vector<int> tags;
    std::vector<CnaType> types;
    samples.push_back(sample(system, rod_by_id_, analysis_, state, &rods, &tags, &types));
    if (trajectory_every_ > 0 && state.step % trajectory_every_ == 0)
      frame(rods, tags, types, state);
  }
  void frame(const System& rods, const std::vector<int>& tags, const std::vector<CnaType>& types,
             const ThermoState& state) {
    write_tagged_frame(out_, rods, tags, types, &state);
    out_.flush();
  }

  std::vector<WeldSample> samples;

 private:
  std::ofstream out_;
  long sample_every_, trajectory_every_;
  const std::vector<int>& rod_by_id_;
  Analysis analysis_;
};

/// θ at the last MD step: every engine calls finish() there, before its quench.
class EndOfDynamics : public Observer {
 public:
  EndOfDynamics(const std::vector<int>& rod_by_id, const Analysis& analysis)
      : rod_by_id_(rod_by_id), analysis_(analysis) {}
  long every() const override { return 0; }
  void observe(const System&, const ThermoState&) override {}
  void finish(const System& system, const ThermoState& state) override {
    angle_deg = sample(system, rod_by_id_, analysis_, state).angle_deg;
  }

  double angle_deg = 0.0;

 private:
  const std::vector<int>& rod_by_id_;
  Analysis analysis_;
};

}  // namespace

WeldPair place_weld_pair(const WeldSettings& settings, const RelaxedRod& rod,
                         const WeldRunSpec& run) {
  const WeldMode mode = parse_weld_mode(settings.mode, "--mode");
  const double contact = run.control ? settings.control_gap_A : settings.pair.contact_distance_A;
  const double angle = run.control ? 0.0 : run.angle_deg;
  if (mode == WeldMode::tip && settings.substrate == "none") {
    // End to end in vacuum, tilted about settings.pair.tilt_axis (the original set-up).
    WeldPairSettings ps = settings.pair;
    ps.angle_deg = angle;
    ps.contact_distance_A = contact;
    return make_weld_pair(rod.lattice, rod.shape, ps, rod.positions_A);
  }
  LyingPairSettings ls;
  ls.mode = mode;
  ls.angle_deg = angle;
  ls.contact_distance_A = contact;
  ls.vacuum_A = std::max(settings.pair.vacuum_A, 2.0 * (settings.lj_cutoff_A + settings.skin_A));
  if (settings.substrate == "graphene") {
    ls.periodic_multiple_x_A = graphene_cell_x_A();
    ls.periodic_multiple_y_A = graphene_cell_y_A();
  }
  return make_lying_pair(rod.lattice, rod.shape, ls, rod.positions_A);
}

RelaxedRod relax_rod(const WeldSettings& settings, const slabs::FacetTable& table,
                     const std::string& table_source, const std::filesystem::path& lammps_dir,
                     LammpsLauncher* launcher) {
  RelaxedRod out;
  out.shape = wulff_rod_shape(table, settings.rod, table_source);
  out.lattice = slabs::build_nanorod(out.shape.spec);
  std::vector<std::pair<std::string, double>> masses;
  const auto pot = load_potential(settings, masses);
  if (pot->type_of(table.element) < 0)
    throw InputError("--potential", "the potential has no " + table.element);
  check_substrate_pair_fits_element(table.element, settings.substrate, settings.lj_epsilon_eV,
                                    settings.lj_sigma_A, "--lj-epsilon");
  System system = system_from_structure(out.lattice, masses);
  {
    ForceField field =
        make_force_field({.name = "eam", .potential = pot, .skin_A = settings.skin_A});
    const MinimizeResult r = quench_weld_native(settings, system, field);
    out.energy_eV = r.energy_eV;
    out.max_force_eV_per_A = r.max_force_eV_per_A;
    out.iterations = r.iterations;
    out.converged = r.converged;
  }
  out.positions_A.resize(system.size());
  for (std::size_t i = 0; i < system.size(); ++i)
    out.positions_A[static_cast<std::size_t>(system.id[i])] = system.unwrapped_position(i);
  double z_top = -1e300;
  for (const auto& a : out.lattice.atoms) z_top = std::max(z_top, a.position.z);
  for (const auto& a : out.lattice.atoms) out.end_layer_atoms += a.position.z > z_top - 1e-6;
  // One atom per 1×1 surface cell of the plane ⟂ axis.
  out.end_face_area_A2 = static_cast<double>(out.end_layer_atoms) *
                         slabs::fcc_plane_geometry(table.a_A, settings.rod.axis).area_A2;

  // E_separate: the control pair as placed (on the substrate, if any), quenched.
  WeldRunSpec control;
  control.control = true;
  const WeldPair apart = place_weld_pair(settings, out, control);
  System pair = pair_system(settings, apart, masses);
  out.e_separate_eV =
      make_weld_engine(settings, launcher)->quench(pair, lammps_dir / "e_separate").energy_eV;
  return out;
}

System weld_start_system(const WeldSettings& settings, const RelaxedRod& rod,
                         const WeldRunSpec& run, std::vector<int>& rod_by_id) {
  const WeldPair pair = place_weld_pair(settings, rod, run);
  std::vector<std::pair<std::string, double>> masses;
  load_potential(settings, masses);
  System system = pair_system(settings, pair, masses);
  rod_by_id.assign(system.size(), 0);
  for (std::size_t i = 0; i < pair.structure.size(); ++i)
    rod_by_id[i] = pair.structure.atoms[i].rod;
  assign_maxwell_boltzmann(system, settings.temperature_K, run.seed);
  return system;
}

WeldResult run_weld(const WeldSettings& settings, const RelaxedRod& rod, const WeldRunSpec& run,
                    const std::filesystem::path& dir, LammpsLauncher* launcher) {
  const auto start = std::chrono::steady_clock::now();
  std::filesystem::create_directories(dir);
  const WeldPair pair = place_weld_pair(settings, rod, run);
  const auto engine = make_weld_engine(settings, launcher);
  const bool flexible = settings.sheet == "flexible";

  const double a_A = rod.shape.spec.a_A;
  const bool end_to_end = settings.mode == "tip" && settings.substrate == "none";
  const Analysis analysis{
      cna_settings(settings, a_A), bond_cutoff_A(a_A), settings.interface_half_width_A,
      end_to_end ? InterfaceNormal::axis_bisector : InterfaceNormal::bridge_centroids,
      parse_weld_mode(settings.mode) == WeldMode::top};

  WeldResult result;
  result.initial_angle_deg = run.control ? 0.0 : run.angle_deg;
  result.seed = run.seed;
  result.control = run.control;
  result.atoms_per_rod = static_cast<long>(rod.lattice.size());
  result.min_distance_start_A = pair.min_distance_A;
  result.e_separate_eV = rod.e_separate_eV;

  std::vector<int> rod_by_id;
  System system = weld_start_system(settings, rod, run, rod_by_id);
  result.substrate_atoms = static_cast<long>(system.size() - pair.structure.size());
  {
    // A flexible sheet's C–C energy is AIREBO's, which facetweld's field does not have.
    ThermoState s0;
    if (!flexible) s0.potential_eV = make_weld_field(settings)->compute(system).energy_eV;
    write_file_atomically(dir / "initial.extxyz", [&](std::ostream& out) {
      write_tagged_frame(out, system, rod_by_id, {}, flexible ? nullptr : &s0);
    });
  }

  // NVT at temperature from the Maxwell–Boltzmann start (weld_start_system).
  const double dt_ps = settings.dt_fs * 1e-3;
  const long steps = steps_of(settings.time_ps, dt_ps);
  const long sample_every = std::max(1L, steps_of(settings.sample_every_ps, dt_ps));
  const long thermo_every = std::max(1L, steps_of(settings.thermo_every_ps, dt_ps));
  const long traj_every = settings.trajectory_every_ps > 0
                              ? std::max(1L, steps_of(settings.trajectory_every_ps, dt_ps) /
                                                 sample_every * sample_every)
                              : 0;
  ThermoCsv thermo(dir / "thermo.csv", thermo_every);
  WeldObserver observer(dir / "trajectory.extxyz", sample_every,
                        traj_every > 0 ? std::max(traj_every, sample_every) : 0, rod_by_id,
                        analysis);
  EndOfDynamics end(rod_by_id, analysis);
  const WeldEngineOutcome outcome = engine->run(
      system,
      {steps, sample_every, thermo_every, run.seed, dir / "lammps", {&thermo}, {&observer, &end}});
  result.e_contact_start_eV = outcome.start_energy_eV;
  const ThermoState& last = outcome.last;
  result.samples = observer.samples;
  result.angle_end_of_dynamics_deg = end.angle_deg;

  // Quench to the nearest minimum: the welded energy.
  const MinimizeResult& q = outcome.quench;
  result.e_welded_eV = q.energy_eV;
  result.quench_iterations = q.iterations;
  result.quench_converged = q.converged;
  result.quench_max_force_eV_per_A = q.max_force_eV_per_A;
  result.energy_release_raw_eV = result.e_separate_eV - result.e_welded_eV;
  result.energy_release_eV = result.energy_release_raw_eV;  // net once the control is known

  ThermoState quenched_state = last;
  quenched_state.potential_eV = q.energy_eV;
  quenched_state.temperature_K = 0.0;
  for (double& v : system.v) v = 0.0;
  System rods;
  std::vector<int> tags;
  std::vector<CnaType> types;
  result.quenched = sample(system, rod_by_id, analysis, quenched_state, &rods, &tags, &types);
  result.all_cna = count_cna(types);
  result.final_angle_deg = result.quenched.angle_deg;
  result.rotation_deg = result.initial_angle_deg - result.angle_end_of_dynamics_deg;
  const double r = result.quenched.neck_radius_A;
  result.neck_area_A2 = std::numbers::pi * r * r;
  set_net_release(result, 0.0, rod.end_face_area_A2);

  observer.frame(rods, tags, types, quenched_state);
  write_file_atomically(dir / "final.extxyz", [&](std::ostream& out) {
    write_tagged_frame(out, rods, tags, types, &quenched_state);
  });
  write_file_atomically(dir / "timeseries.csv", weld_timeseries_csv(result.samples));
  result.wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  write_weld_result(dir / "result.json", result, settings.to_json());
  return result;
}

}  // namespace fw::md
