/// \file oszicar.cpp
/// \brief OSZICAR reader: SCF lines ("DAV:  3  E  dE  deps ...") and ionic summaries ("1 F= ...").
#include "vasp_io/oszicar.hpp"

#include <cmath>

#include "core/error.hpp"
#include "vasp_io/fortran_number.hpp"
#include "vasp_io/text_source.hpp"

namespace fw::vasp {

namespace {

class OszicarScanner {
 public:
  explicit OszicarScanner(std::string source) { out_.source = std::move(source); }

  bool line(std::string_view raw, long long number) {
    line_number_ = number;
    ++lines_seen_;
    // Every OSZICAR line is an SCF or ionic line (or a rare note): a long text without one is no
    // OSZICAR, refused without reading it to the end.
    if (lines_seen_ == kLinesBeforeGivingUp && out_.ionic_steps.empty() && pending_.empty())
      throw InputError(out_.source, static_cast<int>(number),
                       "not a VASP OSZICAR: no SCF or 'F=' line in the first " +
                           std::to_string(kLinesBeforeGivingUp) + " lines");
    const std::string_view t = trim(raw);
    if (t.empty()) return true;
    std::string_view tok[8];
    const int n = split_blanks(t, tok, 8);
    if (tok[0].back() == ':' && n >= 5) {
      electronic_line(tok, n);
    } else if (parse_integer(tok[0]) && t.find("F=") != std::string_view::npos) {
      ionic_line(t);
    }
    return true;
  }

  Oszicar finish() {
    if (lines_seen_ == 0) throw InputError(out_.source, "empty file: expected a VASP OSZICAR");
    if (out_.ionic_steps.empty() && pending_.empty()) {
      throw InputError(out_.source, 1,
                       "not a VASP OSZICAR: no SCF lines ('DAV:', 'RMM:') and no 'N F= ...' lines");
    }
    if (!pending_.empty()) {
      out_.completeness.mark_missing(
          "ionic step " + std::to_string(out_.ionic_steps.size() + 1) + ": " +
          std::to_string(pending_.size()) +
          " SCF steps but no 'F=' summary (running, killed or truncated)");
      out_.unfinished_step = std::move(pending_);
    }
    if (out_.ionic_steps.empty()) out_.completeness.mark_missing("any completed ionic step");
    return std::move(out_);
  }

 private:
  static constexpr long long kLinesBeforeGivingUp = 10000;
  double number(std::string_view token, std::string_view what) const {
    auto v = parse_fortran_double(token);
    if (!v) {
      throw InputError(
          out_.source, static_cast<int>(line_number_),
          "expected a number for " + std::string(what) + ", found '" + std::string(token) + "'");
    }
    return *v;
  }

  void electronic_line(const std::string_view* tok, int n) {
    // Other colon lines exist (e.g. "BRION: g(F)= ..."): an SCF line has an integer then numbers.
    const auto index = parse_integer(tok[1]);
    const auto energy = parse_fortran_double(tok[2]);
    if (!index || !energy) return;
    OszicarElectronicStep s;
    s.algorithm = std::string(tok[0].substr(0, tok[0].size() - 1));
    s.index = static_cast<int>(*index);
    s.energy_eV = *energy;
    s.delta_energy_eV = number(tok[3], "dE");
    s.delta_eigenvalues_eV = n > 4 ? number(tok[4], "d eps") : 0.0;
    pending_.push_back(std::move(s));
  }

  void ionic_line(std::string_view t) {
    // "  1 F= -.20663237E+02 E0= -.20663237E+02  d E =-.206632E+02  mag=    -2.0180"
    // "  1 T=  2000. E= -.33283766E+03 F= -.33831623E+03 E0= ... EK= 0.54784E+01 SP= ... SK= ..."
    std::string normalized(t);
    if (const auto at = normalized.find("d E ="); at != std::string::npos)
      normalized.replace(at, 5, "dE=");
    std::string_view tok[32];
    const int n = split_blanks(normalized, tok, 32);
    OszicarIonicStep step;
    step.index = static_cast<int>(*parse_integer(tok[0]));
    bool have_f = false, have_e0 = false;
    for (int i = 1; i < n; ++i) {
      const std::size_t eq = tok[i].find('=');
      if (eq == std::string_view::npos) continue;
      const std::string_view key = tok[i].substr(0, eq);
      std::string_view value = tok[i].substr(eq + 1);
      if (value.empty()) {
        if (i + 1 >= n)
          throw InputError(out_.source, static_cast<int>(line_number_),
                           "no value after '" + std::string(key) + "='");
        value = tok[++i];
      }
      const double v = number(value, key);
      if (key == "F")
        step.free_energy_eV = v, have_f = true;
      else if (key == "E0")
        step.energy_sigma0_eV = v, have_e0 = true;
      else if (key == "dE")
        step.delta_energy_eV = v;
      else if (key == "mag")
        step.magnetization_muB = v;  // noncollinear: x component first
      else if (key == "T")
        step.temperature_K = v;
      else if (key == "E")
        step.total_energy_eV = v;
      else if (key == "EK")
        step.kinetic_energy_eV = v;
    }
    if (!have_f || !have_e0) {
      throw InputError(out_.source, static_cast<int>(line_number_),
                       "ionic step line without both 'F=' and 'E0='");
    }
    step.electronic_steps = static_cast<int>(pending_.size());
    step.electronic = std::move(pending_);
    pending_.clear();
    out_.ionic_steps.push_back(std::move(step));
  }

  Oszicar out_;
  std::vector<OszicarElectronicStep> pending_;
  long long line_number_ = 0, lines_seen_ = 0;
};

}  // namespace

Oszicar parse_oszicar(std::string_view text, const std::string& source) {
  return scan_lines(OszicarScanner(source), text, source);
}

Oszicar read_oszicar(const std::filesystem::path& path) {
  return scan_lines(OszicarScanner(path.string()), path);
}

nlohmann::json to_json(const Oszicar& o) {
  nlohmann::json j;
  j["file_type"] = "OSZICAR";
  j["source"] = o.source;
  j["n_ionic_steps"] = o.ionic_steps.size();
  nlohmann::json steps = nlohmann::json::array();
  for (const auto& s : o.ionic_steps) {
    steps.push_back({{"index", s.index},
                     {"free_energy_eV", s.free_energy_eV},
                     {"energy_sigma0_eV", s.energy_sigma0_eV},
                     {"delta_energy_eV", s.delta_energy_eV},
                     {"magnetization_muB", json_or_null(s.magnetization_muB)},
                     {"temperature_K", json_or_null(s.temperature_K)},
                     {"total_energy_eV", json_or_null(s.total_energy_eV)},
                     {"kinetic_energy_eV", json_or_null(s.kinetic_energy_eV)},
                     {"electronic_steps", s.electronic_steps}});
  }
  j["ionic_steps"] = std::move(steps);
  if (!o.ionic_steps.empty()) {
    j["final_free_energy_eV"] = o.ionic_steps.back().free_energy_eV;
    j["final_energy_sigma0_eV"] = o.ionic_steps.back().energy_sigma0_eV;
  } else {
    j["final_free_energy_eV"] = nullptr;
    j["final_energy_sigma0_eV"] = nullptr;
  }
  j["unfinished_step_electronic_steps"] = o.unfinished_step.size();
  if (!o.unfinished_step.empty())
    j["unfinished_step_last_energy_eV"] = o.unfinished_step.back().energy_eV;
  add_completeness(j, o.completeness);
  return j;
}

}  // namespace fw::vasp
