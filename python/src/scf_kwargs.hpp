/// \file scf_kwargs.hpp
/// \brief Python keyword arguments → dft::ScfSettings, with the names, units and checks of
/// `facetweld scf` (ecut in Ha or a string with a unit, kpts, kshift, smearing, xc, nbands,
/// toldfe in Ha, density_tolerance, max_steps, mixing_beta, symmetry, threads).
/// Interim: replaced by the generic settings-table helper when core/settings lands on main.
#pragma once

#include <pybind11/pybind11.h>

#include "dft/solver/scf.hpp"

namespace fw::python {

inline constexpr const char* kDefaultAuPseudopotential = "/usr/share/abinit/psp/79_Au_oncv.psml";

/// Throws fw::InputError naming the key for unknown keys and out-of-range values.
dft::ScfSettings scf_settings_from_kwargs(const pybind11::kwargs& kwargs);

/// {"ecut_Ha": ..., "kpts": [...], ...}: the settings in use, units in the key names.
pybind11::dict scf_settings_to_python(const dft::ScfSettings& settings);

}  // namespace fw::python
