/// \file checkpoint.hpp
/// \brief Restart files: the full dynamical state (positions, velocities, images, step,
/// thermostat) in text with 17 significant digits, written atomically and closed by an integrity
/// line (checksum and producer, core/file_integrity.hpp).
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
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

/// `producer`: what determines the trajectory (the caller's settings key and engine version).
void write_checkpoint(const std::filesystem::path& path, const Checkpoint& checkpoint,
                      const nlohmann::json& producer);
/// The checkpoint when its checksum holds and it was written by `producer`; otherwise a one-line
/// notice and nothing (the run starts afresh). Throws InputError(path, line, ...) when an intact
/// file does not parse.
std::optional<Checkpoint> read_checkpoint(const std::filesystem::path& path,
                                          const nlohmann::json& producer);

/// Writes a checkpoint every `every` steps and at the end of the run.
class CheckpointWriter : public Observer {
 public:
  CheckpointWriter(std::filesystem::path path, long every, double dt_ps,
                   const Thermostat* thermostat, nlohmann::json producer)
      : path_(std::move(path)),
        every_(every),
        dt_ps_(dt_ps),
        thermostat_(thermostat),
        producer_(std::move(producer)) {}
  long every() const override { return every_; }
  void observe(const System& system, const ThermoState& state) override;
  void finish(const System& system, const ThermoState& state) override { observe(system, state); }

 private:
  std::filesystem::path path_;
  long every_;
  double dt_ps_;
  const Thermostat* thermostat_;
  nlohmann::json producer_;
};

}  // namespace fw::md
