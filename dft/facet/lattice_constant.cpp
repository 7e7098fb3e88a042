/// \file lattice_constant.cpp
/// \brief E(V) of the fcc one-atom cell and its Birch–Murnaghan lattice constant.
#include "dft/facet/lattice_constant.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "core/error.hpp"
#include "core/printf_format.hpp"
#include "core/units.hpp"
#include "dft/facet/birch_murnaghan.hpp"
#include "slabs/fcc.hpp"

namespace fw::dft {

namespace {

EosPoint eos_point(const Pseudopotential& psp, const std::string& element, double a_A,
                   const ScfSettings& scf, const EosSettings& eos,
                   const std::function<void(const std::string&)>& log, CellCache* cache) {
  const slabs::Structure cell = slabs::fcc_bulk(element, a_A, slabs::FccCell::primitive);
  CellRunOptions options;
  options.cache = cache;
  EosPoint p;
  p.a_A = a_A;
  p.volume_A3 = a_A * a_A * a_A / 4.0;
  p.cell = run_cell_energy(cell, psp, scf, eos.kpts, format("eos a = %.5f A", a_A), log, options);
  p.free_energy_eV = p.cell.free_energy_eV;
  p.pressure_GPa = p.cell.pressure_GPa;
  return p;
}

/// A BM3 fit that misses its own points by more than this fraction of their energy spread (rms)
/// describes noise, not a curve. Converged cells miss by well under 1 %: ABINIT's seven Au cells
/// at 30 Ha, 6×6×6 (tests/data/dft/eos_au) by 0.11 meV/atom in 39 meV (0.3 %).
constexpr double kMaxRmsFractionOfSpread = 0.05;

/// Refuses an E(V) that is not a smooth curve: at a cut-off far too low for the pseudopotential
/// the number of plane waves jumps between volumes (Au.psp8 at 10 Ha, 4×4×4: the fit misses by
/// 407 meV/atom in 1.6 eV, B0 16,000 GPa), and its "a0" would be written as if it were one.
void require_smooth_eos(const std::vector<double>& energies, const BirchMurnaghanFit& bm,
                        const EosSettings& eos) {
  const auto [lo, hi] = std::minmax_element(energies.begin(), energies.end());
  const double spread = *hi - *lo;
  if (std::isfinite(bm.rms_residual) && bm.rms_residual <= kMaxRmsFractionOfSpread * spread &&
      std::isfinite(bm.b0) && bm.b0 > 0.0)
    return;
  throw InputError("--eos-ecut",
                   format("E(V) is not a smooth curve: the Birch-Murnaghan fit misses its %zu "
                          "points by %.3g meV/atom (rms) in a spread of %.3g meV/atom (more than "
                          "%.0f %%), B0 %.4g GPa; the E(V) cells (%g Ha, k %dx%dx%d) are too "
                          "coarse for this pseudopotential: raise --eos-ecut or --eos-kpts (job "
                          "file: eos_ecut, eos_kpts), or give the lattice constant",
                          energies.size(), 1e3 * bm.rms_residual, 1e3 * spread,
                          100.0 * kMaxRmsFractionOfSpread, bm.b0 * units::kEVPerA3InGPa,
                          eos.ecut_hartree, eos.kpts[0], eos.kpts[1], eos.kpts[2]));
}

}  // namespace

LatticeConstantFit fit_lattice_constant(const Pseudopotential& psp, const std::string& element,
                                        double a_guess_A, ScfSettings scf, const EosSettings& eos,
                                        const std::function<void(const std::string&)>& log,
                                        CellCache* cache) {
  const auto start = std::chrono::steady_clock::now();
  if (eos.points < 5) throw InputError("--eos-points", "at least 5 points for a BM3 fit");
  scf.ecut_hartree = eos.ecut_hartree;
  scf.compute_stress = true;
  LatticeConstantFit fit;
  fit.settings = eos;
  double centre = a_guess_A;
  std::vector<EosPoint> sampled;  // every point so far: a re-centred span reuses those inside
  for (int attempt = 0;; ++attempt) {
    fit.points.clear();
    std::vector<double> volumes, energies;
    const double step = 2.0 * eos.spread * centre / (eos.points - 1.0);
    for (int i = 0; i < eos.points; ++i) {
      const double t = -1.0 + 2.0 * i / (eos.points - 1.0);
      const double a = centre * (1.0 + eos.spread * t);
      const auto near = std::find_if(sampled.begin(), sampled.end(), [&](const EosPoint& q) {
        return std::abs(q.a_A - a) < 0.3 * step;
      });
      const bool reused = near != sampled.end();
      EosPoint p = reused ? *near : eos_point(psp, element, a, scf, eos, log, cache);
      if (!reused) sampled.push_back(p);
      if (log && !reused)
        log(format("E(V): a %.5f A, V %.4f A3/atom, F %.8f eV/atom, P %.3f GPa, %d SCF steps%s",
                   p.a_A, p.volume_A3, p.free_energy_eV, p.pressure_GPa, p.cell.scf_steps,
                   p.cell.from_cache ? " (finished earlier)" : ""));
      volumes.push_back(p.volume_A3);
      energies.push_back(p.free_energy_eV);
      fit.points.push_back(std::move(p));
    }
    BirchMurnaghanFit bm;
    try {
      bm = fit_birch_murnaghan(volumes, energies);
    } catch (const std::invalid_argument& e) {
      // No minimum inside: walk downhill, the lowest sample becoming the edge of the next span.
      const auto lowest = std::min_element(energies.begin(), energies.end()) - energies.begin();
      if (attempt < 2 && (lowest == 0 || lowest == eos.points - 1)) {
        ++fit.recentred;
        centre = fit.points[static_cast<std::size_t>(lowest)].a_A *
                 (lowest == 0 ? 1.0 - eos.spread : 1.0 + eos.spread);
        if (log)
          log(format("E(V): the minimum lies outside the span; sampling around a = %.5f A",
                     centre));
        continue;
      }
      throw InputError("--eos-spread", format("E(V) around a = %.4f A: %s; widen the span or give "
                                              "--a nearer the functional's equilibrium",
                                              centre, e.what()));
    }
    require_smooth_eos(energies, bm, eos);
    fit.v0_A3 = bm.v0;
    fit.a0_A = std::cbrt(4.0 * bm.v0);
    fit.e0_eV = bm.e0;
    fit.b0_GPa = bm.b0 * units::kEVPerA3InGPa;
    fit.b0_prime = bm.b0_prime;
    fit.rms_residual_meV = 1e3 * bm.rms_residual;
    // a0 in the outer fifth of the span: sample again around it (the fit is best in the middle).
    const double offset = std::abs(fit.a0_A / centre - 1.0) / eos.spread;
    if (offset <= 0.6 || attempt == 2) break;
    ++fit.recentred;
    centre = fit.a0_A;
    if (log)
      log(
          format("E(V): a0 %.5f A lies near the edge of the span; sampling around it (points "
                 "already inside the new span are kept)",
                 centre));
  }
  fit.converged = true;
  std::vector<double> volumes, pressures;
  for (const auto& p : fit.points) {
    fit.converged = fit.converged && p.cell.converged;
    volumes.push_back(p.volume_A3);
    pressures.push_back(p.pressure_GPa / units::kEVPerA3InGPa);
  }
  try {
    fit.a0_stress_A = std::cbrt(4.0 * zero_pressure_volume(volumes, pressures));
  } catch (const std::invalid_argument&) {
    fit.a0_stress_A = std::numeric_limits<double>::quiet_NaN();
  }
  fit.wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return fit;
}

nlohmann::json to_json(const LatticeConstantFit& fit) {
  nlohmann::json points = nlohmann::json::array();
  for (const auto& p : fit.points)
    points.push_back({{"a_A", p.a_A},
                      {"volume_A3_per_atom", p.volume_A3},
                      {"free_energy_eV_per_atom", p.free_energy_eV},
                      {"pressure_GPa", p.pressure_GPa},
                      {"scf_steps", p.cell.scf_steps},
                      {"converged", p.cell.converged},
                      {"wall_s", p.cell.wall_s}});
  return {{"method", "third-order Birch-Murnaghan fit of F(V), fcc one-atom cell"},
          {"a0_A", fit.a0_A},
          {"a0_from_stress_A", std::isfinite(fit.a0_stress_A) ? nlohmann::json(fit.a0_stress_A)
                                                              : nlohmann::json(nullptr)},
          {"a0_definition",
           "a0_A: minimum of the Birch-Murnaghan fit of F(V) at fixed ecut (used); "
           "a0_from_stress_A: zero of the analytic pressure (fixed plane-wave set); their gap is "
           "the Pulay stress of the cut-off"},
          {"volume_A3_per_atom", fit.v0_A3},
          {"bulk_modulus_GPa", fit.b0_GPa},
          {"bulk_modulus_derivative", fit.b0_prime},
          {"free_energy_eV_per_atom", fit.e0_eV},
          {"fit_rms_residual_meV_per_atom", fit.rms_residual_meV},
          {"converged", fit.converged},
          {"ecut_Ha", fit.settings.ecut_hartree},
          {"kpts", fit.settings.kpts},
          {"spread", fit.settings.spread},
          {"recentred", fit.recentred},
          {"wall_s", fit.wall_s},
          {"points", points}};
}

}  // namespace fw::dft
