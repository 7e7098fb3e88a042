/// \file lammps_launcher.hpp
/// \brief Where a LAMMPS deck of the welding study runs: on this machine (`lmp`, `mpirun -np N
/// lmp`), or — supplied by tools/ through the batch-system interface of the VASP jobs — as a
/// Slurm/PBS job. The study writes the deck, hands it to a launcher, and reads the outputs back.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace fw::md {

class LammpsLauncher {
 public:
  virtual ~LammpsLauncher() = default;
  /// Runs LAMMPS on `input` in `dir` (data and deck already written there) and returns once it
  /// ended with exit code 0 and every file of `outputs` exists in `dir`. Throws InputError naming
  /// `dir`'s log otherwise. Safe to call from several threads at once.
  virtual void run(const std::filesystem::path& dir, const std::string& input,
                   const std::vector<std::string>& outputs) = 0;
  /// True when the runs wait in a batch queue rather than on this machine's cores: the study
  /// then hands every run out at once instead of `workers` at a time.
  virtual bool queues_runs() const { return false; }
};

/// `lmp` on this machine, waited for by the calling thread (md/apps/lammps_runner.hpp).
class LocalLammpsLauncher final : public LammpsLauncher {
 public:
  LocalLammpsLauncher(std::filesystem::path executable, int ranks)
      : executable_(std::move(executable)), ranks_(ranks) {}
  void run(const std::filesystem::path& dir, const std::string& input,
           const std::vector<std::string>& outputs) override;

 private:
  std::filesystem::path executable_;
  int ranks_;
};

}  // namespace fw::md
