/// \file stage_geometry.cpp
/// \brief Geometry stage: the paper's cut crystals and the (hkl) planes.
#include <chrono>

#include "core/atomic_file.hpp"
#include "core/version.hpp"
#include "slabs/cleave.hpp"
#include "slabs/io/structure_file.hpp"
#include "slabs/oriented.hpp"
#include "tools/pipeline/stages.hpp"

namespace fw::pipeline {

namespace fs = std::filesystem;

nlohmann::json run_geometry_stage(const RunSettings& s, const fs::path& out, StageResult& result) {
  const auto start = std::chrono::steady_clock::now();
  result.name = "geometry";
  nlohmann::json geometry = {{"element", s.element},
                             {"a_A", s.a_A},
                             {"cells_per_edge", s.geometry.cells},
                             {"edge_A", s.geometry.cells * s.a_A},
                             {"vacuum_A", s.geometry.vacuum_A},
                             {"code_version", code_version()},
                             {"facets", nlohmann::json::array()}};
  for (const auto& raw : s.facets) {
    const slabs::Miller hkl = slabs::reduce_miller(raw);
    const slabs::CleavedCrystal cut =
        slabs::cleave_crystal({s.element, s.a_A, s.geometry.cells, hkl, s.geometry.vacuum_A});
    const slabs::PlaneGeometry plane = slabs::fcc_plane_geometry(s.a_A, hkl);
    const fs::path dir = out / "structures" / ("cut_" + slabs::miller_compact(hkl));
    ensure_output_folder(dir, "output_dir");
    slabs::write_structure(dir / "crystal.vasp", cut.crystal);
    slabs::write_structure(dir / "part1.vasp", cut.part1);
    slabs::write_structure(dir / "part2.vasp", cut.part2);
    slabs::write_structure(dir / "crystal.extxyz", cut.crystal);
    geometry["facets"].push_back({{"hkl", hkl},
                                  {"cut_area_A2", cut.cut_area_A2},
                                  {"plane_offset_from_centre_A", cut.plane_offset_A},
                                  {"atoms_part1", cut.part1.size()},
                                  {"atoms_part2", cut.part2.size()},
                                  {"area_1x1_A2", plane.area_A2},
                                  {"layer_spacing_A", plane.layer_spacing_A},
                                  {"stacking_period", plane.stacking_period},
                                  {"folder", fs::relative(dir, out).string()}});
  }
  write_file_atomically(out / "geometry.json", geometry.dump(2) + "\n");
  result.status = "done";
  result.wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  result.note = std::to_string(s.facets.size()) + " cut crystals of " +
                std::to_string(4 * s.geometry.cells * s.geometry.cells * s.geometry.cells) +
                " atoms in structures/";
  return geometry;
}

}  // namespace fw::pipeline
