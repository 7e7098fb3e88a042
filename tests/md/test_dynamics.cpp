/// \file test_dynamics.cpp
/// \brief Velocity Verlet: NVE energy conservation, the same trajectory as LAMMPS, thermostats
/// reaching their temperature, and checkpoint restarts that continue the run exactly.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>

#include "core/error.hpp"
#include "core/units.hpp"
#include "md/engine/dynamics.hpp"
#include "md/engine/eam_force.hpp"
#include "md/engine/thermo.hpp"
#include "md/engine/thermostat_nose_hoover.hpp"
#include "md/engine/velocities.hpp"
#include "md/formats/checkpoint.hpp"
#include "md_test_helpers.hpp"

namespace fw::md {
namespace {

ForceField au_field() {
  ForceField field(1.0);
  field.add(
      std::make_unique<EamForce>(std::make_shared<EamPotential>(EamPotential::read(test::kAuU3))));
  return field;
}

/// Records (time, conserved energy) of every observed step.
class EnergyLog : public Observer {
 public:
  explicit EnergyLog(long every) : every_(every) {}
  long every() const override { return every_; }
  void observe(const System&, const ThermoState& s) override {
    time.push_back(s.time_ps);
    energy.push_back(s.conserved_eV);
    temperature.push_back(s.temperature_K);
  }
  std::vector<double> time, energy, temperature;

 private:
  long every_;
};

class Dynamics : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(test::kAuU3))
      GTEST_FAIL() << "lammps-data (Au_u3.eam) not installed";
  }
};

TEST_F(Dynamics, NveAt300KDriftsLessThan1e4EVPerAtomOver10ps) {
  System s = test::fcc_crystal(4, 4, 4);
  assign_maxwell_boltzmann(s, 600.0, 42);  // equipartition brings it to ~300 K
  ForceField field = au_field();
  EnergyLog log(100);
  DynamicsSettings settings;
  settings.dt_ps = 0.001;
  settings.steps = 10000;
  run_dynamics(s, field, nullptr, settings, {&log});
  // Least-squares slope of E(t), times 10 ps, per atom.
  const double n = static_cast<double>(log.time.size());
  double st = 0, se = 0, stt = 0, ste = 0;
  for (std::size_t k = 0; k < log.time.size(); ++k) {
    st += log.time[k];
    se += log.energy[k];
    stt += log.time[k] * log.time[k];
    ste += log.time[k] * log.energy[k];
  }
  const double slope_eV_per_ps = (n * ste - st * se) / (n * stt - st * st);
  const double drift_per_atom = std::abs(slope_eV_per_ps * 10.0) / static_cast<double>(s.size());
  const double end_to_end =
      std::abs(log.energy.back() - log.energy.front()) / static_cast<double>(s.size());
  double t_mean = 0;
  for (std::size_t k = log.temperature.size() / 2; k < log.temperature.size(); ++k)
    t_mean += log.temperature[k];
  t_mean /= static_cast<double>(log.temperature.size() - log.temperature.size() / 2);
  std::cout << "[ nve      ] drift " << drift_per_atom << " eV/atom per 10 ps, |E_end - E_0| "
            << end_to_end << " eV/atom, <T> " << t_mean << " K\n";
  EXPECT_LT(drift_per_atom, 1e-4);
  EXPECT_LT(end_to_end, 1e-4);
  EXPECT_NEAR(t_mean, 300.0, 60.0);
}

