/// \file checkpoint.hpp
/// \brief Restart files: the full dynamical state (positions, velocities, images, step,
/// thermostat) in text with 17 significant digits, written atomically.
#pragma once

#include <filesystem>
#include <string>

#include "md/engine/dynamics.hpp"

namespace fw::md {

struct Checkpoint {
  System system;
  long step = 0;
  double dt_ps = 0.0;
  std::string thermostat_name;
  std::string thermostat_state;
};

void write_checkpoint(const std::filesystem::path& path, const Checkpoint& checkpoint);
/// Throws InputError(path, line, ...) on a damaged file.
Checkpoint read_checkpoint(const std::filesystem::path& path);

/// Writes a checkpoint every `every` steps and at the end of the run.
class CheckpointWriter : public Observer {
 public:
  CheckpointWriter(std::filesystem::path path, long every, double dt_ps,
                   const Thermostat* thermostat)
      : path_(std::move(path)), every_(every), dt_ps_(dt_ps), thermostat_(thermostat) {}
  long every() const override { return every_; }
  void observe(const System& system, const ThermoState& state) override;
  void finish(const System& system, const ThermoState& state) override { observe(system, state); }

 private:
  std::filesystem::path path_;
  long every_;
  double dt_ps_;
  const Thermostat* thermostat_;
};

}  // namespace fw::md
