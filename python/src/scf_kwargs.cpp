/// \file scf_kwargs.cpp
/// \brief The SCF keyword arguments of DftModel / NativeDFT and their checks (those of
/// tools/cmd_scf.cpp).
#include "scf_kwargs.hpp"

#include <pybind11/stl.h>

#include "core/error.hpp"
#include "dft/terms/xc.hpp"

namespace py = pybind11;

namespace fw::python {
namespace {

std::array<int, 3> triplet(const py::handle& v, const std::string& key, int minimum) {
  std::array<int, 3> t{};
  if (py::isinstance<py::str>(v)) {
    char x1 = 0, x2 = 0, extra = 0;
    const std::string text = v.cast<std::string>();
    if (std::sscanf(text.c_str(), "%d%c%d%c%d%c", &t[0], &x1, &t[1], &x2, &t[2], &extra) != 5 ||
        (x1 != 'x' && x1 != 'X') || (x2 != 'x' && x2 != 'X'))
      throw InputError(key, "expected NxNxN, got '" + text + "'");
  } else {
    t = v.cast<std::array<int, 3>>();
  }
  for (int n : t)
    if (n < minimum) throw InputError(key, "expected three integers >= " + std::to_string(minimum));
  return t;
}

double hartree(const py::handle& v, const std::string& key) {
  return py::isinstance<py::str>(v) ? dft::parse_energy_hartree(v.cast<std::string>(), key)
                                    : v.cast<double>();
}

}  // namespace

dft::ScfSettings scf_settings_from_kwargs(const py::kwargs& kwargs) {
  dft::ScfSettings s;
  s.log = nullptr;
  for (const auto& [k, v] : kwargs) {
    const std::string key = py::str(k).cast<std::string>();
    if (key == "ecut") {
      s.ecut_hartree = hartree(v, key);
      if (!(s.ecut_hartree >= 2.0)) throw InputError(key, "cut-off energy must be at least 2 Ha");
    } else if (key == "kpts") {
      s.kpoint_mesh = triplet(v, key, 1);
    } else if (key == "kshift") {
      s.kpoint_shift = triplet(v, key, 0);
      for (int x : s.kpoint_shift)
        if (x > 1) throw InputError(key, "shifts are 0 (Γ-centred) or 1 (half step)");
    } else if (key == "smearing") {
      s.smearing = dft::parse_smearing(v.cast<std::string>(), key);
    } else if (key == "xc") {
      s.xc_libxc_ids = dft::parse_xc_functional(v.cast<std::string>(), key);
    } else if (key == "nbands") {
      s.n_bands = v.cast<int>();
      if (s.n_bands < 0) throw InputError(key, "expected >= 0 (0: automatic)");
    } else if (key == "toldfe") {
      s.energy_tolerance_hartree = hartree(v, key);
      if (!(s.energy_tolerance_hartree > 0.0)) throw InputError(key, "tolerance must be positive");
    } else if (key == "density_tolerance") {
      s.density_tolerance = v.cast<double>();
      if (!(s.density_tolerance > 0.0)) throw InputError(key, "tolerance must be positive");
    } else if (key == "max_steps") {
      s.max_iterations = v.cast<int>();
      if (s.max_iterations < 1) throw InputError(key, "need at least one SCF step");
    } else if (key == "mixing_beta") {
      s.mixing_beta = v.cast<double>();
      if (!(s.mixing_beta > 0.0 && s.mixing_beta <= 1.0))
        throw InputError(key, "expected 0 < beta <= 1");
    } else if (key == "symmetry") {
      s.use_symmetry = v.cast<bool>();
    } else if (key == "threads") {
      s.threads = v.cast<int>();
    } else {
      throw InputError(key,
                       "unknown setting; expected one of ecut, kpts, kshift, smearing, xc, nbands, "
                       "toldfe, density_tolerance, max_steps, mixing_beta, symmetry, threads");
    }
  }
  return s;
}

py::dict scf_settings_to_python(const dft::ScfSettings& s) {
  py::dict d;
  d["ecut_Ha"] = s.ecut_hartree;
  d["kpts"] = s.kpoint_mesh;
  d["kshift"] = s.kpoint_shift;
  d["smearing"] = s.smearing.name();
  d["smearing_width_Ha"] = s.smearing.width_hartree;
  d["xc_libxc_ids"] = s.xc_libxc_ids;
  d["nbands"] = s.n_bands;
  d["toldfe_Ha"] = s.energy_tolerance_hartree;
  d["density_tolerance"] = s.density_tolerance;
  d["max_steps"] = s.max_iterations;
  d["mixing_beta"] = s.mixing_beta;
  d["symmetry"] = s.use_symmetry;
  d["threads"] = s.threads;
  return d;
}

}  // namespace fw::python
