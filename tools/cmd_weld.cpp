/// \file cmd_weld.cpp
/// \brief `facetweld weld`: two Wulff-shaped nanorods welded at a series of angles (EAM MD).
#include <cmath>
#include <memory>
#include <sstream>

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "md/weld_study.hpp"
#include "slabs/facet_table.hpp"
#include "tools/command.hpp"
#include "tools/pipeline/weld_plots.hpp"

namespace fw::cli {

namespace {

struct WeldOptions {
  std::string facets;
  std::string angles = "0,20,40,60,80";
  std::string tilt_axis = "011";
  std::string axis = "100";
  bool wulff_tips = false;
  std::string output_dir = "weld";
  md::WeldSettings settings;
};

std::vector<double> parse_angles(const std::string& text) {
  std::vector<double> angles;
  std::stringstream in(text);
  std::string item;
  while (std::getline(in, item, ',')) {
    try {
      std::size_t used = 0;
      const double a = std::stod(item, &used);
      if (used != item.size()) throw std::invalid_argument(item);
      angles.push_back(a);
    } catch (const std::exception&) {
      throw InputError("--angles",
                       "expected comma-separated angles in degrees, got '" + item + "'");
    }
  }
  return angles;
}

void run(WeldOptions& o) {
  md::WeldSettings& s = o.settings;
  s.angles_deg = parse_angles(o.angles);
  s.rod.axis = slabs::parse_miller(o.axis, "--axis");
  s.pair.tilt_axis = slabs::parse_miller(o.tilt_axis, "--tilt-axis");
  s.rod.wulff_tips = o.wulff_tips;
  md::check_weld_settings(s);
  const slabs::FacetTable table = slabs::read_facet_table(o.facets);
  const md::WeldStudy study = md::run_weld_study(s, table, o.output_dir, o.facets);
  pipeline::write_weld_plots(study, o.output_dir);
  std::printf("wrote %s/ (weld.json, weld.csv, *.svg, angle_*/seed_*/trajectory.extxyz ...)\n",
              o.output_dir.c_str());
}

const RegisterCommand kRegistered{
    "weld", [](CLI::App& root) {
      auto o = std::make_shared<WeldOptions>();
      md::WeldSettings& s = o->settings;
      CLI::App* cmd = root.add_subcommand("weld",
                                          "Weld two Wulff-shaped nanorods at several angles, "
                                          "several seeds and a control pair (EAM MD, NVT, quench)");
      cmd->add_option("--facets", o->facets,
                      "Facet table (facets.json) giving γ for the Wulff shape")
          ->required()
          ->check(CLI::ExistingFile);
      cmd->add_option("--angles", o->angles, "Initial angles between the rods (deg)")
          ->capture_default_str();
      cmd->add_option("--time-ps", s.time_ps, "NVT time per run (ps)")->capture_default_str();
      cmd->add_option("--temperature", s.temperature_K, "Temperature (K)")->capture_default_str();
      cmd->add_option("--dt-fs", s.dt_fs, "Time step (fs)")->capture_default_str();
      cmd->add_option("--mode", s.mode,
                      "How the rods meet: side (lying side by side, a V of angle θ), top (end "
                      "on side) or tip (end to end)")
          ->capture_default_str();
      cmd->add_option("--substrate", s.substrate,
                      "graphene (rigid sheet, Au-C Lennard-Jones) or none")
          ->capture_default_str();
      cmd->add_option("--seeds", s.seeds, "Runs per angle (and controls), seeds --seed, +1, ...")
          ->capture_default_str();
      cmd->add_option("--seed", s.seed, "First random seed (velocities, Langevin)")
          ->capture_default_str();
      cmd->add_option("--workers", s.workers, "Runs in parallel (0: one per hardware thread)")
          ->capture_default_str();
      cmd->add_option("--control-gap", s.control_gap_A,
                      "Distance between the rods of the control pair (Å)")
          ->capture_default_str();
      cmd->add_option("--reshaping-threshold", s.reshaping_threshold_eV,
                      "Control release above which the rods are flagged as reshaping (eV)")
          ->capture_default_str();
      cmd->add_option("--substrate-gap", s.substrate_gap_A,
                      "Height of the lowest Au atom above the graphene sheet (Å)")
          ->capture_default_str();
      cmd->add_option("--lj-epsilon", s.lj_epsilon_eV, "Au-C Lennard-Jones ε (eV)")
          ->capture_default_str();
      cmd->add_option("--lj-sigma", s.lj_sigma_A, "Au-C Lennard-Jones σ (Å)")
          ->capture_default_str();
      cmd->add_option("--lj-cutoff", s.lj_cutoff_A, "Au-C Lennard-Jones cutoff (Å)")
          ->capture_default_str();
      cmd->add_option("--radius", s.rod.radius_A, "Inscribed radius of the rod cross-section (Å)")
          ->capture_default_str();
      cmd->add_option("--length", s.rod.length_A, "Rod length between the end faces (Å)")
          ->capture_default_str();
      cmd->add_option("--axis", o->axis, "Rod axis [uvw]")->capture_default_str();
      cmd->add_option("--tilt-axis", o->tilt_axis,
                      "tip mode without substrate: axis [uvw] ⟂ the rod axis that rod 2 is "
                      "tilted about")
          ->capture_default_str();
      cmd->add_flag("--wulff-tips", o->wulff_tips,
                    "Cut the rod ends into Wulff caps (default: flat ends)");
      cmd->add_option("--contact-distance", s.pair.contact_distance_A,
                      "Closest inter-rod atom distance at the start (Å)")
          ->capture_default_str();
      cmd->add_option("--potential", s.potential, "EAM file (name or path)")->capture_default_str();
      cmd->add_option("--thermostat", s.thermostat, "langevin or nose-hoover-chain")
          ->capture_default_str();
      cmd->add_option("--damping-ps", s.damping_ps, "Thermostat damping time (ps)")
          ->capture_default_str();
      cmd->add_option("--minimizer", s.minimizer, "Quench minimiser: fire or cg")
          ->capture_default_str();
      cmd->add_option("--ftol", s.force_tolerance_eV_per_A, "Quench force tolerance (eV/Å)")
          ->capture_default_str();
      cmd->add_option("--cna", s.cna.mode, "CNA: adaptive or conventional")->capture_default_str();
      cmd->add_option("--interface-width", s.interface_half_width_A,
                      "Half thickness of the interface slab analysed by CNA (Å)")
          ->capture_default_str();
      cmd->add_option("--sample-every-ps", s.sample_every_ps, "Analysis interval (ps)")
          ->capture_default_str();
      cmd->add_option("--trajectory-every-ps", s.trajectory_every_ps,
                      "extxyz frame interval (ps); 0: first and last only")
          ->capture_default_str();
      cmd->add_option("-o,--output", o->output_dir, "Output folder (reruns skip finished angles)")
          ->capture_default_str();
      cmd->callback([o] { run(*o); });
    }};

}  // namespace
}  // namespace fw::cli
