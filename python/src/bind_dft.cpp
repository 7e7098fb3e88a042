/// \file bind_dft.cpp
/// \brief facetweld.DftModel: the native plane-wave PBE solver on one structure — total energy
/// (eV), free energy (eV), forces (eV/Å), stress (GPa), Fermi level (eV).
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <map>

#include "bindings.hpp"
#include "core/error.hpp"
#include "core/units.hpp"
#include "dft/pseudo/pseudopotential.hpp"
#include "dft/settings.hpp"
#include "dft/solver/scf.hpp"
#include "dft/structure_adapter.hpp"
#include "input_checks.hpp"
#include "settings_kwargs.hpp"

namespace py = pybind11;

namespace fw::python {
namespace {

class DftModel {
 public:
  DftModel(const std::map<std::string, std::string>& pseudopotentials, const py::kwargs& kwargs)
      : settings_(
            settings_from_kwargs(dft::scf_settings_table(), dft::default_scf_settings(), kwargs)) {
    const std::map<std::string, std::string> files =
        pseudopotentials.empty()
            ? std::map<std::string, std::string>{{"Au", dft::kDefaultAuPseudopotential}}
            : pseudopotentials;
    for (const auto& [element, path] : files) {
      if (!std::filesystem::exists(path))
        throw InputError("pseudopotentials", "file '" + path + "' not found");
      pseudos_[element] = dft::read_pseudopotential(path);
      paths_[element] = path;
    }
  }

  py::dict compute(const slabs::Structure& structure, bool forces, bool stress) const {
    check_structure_for_engine(structure, CellNeed::kAlways, true);
    const dft::Crystal crystal = dft::crystal_from_structure(structure, pseudos_, "structure");
    dft::ScfSettings settings = settings_;
    settings.compute_forces = forces;
    settings.compute_stress = stress;
    // The results below (eigenvalues, occupations up to 2) are spin-restricted.
    if (settings.n_spin != 1)
      throw InputError("nspin",
                       "the Python DFT calculator does not read spin-polarised results "
                       "yet; run `facetweld scf --nspin 2 --magmom ...` instead");
    dft::ScfResult r;
    {
      py::gil_scoped_release release;
      r = dft::run_scf(crystal, settings);
    }
    const double ha = units::kHartreeInEV;
    py::dict out;
    out["energy_eV"] = r.energy_zero_smearing_hartree * ha;
    out["free_energy_eV"] = r.free_energy_hartree * ha;
    out["fermi_eV"] = r.fermi_hartree * ha;
    out["converged"] = r.converged;
    out["iterations"] = r.iterations;
    out["n_kpoints"] = r.kpoints.size();
    // The irreducible k-points (fractions of the reciprocal basis, as ASE's get_ibz_k_points),
    // their weights (summing to 1) and the band energies at each.
    const auto nk = static_cast<py::ssize_t>(r.kpoints.size());
    py::array_t<double> kpts({nk, py::ssize_t{3}});
    py::array_t<double> weights(nk);
    py::array_t<double> eigenvalues({nk, static_cast<py::ssize_t>(r.n_bands)});
    py::array_t<double> occupations({nk, static_cast<py::ssize_t>(r.n_bands)});
    auto k = kpts.mutable_unchecked<2>();
    auto w = weights.mutable_unchecked<1>();
    auto e = eigenvalues.mutable_unchecked<2>();
    auto f = occupations.mutable_unchecked<2>();
    // Occupations from the converged Fermi level and the run's smearing, 2 per band at most
    // (spin-restricted): f = 2·occupation((μ − ε)/σ), what the density was built from.
    const dft::Smearing& smearing = settings.smearing;
    for (py::ssize_t i = 0; i < nk; ++i) {
      const auto& point = r.kpoints[static_cast<std::size_t>(i)];
      for (int c = 0; c < 3; ++c) k(i, c) = point.frac[c];
      w(i) = point.weight;
      const auto& bands = r.eigenvalues_hartree[static_cast<std::size_t>(i)];
      for (py::ssize_t n = 0; n < r.n_bands; ++n) {
        const double energy = bands[static_cast<std::size_t>(n)];
        e(i, n) = energy * ha;
        f(i, n) = 2.0 * smearing.occupation((r.fermi_hartree - energy) / smearing.width_hartree);
      }
    }
    out["ibz_kpoints"] = kpts;
    out["kpoint_weights"] = weights;
    out["eigenvalues_eV"] = eigenvalues;
    out["occupations"] = occupations;
    out["xc"] = r.xc_name;
    out["wall_s"] = r.wall_s;
    if (forces) {
      const double to_eV_per_A = ha / units::kBohrInAngstrom;
      py::array_t<double> f(
          {static_cast<py::ssize_t>(r.forces_hartree_per_bohr.size()), py::ssize_t{3}});
      auto a = f.mutable_unchecked<2>();
      for (std::size_t i = 0; i < r.forces_hartree_per_bohr.size(); ++i)
        for (int c = 0; c < 3; ++c)
          a(static_cast<py::ssize_t>(i), c) = r.forces_hartree_per_bohr[i][c] * to_eV_per_A;
      out["forces_eV_per_A"] = f;
    } else {
      out["forces_eV_per_A"] = py::none();
    }
    if (const auto& sigma = r.stress_hartree_per_bohr3) {
      py::array_t<double> st({py::ssize_t{3}, py::ssize_t{3}});
      auto a = st.mutable_unchecked<2>();
      for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j) a(i, j) = (*sigma)[i][j] * units::kHartreePerBohr3InGPa;
      out["stress_GPa"] = st;
    } else {
      out["stress_GPa"] = py::none();
    }
    return out;
  }

