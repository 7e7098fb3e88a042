/// \file outcar.cpp
/// \brief OUTCAR reader: one pass over the lines, a small state machine per table.
#include "vasp_io/outcar.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "core/error.hpp"
#include "vasp_io/fortran_number.hpp"
#include "vasp_io/text_source.hpp"

namespace fw::vasp {

namespace {

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}
bool contains(std::string_view s, std::string_view what) {
  return s.find(what) != std::string_view::npos;
}

/// The value after "NAME =" in a header line such as "ISPIN  =      2    spin polarized".
std::string_view value_after(std::string_view line, std::string_view name) {
  const std::size_t at = line.find(name);
  if (at == std::string_view::npos) return {};
  std::size_t eq = line.find('=', at + name.size());
  if (eq == std::string_view::npos) return {};
  std::string_view tokens[1];
  if (split_blanks(line.substr(eq + 1), tokens, 1) < 1) return {};
  std::string_view v = tokens[0];
  while (!v.empty() && (v.back() == ';' || v.back() == ',')) v.remove_suffix(1);
  return v;
}

class OutcarScanner {
 public:
  explicit OutcarScanner(std::string source) { out_.source = std::move(source); }

  bool line(std::string_view raw, long long number) {
    line_number_ = number;
    ++lines_seen_;
    if (lines_seen_ == kLinesBeforeGivingUp && out_.vasp_version.empty() && out_.nions == 0 &&
        out_.ionic_steps.empty() && !scf_started_)
      throw InputError(out_.source, static_cast<int>(number),
                       "not a VASP OUTCAR: no 'vasp.X.Y.Z' header, NIONS or SCF iteration in the "
                       "first " +
                           std::to_string(kLinesBeforeGivingUp) + " lines");
    if (cell_rows_left_ > 0) {
      read_cell_row(raw);
      return true;
    }
    if (mode_ != Mode::none) {
      continue_table(raw);
      return true;
    }
    const std::string_view t = trim(raw);
    if (t.empty()) return true;
    if (in_timing_block_) {
      timing_line(t);
      return true;
    }
    switch (t.front()) {
      case 'v':
        if (out_.vasp_version.empty() && starts_with(t, "vasp.")) {
          std::string_view tok[1];
          split_blanks(t, tok, 1);
          out_.vasp_version = std::string(tok[0].substr(5));
        }
        break;
      case 'r':
        if (!out_.run_stats.cores && starts_with(t, "running")) read_cores(t);
        if (starts_with(t, "reached required accuracy")) out_.reached_required_accuracy = true;
        break;
      case 'n':
        if (starts_with(t, "number of electron"))
          read_electron_count(t);
        else if (starts_with(t, "number of dos") && contains(t, "NIONS")) {
          out_.nions = static_cast<int>(integer(value_after(t, "NIONS"), "NIONS"));
        }
        break;
      case 'N':
        if (starts_with(t, "NELECT =") && !out_.nelect_parameter)
          out_.nelect_parameter = real(value_after(t, "NELECT"), "NELECT");
        else if (starts_with(t, "NELM") && !out_.nelm)
          out_.nelm = static_cast<int>(integer(value_after(t, "NELM"), "NELM"));
        else if (starts_with(t, "NSW") && !out_.nsw)
          out_.nsw = static_cast<int>(integer(value_after(t, "NSW"), "NSW"));
        break;
      case 'I':
        if (starts_with(t, "ISPIN") && contains(t, "="))
          out_.ispin = static_cast<int>(integer(value_after(t, "ISPIN"), "ISPIN"));
        else if (starts_with(t, "IBRION") && !out_.ibrion)
          out_.ibrion = static_cast<int>(integer(value_after(t, "IBRION"), "IBRION"));
        break;
      case 'L':
        if (starts_with(t, "LNONCOLLINEAR"))
          out_.noncollinear = value_after(t, "LNONCOLLINEAR") == "T";
        else if (starts_with(t, "LSORBIT"))
          out_.spin_orbit = value_after(t, "LSORBIT") == "T";
        break;
      case 'd':
        if (!out_.ngf && starts_with(t, "dimension x,y,z NGXF="))
          read_ngf(t);
        else if (starts_with(t, "direct lattice vectors"))
          cell_rows_left_ = 3;
        break;
      case 'T':
        if (starts_with(t, "TITEL")) read_titel(t);
        break;
      case 'E':
        if (starts_with(t, "E-fermi")) read_efermi(t);
        break;
      case '-':
        if (contains(t, " Iteration ")) {
          ++pending_.electronic_steps;
          scf_started_ = true;
        } else if (contains(t, "aborting loop because EDIFF is reached")) {
          pending_.electronic_converged = true;
        }
        break;
      case 'F':
        if (starts_with(t, "FREE ENERGIE OF THE ION-ELECTRON SYSTEM")) in_energy_block_ = true;
        break;
      case 'f':
        if (in_energy_block_ && starts_with(t, "free  energy   TOTEN")) {
          pending_.energies.free_energy_eV = real(value_after(t, "TOTEN"), "free energy TOTEN");
        }
        break;
      case 'e':
        if (in_energy_block_ && starts_with(t, "energy  without entropy")) read_final_energies(t);
        break;
      case 'P':
        if (starts_with(t, "POSITION") && contains(t, "TOTAL-FORCE")) {
          mode_ = Mode::forces_header;
          pending_.positions_A.clear();
          pending_.forces_eV_per_A.clear();
        }
        break;
      case 't':
        if (starts_with(t, "total drift:"))
          read_drift(t);
        else if (t == "total charge")
          start_orbital_table(Table::charge);
        break;
      case 'm':
        if (t == "magnetization (x)")
          start_orbital_table(Table::mag_x);
        else if (t == "magnetization (y)")
          start_orbital_table(Table::mag_y);
        else if (t == "magnetization (z)")
          start_orbital_table(Table::mag_z);
        break;
      case 'i':
        if (starts_with(t, "in kB"))
          read_stress(t);
        else if (out_.ions_per_type.empty() && starts_with(t, "ions per type"))
          read_ions_per_type(t);
        break;
      case 'G':
        if (starts_with(t, "General timing and accounting")) {
          out_.finished = true;
          in_timing_block_ = true;
        }
        break;
      case 's':
        if (starts_with(t, "soft stop encountered!")) out_.stopped_by_stopcar = true;
        break;
      case 'W':
        if (starts_with(t, "WARNING")) add_warning(std::string(t));
        break;
      case '|':
        box_line(t);
        break;
      default:
        break;
    }
    if (t.front() != '|' && box_ != Box::none && !box_text_.empty()) close_box();
    return true;
  }

