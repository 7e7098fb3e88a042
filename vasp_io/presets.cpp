/// \file presets.cpp
/// \brief The `paper` and `slab` job sets.
#include "vasp_io/presets.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "slabs/cleave.hpp"
#include "slabs/fcc_metals.hpp"
#include "slabs/input_checks.hpp"
#include "slabs/io/structure_file.hpp"
#include "slabs/kmesh.hpp"
#include "slabs/oriented.hpp"
#include "vasp_io/jobs/validate.hpp"
#include "vasp_io/kpoints.hpp"

namespace fw::vasp {
namespace fs = std::filesystem;
namespace {

// The study: vaspkit k-spacing 0.020 (2π·0.020 Å⁻¹, Adv. Sci. 2025, Methods).
constexpr double kPaperVaspkitSpacing = 0.020;
// Slab set: KSPACING 0.15 Å⁻¹ (2π included), Γ-centred; see docs/vasp_io_jobs.md.
constexpr double kSlabKspacingInvA = 0.15;
constexpr double kPaperLatticeA = 4.08;  // experimental Au, the paper's 20.4 Å = 5 × 4.08 Å
constexpr double kSlabLatticeA = 4.16;   // PBE equilibrium of Au (PAW), see docs

void write_job(const fs::path& out, JobSpec& spec, const slabs::Structure& structure,
               const Incar& incar, const Kpoints& kpoints,
               const std::optional<PotcarLibrary>& library, std::vector<PotcarInfo>& potcars) {
  const fs::path folder = out / spec.name;
  fs::create_directories(folder);
  slabs::Structure s = structure;
  s.group_by_species();
  slabs::write_structure(folder / "POSCAR", s);
  incar.write(folder / "INCAR");
  write_kpoints(folder / "KPOINTS", kpoints);
  std::error_code ec;
  if (library) {
    auto infos = assemble_potcar(*library, s.species_order(), folder / "POTCAR");
    if (potcars.empty()) potcars = infos;
    fs::remove(folder / kPotcarSpecFile, ec);
  } else {
    // pymatgen's convention (potcar_spec=True): the dataset names, one a line, POSCAR order.
    std::string names;
    for (const auto& species : s.species_order()) names += species + "\n";
    write_file_atomically(folder / kPotcarSpecFile, names);
  }
  spec.natoms = static_cast<int>(s.size());
  spec.kmesh = kpoints.mesh;
  if (const auto problems = validate_job_folder(folder, library.has_value()); !problems.empty())
    throw InputError(folder.string(), "prepared job is not valid VASP input: " + problems.front());
}

std::string system_tag(const std::string& element, const slabs::Miller& hkl,
                       const std::string& what) {
  return element + " " + slabs::miller_label(hkl) + " " + what;
}

}  // namespace

Incar paper_incar(const std::string& system) {
  Incar incar;
  incar.add_comment(
      "facetweld preset 'paper': Adv. Sci. 2025 cold-welding study (PBE, 520 eV, 1e-8 eV)");
  incar.set("SYSTEM", system);
  incar.set("PREC", "Accurate");
  incar.set("GGA", "PE", "PBE");
  incar.set("ENCUT", 520.0, "eV, as in the paper");
  incar.set("EDIFF", 1e-8, "eV, as in the paper");
  incar.set("NELM", 200, "tight EDIFF needs more SCF steps");
  incar.set("ALGO", "Normal");
  incar.set("ISMEAR", 1, "Methfessel-Paxton for the metal (paper silent)");
  incar.set("SIGMA", 0.1, "eV; energies compared at sigma->0");
  incar.set("ISPIN", 1);
  incar.set("IBRION", -1, "single points: the cut parts are not relaxed");
  incar.set("NSW", 0);
  incar.set("LREAL", "Auto", "500 atoms: real-space projectors");
  incar.set("LWAVE", false);
  incar.set("LCHARG", false);
  return incar;
}

double slab_encut_eV(const std::string& element, double potcar_enmax_eV, std::string& note) {
  constexpr double kEncutPerEnmax = 1.74;  // Au: 400 eV / 229.898 eV
  double enmax = potcar_enmax_eV;
  std::string from = "the POTCAR's";
  if (!(enmax > 0)) {
    const slabs::FccMetal* metal = slabs::find_fcc_metal(element);
    if (!metal) {
      note = "eV; no ENMAX known for " + element + " (no POTCAR library): check against it";
      return 400.0;
    }
    enmax = metal->vasp_enmax_eV;
    from = "PBE.54 " + element + "'s";
  }
  const double encut = 10.0 * std::round(kEncutPerEnmax * enmax / 10.0);
  char text[160];
  std::snprintf(text, sizeof text, "eV, 1.74 x ENMAX %.3f eV (%s), to 10 eV", enmax, from.c_str());
  note = text;
  return encut;
}

Incar slab_incar(const std::string& system, bool relax, double encut_eV,
                 const std::string& encut_note) {
  Incar incar;
  incar.add_comment(
      "facetweld preset 'slab': converged PBE surface energies (docs/vasp_io_jobs.md)");
  incar.set("SYSTEM", system);
  incar.set("PREC", "Accurate");
  incar.set("GGA", "PE", "PBE");
  incar.set("ENCUT", encut_eV, encut_note);
  incar.set("EDIFF", 1e-6, "eV");
  incar.set("NELM", 120);
  incar.set("ALGO", "Normal");
  incar.set("ISMEAR", 1, "Methfessel-Paxton order 1: metal");
  incar.set("SIGMA", 0.2, "eV; TS < 1 meV/atom, energies at sigma->0");
  incar.set("ISPIN", 1);
  incar.set("LREAL", false, "small cells: exact projectors");
  incar.set("LWAVE", false);
  incar.set("LCHARG", false);
  if (relax) {
    incar.set("IBRION", 2, "conjugate gradient");
    incar.set("ISIF", 2, "relax ions, keep the cell (in-plane fixed by the bulk)");
    incar.set("NSW", 100);
    incar.set("EDIFFG", -0.01, "eV/A force criterion");
    incar.set("POTIM", 0.5);
  } else {
    incar.set("IBRION", -1, "bulk reference: single point");
    incar.set("NSW", 0);
  }
  return incar;
}

PreparedJobs prepare_jobs(const PrepareOptions& o, const fs::path& out) {
  // Every input is checked before the first file is written.
  if (o.preset != "paper" && o.preset != "slab")
    throw InputError("--preset", "expected paper or slab, got '" + o.preset + "'");
  if (o.facets.empty()) throw InputError("--facets", "no facets given");
  const double a_A = o.a_A.value_or(o.preset == "paper" ? kPaperLatticeA : kSlabLatticeA);
  slabs::check_lattice_constant(a_A);
  if (o.preset == "slab") {
    if (o.layers.empty()) throw InputError("--layers", "no slab thicknesses given");
    for (int layers : o.layers)
      if (layers < 3) throw InputError("--layers", "a slab needs at least 3 layers");
    slabs::check_vacuum(o.vacuum_A);
    if (!(o.vacuum_A >= 8.0)) throw InputError("--vacuum", "use at least 8 A of vacuum for a slab");
  }
  if (fs::exists(out / kManifestFile) && !o.force)
    throw InputError("-o", (out / kManifestFile).string() +
                               " exists: these jobs were prepared already (use --force to "
                               "overwrite, which resets nothing in the registry)");
  std::optional<PotcarLibrary> library;
  double potcar_enmax_eV = 0.0;
  const char* env_library = std::getenv("VASP_PP_PATH");
  if (!o.skip_potcar && (o.potcar_dir || (env_library && *env_library))) {
    library = locate_potcar_library(o.potcar_dir);
    // A missing dataset fails here, before any file is written.
    potcar_enmax_eV = find_potcar(*library, o.element).enmax_eV;
  }
  std::error_code ec;
  fs::create_directories(out, ec);
  ensure_writable_destination(out / kManifestFile, "-o");

  PreparedJobs prepared;
  Manifest& m = prepared.manifest;
  m.preset = o.preset;
  m.element = o.element;
  m.a_A = a_A;
  prepared.potcar_spec_only = !library.has_value();

  if (o.preset == "paper") {
    m.method = "cut-crystal";
    const int cells = 5;
    const double vacuum_A = 10.0;
    m.settings = {{"functional", "PBE"},
                  {"encut_eV", 520.0},
                  {"ediff_eV", 1e-8},
                  {"ismear", 1},
                  {"sigma_eV", 0.1},
                  {"kpoints", "vaspkit spacing 0.020 (2pi*0.020 1/A), Monkhorst-Pack"},
                  {"cells", cells},
                  {"crystal_edge_A", cells * m.a_A},
                  {"box_vacuum_A", vacuum_A},
                  {"relaxed", false}};
    for (const auto& hkl : o.facets) {
      slabs::CleaveSpec spec;
      spec.element = o.element;
      spec.a_A = m.a_A;
      spec.cells = cells;
      spec.hkl = hkl;
      spec.vacuum_A = vacuum_A;
      const auto cut = slabs::cleave_crystal(spec);
      const auto mesh = slabs::kmesh_from_vaspkit_spacing(cut.crystal, kPaperVaspkitSpacing);
      const Kpoints kpoints =
          mesh_kpoints(mesh, false, "vaspkit k-spacing 0.020 (2pi*0.020 1/A), Monkhorst-Pack");
      const std::pair<const char*, const slabs::Structure*> roles[] = {
          {"crystal", &cut.crystal}, {"part1", &cut.part1}, {"part2", &cut.part2}};
      for (const auto& [role, structure] : roles) {
        JobSpec job;
        job.name = slabs::miller_compact(hkl) + "/" + role;
        job.role = role;
        job.hkl = hkl;
        job.area_A2 = cut.cut_area_A2;
        job.relax = false;
        write_job(out, job, *structure, paper_incar(system_tag(o.element, hkl, role)), kpoints,
                  library, prepared.potcars);
        m.jobs.push_back(job);
      }
    }
  } else {
    m.method = "slab";
    std::string encut_note;
    const double encut_eV = slab_encut_eV(o.element, potcar_enmax_eV, encut_note);
    m.settings = {{"functional", "PBE"},
                  {"encut_eV", encut_eV},
                  {"encut_source", encut_note},
                  {"ediff_eV", 1e-6},
                  {"ediffg_eV_per_A", -0.01},
                  {"ismear", 1},
                  {"sigma_eV", 0.2},
                  {"kspacing_inv_A", kSlabKspacingInvA},
                  {"vacuum_A", o.vacuum_A},
                  {"layers", o.layers},
                  {"relaxed", true},
                  {"isif", 2}};
    for (const auto& hkl : o.facets) {
      const auto plane = slabs::fcc_plane_geometry(m.a_A, hkl);
      // Oriented bulk with the slab's in-plane cell: the k-mesh in-plane is identical, so
      // in-plane k-sampling errors cancel between bulk and slab.
      slabs::OrientedSpec bulk_spec;
      bulk_spec.element = o.element;
      bulk_spec.a_A = m.a_A;
      bulk_spec.hkl = hkl;
      bulk_spec.layers = plane.stacking_period *
                         std::max(1, (6 + plane.stacking_period - 1) / plane.stacking_period);
      const auto bulk = slabs::oriented_bulk(bulk_spec);
      const auto bulk_mesh = slabs::kmesh_from_vasp_kspacing(bulk, kSlabKspacingInvA);
      JobSpec bulk_job;
      bulk_job.name = slabs::miller_compact(hkl) + "/bulk";
      bulk_job.role = "bulk";
      bulk_job.hkl = hkl;
      bulk_job.layers = bulk_spec.layers;
      bulk_job.area_A2 = plane.area_A2;
      write_job(
          out, bulk_job, bulk,
          slab_incar(system_tag(o.element, hkl, "oriented bulk"), false, encut_eV, encut_note),
          mesh_kpoints(bulk_mesh, true, "KSPACING 0.15 1/A, Gamma-centred"), library,
          prepared.potcars);
      m.jobs.push_back(bulk_job);
      for (int layers : o.layers) {
        slabs::OrientedSpec spec = bulk_spec;
        spec.layers = layers;
        const auto slab = slabs::slab_with_vacuum(spec, o.vacuum_A);
        auto mesh = slabs::kmesh_from_vasp_kspacing(slab, kSlabKspacingInvA);
        mesh[0] = bulk_mesh[0];
        mesh[1] = bulk_mesh[1];
        mesh[2] = 1;  // one k-point across the vacuum
        char name[32];
        std::snprintf(name, sizeof name, "/slab_L%02d", layers);
        JobSpec job;
        job.name = slabs::miller_compact(hkl) + name;
        job.role = "slab";
        job.hkl = hkl;
        job.layers = layers;
        job.area_A2 = plane.area_A2;
        job.relax = true;
        write_job(out, job, slab,
                  slab_incar(system_tag(o.element, hkl, std::to_string(layers) + "-layer slab"),
                             true, encut_eV, encut_note),
                  mesh_kpoints(mesh, true, "KSPACING 0.15 1/A in-plane, kz = 1, Gamma-centred"),
                  library, prepared.potcars);
        m.jobs.push_back(job);
      }
    }
  }
  if (!prepared.potcars.empty()) {
    nlohmann::json p = nlohmann::json::array();
    for (const auto& info : prepared.potcars)
      p.push_back({{"symbol", info.symbol},
                   {"titel", info.titel},
                   {"zval", info.zval},
                   {"enmax_eV", info.enmax_eV}});
    m.settings["potcar"] = p;
  } else {
    m.settings["potcar"] = std::string("not written (") +
                           (o.skip_potcar ? "--skip-potcar" : "no POTCAR library") +
                           "): POTCAR.spec in every folder names the datasets; assemble POTCAR "
                           "from your licensed library before `facetweld vasp run`";
  }
  write_manifest(out, m);
  return prepared;
}

}  // namespace fw::vasp
