/// \file relax_slab.cpp
/// \brief BFGS relaxation of a slab, symmetric or with its middle planes fixed.
#include "dft/facet/relax_slab.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <stdexcept>

#include "core/error.hpp"
#include "dft/facet/bfgs.hpp"

namespace fw::dft {

namespace {

/// ASE's default initial curvature of the BFGS Hessian (eV/Å²); a metal's bond stiffness.
constexpr double kInitialCurvatureEVPerA2 = 70.0;

Vec3 surface_normal(const slabs::Structure& slab) {
  return normalized(cross(slab.cell[0], slab.cell[1]));
}

/// The relaxation's free coordinates and how forces map onto them.
class Coordinates {
 public:
  Coordinates(const slabs::Structure& slab, const SlabRelaxSettings& s)
      : normal_(surface_normal(slab)), symmetric_(s.mode == "symmetric") {
    const std::vector<std::size_t> order = atoms_by_height(slab);
    const std::size_t n = order.size();
    if (symmetric_) {
      partner_.resize(n);
      for (std::size_t k = 0; k < n; ++k) partner_[order[k]] = order[n - 1 - k];
      moving_.resize(n);
      std::iota(moving_.begin(), moving_.end(), std::size_t{0});
    } else {
      const std::size_t fixed = static_cast<std::size_t>(s.fixed_layers);
      if (fixed >= n || (n - fixed) % 2 != 0)
        throw InputError("--relax-fixed-layers",
                         "fixed-middle needs layers − fixed layers even and > 0 (" +
                             std::to_string(n) + " layers, " + std::to_string(fixed) + " fixed)");
      const std::size_t free_per_side = (n - fixed) / 2;
      for (std::size_t k = 0; k < n; ++k)
        if (k < free_per_side || k >= n - free_per_side) moving_.push_back(order[k]);
    }
  }

  std::size_t per_atom() const { return symmetric_ ? 1 : 3; }
  const std::vector<std::size_t>& moving() const { return moving_; }

  std::vector<double> positions(const slabs::Structure& slab) const {
    std::vector<double> x;
    for (std::size_t i : moving_) {
      if (symmetric_)
        x.push_back(dot(slab.atoms[i].position, normal_));
      else
        for (int d = 0; d < 3; ++d) x.push_back(slab.atoms[i].position[d]);
    }
    return x;
  }

  /// Generalised forces on the coordinates (eV/Å).
  std::vector<double> forces(const std::vector<Vec3>& f) const {
    std::vector<double> g;
    for (std::size_t i : moving_) {
      if (symmetric_)
        g.push_back(0.5 * (dot(f[i], normal_) - dot(f[partner_[i]], normal_)));
      else
        for (int d = 0; d < 3; ++d) g.push_back(f[i][d]);
    }
    return g;
  }

  void displace(slabs::Structure& slab, const std::vector<double>& dx) const {
    for (std::size_t a = 0; a < moving_.size(); ++a) {
      Vec3& r = slab.atoms[moving_[a]].position;
      if (symmetric_)
        r += dx[a] * normal_;
      else
        r += Vec3{dx[3 * a], dx[3 * a + 1], dx[3 * a + 2]};
    }
  }

  /// Largest per-atom norm of generalised forces.
  double largest(const std::vector<double>& g) const {
    double m = 0.0;
    for (std::size_t a = 0; a < g.size(); a += per_atom()) {
      double s = 0.0;
      for (std::size_t c = 0; c < per_atom(); ++c) s += g[a + c] * g[a + c];
      m = std::max(m, std::sqrt(s));
    }
    return m;
  }

