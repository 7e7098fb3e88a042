/// \file outcome.cpp
/// \brief Attempt evaluation from stdout/stderr text and the parsed OUTCAR.
#include "vasp_io/jobs/outcome.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "core/error.hpp"
#include "vasp_io/incar.hpp"
#include "vasp_io/jobs/batch_system.hpp"
#include "vasp_io/jobs/output_check.hpp"
#include "vasp_io/outcar.hpp"

namespace fw::vasp {
namespace fs = std::filesystem;
namespace {

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "";
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void add_unique(std::vector<VaspError>& errors, const VaspError& e) {
  if (std::none_of(errors.begin(), errors.end(),
                   [&](const VaspError& x) { return x.code == e.code; }))
    errors.push_back(e);
}

}  // namespace

AttemptOutcome evaluate_attempt(const fs::path& folder, std::optional<int> exit_code) {
  AttemptOutcome out;
  std::optional<Incar> incar;
  try {
    incar = Incar::read(folder / "INCAR");
  } catch (const InputError&) {
  }

  // 1. Messages in stdout/stderr and in the OUTCAR text.
  for (const char* name : {kVaspStdout, kVaspStderr, "OUTCAR"})
    for (const auto& e : detect_errors_in_text(slurp(folder / name))) add_unique(out.errors, e);
  if (incar && incar->has("NELECT"))
    std::erase_if(out.errors, [](const VaspError& e) { return e.code == "brmix"; });

  // 2. The OUTCAR: did VASP end normally, did the SCF converge, did the relaxation finish?
  std::optional<Outcar> outcar;
  if (fs::exists(folder / "OUTCAR")) {
    try {
      outcar = read_outcar(folder / "OUTCAR");
    } catch (const InputError& e) {
      out.result["outcar_error"] = e.what();
    }
  }
  if (!outcar) {
    add_unique(out.errors, {error_code::no_output, "VASP wrote no readable OUTCAR"});
  } else {
    out.mismatches = output_mismatches(folder, *outcar);
    const OutcarIonicStep* last = outcar->last_step();
    out.result["outcar_finished"] = outcar->finished;
    out.result["ionic_steps"] = outcar->ionic_steps.size();
    if (outcar->vasp_version.size()) out.result["vasp_version"] = outcar->vasp_version;
    if (last) {
      out.energy_eV = last->energies.energy_sigma0_eV;
      out.result["energy_sigma0_eV"] = last->energies.energy_sigma0_eV;
      out.result["free_energy_eV"] = last->energies.free_energy_eV;
      out.result["energy_without_entropy_eV"] = last->energies.energy_without_entropy_eV;
      out.result["electronic_steps_last"] = last->electronic_steps;
      if (last->efermi_eV) out.result["efermi_eV"] = *last->efermi_eV;
    }
    if (outcar->efermi_eV) out.result["efermi_eV"] = *outcar->efermi_eV;
    if (last && !last->electronic_converged)
      add_unique(out.errors,
                 {error_code::unconverged_scf,
                  "electronic steps reached NELM = " + std::to_string(outcar->nelm.value_or(60)) +
                      " without reaching EDIFF"});
    const int ibrion = outcar->ibrion.value_or(-1);
    const int nsw = outcar->nsw.value_or(0);
    const bool relaxation = nsw > 0 && (ibrion == 1 || ibrion == 2 || ibrion == 3);
    out.result["relaxation"] = relaxation;
    if (outcar->finished && relaxation && !outcar->reached_required_accuracy &&
        static_cast<int>(outcar->ionic_steps.size()) >= nsw)
      add_unique(out.errors, {error_code::unfinished_relaxation,
                              "relaxation stopped at NSW = " + std::to_string(nsw) +
                                  " before EDIFFG was reached"});
    if (!outcar->finished && std::none_of(out.errors.begin(), out.errors.end(),
                                          [](const auto& e) { return is_fatal_error(e.code); }))
      add_unique(out.errors, {error_code::incomplete,
                              "OUTCAR has no timing block: VASP was killed or crashed" +
                                  (exit_code ? " (exit code " + std::to_string(*exit_code) + ")"
                                             : std::string())});
  }
  if (exit_code) out.result["exit_code"] = *exit_code;

  const bool any_fatal = std::any_of(out.errors.begin(), out.errors.end(),
                                     [](const VaspError& e) { return is_fatal_error(e.code); });
  out.success = !any_fatal && outcar && outcar->finished && out.energy_eV.has_value() &&
                out.mismatches.empty();
  nlohmann::json errs = nlohmann::json::array();
  for (const auto& e : out.errors) errs.push_back({{"code", e.code}, {"message", e.message}});
  out.result["errors"] = errs;
  if (out.success) {
    std::ostringstream s;
    s.precision(8);
    s << "finished: E(sigma->0) = " << *out.energy_eV << " eV after " << outcar->ionic_steps.size()
      << " ionic step(s)";
    out.summary = s.str();
  } else {
    std::string codes;
    for (const auto& e : out.errors)
      if (is_fatal_error(e.code)) codes += (codes.empty() ? "" : ", ") + e.code;
    const auto first_fatal =
        std::find_if(out.errors.begin(), out.errors.end(),
                     [](const VaspError& e) { return is_fatal_error(e.code); });
    out.summary = "failed: " + (codes.empty() ? std::string("unknown") : codes) +
                  (first_fatal != out.errors.end() ? " (" + first_fatal->message + ")" : "");
  }
  return out;
}

}  // namespace fw::vasp