  Outcar finish() {
    if (mode_ != Mode::none) end_table();
    close_box();
    if (lines_seen_ == 0) throw InputError(out_.source, "empty file: expected a VASP OUTCAR");
    if (out_.vasp_version.empty() && out_.nions == 0 && out_.ionic_steps.empty()) {
      throw InputError(out_.source, 1,
                       "not a VASP OUTCAR: no 'vasp.X.Y.Z' header, no NIONS and no energy block");
    }
    if (out_.nions == 0) out_.completeness.mark_missing("NIONS (header cut off)");
    if (out_.vasp_version.empty())
      out_.completeness.mark_missing("VASP version line (header cut off)");
    out_.has_unfinished_step = scf_started_;
    if (scf_started_) {
      out_.completeness.mark_missing(
          "ionic step " + std::to_string(out_.ionic_steps.size() + 1) +
          ": SCF started but no final energy block; its energies are not reported");
    }
    if (out_.ionic_steps.empty()) out_.completeness.mark_missing("any completed ionic step");
    if (!out_.finished) {
      out_.completeness.mark_missing(
          "General timing block: VASP did not finish (still running, killed, or file truncated)");
    }
    return std::move(out_);
  }

 private:
  // A real OUTCAR (or its tail) shows its header or an SCF iteration long before this: a bigger
  // text without either is rejected without reading it to the end.
  static constexpr long long kLinesBeforeGivingUp = 100000;
  enum class Mode { none, forces_header, forces, orbital_header, orbital_rows };
  enum class Box { none, warning, advice };
  enum class Table { charge, mag_x, mag_y, mag_z };