TEST_F(Dynamics, NveTrajectoryFollowsLammpsFor500Steps) {
  if (!test::have_lammps()) GTEST_FAIL() << "lmp not installed";
  System s = test::fcc_crystal(3, 3, 3);
  test::perturb(s, 0.05, 9);
  assign_maxwell_boltzmann(s, 300.0, 5);
  const auto dir = std::filesystem::temp_directory_path() / "facetweld_md_lammps_nve";
  std::filesystem::create_directories(dir);
  write_lammps_data(dir / "data.lmp", s);
  {
    std::ofstream in(dir / "in.nve");
    in << "units metal\natom_style atomic\nboundary p p p\nread_data data.lmp\n"
       << "pair_style eam\npair_coeff 1 1 " << test::kAuU3 << "\nneighbor 1.0 bin\n"
       << "neigh_modify every 1 delay 0 check yes\ntimestep 0.001\nfix 1 all nve\n"
       << "thermo_style custom step pe ke etotal\nthermo_modify format float %.17g\nthermo 500\n"
       << "run 500\nwrite_dump all custom final.dump id x y z vx vy vz modify format float %.17g "
          "sort id\n";
  }
  ASSERT_EQ(
      std::system(
          ("cd '" + dir.string() + "' && lmp -in in.nve -log log.lammps -screen none").c_str()),
      0);
  ForceField field = au_field();
  DynamicsSettings settings;
  settings.steps = 500;
  run_dynamics(s, field, nullptr, settings, {});
  std::ifstream dump(dir / "final.dump");
  std::string line;
  while (std::getline(dump, line) && line.rfind("ITEM: ATOMS", 0) != 0) {
  }
  std::vector<Vec3> x_lmp(s.size()), v_lmp(s.size());
  for (std::size_t k = 0; k < s.size(); ++k) {
    int id;
    Vec3 x, v;
    dump >> id >> x.x >> x.y >> x.z >> v.x >> v.y >> v.z;
    x_lmp[static_cast<std::size_t>(id - 1)] = x;
    v_lmp[static_cast<std::size_t>(id - 1)] = v;
  }
  double max_dx = 0.0, max_dv = 0.0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    // Compare modulo the periodic cell (the two codes wrap at different moments).
    Vec3 d = (s.position(i) - x_lmp[static_cast<std::size_t>(s.id[i])]) * inverse(s.cell);
    for (int c = 0; c < 3; ++c) d[c] -= std::round(d[c]);
    max_dx = std::max(max_dx, norm(d * s.cell));
    max_dv = std::max(max_dv, norm(s.velocity(i) - v_lmp[static_cast<std::size_t>(s.id[i])]));
  }
  std::cout << "[ nve/lmp  ] after 500 steps: max |dx| " << max_dx << " A, max |dv| " << max_dv
            << " A/ps\n";
  EXPECT_LT(max_dx, 1e-6);
  EXPECT_LT(max_dv, 1e-4);
}

struct ThermostatCase {
  const char* name;
};

class ThermostatTarget : public Dynamics, public ::testing::WithParamInterface<ThermostatCase> {};

TEST_P(ThermostatTarget, HoldsMeanTemperatureAt300K) {
  System s = test::fcc_crystal(4, 4, 4);
  assign_maxwell_boltzmann(s, 100.0, 1);
  ForceField field = au_field();
  auto thermostat = make_thermostat(GetParam().name, 300.0, 0.05, 17);
  EnergyLog log(10);
  DynamicsSettings settings;
  settings.steps = 6000;
  run_dynamics(s, field, thermostat.get(), settings, {&log});
  double t_mean = 0;
  const std::size_t from = log.temperature.size() / 3;
  for (std::size_t k = from; k < log.temperature.size(); ++k) t_mean += log.temperature[k];
  t_mean /= static_cast<double>(log.temperature.size() - from);
  std::cout << "[ nvt      ] " << GetParam().name << " <T> = " << t_mean << " K\n";
  // 256 atoms: the canonical spread of T is 300·sqrt(2/765) ≈ 15 K; the mean over 4 ps is ~3 K.
  EXPECT_NEAR(t_mean, 300.0, 12.0);
}

INSTANTIATE_TEST_SUITE_P(Md, ThermostatTarget,
                         ::testing::Values(ThermostatCase{"langevin"},
                                           ThermostatCase{"nose-hoover-chain"}),
                         [](const auto& info) {
                           return std::string(info.param.name) == "langevin" ? "Langevin"
                                                                             : "NoseHooverChain";
                         });

TEST_F(Dynamics, NoseHooverChainConservesItsExtendedEnergy) {
  System s = test::fcc_crystal(3, 3, 3);
  assign_maxwell_boltzmann(s, 300.0, 3);
  ForceField field = au_field();
  auto thermostat = make_thermostat("nose-hoover-chain", 500.0, 0.1, 0);
  EnergyLog log(50);
  DynamicsSettings settings;
  settings.steps = 3000;
  run_dynamics(s, field, thermostat.get(), settings, {&log});
  const double drift =
      std::abs(log.energy.back() - log.energy.front()) / static_cast<double>(s.size());
  EXPECT_LT(drift, 2e-4);
}

