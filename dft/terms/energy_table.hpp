/// \file energy_table.hpp
/// \brief The energies of ABINIT's "Components of total free energy" table: one slot per energy
/// term (dft/terms/energy_term.hpp), plus the smearing's −TS.
#pragma once

namespace fw::dft {

/// The energy terms of ABINIT's "Components of total free energy" table (Ha).
struct EnergyTerms {
  double kinetic = 0.0, hartree = 0.0, xc = 0.0, ewald = 0.0, psp_core = 0.0, local = 0.0,
         nonlocal = 0.0;
  double minus_kt_entropy = 0.0;
  double internal() const { return kinetic + hartree + xc + ewald + psp_core + local + nonlocal; }
  double free() const { return internal() + minus_kt_entropy; }
};

}  // namespace fw::dft
