/// \file outcar.hpp
/// \brief OUTCAR reader: energies, forces, stress, Fermi level and moments per ionic step.
#pragma once

#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/vec3.hpp"
#include "vasp_io/parse_result.hpp"

namespace fw::vasp {

/// One finished ionic step: everything VASP printed between the previous step's
/// "FREE ENERGIE OF THE ION-ELECTRON SYSTEM" block and this one's.
struct OutcarIonicStep {
  StepEnergies energies;
  int electronic_steps = 0;  ///< "Iteration" headers counted in this step
  /// "aborting loop because EDIFF is reached" was printed and fewer than NELM iterations ran
  bool electronic_converged = false;
  std::optional<double> efermi_eV;
  std::optional<double> total_magnetization_muB;  ///< "number of electron ... magnetization M"
  /// The last "direct lattice vectors" block before the step's end (rows, Å): VASP prints the
  /// step's cell there; nullopt when that block could not be read.
  std::optional<Mat3> cell_A;
  std::vector<Vec3> positions_A;  ///< "POSITION  TOTAL-FORCE" table
  std::vector<Vec3> forces_eV_per_A;
  std::optional<Vec3> total_drift_eV_per_A;
  /// The "in kB" line as printed: XX YY ZZ XY YZ ZX in kbar.
  std::optional<std::array<double, 6>> stress_kbar;
};

/// A per-site table such as "total charge" or "magnetization (x)": columns s, p, d (f), tot.
struct OrbitalTable {
  std::vector<std::string> columns;
  std::vector<std::vector<double>> rows;  ///< one row per ion, in `columns` order
  bool empty() const { return rows.empty(); }
};

/// The timing block VASP writes at a normal end ("General timing and accounting").
struct OutcarRunStats {
  std::optional<double> elapsed_time_s, total_cpu_time_s, user_time_s, system_time_s;
  std::optional<double> maximum_memory_kb, average_memory_kb;
  std::optional<int> cores;  ///< "running on N total cores" / "running on N nodes"
};

struct Outcar {
  std::string source;        ///< the file name, for messages
  std::string vasp_version;  ///< e.g. "5.4.4.18Apr17-6-g9f103f2a35", "6.4.2"
  int nions = 0;
  int ispin = 1;
  bool noncollinear = false;  ///< LNONCOLLINEAR = T (also true with spin-orbit)
  bool spin_orbit = false;    ///< LSORBIT = T
  std::optional<int> ibrion, nsw, nelm;
  std::optional<double> nelect;                   ///< last "number of electron" (integrated) value
  std::optional<double> nelect_parameter;         ///< the NELECT parameter in the header
  std::optional<double> efermi_eV;                ///< LAST E-fermi in the file
  std::optional<double> total_magnetization_muB;  ///< last total moment (collinear ISPIN = 2)
  std::optional<Vec3> total_magnetization_vector_muB;  ///< last total moment (noncollinear)
  std::optional<std::array<int, 3>> ngf;  ///< augmentation (fine) FFT grid NGXF NGYF NGZF
  /// Element of each POTCAR dataset ("TITEL = PAW_PBE Ni_pv ..." -> "Ni"), in POSCAR type order.
  std::vector<std::string> species;
  std::vector<int> ions_per_type;  ///< "ions per type =" (same order as `species`)
  /// The cell VASP started from: the first "direct lattice vectors" block (rows, Å).
  std::optional<Mat3> initial_cell_A;
  /// Completed ionic steps only: a step cut off mid-SCF is not here (see `completeness`).
  std::vector<OutcarIonicStep> ionic_steps;
  OrbitalTable charge;                ///< last "total charge" table
  OrbitalTable magnetization_x;       ///< last "magnetization (x)" (the collinear moments)
  OrbitalTable magnetization_y;       ///< noncollinear only
  OrbitalTable magnetization_z;       ///< noncollinear only
  std::vector<std::string> warnings;  ///< VASP's WARNING lines and boxed advice, de-duplicated
  bool finished = false;              ///< the General timing block is present: VASP ended normally
  bool reached_required_accuracy = false;  ///< relaxation met EDIFFG
  bool stopped_by_stopcar = false;         ///< "soft stop encountered!  aborting job"
  /// An ionic step had started (SCF iterations printed) after the last completed one.
  bool has_unfinished_step = false;
  OutcarRunStats run_stats;
  Completeness completeness;

  /// The last completed ionic step, or nullptr when there is none.
  const OutcarIonicStep* last_step() const {
    return ionic_steps.empty() ? nullptr : &ionic_steps.back();
  }
};

/// Reads an OUTCAR (plain or .gz). Throws InputError for an empty file or one that is not an
/// OUTCAR; a file cut short returns what it had with `completeness.complete == false`.
Outcar read_outcar(const std::filesystem::path& path);
/// Same, from text already in memory (`source` names it in messages).
Outcar parse_outcar(std::string_view text, const std::string& source);

/// Stable JSON (units in key names); the "final_*" energies are those of the last completed step.
nlohmann::json to_json(const Outcar& outcar);

}  // namespace fw::vasp