  double real(std::string_view token, std::string_view what) const {
    auto v = parse_fortran_double(token);
    if (!v) {
      throw InputError(
          out_.source, static_cast<int>(line_number_),
          "expected a number for " + std::string(what) + ", found '" + std::string(token) + "'");
    }
    return *v;
  }
  long long integer(std::string_view token, std::string_view what) const {
    auto v = parse_integer(token);
    if (!v) {
      throw InputError(
          out_.source, static_cast<int>(line_number_),
          "expected an integer for " + std::string(what) + ", found '" + std::string(token) + "'");
    }
    return *v;
  }

  void read_titel(std::string_view t) {
    // "TITEL  = PAW_PBE Ni_pv 06Sep2000" (also "US Au", or a bare "Au"): the element is the
    // dataset name up to its first '_'.
    const std::size_t eq = t.find('=');
    if (eq == std::string_view::npos) return;
    std::string_view tok[2];
    const int n = split_blanks(t.substr(eq + 1), tok, 2);
    if (n < 1) return;
    std::string_view name = n >= 2 ? tok[1] : tok[0];
    name = name.substr(0, name.find('_'));
    out_.species.emplace_back(name);
  }

  void read_ions_per_type(std::string_view t) {
    const std::size_t eq = t.find('=');
    if (eq == std::string_view::npos) return;
    std::string_view tok[64];
    const int n = split_blanks(t.substr(eq + 1), tok, 64);
    for (int i = 0; i < n; ++i)
      out_.ions_per_type.push_back(static_cast<int>(integer(tok[i], "ions per type")));
  }

  // One row of a "direct lattice vectors" block: a1 a2 a3 then the reciprocal vector. VASP prints
  // the block in the header and, in every ionic step, after "VOLUME and BASIS-vectors are now"
  // (before the step's forces): the last one seen is the step's cell. Fixed-width fields can run
  // together for huge cells; then the cell is left unknown until the next readable block.
  void read_cell_row(std::string_view raw) {
    const int row = 3 - cell_rows_left_;
    --cell_rows_left_;
    std::string_view tok[6];
    std::optional<double> v[3];
    if (split_blanks(raw, tok, 6) >= 3)
      for (int k = 0; k < 3; ++k) v[k] = parse_fortran_double(tok[k]);
    if (!v[0] || !v[1] || !v[2]) {
      cell_rows_left_ = 0;
      cell_unreadable_ = true;
      current_cell_.reset();
      return;
    }
    pending_cell_[row] = Vec3{*v[0], *v[1], *v[2]};
    if (cell_rows_left_ > 0) return;
    if (!out_.initial_cell_A && !cell_unreadable_) out_.initial_cell_A = pending_cell_;
    current_cell_ = pending_cell_;
  }

  void read_cores(std::string_view t) {
    // "running on   12 total cores", "running on   16 nodes", "running   64 mpi-ranks, on 1 nodes"
    std::string_view tok[3];
    const int n = split_blanks(t, tok, 3);
    if (n >= 3 && tok[1] == "on")
      out_.run_stats.cores = static_cast<int>(parse_integer(tok[2]).value_or(0));
    else if (n >= 2)
      out_.run_stats.cores = static_cast<int>(parse_integer(tok[1]).value_or(0));
    if (out_.run_stats.cores == 0) out_.run_stats.cores.reset();
  }

