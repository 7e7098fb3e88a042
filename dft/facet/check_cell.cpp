/// \file check_cell.cpp
/// \brief A stored table's check cell: computed, written, read back and recomputed.
#include "dft/facet/check_cell.hpp"

#include <algorithm>
#include <chrono>
#include <string_view>

#include "core/error.hpp"
#include "core/units.hpp"
#include "dft/settings.hpp"

namespace fw::dft {

namespace {

/// The SCF settings a check cell's energy depends on (threads, checkpoints and the k-mesh, set
/// per cell, are not among them).
constexpr std::string_view kEnergySettings[] = {"ecut",
                                                "smearing",
                                                "xc",
                                                "nbands",
                                                "toldfe",
                                                "density_tolerance",
                                                "max_steps",
                                                "mixing_beta",
                                                "kerker_q0",
                                                "mixing_history",
                                                "mixing_preconditioner",
                                                "starting_wavefunctions",
                                                "symmetry",
                                                "time_reversal",
                                                "real_gamma",
                                                "fft_grid"};

CheckCell run(CheckCell c, const Pseudopotential& psp,
              const std::function<void(const std::string&)>& log) {
  DftFacetSettings s;
  s.element = c.element;
  s.a_A = c.a_A;
  const auto start = std::chrono::steady_clock::now();
  const CellEnergy e = run_cell_energy(one_layer_cell(s, c.hkl), psp, c.scf, c.kpts,
                                       "check cell " + slabs::miller_label(c.hkl), log);
  if (!e.converged) throw InputError("--max-steps", "the check cell's SCF did not converge");
  c.free_energy_hartree = e.free_energy_eV / units::kHartreeInEV;
  c.wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return c;
}

}  // namespace

CheckCell compute_check_cell(const Pseudopotential& psp, const DftFacetSettings& settings,
                             const slabs::Miller& hkl, const std::array<int, 3>& kpts) {
  CheckCell c;
  c.hkl = hkl;
  c.element = settings.element;
  c.a_A = settings.a_A;
  c.kpts = kpts;
  c.scf = settings.scf;
  c.scf.energy_tolerance_hartree = kCheckCellToldfeHartree;
  c.scf.density_tolerance = std::min(c.scf.density_tolerance, 1e-7);
  c.pseudopotential = settings.pseudopotential;
  return run(c, psp, {});
}

CheckCell recompute_check_cell(const CheckCell& stored,
                               const std::function<void(const std::string&)>& log) {
  return run(stored, read_pseudopotential(stored.pseudopotential), log);
}

nlohmann::json to_json(const CheckCell& c) {
  // Every SCF setting that changes the energy, as the command line types it (reads back exactly).
  nlohmann::json scf = nlohmann::json::object();
  for (const auto& b : scf_settings_table().bindings())
    if (std::find(std::begin(kEnergySettings), std::end(kEnergySettings), b.spec.key) !=
        std::end(kEnergySettings))
      scf[b.spec.key] = settings::to_text(b.spec, b.load(c.scf));
  return {{"purpose",
           "recomputed by `facetweld run` before the table is used: a changed solver is caught"},
          {"hkl", {c.hkl[0], c.hkl[1], c.hkl[2]}},
          {"cell", "one-layer oriented bulk cell (a1, a2, t)"},
          {"element", c.element},
          {"a_A", c.a_A},
          {"kpts", c.kpts},
          {"pseudopotential", c.pseudopotential},
          {"scf", scf},
          {"free_energy_Ha", c.free_energy_hartree},
          {"tolerance_Ha", kCheckCellToleranceHartree},
          {"wall_s", c.wall_s}};
}

CheckCell check_cell_from_json(const nlohmann::json& j, const std::string& source) {
  try {
    CheckCell c;
    const auto hkl = j.at("hkl").get<std::array<int, 3>>();
    c.hkl = {hkl[0], hkl[1], hkl[2]};
    c.element = j.at("element").get<std::string>();
    c.a_A = j.at("a_A").get<double>();
    c.kpts = j.at("kpts").get<std::array<int, 3>>();
    c.pseudopotential = j.at("pseudopotential").get<std::string>();
    const auto& table = scf_settings_table();
    c.scf = default_scf_settings();
    for (const auto& [key, text] : j.at("scf").items())
      table.set_text(c.scf, key, text.get<std::string>(), source + ": check_cell.scf." + key);
    c.free_energy_hartree = j.at("free_energy_Ha").get<double>();
    if (!(c.a_A > 0.0) || c.kpts[0] < 1 || c.kpts[1] < 1 || c.kpts[2] < 1)
      throw std::invalid_argument("a_A and kpts must be positive");
    return c;
  } catch (const InputError&) {
    throw;
  } catch (const std::exception& e) {
    throw InputError(source, std::string("check_cell: ") + e.what());
  }
}

}  // namespace fw::dft
