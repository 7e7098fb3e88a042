/// \file engine_lammps.cpp
/// \brief Weld deck (EAM + lj/cut Au–C [+ AIREBO C–C], the native protocol), lmp, read-back.
#include "md/weld/engine_lammps.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <sstream>

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "md/apps/lammps_runner.hpp"
#include "md/engine/lennard_jones.hpp"
#include "md/formats/lammps_data.hpp"
#include "md/formats/lammps_dump.hpp"
#include "md/formats/lammps_input.hpp"
#include "md/formats/lammps_log.hpp"
#include "md/formats/potential_file.hpp"
#include "md/weld/engine_native.hpp"
#include "slabs/io/lammps_data.hpp"

namespace fw::md {
namespace {

constexpr double kGPaPerBar = 1e-4;

/// The input script. `frozen_ids`: 1-based ids of the frozen atoms.
std::string weld_deck(const WeldSettings& s, const WeldLammpsSetup& e, const System& system,
                      const std::vector<int>& frozen_ids, long steps, long sample_every,
                      long thermo_every, bool quench, std::uint64_t seed) {
  const auto& names = system.type_names;
  const int au = static_cast<int>(std::find(names.begin(), names.end(), "Au") - names.begin()) + 1;
  std::ostringstream in;
  in.precision(17);
  in << "# LAMMPS deck of one facetweld welding run (md/weld/engine_lammps.cpp); facetweld reads "
        "back\n"
     << "# log.lammps, samples.dump, final_md.dump and quenched.dump\n"
     << "units metal\natom_style atomic\nboundary";
  for (bool p : system.pbc) in << (p ? " p" : " s");
  in << "\nread_data data.lmp\n\n";
  LjPair au_c = default_au_c_pair();
  au_c.epsilon_eV = s.lj_epsilon_eV;
  au_c.sigma_A = s.lj_sigma_A;
  write_lammps_pair_style(in, names, e.eam_file.string(), "eam", au_c, s.lj_cutoff_A,
                          e.airebo_file.string());
  in << "neighbor " << s.skin_A << " bin\nneigh_modify every 1 delay 0 check yes\n";
  const bool frozen = !frozen_ids.empty();
  if (frozen) {
    // A rigid sheet: not integrated, its pairs never evaluated (facetweld: C–C not computed).
    in << "group frozen id " << lammps_id_ranges(frozen_ids) << "\n"
       << "group mobile subtract all frozen\nneigh_modify exclude group frozen frozen\n";
  } else {
    in << "group mobile union all\n";
  }
  in << "group rods type " << au << "\n";
  // Temperature over the mobile atoms with facetweld's degrees of freedom (md/engine/thermo.cpp):
  // 3 N_mobile with a frozen sheet (no centre-of-mass constraint), 3 N - 3 otherwise.
  in << "compute tmobile mobile temp\n";
  if (frozen) in << "compute_modify tmobile extra/dof 0\n";
  in << "timestep " << s.dt_fs * 1e-3 << "\n"
     << "thermo_style custom step time temp pe ke etotal press econserve\n"
     << "thermo_modify temp tmobile format float %.17g\n"
     << "thermo " << thermo_every << "\n";
  if (!e.airebo_file.empty()) {
    // The flat sheet's own AIREBO energy (C–C only: the rods do not enter it), subtracted from
    // every energy read back: runs whose cells hold different sheets then compare.
    in << "compute sheet all pair airebo\nthermo_style custom step pe c_sheet\nrun 0\n"
       << "print \"facetweld flat_sheet_eV $(c_sheet:%.17g)\"\n"
       << "thermo_style custom step time temp pe ke etotal press econserve\n"
       << "thermo_modify temp tmobile format float %.17g\n";
  }
  if (steps > 0) {
    in << "dump samples rods custom " << sample_every << " samples.dump id xu yu zu\n"
       << "dump_modify samples sort id format float %.10g\n";
    if (s.thermostat == "nose-hoover-chain") {
      // Chain of 3, Trotter splitting (Martyna et al. 1992), as
      // md/engine/thermostat_nose_hoover.cpp.
      in << "fix integrate mobile nvt temp " << s.temperature_K << " " << s.temperature_K << " "
         << s.damping_ps << " tchain 3\n";
      if (frozen) in << "compute_modify integrate_temp extra/dof 0\n";
    } else {
      in << "fix integrate mobile nve\n";
      if (s.thermostat == "langevin")
        in << "fix bath mobile langevin " << s.temperature_K << " " << s.temperature_K << " "
           << s.damping_ps << " " << (seed % 900000000 + 1) << " tally yes\n";
    }
    in << "run " << steps << "\nundump samples\n";
  }
  in << "write_dump all custom final_md.dump id xu yu zu vx vy vz modify sort id format float "
        "%.17g\n";
  if (quench) {
    if (steps > 0) in << "unfix integrate\n" << (s.thermostat == "langevin" ? "unfix bath\n" : "");
    in << "velocity all set 0 0 0\nreset_timestep 0\n"
       << "min_style " << s.minimizer << "\nmin_modify norm max\n"
       << "minimize 0.0 " << s.force_tolerance_eV_per_A << " " << s.max_iterations << " "
       << 10 * static_cast<long>(s.max_iterations) << "\n"
       << "variable fatom atom sqrt(fx*fx+fy*fy+fz*fz)\n"
       << "compute fmax mobile reduce max v_fatom\n"
       << "thermo_style custom step pe c_fmax\nrun 0\n"  // evaluates c_fmax on this step
       << "print \"facetweld quench_iterations $(step)\"\n"
       << "print \"facetweld quench_energy_eV $(pe:%.17g)\"\n"
       << "print \"facetweld quench_max_force_eV_per_A $(c_fmax:%.17g)\"\n"
       << "write_dump all custom quenched.dump id xu yu zu modify sort id format float %.17g\n";
  }
  return in.str();
}

/// One thermo row; `offset_eV` (the flat sheet's energy) is taken off every energy.
ThermoState state_of(const LammpsThermoTable& t, const std::vector<double>& row,
                     const System& system, double offset_eV, const std::string& source) {
  ThermoState s;
  s.step = std::lround(row[t.column("Step", source)]);
  s.time_ps = row[t.column("Time", source)];
  s.temperature_K = row[t.column("Temp", source)];
  s.potential_eV = row[t.column("PotEng", source)] - offset_eV;
  s.kinetic_eV = row[t.column("KinEng", source)];
  s.total_eV = row[t.column("TotEng", source)] - offset_eV;
  // As facetweld: a pressure only with three periodic axes.
  const bool periodic = system.pbc[0] && system.pbc[1] && system.pbc[2];
  s.pressure_GPa = periodic ? row[t.column("Press", source)] * kGPaPerBar : 0.0;
  s.conserved_eV = row[t.column("Econserve", source)] - offset_eV;
  return s;
}

/// Puts the frame's atoms (LAMMPS frame → ours by `rotation`ᵀ) into `system` by id.
void apply_frame(System& system, const std::vector<std::size_t>& index_of_id,
                 const LammpsDumpFrame& f, const Mat3& rotation, const std::string& source) {
  for (std::size_t k = 0; k < f.id.size(); ++k) {
    const auto id = static_cast<std::size_t>(f.id[k] - 1);
    if (id >= index_of_id.size())
      throw InputError(source, "atom id " + std::to_string(f.id[k]) + " is not in the run");
    const std::size_t i = index_of_id[id];
    const Vec3 r = f.position_A[k] * rotation;  // Rᵀ r
    for (int c = 0; c < 3; ++c) system.x[3 * i + static_cast<std::size_t>(c)] = r[c];
    system.image[i] = {0, 0, 0};
    if (!f.velocity_A_per_ps.empty()) {
      const Vec3 v = f.velocity_A_per_ps[k] * rotation;
      for (int c = 0; c < 3; ++c) system.v[3 * i + static_cast<std::size_t>(c)] = v[c];
    }
  }
}

/// Reads a dump that must hold exactly one frame with every atom.
void read_single_frame(System& system, const std::vector<std::size_t>& index_of_id,
                       const std::filesystem::path& path, const Mat3& rotation) {
  long frames = 0;
  read_lammps_dump(path, [&](const LammpsDumpFrame& f) {
    if (f.id.size() != system.size())
      throw InputError(path.string(), "expected all " + std::to_string(system.size()) + " atoms");
    apply_frame(system, index_of_id, f, rotation, path.string());
    ++frames;
  });
  if (frames != 1) throw InputError(path.string(), "expected one frame");
}

}  // namespace

WeldLammpsSetup weld_lammps_engine(const WeldSettings& s, LammpsLauncher* launcher) {
  WeldLammpsSetup e;
  e.lmp = find_lammps_executable(s.lammps_command, "--lmp");
  // A given launcher is borrowed (aliasing constructor: no ownership), the local one owned.
  e.launcher = launcher ? std::shared_ptr<LammpsLauncher>(std::shared_ptr<void>(), launcher)
                        : std::make_shared<LocalLammpsLauncher>(e.lmp, s.lammps_ranks);
  e.eam_file = std::filesystem::absolute(find_potential_file(s.potential, "--potential"));
  if (s.sheet == "flexible")
    e.airebo_file = std::filesystem::absolute(find_potential_file(
        "CH.airebo", "--sheet",
        "a flexible sheet needs AIREBO's CH.airebo; Debian's lammps-data ships it in "
        "/usr/share/lammps/potentials"));
  return e;
}

WeldLammpsStage run_weld_lammps_stage(const WeldSettings& s, const WeldLammpsSetup& e,
                                      System& system, long steps, long sample_every,
                                      long thermo_every, bool quench, std::uint64_t seed,
                                      const std::filesystem::path& dir,
                                      const std::vector<Observer*>& state_observers,
                                      const std::vector<Observer*>& frame_observers) {
  std::filesystem::create_directories(dir);
  const Mat3 rotation = slabs::lammps_box(system.cell).rotation;
  write_lammps_data(dir / "data.lmp", rotated_to_lammps_frame(system));
  std::vector<int> frozen_ids;
  std::vector<std::size_t> index_of_id(system.size());
  for (std::size_t i = 0; i < system.size(); ++i) {
    index_of_id[static_cast<std::size_t>(system.id[i])] = i;
    if (system.frozen[i]) frozen_ids.push_back(system.id[i] + 1);
  }
  // Thermo on every step an observer needs: the gcd of the thermo and sample intervals.
  const long thermo =
      steps > 0 ? std::gcd(std::max(1L, thermo_every), std::max(1L, sample_every)) : 1;
  write_file_atomically(dir / "in.lammps", weld_deck(s, e, system, frozen_ids, steps, sample_every,
                                                     thermo, quench, seed));
  std::vector<std::string> outputs = {"log.lammps", "final_md.dump"};
  if (steps > 0) outputs.emplace_back("samples.dump");
  if (quench) outputs.emplace_back("quenched.dump");
  e.launcher->run(dir, "in.lammps", outputs);

  const std::string log_path = (dir / "log.lammps").string();
  const LammpsLog log = read_lammps_log(dir / "log.lammps");
  const auto value = [&](const char* key) {
    const auto it = log.values.find(key);
    if (it == log.values.end()) throw InputError(log_path, std::string("no ") + key);
    return it->second;
  };
  const bool airebo = !e.airebo_file.empty();
  const double sheet_eV = airebo ? value("flat_sheet_eV") : 0.0;
  const std::size_t md_table = airebo ? 1 : 0;  // after the flat sheet's run 0
  if (log.tables.size() <= md_table || log.tables[md_table].rows.empty())
    throw InputError(log_path, "no thermo table");
  const LammpsThermoTable& md = log.tables[md_table];
  WeldLammpsStage stage;
  stage.first = state_of(md, md.rows.front(), system, sheet_eV, log_path);
  stage.last = state_of(md, md.rows.back(), system, sheet_eV, log_path);
  if (steps > 0) {
    if (stage.last.step != steps)
      throw InputError(log_path, "the run stopped before its last step");
    std::vector<ThermoState> states;
    for (const auto& row : md.rows) states.push_back(state_of(md, row, system, sheet_eV, log_path));
    const auto state_at = [&](long step) -> const ThermoState& {
      const auto it = std::lower_bound(states.begin(), states.end(), step,
                                       [](const ThermoState& a, long b) { return a.step < b; });
      if (it == states.end() || it->step != step)
        throw InputError(log_path, "no thermo row for step " + std::to_string(step));
      return *it;
    };
    for (const ThermoState& st : states)
      for (Observer* o : state_observers)
        if (o->every() > 0 && st.step % o->every() == 0) o->observe(system, st);
    const std::string dump_path = (dir / "samples.dump").string();
    read_lammps_dump(dir / "samples.dump", [&](const LammpsDumpFrame& f) {
      if (f.step % sample_every != 0) return;  // the last step, when not a sample step
      apply_frame(system, index_of_id, f, rotation, dump_path);
      for (Observer* o : frame_observers) o->observe(system, state_at(f.step));
    });
    // The frames are in trajectory.extxyz now; the dump would double the run's disk use.
    std::filesystem::remove(dir / "samples.dump");
  }
  read_single_frame(system, index_of_id, dir / "final_md.dump", rotation);
  for (Observer* o : state_observers) o->finish(system, stage.last);
  for (Observer* o : frame_observers) o->finish(system, stage.last);
  if (quench) {
    MinimizeResult q;
    q.iterations = static_cast<int>(std::lround(value("quench_iterations")));
    q.energy_eV = value("quench_energy_eV") - sheet_eV;
    q.max_force_eV_per_A = value("quench_max_force_eV_per_A");
    q.converged = q.max_force_eV_per_A <= s.force_tolerance_eV_per_A;
    q.stop_reason = "LAMMPS minimize";
    read_single_frame(system, index_of_id, dir / "quenched.dump", rotation);
    for (double& v : system.v) v = 0.0;
    stage.quench = q;
  }
  return stage;
}

LammpsWeldEngine::LammpsWeldEngine(const WeldSettings& settings, LammpsLauncher* launcher)
    : settings_(settings), setup_(weld_lammps_engine(settings, launcher)) {}

MinimizeResult LammpsWeldEngine::quench(System& system, const std::filesystem::path& dir) const {
  if (!quench_in_lammps())
    return quench_weld_native(settings_, system, *make_weld_field(settings_));
  // AIREBO C–C is LAMMPS's: a flexible sheet is quenched there.
  return *run_weld_lammps_stage(settings_, setup_, system, 0, 1, 1, true, 0, dir, {}, {}).quench;
}

WeldEngineOutcome LammpsWeldEngine::run(System& system, const WeldEngineRun& run) const {
  const WeldLammpsStage stage = run_weld_lammps_stage(
      settings_, setup_, system, run.steps, run.sample_every, run.thermo_every, quench_in_lammps(),
      run.seed, run.dir, run.state_observers, run.frame_observers);
  WeldEngineOutcome out;
  out.start_energy_eV = stage.first.potential_eV;
  out.last = stage.last;
  out.quench = stage.quench ? *stage.quench
                            : quench_weld_native(settings_, system, *make_weld_field(settings_));
  return out;
}

bool LammpsWeldEngine::queues_runs() const {
  return setup_.launcher->queues_runs();
}

}  // namespace fw::md