 private:
  Vec3 normal_;
  bool symmetric_;
  std::vector<std::size_t> partner_;
  std::vector<std::size_t> moving_;
};

}  // namespace

std::vector<std::size_t> atoms_by_height(const slabs::Structure& slab) {
  const Vec3 n = surface_normal(slab);
  std::vector<std::size_t> order(slab.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return dot(slab.atoms[a].position, n) < dot(slab.atoms[b].position, n);
  });
  for (std::size_t k = 1; k < order.size(); ++k)
    if (dot(slab.atoms[order[k]].position - slab.atoms[order[k - 1]].position, n) < 0.1)
      throw InputError("--relax-mode",
                       "the relaxation needs one atom per plane (a 1×1 slab); atoms " +
                           std::to_string(order[k - 1]) + " and " + std::to_string(order[k]) +
                           " share a plane");
  return order;
}

slabs::Structure transfer_surface_relaxation(const slabs::Structure& thin_unrelaxed,
                                             const slabs::Structure& thin_relaxed,
                                             const slabs::Structure& thick) {
  const std::vector<std::size_t> thin = atoms_by_height(thin_unrelaxed);
  const std::vector<std::size_t> target = atoms_by_height(thick);
  if (thin_relaxed.size() != thin.size() || target.size() < thin.size())
    throw std::logic_error("transfer_surface_relaxation: slabs of mismatched sizes");
  slabs::Structure out = thick;
  const std::size_t n = thin.size(), m = target.size();
  for (std::size_t k = 0; k < n / 2; ++k) {
    const std::size_t bottom = thin[k], top = thin[n - 1 - k];
    out.atoms[target[k]].position +=
        thin_relaxed.atoms[bottom].position - thin_unrelaxed.atoms[bottom].position;
    out.atoms[target[m - 1 - k]].position +=
        thin_relaxed.atoms[top].position - thin_unrelaxed.atoms[top].position;
  }
  return out;
}

SlabRelaxation relax_slab(const slabs::Structure& slab, const Pseudopotential& psp,
                          const ScfSettings& scf, const std::array<int, 3>& mesh,
                          const SlabRelaxSettings& s, const std::string& label,
                          const std::function<void(const std::string&)>& log, CellCache* cache) {
  const Coordinates coords(slab, s);
  Bfgs bfgs(coords.moving().size() * coords.per_atom(), coords.per_atom(), kInitialCurvatureEVPerA2,
            s.max_step_A);
  CellRunOptions run;
  run.forces = true;
  run.cache = cache;
  // Each ionic step starts from the previous one's wavefunctions and density (ScfState).
  ScfState previous_step;
  if (s.warm_start) run.warm_state = &previous_step;

  SlabRelaxation out;
  out.structure = slab;
  for (;;) {
    const CellEnergy e = run_cell_energy(out.structure, psp, scf, mesh, label, log, run);
    if (out.energy_eV_per_step.empty()) out.unrelaxed = e;
    out.relaxed = e;
    out.scf_steps_total += e.scf_steps;
    const std::vector<double> g = coords.forces(e.forces_eV_per_A);
    const double largest = coords.largest(g);
    out.max_residual_force_eV_per_A = 0.0;
    for (std::size_t i : coords.moving())
      out.max_residual_force_eV_per_A =
          std::max(out.max_residual_force_eV_per_A, norm(e.forces_eV_per_A[i]));
    out.energy_eV_per_step.push_back(e.energy_eV);
    out.max_force_eV_per_A_per_step.push_back(largest);
    if (log) {
      char line[200];
      std::snprintf(line, sizeof line,
                    "%s: ionic step %d  E(sigma->0) %.6f eV  max force %.5f eV/A  %d SCF steps%s",
                    label.c_str(), out.ionic_steps, e.energy_eV, largest, e.scf_steps,
                    e.from_cache     ? " (read)"
                    : e.warm_started ? " (warm start)"
                                     : "");
      log(line);
    }
    if (!e.converged) break;
    if (largest < s.fmax_eV_per_A) {
      out.converged = true;
      break;
    }
    if (out.ionic_steps >= s.max_steps) break;
    coords.displace(out.structure, bfgs.step(coords.positions(out.structure), g));
    ++out.ionic_steps;
  }
  out.structure.comment = slab.comment + (out.converged ? " (relaxed)" : " (relaxation stopped)");
  return out;
}

}  // namespace fw::dft
