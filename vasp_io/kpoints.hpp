/// \file kpoints.hpp
/// \brief VASP KPOINTS: Γ-centred and Monkhorst–Pack meshes, fully automatic, explicit lists,
/// line mode (read). Format: VASP wiki, "KPOINTS".
#pragma once

#include <array>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/vec3.hpp"

namespace fw::vasp {

enum class KpointsMode {
  fully_automatic,  ///< `0` / `Auto` / R_k length (Å)
  gamma,            ///< Γ-centred N1×N2×N3 mesh
  monkhorst_pack,   ///< Monkhorst–Pack mesh (shifted off Γ for even N)
  explicit_list,    ///< N points with weights
  line_mode,        ///< band-structure path: pairs of end points, divisions per segment
};

struct Kpoints {
  std::string comment = "k-points";
  KpointsMode mode = KpointsMode::gamma;
  double length_A = 0.0;             ///< fully automatic: R_k
  std::array<int, 3> mesh{1, 1, 1};  ///< gamma / monkhorst_pack
  Vec3 shift{};                      ///< optional additional shift of the mesh (units of the mesh)
  bool cartesian = false;            ///< explicit / line mode coordinates
  std::vector<Vec3> points;          ///< explicit points or line end points (pairs)
  std::vector<double> weights;       ///< explicit weights
  int divisions = 0;                 ///< line mode: points per segment
  std::vector<std::string> labels;   ///< line mode: label of each end point ("" if none)

  /// VASP's KPOINTS text for this object.
  std::string str() const;
  /// Total points of a mesh (N1·N2·N3) or list; line mode: divisions × segments.
  long count() const;
};

Kpoints parse_kpoints(std::string_view text, const std::string& source);
Kpoints read_kpoints(const std::filesystem::path& path);
void write_kpoints(const std::filesystem::path& path, const Kpoints& kpoints);

/// A mesh file: Γ-centred (`gamma`) or Monkhorst–Pack, with a comment naming its origin.
Kpoints mesh_kpoints(const std::array<int, 3>& mesh, bool gamma_centred, std::string comment);

std::string_view kpoints_mode_name(KpointsMode mode);

}  // namespace fw::vasp