TEST_F(Dynamics, RestartFromCheckpointContinuesTheSameTrajectory) {
  System s = test::fcc_crystal(3, 3, 3);
  assign_maxwell_boltzmann(s, 300.0, 8);
  const System start = s;
  DynamicsSettings settings;
  settings.steps = 200;
  ForceField field = au_field();
  auto nhc = make_thermostat("nose-hoover-chain", 300.0, 0.1, 0);
  const ThermoState straight = run_dynamics(s, field, nhc.get(), settings, {});

  const auto path = std::filesystem::temp_directory_path() / "facetweld_md_restart.chk";
  System first = start;
  ForceField field1 = au_field();
  auto nhc1 = make_thermostat("nose-hoover-chain", 300.0, 0.1, 0);
  const nlohmann::json producer = {{"format", "test"}};
  CheckpointWriter writer(path, 100, settings.dt_ps, nhc1.get(), producer);
  DynamicsSettings half = settings;
  half.steps = 100;
  run_dynamics(first, field1, nhc1.get(), half, {&writer});

  const std::optional<Checkpoint> read = read_checkpoint(path, producer);
  ASSERT_TRUE(read.has_value());
  Checkpoint c = *read;
  ASSERT_EQ(c.step, 100);
  ForceField field2 = au_field();
  auto nhc2 = make_thermostat("nose-hoover-chain", 300.0, 0.1, 0);
  nhc2->restore_state(c.thermostat_state);
  const ThermoState resumed = run_dynamics(c.system, field2, nhc2.get(), settings, {}, c.step);
  EXPECT_NEAR(resumed.total_eV, straight.total_eV, 1e-9);
  EXPECT_NEAR(resumed.conserved_eV, straight.conserved_eV, 1e-9);
}

TEST(DynamicsInput, TimeStepAndTemperatureOutOfRangeAreRejected) {
  EXPECT_THROW(check_time_step(0.0, "dt_ps"), InputError);
  EXPECT_THROW(check_time_step(0.05, "dt_ps"), InputError);
  EXPECT_NO_THROW(check_time_step(0.001, "dt_ps"));
  System s = test::fcc_crystal(1, 1, 1);
  EXPECT_THROW(assign_maxwell_boltzmann(s, -5.0, 1), InputError);
  EXPECT_THROW(make_thermostat("langevin", 1e7, 0.1, 1), InputError);
  EXPECT_THROW(make_thermostat("berendsen", 300, 0.1, 1), InputError);
}

// Issue 21: a Nosé–Hoover chain has no mass at 0 K; the factory refuses it (LAMMPS's fix nvt does
// too) and Langevin at 0 K stays a quench.
TEST(DynamicsInput, NoseHooverChainAtZeroKelvinIsRefusedLangevinIsAllowed) {
  EXPECT_THROW(make_thermostat("nose-hoover-chain", 0.0, 0.1, 0), InputError);
  EXPECT_THROW(check_thermostat_temperature("nose-hoover-chain", 0.0, "job.toml"), InputError);
  EXPECT_NO_THROW(make_thermostat("nose-hoover-chain", 1.0, 0.1, 0));
  EXPECT_NO_THROW(make_thermostat("langevin", 0.0, 0.1, 1));
}

// Issue 21, the root cause under `weld --temperature 0`: the 0 K chain turns every velocity into
// NaN, and a NaN distance indexed EamForce's tables at INT_MIN (SIGSEGV). A run that diverges
// must end in an InputError naming the atom, whatever made it diverge.
TEST_F(Dynamics, DivergedRunIsAnInputErrorNotASegfault) {
  System s = test::fcc_crystal(3, 3, 3);
  assign_maxwell_boltzmann(s, 300.0, 5);
  ForceField field = au_field();
  NoseHooverChainThermostat nan_maker(0.0, 0.1);  // bypasses the factory's 0 K check
  DynamicsSettings settings;
  settings.steps = 5;
  try {
    run_dynamics(s, field, &nan_maker, settings, {});
    ADD_FAILURE() << "a run with NaN velocities ended normally";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("non-finite position"), std::string::npos) << e.what();
  }
}

TEST_F(Dynamics, NonFinitePositionAfterAListBuildIsAnInputError) {
  for (const double bad : {std::nan(""), HUGE_VAL, -HUGE_VAL}) {
    System s = test::fcc_crystal(3, 3, 3);
    ForceField field = au_field();
    field.compute(s);  // the list is built on finite positions
    s.x[7] = bad;      // a NaN between rebuilds used to skip the rebuild
    EXPECT_THROW(field.compute(s), InputError) << bad;
    System fresh = test::fcc_crystal(3, 3, 3);
    fresh.x[4] = bad;
    ForceField field2 = au_field();
    EXPECT_THROW(field2.compute(fresh), InputError) << bad;
  }
}

}  // namespace
}  // namespace fw::md
