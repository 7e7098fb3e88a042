/// \file repair.cpp
/// \brief Fix ladders per error code. Each ladder rung edits INCAR/KPOINTS/POSCAR in place.
#include "vasp_io/jobs/repair.hpp"

#include <cctype>
#include <cmath>
#include <fstream>
#include <functional>
#include <regex>
#include <sstream>

#include "core/error.hpp"
#include "slabs/io/structure_file.hpp"
#include "vasp_io/incar.hpp"
#include "vasp_io/kpoints.hpp"

namespace fw::vasp {
namespace fs = std::filesystem;
namespace {

/// What a rung sees and changes.
struct Workspace {
  fs::path folder;
  Incar incar;
  std::vector<std::string> actions;
  bool incar_changed = false;

  template <typename T>
  void set(const char* tag, T value) {
    incar.set(tag, value);
    incar_changed = true;
    actions.push_back(std::string("INCAR: ") + tag + " = " + incar.word(tag).value());
  }
  void unset(const char* tag) {
    if (incar.erase(tag)) {
      incar_changed = true;
      actions.push_back(std::string("INCAR: removed ") + tag);
    }
  }
  std::string algo() const {
    std::string a = incar.word("ALGO").value_or("Normal");
    for (char& c : a) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return a;
  }
  double real_or(const char* tag, double fallback) const {
    return incar.real(tag).value_or(fallback);
  }
  long long int_or(const char* tag, long long fallback) const {
    return incar.integer(tag).value_or(fallback);
  }
  void delete_file(const char* name) {
    std::error_code ec;
    if (fs::remove(folder / name, ec)) actions.push_back(std::string("deleted ") + name);
  }
  /// Restarts a relaxation from where it stopped (CONTCAR → POSCAR) when CONTCAR is a readable
  /// structure with the same atoms.
  bool continue_from_contcar() {
    const fs::path contcar = folder / "CONTCAR";
    std::error_code ec;
    if (!fs::exists(contcar, ec) || fs::file_size(contcar, ec) == 0) return false;
    try {
      const auto next = slabs::read_structure(contcar);
      const auto now = slabs::read_structure(folder / "POSCAR");
      if (next.size() != now.size() || next.species_order() != now.species_order()) return false;
      fs::copy_file(contcar, folder / "POSCAR", fs::copy_options::overwrite_existing);
      actions.push_back("POSCAR <- CONTCAR");
      return true;
    } catch (const InputError&) {
      return false;
    }
  }
  /// Switches a Monkhorst–Pack KPOINTS to Γ-centred (or back); false when there is no mesh file.
  bool switch_kpoints_to(KpointsMode mode) {
    const fs::path path = folder / "KPOINTS";
    if (!fs::exists(path)) return false;
    Kpoints k = read_kpoints(path);
    if ((k.mode != KpointsMode::gamma && k.mode != KpointsMode::monkhorst_pack) || k.mode == mode)
      return false;
    k.mode = mode;
    write_kpoints(path, k);
    actions.push_back(std::string("KPOINTS: ") + std::string(kpoints_mode_name(mode)));
    return true;
  }
};

/// NBANDS currently used: INCAR, else the "NBANDS=" VASP printed in OUTCAR.
std::optional<long long> current_nbands(const Workspace& w) {
  if (auto n = w.incar.integer("NBANDS")) return n;
  std::ifstream in(w.folder / "OUTCAR");
  std::string line;
  static const std::regex re(R"(NBANDS\s*=\s*(\d+))");
  std::smatch m;
  while (std::getline(in, line))
    if (std::regex_search(line, m, re)) return std::stoll(m[1]);
  return std::nullopt;
}

int ionic_steps_done(const fs::path& folder) {
  std::ifstream in(folder / "OSZICAR");
  std::string line;
  int n = 0;
  while (std::getline(in, line))
    if (line.find("F=") != std::string::npos && line.find("E0=") != std::string::npos) ++n;
  return n;
}

/// One ladder: given the rung index, apply it and return true, or return false when the ladder is
/// exhausted.
using Ladder = std::function<bool(Workspace&, int rung)>;

const std::map<std::string, Ladder>& ladders() {
  static const std::map<std::string, Ladder> table = {
      // Line-search bracketing failed: the conjugate-gradient step is lost. Restart from the last
      // geometry with the quasi-Newton optimiser, then tighten EDIFF (VASP's own advice).
      {"zbrent",
       [](Workspace& w, int rung) {
         if (rung == 0) {
           w.set("IBRION", 1);
           w.continue_from_contcar();
           return true;
         }
         if (rung == 1) {
           w.set("EDIFF", w.real_or("EDIFF", 1e-4) / 10.0);
           w.continue_from_contcar();
           return true;
         }
         if (rung == 2) {
           w.set("IBRION", 3);
           w.set("POTIM", 0.1);
           w.continue_from_contcar();
           return true;
         }
         return false;
       }},
      // The Davidson subspace diagonalisation failed: restart the density and use ALGO = All.
      {"edddav",
       [](Workspace& w, int rung) {
         if (rung == 0) {
           w.delete_file("CHGCAR");
           w.set("ALGO", "All");
           return true;
         }
         const auto nbands = current_nbands(w);
         if (rung == 1 && nbands && *nbands > 0) {
           // VASP's advice with this error: more bands.
           w.delete_file("WAVECAR");
           w.set("ALGO", "Normal");
           w.set("NBANDS", static_cast<long long>(std::ceil(1.1 * static_cast<double>(*nbands))));
           return true;
         }
         return false;
       }},
      {"brmix",
       [](Workspace& w, int rung) {
         if (rung == 0) {
           w.set("IMIX", 1);  // Kerker mixing
           return true;
         }
         if (rung == 1) {
           w.unset("IMIX");
           if (!w.switch_kpoints_to(KpointsMode::gamma)) w.set("AMIX", 0.1), w.set("BMIX", 0.01);
           return true;
         }
         if (rung == 2) {
           w.set("ISYM", 0);
           w.delete_file("CHGCAR");
           w.delete_file("WAVECAR");
           return true;
         }
         return false;
       }},
      {"subspacematrix",
       [](Workspace& w, int rung) {
         if (rung == 0) return w.set("LREAL", false), true;
         if (rung == 1) return w.set("PREC", "Accurate"), true;
         return false;
       }},
      {"too_few_bands",
       [](Workspace& w, int rung) {
         auto n = current_nbands(w);
         if (rung > 2 || !n || *n <= 0) return false;
         w.set("NBANDS", static_cast<long long>(std::ceil(1.1 * static_cast<double>(*n))) + 1);
         return true;
       }},
      {"zpotrf",
       [](Workspace& w, int rung) {
         if (rung > 1) return false;
         // Wrong overlap Cholesky: after ionic steps a too large step, else symmetry noise.
         if (ionic_steps_done(w.folder) >= 1) {
           w.set("ISYM", 0);
           w.set("POTIM", w.real_or("POTIM", 0.5) / 2.0);
           w.continue_from_contcar();
         } else {
           w.set("ISYM", 0);
         }
         w.delete_file("CHGCAR");
         w.delete_file("WAVECAR");
         return true;
       }},
      {"eddrmm",
       [](Workspace& w, int rung) {
         if (rung > 1) return false;
         const std::string algo = w.algo();
         if (algo == "fast" || algo == "veryfast")
           w.set("ALGO", "Normal");
         else
           w.set("POTIM", w.real_or("POTIM", 0.5) / 2.0);
         w.delete_file("CHGCAR");
         w.delete_file("WAVECAR");
         return true;
       }},
      {"zheev", [](Workspace& w, int rung) { return rung == 0 && (w.set("ALGO", "Exact"), true); }},
      {"eddiag",
       [](Workspace& w, int rung) { return rung == 0 && (w.set("ALGO", "Exact"), true); }},
      {"pssyevx",
       [](Workspace& w, int rung) { return rung == 0 && (w.set("ALGO", "Normal"), true); }},
      {"tet",
       [](Workspace& w, int rung) {
         if (rung != 0) return false;
         if (auto ks = w.incar.real("KSPACING"); ks && !w.incar.has("ISMEAR"))
           w.set("KSPACING", *ks * 0.8);
         else
           w.set("ISMEAR", 0), w.set("SIGMA", 0.05);
         return true;
       }},
      {"dentet",
       [](Workspace& w, int rung) {
         return rung == 0 && (w.set("ISMEAR", 0), w.set("SIGMA", 0.05), true);
       }},
      {"algo_tet",
       [](Workspace& w, int rung) {
         return rung == 0 && w.int_or("ISMEAR", 1) < 0 &&
                (w.set("ISMEAR", 0), w.set("SIGMA", 0.05), true);
       }},
      {"inv_rot_mat",
       [](Workspace& w, int rung) { return rung == 0 && (w.set("SYMPREC", 1e-8), true); }},
      {"pricel",
       [](Workspace& w, int rung) {
         return rung == 0 && (w.set("SYMPREC", 1e-8), w.set("ISYM", 0), true);
       }},
      {"tetirr",
       [](Workspace& w, int rung) { return rung == 0 && w.switch_kpoints_to(KpointsMode::gamma); }},
      {"incorrect_shift",
       [](Workspace& w, int rung) { return rung == 0 && w.switch_kpoints_to(KpointsMode::gamma); }},
      {"rot_matrix",
       [](Workspace& w, int rung) {
         if (rung != 0) return false;
         if (!w.switch_kpoints_to(KpointsMode::gamma)) w.set("ISYM", 0);
         return true;
       }},
      {"brions",
       [](Workspace& w, int rung) {
         return rung < 2 && (w.set("POTIM", w.real_or("POTIM", 0.5) + 0.1), true);
       }},
      {"amin", [](Workspace& w, int rung) { return rung == 0 && (w.set("AMIN", 0.01), true); }},
      {"real_optlay",
       [](Workspace& w, int rung) { return rung == 0 && (w.set("LREAL", false), true); }},
      {"rspher", [](Workspace& w, int rung) { return rung == 0 && (w.set("LREAL", false), true); }},
      {"nicht_konv",
       [](Workspace& w, int rung) { return rung == 0 && (w.set("LREAL", false), true); }},
      {"grad_not_orth",
       [](Workspace& w, int rung) {
         const std::string algo = w.algo();
         return rung == 0 && (algo == "all" || algo == "damped") && (w.set("ALGO", "Normal"), true);
       }},
      {"rhosyg",
       [](Workspace& w, int rung) {
         return rung == 0 && (w.set("ISYM", 0), w.set("SYMPREC", 1e-4), true);
       }},
      {"posmap",
       [](Workspace& w, int rung) {
         if (rung == 0) return w.set("SYMPREC", w.real_or("SYMPREC", 1e-5) / 10.0), true;
         if (rung == 1) return w.set("SYMPREC", w.real_or("SYMPREC", 1e-6) * 100.0), true;
         return false;
       }},
      {"point_group", [](Workspace& w, int rung) { return rung == 0 && (w.set("ISYM", 0), true); }},
      {"symprec_noise",
       [](Workspace& w, int rung) {
         if (rung != 0) return false;
         if (w.int_or("ISYM", 2) > 0 && w.real_or("SYMPREC", 1e-5) > 1e-6)
           w.set("SYMPREC", 1e-6);
         else
           w.set("ISYM", 0);
         return true;
       }},
      {"elf_kpar", [](Workspace& w, int rung) { return rung == 0 && (w.set("KPAR", 1), true); }},
      {"dfpt_ncore",
       [](Workspace& w, int rung) {
         if (rung != 0 || !(w.incar.has("NCORE") || w.incar.has("NPAR"))) return false;
         w.unset("NCORE");
         w.unset("NPAR");
         return true;
       }},
      // Electronic steps hit NELM: a more robust minimiser first, then gentler mixing, then more
      // steps (custodian's UnconvergedErrorHandler ladder, condensed).
      {error_code::unconverged_scf,
       [](Workspace& w, int rung) {
         const std::string algo = w.algo();
         if (rung == 0) {
           w.set("ALGO", (algo == "fast" || algo == "veryfast") ? "Normal" : "All");
         } else if (rung == 1) {
           if (algo != "all") w.set("ALGO", "All");
           w.set("AMIX", 0.1);
           w.set("BMIX", 0.01);
           w.set("ICHARG", 2);
         } else if (rung == 2) {
           w.set("NELM", static_cast<long long>(w.int_or("NELM", 60) * 2));
           w.set("ALGO", "Damped");
           w.set("TIME", 0.5);
         } else {
           return false;
         }
         if (w.int_or("NSW", 0) > 0) w.continue_from_contcar();
         return true;
       }},
      // NSW reached before EDIFFG: continue from the last geometry.
      {error_code::unfinished_relaxation,
       [](Workspace& w, int rung) { return rung < 3 && w.continue_from_contcar(); }},
      // Killed (walltime, node failure): continue a relaxation from CONTCAR, else rerun as is.
      {error_code::incomplete,
       [](Workspace& w, int rung) {
         if (rung > 1) return false;
         if (!w.continue_from_contcar()) w.actions.push_back("rerun unchanged");
         return true;
       }},
  };
  return table;
}

}  // namespace

std::optional<Repair> repair_job(const fs::path& folder, const std::vector<VaspError>& errors,
                                 const std::map<std::string, int>& previous) {
  for (const auto& error : errors) {
    if (!is_fatal_error(error.code)) continue;
    const auto ladder = ladders().find(error.code);
    if (ladder == ladders().end()) continue;
    const auto count = previous.find(error.code);
    const int rung = count == previous.end() ? 0 : count->second;
    Workspace w{folder, Incar::read(folder / "INCAR"), {}, false};
    // A rung either acts and returns true, or returns false before touching any file.
    const std::string incar_before = w.incar.str();
    if (!ladder->second(w, rung)) continue;
    if (w.incar_changed && w.incar.str() != incar_before) w.incar.write(folder / "INCAR");
    if (w.actions.empty()) continue;
    return Repair{error.code, rung, w.actions};
  }
  return std::nullopt;
}

}  // namespace fw::vasp