  const std::map<std::string, std::string>& pseudopotentials() const { return paths_; }
  py::dict settings() const { return settings_to_python(dft::scf_settings_table(), settings_); }

 private:
  dft::ScfSettings settings_;
  std::map<std::string, dft::Pseudopotential> pseudos_;
  std::map<std::string, std::string> paths_;
};

}  // namespace

void bind_dft(py::module_& m) {
  py::class_<DftModel>(m, "DftModel", R"doc(
The native plane-wave DFT solver (norm-conserving pseudopotentials, PBE via libxc) with fixed
settings. ``pseudopotentials`` maps a symbol to a psp8/UPF/PSML file (default: Debian's PBE
``79_Au_oncv.psml`` for Au). Keyword settings are those of ``facetweld scf`` and the [dft]
job-file section, from the same settings table (``facetweld.dft_settings()`` lists key, unit,
default and range): numbers in the table's unit (``ecut=20`` is 20 Ha) or strings as typed on the
command line (``ecut="544eV"``, ``kpts="4x4x4"``). ASE users want
``facetweld.calculators.NativeDFT``, which wraps this with ASE's conventions (a bare energy in
eV, ASE's kpts forms).)doc")
      .def(py::init<const std::map<std::string, std::string>&, const py::kwargs&>(),
           py::arg("pseudopotentials") = std::map<std::string, std::string>{})
      .def("compute", &DftModel::compute, py::arg("structure"), py::arg("forces") = true,
           py::arg("stress") = false,
           R"doc(Runs the SCF: a dict with energy_eV (E(σ→0)), free_energy_eV (F = E - TS, the
energy the forces derive from), forces_eV_per_A ((N, 3) or None), stress_GPa ((3, 3), σ = (1/Ω)
∂F/∂ε at a fixed plane-wave set, pressure −Tr σ/3; or None), fermi_eV, converged,
iterations, n_kpoints, ibz_kpoints (fractional, n_kpoints x 3), kpoint_weights (sum 1),
eigenvalues_eV (n_kpoints x bands), occupations (n_kpoints x bands, 0 to 2), xc, wall_s.)doc")
      .def_property_readonly("pseudopotentials", &DftModel::pseudopotentials,
                             "Symbol → pseudopotential file.")
      .def_property_readonly("settings", &DftModel::settings,
                             "The SCF settings in use, as the results JSON names them (dict).");
  m.def(
      "dft_settings", [] { return describe_settings(dft::scf_settings_table().specs()); },
      "The keyword settings of DftModel / NativeDFT: key, type, unit, default, allowed, doc "
      "(the `facetweld scf` options and the [dft] job-file keys).");
}

}  // namespace fw::python
