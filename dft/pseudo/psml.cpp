/// \file psml.cpp
/// \brief PSML 1.0/1.1 reader into the common pseudopotential (see psml.hpp for what is read).
#include "dft/pseudo/psml.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <numbers>

#include "dft/pseudo/psp8.hpp"
#include "dft/pseudo/radial.hpp"
#include "dft/pseudo/radial_grid.hpp"
#include "dft/pseudo/xml_document.hpp"

namespace fw::dft {
namespace {

using xml::Document;
using xml::Node;

constexpr double kFourPi = 4.0 * std::numbers::pi;

/// One tabulated radial function as the file gives it: its own nodes (a prefix of the grid).
struct RadialTable {
  std::vector<double> r_bohr;
  std::vector<double> values;
  int line = 0;
};

std::vector<double> read_grid(const Document& doc, Node grid) {
  const Node data = doc.required_child(grid, "grid-data");
  const auto npts = doc.number_attribute(grid, "npts");
  auto r = doc.numbers(data, npts ? static_cast<std::size_t>(std::lround(*npts)) : 0);
  if (r.size() < 10) doc.fail(grid, "expected at least 10 grid points in <grid>");
  for (std::size_t i = 1; i < r.size(); ++i)
    if (!(r[i] > r[i - 1])) doc.fail(data, "grid points must increase strictly");
  if (r.front() < 0.0) doc.fail(data, "grid must start at r >= 0");
  return r;
}

/// Reads <radfunc> inside `parent`: its own <grid> if present, else the global grid.
RadialTable read_radfunc(const Document& doc, Node parent, const std::vector<double>& global_grid) {
  const Node radfunc = doc.required_child(parent, "radfunc");
  std::vector<double> grid = global_grid;
  if (Node own_grid = Document::child(radfunc, "grid")) grid = read_grid(doc, own_grid);
  if (grid.empty())
    doc.fail(radfunc, "expected a <grid> (global or inside <radfunc>) before radial data");
  const Node data = doc.required_child(radfunc, "data");
  const auto npts = doc.number_attribute(data, "npts");
  RadialTable table;
  table.values = doc.numbers(data, npts ? static_cast<std::size_t>(std::lround(*npts)) : 0);
  table.line = Document::line(data);
  if (table.values.size() > grid.size())
    doc.fail(data, "radial data has " + std::to_string(table.values.size()) +
                       " points but its grid only " + std::to_string(grid.size()));
  if (table.values.size() < 4) doc.fail(data, "expected at least 4 points of radial data");
  table.r_bohr.assign(grid.begin(), grid.begin() + static_cast<long>(table.values.size()));
  return table;
}

int angular_momentum(const Document& doc, Node node) {
  const std::string letter = doc.required_attribute(node, "l");
  static const std::map<std::string, int> kLetters{
      {"s", 0}, {"p", 1}, {"d", 2}, {"f", 3}, {"g", 4}};
  const auto it = kLetters.find(letter);
  if (it == kLetters.end())
    doc.fail(node, "expected l = s, p, d, f or g, found \"" + letter + "\"");
  return it->second;
}

/// The <pswf> of the <pseudo-wave-functions> set named like the projectors' (else the first set).
/// PSML stores the radial part φ(r), ∫ r²φ² dr = 1; placeholders for unbound channels (ATOM
/// writes an f "orbital" of norm ~1e-7 at energy 0) are left out.
std::vector<AtomicOrbital> read_orbitals(const Document& doc, Node root,
                                         const std::optional<std::string>& set_name,
                                         const std::vector<double>& global_grid,
                                         const std::vector<double>& r_bohr) {
  const std::vector<Node> sets = Document::children(root, "pseudo-wave-functions");
  if (sets.empty()) return {};
  Node chosen = sets.front();
  for (Node set : sets)
    if (Document::attribute(set, "set") == set_name) chosen = set;
  std::vector<AtomicOrbital> orbitals;
  for (Node pswf : Document::children(chosen, "pswf")) {
    AtomicOrbital orbital;
    orbital.l = angular_momentum(doc, pswf);
    orbital.label = Document::attribute(pswf, "n").value_or("") + doc.required_attribute(pswf, "l");
    orbital.energy_hartree = doc.number_attribute(pswf, "energy_level");
    const RadialTable phi = read_radfunc(doc, pswf, global_grid);
    orbital.r_phi = resample_radial(phi.r_bohr, phi.values, r_bohr);
    double norm = 0.0;
    for (std::size_t k = 0; k < r_bohr.size(); ++k) {
      orbital.r_phi[k] *= r_bohr[k];
      norm += orbital.r_phi[k] * orbital.r_phi[k] * kPsmlGridSpacingBohr;
    }
    if (norm < 0.5) continue;
    for (double& v : orbital.r_phi) v /= std::sqrt(norm);
    orbitals.push_back(std::move(orbital));
  }
  std::stable_sort(orbitals.begin(), orbitals.end(), [](const auto& a, const auto& b) {
    return a.energy_hartree.value_or(0.0) < b.energy_hartree.value_or(0.0);
  });
  return orbitals;
}

/// "Au", "Au_pbe", "au1" -> "Au": the leading letters, capitalised as a chemical symbol.
std::string chemical_symbol(const std::string& label) {
  std::string symbol;
  for (char c : label) {
    if (!std::isalpha(static_cast<unsigned char>(c)) || symbol.size() == 2) break;
    symbol += symbol.empty() ? static_cast<char>(std::toupper(static_cast<unsigned char>(c)))
                             : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return symbol;
}

PseudoFunctional read_functional(const Document& doc, Node spec) {
  const Node xc = doc.required_child(spec, "exchange-correlation");
  const Node libxc = Document::child(xc, "libxc-info");
  if (libxc == nullptr) {
    PseudoFunctional unknown;
    unknown.name = "unknown (no <libxc-info> in the file)";
    return unknown;
  }
  std::vector<int> ids;
  for (Node f : Document::children(libxc, "functional"))
    ids.push_back(static_cast<int>(std::lround(doc.required_number_attribute(f, "id"))));
  if (ids.empty() || ids.size() > 2)
    doc.fail(libxc, "expected one or two <functional id=...> in <libxc-info>");
  // Same naming as the psp8 reader: an ABINIT ixc of -XXXYYY is libxc XXX + YYY.
  const int ixc = ids.size() == 2 ? -(ids[0] * 1000 + ids[1]) : -ids[0];
  PseudoFunctional functional = functional_from_abinit_ixc(ixc);
  functional.libxc_ids = ids;
  return functional;
}

}  // namespace

Pseudopotential read_psml(const std::string& path) {
  const Document doc(path);
  const Node root = doc.root();
  if (Document::name(root) != "psml")
    doc.fail(root, "expected the root element <psml>, found <" + Document::name(root) + ">");
  const std::string version = Document::attribute(root, "version").value_or("1.0");
  if (version.rfind("1.", 0) != 0)
    doc.fail(root, "expected PSML version 1.x, found \"" + version + "\"");
  const std::string energy_unit = Document::attribute(root, "energy_unit").value_or("hartree");
  double hartree_per_unit = 1.0;
  if (energy_unit == "rydberg")
    hartree_per_unit = 0.5;
  else if (energy_unit != "hartree")
    doc.fail(root,
             "expected energy_unit \"hartree\" or \"rydberg\", found \"" + energy_unit + "\"");
  const std::string length_unit = Document::attribute(root, "length_unit").value_or("bohr");
  if (length_unit != "bohr")
    doc.fail(root, "expected length_unit \"bohr\", found \"" + length_unit + "\"");

  Pseudopotential psp;
  psp.source_path = path;
  psp.format = "psml";
  const Node spec = doc.required_child(root, "pseudo-atom-spec");
  psp.element = chemical_symbol(doc.required_attribute(spec, "atomic-label"));
  psp.z_atom = doc.required_number_attribute(spec, "atomic-number");
  psp.z_valence = doc.required_number_attribute(spec, "z-pseudo");
  const std::string relativity = Document::attribute(spec, "relativity").value_or("no");
  psp.relativistic = relativity == "scalar" || relativity == "dirac";
  psp.functional = read_functional(doc, spec);

  std::vector<double> global_grid;
  if (Node grid = Document::child(root, "grid")) global_grid = read_grid(doc, grid);

  const Node local = Document::child(root, "local-potential");
  std::vector<Node> projector_sets = Document::children(root, "nonlocal-projectors");
  if (local == nullptr || projector_sets.empty())
    doc.fail(root,
             "expected <local-potential> and <nonlocal-projectors> (Kleinman-Bylander form); "
             "PSML files with only <semilocal-potentials> (ATOM/SIESTA) are not supported");
  const auto chosen_set = std::find_if(projector_sets.begin(), projector_sets.end(), [&](Node set) {
    const std::string name = Document::attribute(set, "set").value_or("non_relativistic");
    return name == "non_relativistic" || name == "scalar_relativistic";
  });
  if (chosen_set == projector_sets.end())
    doc.fail(projector_sets.front(),
             "expected a <nonlocal-projectors> set \"non_relativistic\" or "
             "\"scalar_relativistic\" (spin-orbit sets are not supported)");

  // The common grid: uniform, out to the last point the file tabulates.
  const RadialTable v_local = read_radfunc(doc, local, global_grid);
  double r_max = global_grid.empty() ? v_local.r_bohr.back() : global_grid.back();
  psp.r_bohr = uniform_radial_grid(kPsmlGridSpacingBohr, r_max);
  psp.rab_bohr.assign(psp.r_bohr.size(), kPsmlGridSpacingBohr);

  psp.v_local_hartree = resample_radial(v_local.r_bohr, v_local.values, psp.r_bohr);
  for (std::size_t i = 0; i < psp.r_bohr.size(); ++i) {
    if (psp.r_bohr[i] > v_local.r_bohr.back() * (1.0 + 1e-12))
      psp.v_local_hartree[i] = -psp.z_valence / psp.r_bohr[i];  // Coulomb tail beyond the data
    else
      psp.v_local_hartree[i] *= hartree_per_unit;
  }

  std::map<int, std::vector<std::pair<int, Node>>> projectors_by_l;  // l -> (seq, node)
  for (Node proj : Document::children(*chosen_set, "proj")) {
    const int l = angular_momentum(doc, proj);
    const int seq = static_cast<int>(
        std::lround(doc.number_attribute(proj, "seq").value_or(projectors_by_l[l].size() + 1)));
    projectors_by_l[l].emplace_back(seq, proj);
  }
  for (auto& [l, projectors] : projectors_by_l) {
    std::sort(projectors.begin(), projectors.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    KbChannel channel;
    channel.l = l;
    const std::size_t n = projectors.size();
    channel.d_ij_hartree.assign(n * n, 0.0);
    for (std::size_t i = 0; i < n; ++i) {
      const Node proj = projectors[i].second;
      channel.d_ij_hartree[i * n + i] =
          doc.required_number_attribute(proj, "ekb") * hartree_per_unit;
      const RadialTable beta = read_radfunc(doc, proj, global_grid);
      KbProjector projector;
      projector.l = l;
      projector.r_beta = resample_radial(beta.r_bohr, beta.values, psp.r_bohr);
      for (std::size_t k = 0; k < psp.r_bohr.size(); ++k) projector.r_beta[k] *= psp.r_bohr[k];
      channel.projectors.push_back(std::move(projector));
    }
    psp.channels.push_back(std::move(channel));
  }

  if (Node core = Document::child(root, "pseudocore-charge")) {
    const RadialTable rho = read_radfunc(doc, core, global_grid);
    psp.rho_core = resample_radial(rho.r_bohr, rho.values, psp.r_bohr);
    for (double& v : psp.rho_core) v /= kFourPi;  // PSML stores 4π·ρ_core
  }
  if (Node valence = Document::child(root, "valence-charge")) {
    const RadialTable rho = read_radfunc(doc, valence, global_grid);
    psp.rho_valence_atom = resample_radial(rho.r_bohr, rho.values, psp.r_bohr);
    for (double& v : psp.rho_valence_atom) v /= kFourPi;  // PSML stores 4π·ρ_valence
    std::vector<double> integrand(psp.r_bohr.size());
    for (std::size_t k = 0; k < integrand.size(); ++k)
      integrand[k] = kFourPi * psp.r_bohr[k] * psp.r_bohr[k] * psp.rho_valence_atom[k];
    const double charge = radial_integral(psp, integrand);
    const double expected = doc.number_attribute(valence, "total-charge").value_or(psp.z_valence);
    if (std::abs(charge - expected) > 1e-3 * std::max(1.0, expected))
      doc.fail(valence, "valence charge integrates to " + std::to_string(charge) +
                            " electrons, expected total-charge " + std::to_string(expected));
  }
  psp.orbitals =
      read_orbitals(doc, root, Document::attribute(*chosen_set, "set"), global_grid, psp.r_bohr);
  validate(psp);
  return psp;
}

}  // namespace fw::dft