  void read_electron_count(std::string_view t) {
    // "number of electron  28.0000001 magnetization  4.0000000" (+2 more for noncollinear)
    std::string_view tok[8];
    const int n = split_blanks(t, tok, 8);
    if (n < 4) return;
    pending_nelect_ = real(tok[3], "number of electron");
    pending_mag_.reset();
    pending_mag_vector_.reset();
    if (n >= 8) {
      pending_mag_vector_ = Vec3{real(tok[5], "magnetization"), real(tok[6], "magnetization"),
                                 real(tok[7], "magnetization")};
    } else if (n >= 6) {
      pending_mag_ = real(tok[5], "magnetization");
    }
    out_.nelect = pending_nelect_;
    out_.total_magnetization_muB = pending_mag_;
    out_.total_magnetization_vector_muB = pending_mag_vector_;
  }

  void read_efermi(std::string_view t) {
    // "E-fermi :   5.9798     XC(G=0): -11.6722     alpha+bet :-10.9685"; may be "********".
    const std::size_t colon = t.find(':');
    if (colon == std::string_view::npos) return;
    std::string_view tok[1];
    if (split_blanks(t.substr(colon + 1), tok, 1) < 1) return;
    auto v = parse_fortran_double(tok[0]);
    if (v && std::isfinite(*v)) {
      pending_.efermi_eV = *v;
      out_.efermi_eV = *v;
    } else {
      add_warning("E-fermi printed as '" + std::string(tok[0]) + "' (overflow) at line " +
                  std::to_string(line_number_));
    }
  }

  void read_ngf(std::string_view t) {
    out_.ngf = std::array<int, 3>{static_cast<int>(integer(value_after(t, "NGXF"), "NGXF")),
                                  static_cast<int>(integer(value_after(t, "NGYF"), "NGYF")),
                                  static_cast<int>(integer(value_after(t, "NGZF"), "NGZF"))};
  }

  void read_final_energies(std::string_view t) {
    // "energy  without entropy=      -20.66323714  energy(sigma->0) =      -20.66323714"
    const std::size_t eq = t.find('=');
    const std::size_t sigma = t.find("energy(sigma->0)");
    if (eq == std::string_view::npos || sigma == std::string_view::npos) {
      throw InputError(out_.source, static_cast<int>(line_number_),
                       "expected 'energy  without entropy= E  energy(sigma->0) = E0'");
    }
    std::string_view tok[1];
    split_blanks(t.substr(eq + 1, sigma - eq - 1), tok, 1);
    pending_.energies.energy_without_entropy_eV = real(tok[0], "energy without entropy");
    pending_.energies.energy_sigma0_eV =
        real(value_after(t.substr(sigma), "energy(sigma->0)"), "energy(sigma->0)");
    if (std::isnan(pending_.energies.free_energy_eV)) {
      throw InputError(out_.source, static_cast<int>(line_number_),
                       "energy block without its 'free  energy   TOTEN' line");
    }
    pending_.total_magnetization_muB = pending_mag_;
    // VASP 5 prints "EDIFF is reached" even when the loop stopped at NELM; like pymatgen, a step
    // that used all NELM iterations counts as not converged.
    if (out_.nelm && pending_.electronic_steps >= *out_.nelm) pending_.electronic_converged = false;
    pending_.cell_A = current_cell_;
    out_.ionic_steps.push_back(std::move(pending_));
    pending_ = OutcarIonicStep{};
    in_energy_block_ = false;
    scf_started_ = false;
  }

  void read_drift(std::string_view t) {
    std::string_view tok[5];
    if (split_blanks(t, tok, 5) < 5) return;
    pending_.total_drift_eV_per_A =
        Vec3{real(tok[2], "total drift"), real(tok[3], "total drift"), real(tok[4], "total drift")};
  }

  void read_stress(std::string_view t) {
    std::string_view tok[8];
    if (split_blanks(t, tok, 8) < 8) return;
    std::array<double, 6> s{};
    for (int i = 0; i < 6; ++i) s[static_cast<std::size_t>(i)] = real(tok[i + 2], "stress (in kB)");
    if (std::any_of(s.begin(), s.end(), [](double x) { return std::isnan(x); })) {
      add_warning("stress printed as asterisks (overflow) at line " + std::to_string(line_number_));
    }
    pending_.stress_kbar = s;
  }

