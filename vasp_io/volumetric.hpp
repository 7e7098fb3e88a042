/// \file volumetric.hpp
/// \brief CHGCAR, CHG, LOCPOT, PARCHG, ELFCAR, AECCAR*: a POSCAR header, the FFT grid size and
/// one or more grids of numbers (VASP's volumetric-data format).
#pragma once

#include <array>
#include <filesystem>
#include <string>
#include <vector>

#include "slabs/structure.hpp"
#include "vasp_io/parse_result.hpp"

namespace fw::vasp {

/// The grids of a volumetric file as printed. What a value means depends on the file: CHGCAR,
/// CHG, PARCHG and AECCAR hold ρ(r)·V_cell (electrons; divide by the cell volume in Å³ for
/// e/Å³); LOCPOT holds the local potential in eV; ELFCAR the ELF (0..1). Blocks in file order:
/// one for ISPIN = 1; two for ISPIN = 2 (CHGCAR: total, then magnetisation ρ↑ − ρ↓); four for a
/// non-collinear run (total, then m_x, m_y, m_z). The PAW augmentation occupancies printed after
/// each CHGCAR block are skipped (they serve only to restart VASP); `augmentation_sections`
/// counts them.
struct Volumetric {
  std::string source;
  slabs::Structure structure;
  std::array<int, 3> grid{0, 0, 0};  ///< nx, ny, nz (the line after the header)
  /// Each block nx·ny·nz values in C order, index (ix·ny + iy)·nz + iz (VASP prints x fastest).
  std::vector<std::vector<double>> blocks;
  int augmentation_sections = 0;
  Completeness completeness;

  std::size_t points() const {
    return static_cast<std::size_t>(grid[0]) * static_cast<std::size_t>(grid[1]) *
           static_cast<std::size_t>(grid[2]);
  }
};

/// Throws InputError (file, line, what was expected) for a header that is not a VASP 5 POSCAR,
/// a grid line that is not three positive integers, a token in a grid that is not a number, or a
/// file that ends inside the first grid. A file cut inside a later grid keeps the complete grids
/// (`completeness` says what is missing).
Volumetric read_volumetric(const std::filesystem::path& path);
Volumetric parse_volumetric(std::string text, const std::string& source);

}  // namespace fw::vasp