  void start_orbital_table(Table which) {
    table_ = which;
    table_rows_ = OrbitalTable{};
    mode_ = Mode::orbital_header;
  }

  void continue_table(std::string_view raw) {
    const std::string_view t = trim(raw);
    switch (mode_) {
      case Mode::forces_header:
        if (starts_with(t, "---")) mode_ = Mode::forces;
        return;
      case Mode::forces: {
        std::string_view tok[6];
        const int n = split_blanks(t, tok, 6);
        if (n == 6 && !starts_with(t, "---")) {
          pending_.positions_A.push_back(
              {real(tok[0], "position"), real(tok[1], "position"), real(tok[2], "position")});
          pending_.forces_eV_per_A.push_back(
              {real(tok[3], "force"), real(tok[4], "force"), real(tok[5], "force")});
          return;
        }
        if (out_.nions > 0 &&
            pending_.forces_eV_per_A.size() != static_cast<std::size_t>(out_.nions)) {
          throw InputError(out_.source, static_cast<int>(line_number_),
                           "POSITION/TOTAL-FORCE table has " +
                               std::to_string(pending_.forces_eV_per_A.size()) +
                               " rows, expected NIONS = " + std::to_string(out_.nions));
        }
        mode_ = Mode::none;
        return;
      }
      case Mode::orbital_header:
        if (starts_with(t, "# of ion")) {
          std::string_view tok[16];
          const int n = split_blanks(t.substr(8), tok, 16);
          for (int i = 0; i < n; ++i) table_rows_.columns.emplace_back(tok[i]);
        } else if (starts_with(t, "---") && !table_rows_.columns.empty()) {
          mode_ = Mode::orbital_rows;
        } else if (!t.empty()) {
          mode_ = Mode::none;  // not a table after all
        }
        return;
      case Mode::orbital_rows: {
        std::string_view tok[17];
        const int n = split_blanks(t, tok, 17);
        if (n == static_cast<int>(table_rows_.columns.size()) + 1 && parse_integer(tok[0])) {
          std::vector<double> row;
          for (int i = 1; i < n; ++i) row.push_back(real(tok[i], "site charge/moment"));
          table_rows_.rows.push_back(std::move(row));
          return;
        }
        end_table();
        return;
      }
      case Mode::none:
        return;
    }
  }

  void end_table() {
    if (mode_ == Mode::orbital_rows && !table_rows_.rows.empty()) {
      switch (table_) {
        case Table::charge:
          out_.charge = std::move(table_rows_);
          break;
        case Table::mag_x:
          out_.magnetization_x = std::move(table_rows_);
          break;
        case Table::mag_y:
          out_.magnetization_y = std::move(table_rows_);
          break;
        case Table::mag_z:
          out_.magnetization_z = std::move(table_rows_);
          break;
      }
    }
    table_rows_ = OrbitalTable{};
    mode_ = Mode::none;
  }

  void timing_line(std::string_view t) {
    const std::size_t colon = t.find(':');
    if (colon == std::string_view::npos) return;
    const std::string_view key = trim(t.substr(0, colon));
    const std::string_view value = trim(t.substr(colon + 1));
    auto v = parse_fortran_double(value);
    if (v && !std::isfinite(*v)) v.reset();
    if (key == "Total CPU time used (sec)")
      out_.run_stats.total_cpu_time_s = v;
    else if (key == "User time (sec)")
      out_.run_stats.user_time_s = v;
    else if (key == "System time (sec)")
      out_.run_stats.system_time_s = v;
    else if (key == "Elapsed time (sec)")
      out_.run_stats.elapsed_time_s = v;
    else if (key == "Maximum memory used (kb)")
      out_.run_stats.maximum_memory_kb = v;
    else if (key == "Average memory used (kb)")
      out_.run_stats.average_memory_kb = v;
  }

  // VASP 5.4+/6 print warnings in boxes: ASCII-art "WARNING" (or "ADVICE") then text lines.
  void box_line(std::string_view t) {
    if (contains(t, "W    W    AA    RRRRR")) {
      close_box();
      box_ = Box::warning;
      art_lines_ = 6;
      return;
    }
    if (contains(t, "----> ADVICE to this user running VASP <----")) {
      close_box();
      box_ = Box::advice;
      art_lines_ = 0;
      return;
    }
    if (box_ == Box::none) return;
    if (art_lines_ > 0) {
      --art_lines_;
      return;
    }
    std::string_view inner = t.substr(1);
    if (!inner.empty() && inner.back() == '|') inner.remove_suffix(1);
    inner = trim(inner);
    if (inner.empty()) return;
    if (!box_text_.empty()) box_text_ += ' ';
    box_text_ += inner;
  }

  void close_box() {
    if (box_ != Box::none && !box_text_.empty()) {
      add_warning((box_ == Box::advice ? "ADVICE: " : "WARNING: ") + box_text_);
    }
    box_ = Box::none;
    box_text_.clear();
  }

  void add_warning(std::string text) {
    if (seen_warnings_.insert(text).second) out_.warnings.push_back(std::move(text));
  }

  Outcar out_;
  OutcarIonicStep pending_;
  std::optional<double> pending_nelect_, pending_mag_;
  std::optional<Vec3> pending_mag_vector_;
  long long line_number_ = 0, lines_seen_ = 0;
  Mode mode_ = Mode::none;
  Table table_ = Table::charge;
  OrbitalTable table_rows_;
  bool in_energy_block_ = false, in_timing_block_ = false, scf_started_ = false;
  int cell_rows_left_ = 0;
  bool cell_unreadable_ = false;  ///< the header's cell could not be read: no initial cell
  Mat3 pending_cell_;
  std::optional<Mat3> current_cell_;
  Box box_ = Box::none;
  int art_lines_ = 0;
  std::string box_text_;
  std::set<std::string> seen_warnings_;
};

nlohmann::json vec(const Vec3& v) {
  return nlohmann::json::array({v.x, v.y, v.z});
}
nlohmann::json vecs(const std::vector<Vec3>& vs) {
  nlohmann::json a = nlohmann::json::array();
  for (const auto& v : vs) a.push_back(vec(v));
  return a;
}
nlohmann::json table_json(const OrbitalTable& t) {
  if (t.empty()) return nullptr;
  return {{"columns", t.columns}, {"sites", t.rows}};
}

}  // namespace

Outcar parse_outcar(std::string_view text, const std::string& source) {
  return scan_lines(OutcarScanner(source), text, source);
}

Outcar read_outcar(const std::filesystem::path& path) {
  return scan_lines(OutcarScanner(path.string()), path);
}

nlohmann::json to_json(const Outcar& o) {
  nlohmann::json j;
  j["file_type"] = "OUTCAR";
  j["source"] = o.source;
  j["vasp_version"] = o.vasp_version;
  j["nions"] = o.nions;
  j["ispin"] = o.ispin;
  j["noncollinear"] = o.noncollinear;
  j["spin_orbit"] = o.spin_orbit;
  j["ibrion"] = o.ibrion ? nlohmann::json(*o.ibrion) : nlohmann::json(nullptr);
  j["nsw"] = o.nsw ? nlohmann::json(*o.nsw) : nlohmann::json(nullptr);
  j["nelm"] = o.nelm ? nlohmann::json(*o.nelm) : nlohmann::json(nullptr);
  j["nelect"] = json_or_null(o.nelect);
  j["nelect_parameter"] = json_or_null(o.nelect_parameter);
  j["efermi_eV"] = json_or_null(o.efermi_eV);
  j["total_magnetization_muB"] = json_or_null(o.total_magnetization_muB);
  j["total_magnetization_vector_muB"] = o.total_magnetization_vector_muB
                                            ? vec(*o.total_magnetization_vector_muB)
                                            : nlohmann::json(nullptr);
  j["ngf"] = o.ngf ? nlohmann::json(*o.ngf) : nlohmann::json(nullptr);
  j["species"] = o.species;
  j["ions_per_type"] = o.ions_per_type;
  if (o.initial_cell_A) {
    j["initial_cell_A"] = nlohmann::json::array();
    for (int r = 0; r < 3; ++r) j["initial_cell_A"].push_back(vec((*o.initial_cell_A)[r]));
  } else {
    j["initial_cell_A"] = nullptr;
  }
  j["n_ionic_steps"] = o.ionic_steps.size();
  if (const OutcarIonicStep* last = o.last_step()) {
    j["final_free_energy_eV"] = last->energies.free_energy_eV;
    j["final_energy_without_entropy_eV"] = last->energies.energy_without_entropy_eV;
    j["final_energy_sigma0_eV"] = last->energies.energy_sigma0_eV;
    j["final_positions_A"] = vecs(last->positions_A);
    j["final_forces_eV_per_A"] = vecs(last->forces_eV_per_A);
  } else {
    j["final_free_energy_eV"] = nullptr;
    j["final_energy_without_entropy_eV"] = nullptr;
    j["final_energy_sigma0_eV"] = nullptr;
    j["final_positions_A"] = nullptr;
    j["final_forces_eV_per_A"] = nullptr;
  }
  nlohmann::json steps = nlohmann::json::array();
  for (const auto& s : o.ionic_steps) {
    nlohmann::json js = to_json(s.energies);
    js["electronic_steps"] = s.electronic_steps;
    js["electronic_converged"] = s.electronic_converged;
    js["efermi_eV"] = json_or_null(s.efermi_eV);
    js["total_magnetization_muB"] = json_or_null(s.total_magnetization_muB);
    if (s.stress_kbar) {
      nlohmann::json st = nlohmann::json::array();
      for (double x : *s.stress_kbar)
        st.push_back(std::isfinite(x) ? nlohmann::json(x) : nlohmann::json(nullptr));
      js["stress_xx_yy_zz_xy_yz_zx_kbar"] = st;
    } else {
      js["stress_xx_yy_zz_xy_yz_zx_kbar"] = nullptr;
    }
    if (s.cell_A) {
      js["cell_A"] = nlohmann::json::array();
      for (int r = 0; r < 3; ++r) js["cell_A"].push_back(vec((*s.cell_A)[r]));
    } else {
      js["cell_A"] = nullptr;
    }
    js["positions_A"] = vecs(s.positions_A);
    js["forces_eV_per_A"] = vecs(s.forces_eV_per_A);
    js["total_drift_eV_per_A"] =
        s.total_drift_eV_per_A ? vec(*s.total_drift_eV_per_A) : nlohmann::json(nullptr);
    steps.push_back(std::move(js));
  }
  j["ionic_steps"] = std::move(steps);
  j["charge_e"] = table_json(o.charge);
  j["magnetization_x_muB"] = table_json(o.magnetization_x);
  j["magnetization_y_muB"] = table_json(o.magnetization_y);
  j["magnetization_z_muB"] = table_json(o.magnetization_z);
  j["warnings"] = o.warnings;
  j["finished"] = o.finished;
  j["reached_required_accuracy"] = o.reached_required_accuracy;
  j["stopped_by_stopcar"] = o.stopped_by_stopcar;
  j["has_unfinished_step"] = o.has_unfinished_step;
  const auto& r = o.run_stats;
  j["run_stats"] = {{"elapsed_time_s", json_or_null(r.elapsed_time_s)},
                    {"total_cpu_time_s", json_or_null(r.total_cpu_time_s)},
                    {"user_time_s", json_or_null(r.user_time_s)},
                    {"system_time_s", json_or_null(r.system_time_s)},
                    {"maximum_memory_kb", json_or_null(r.maximum_memory_kb)},
                    {"average_memory_kb", json_or_null(r.average_memory_kb)},
                    {"cores", r.cores ? nlohmann::json(*r.cores) : nlohmann::json(nullptr)}};
  add_completeness(j, o.completeness);
  return j;
}

}  // namespace fw::vasp
