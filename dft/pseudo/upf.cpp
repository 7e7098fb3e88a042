/// \file upf.cpp
/// \brief UPF v1/v2 norm-conserving reader into the common pseudopotential (see upf.hpp).
#include "dft/pseudo/upf.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fstream>
#include <numbers>
#include <sstream>

#include "core/error.hpp"
#include "dft/pseudo/radial.hpp"
#include "dft/pseudo/xml_document.hpp"
#include "slabs/elements.hpp"

namespace fw::dft {
namespace {

constexpr double kFourPi = 4.0 * std::numbers::pi;
constexpr double kHartreePerRydberg = 0.5;
/// UPF generators leave numerical noise in the far tail of V_loc + Z/r, which the r² weight of the
/// G = 0 ("psp_core") term amplifies. ABINIT (m_upf2abinit psp11lo) drops V_loc + Z/r beyond
/// 20 bohr when it is not ~0; Quantum ESPRESSO integrates only to 10 bohr (upflib rcut). We cut
/// the grid at the first point beyond 20 bohr (odd count), ABINIT's rule, since ABINIT is our
/// reference; everything else is negligible there.
constexpr double kUpfIntegrationCutoffBohr = 20.0;

/// The format-independent content of a UPF file, in the file's units (Ry).
struct UpfContent {
  std::string element, functional_name;
  double z_valence = 0.0;
  bool core_correction = false, relativistic = false;
  double wfc_cutoff_rydberg = 0.0;
  std::vector<double> r, rab, v_local_rydberg, rho_core, rho_atom_4pi_r2;
  std::vector<int> beta_l;
  std::vector<std::vector<double>> r_beta;
  std::vector<double> d_ij_rydberg;  // n_beta x n_beta, row-major
  std::vector<int> chi_l;            // pseudo-atomic orbitals <PP_PSWFC>: l, label, r·χ(r)
  std::vector<std::string> chi_label;
  std::vector<std::vector<double>> r_chi;
};

std::string upper(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return s;
}

std::string trim(const std::string& s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

bool fortran_true(const std::string& s) {
  const std::string u = upper(trim(s));
  return u == "T" || u == ".TRUE." || u == "TRUE";
}

// ---------------------------------------------------------------- UPF v1: tagged text sections

class UpfV1Text {
 public:
  explicit UpfV1Text(const std::string& path) : path_(path) {
    std::ifstream in(path);
    if (!in) throw InputError(path, "cannot open pseudopotential file");
    std::stringstream buffer;
    buffer << in.rdbuf();
    text_ = buffer.str();
  }
  struct Section {
    std::size_t begin = 0, end = 0;  // content offsets
    int line = 0;                    // line of the opening tag
  };
  /// The next <tag>...</tag> at or after `from`; `required` throws when absent.
  std::optional<Section> find(const std::string& tag, std::size_t from = 0,
                              bool required = true) const {
    const std::string open = "<" + tag, close = "</" + tag + ">";
    std::size_t pos = from;
    while (true) {
      pos = text_.find(open, pos);
      if (pos == std::string::npos) break;
      const char next = pos + open.size() < text_.size() ? text_[pos + open.size()] : '\0';
      if (next == '>' || next == ' ' || next == '\n' || next == '\r') break;
      pos += open.size();
    }
    if (pos == std::string::npos) {
      if (required) throw InputError(path_, "expected a <" + tag + "> section");
      return std::nullopt;
    }
    Section s;
    s.line = line_of(pos);
    s.begin = text_.find('>', pos) + 1;
    s.end = text_.find(close, s.begin);
    if (s.end == std::string::npos)
      throw InputError(path_, s.line, "<" + tag + "> is not closed by " + close);
    return s;
  }
  std::vector<std::string> lines(const Section& s) const {
    std::vector<std::string> out;
    std::istringstream in(text_.substr(s.begin, s.end - s.begin));
    std::string line;
    while (std::getline(in, line))
      if (!trim(line).empty()) out.push_back(line);
    return out;
  }
  /// The leading numbers of every line of a section from `skip_lines` non-empty lines on; words
  /// after a line's numbers are labels ("3  Number of nonzero Dij") and end that line.
  std::vector<double> numbers(const Section& s, std::size_t skip_lines = 0) const {
    std::vector<double> values;
    const auto all = lines(s);
    for (std::size_t i = skip_lines; i < all.size(); ++i) {
      std::string line = all[i];
      std::replace(line.begin(), line.end(), 'D', 'E');
      std::istringstream words(line);
      std::string word;
      while (words >> word) {
        char* end = nullptr;
        const double v = std::strtod(word.c_str(), &end);
        if (end == word.c_str() || *end != '\0') break;
        values.push_back(v);
      }
    }
    return values;
  }
  [[noreturn]] void fail(int line, const std::string& message) const {
    throw InputError(path_, line, message);
  }
  const std::string& path() const { return path_; }

 private:
  int line_of(std::size_t offset) const {
    return 1 + static_cast<int>(
                   std::count(text_.begin(), text_.begin() + static_cast<long>(offset), '\n'));
  }
  std::string path_;
  std::string text_;
};

std::vector<double> exactly(std::vector<double> values, std::size_t n, const UpfV1Text& file,
                            int line, const std::string& what) {
  if (values.size() < n)
    file.fail(line, "expected " + std::to_string(n) + " values in " + what + ", found " +
                        std::to_string(values.size()));
  values.resize(n);
  return values;
}

UpfContent read_v1(const std::string& path) {
  const UpfV1Text file(path);
  UpfContent upf;
  const auto header = *file.find("PP_HEADER");
  const auto h = file.lines(header);
  if (h.size() < 11) file.fail(header.line, "expected at least 11 lines in <PP_HEADER>");
  auto first_word = [](const std::string& line) {
    std::istringstream words(line);
    std::string w;
    words >> w;
    return w;
  };
  auto number = [&](std::size_t index, const std::string& what) {
    std::istringstream words(h[index]);
    double v = 0.0;
    if (!(words >> v)) file.fail(header.line + 1 + static_cast<int>(index), "expected " + what);
    return v;
  };
  upf.element = first_word(h[1]);
  const std::string type = upper(first_word(h[2]));
  if (type != "NC" && type != "SL")
    file.fail(header.line + 3, "expected a norm-conserving (NC) pseudopotential, found " + type);
  upf.core_correction = fortran_true(first_word(h[3]));
  const auto xc_end = h[4].find("Exchange");
  upf.functional_name = trim(h[4].substr(0, xc_end));
  upf.z_valence = number(5, "Z valence");
  upf.wfc_cutoff_rydberg = number(7, "suggested cut-offs");
  const auto mesh = static_cast<std::size_t>(std::lround(number(9, "number of mesh points")));
  std::istringstream counts(h[10]);
  int n_wfc = 0, n_beta = 0;
  if (!(counts >> n_wfc >> n_beta) || n_beta < 0)
    file.fail(header.line + 11, "expected the numbers of wavefunctions and projectors");

  const auto r = *file.find("PP_R");
  upf.r = exactly(file.numbers(r), mesh, file, r.line, "<PP_R>");
  const auto rab = *file.find("PP_RAB");
  upf.rab = exactly(file.numbers(rab), mesh, file, rab.line, "<PP_RAB>");
  if (upf.core_correction) {
    const auto nlcc = *file.find("PP_NLCC");
    upf.rho_core = exactly(file.numbers(nlcc), mesh, file, nlcc.line, "<PP_NLCC>");
  }
  const auto local = *file.find("PP_LOCAL");
  upf.v_local_rydberg = exactly(file.numbers(local), mesh, file, local.line, "<PP_LOCAL>");

  std::size_t from = local.end;
  for (int b = 0; b < n_beta; ++b) {
    const auto beta = *file.find("PP_BETA", from);
    from = beta.end;
    const auto lines = file.lines(beta);
    std::istringstream head(lines.empty() ? "" : lines[0]);
    int index = 0, l = -1;
    if (!(head >> index >> l) || l < 0 || l > 4)
      file.fail(beta.line + 1, "expected \"index l\" at the start of <PP_BETA>");
    const auto values = file.numbers(beta, 1);
    if (values.empty()) file.fail(beta.line + 2, "expected the number of points of <PP_BETA>");
    const auto kkbeta = static_cast<std::size_t>(std::lround(values[0]));
    if (kkbeta > mesh || values.size() < kkbeta + 1)
      file.fail(beta.line + 2, "expected " + std::to_string(kkbeta) + " values in <PP_BETA>");
    std::vector<double> r_beta(mesh, 0.0);
    std::copy(values.begin() + 1, values.begin() + 1 + static_cast<long>(kkbeta), r_beta.begin());
    upf.beta_l.push_back(l);
    upf.r_beta.push_back(std::move(r_beta));
  }
  const auto nb = static_cast<std::size_t>(n_beta);
  upf.d_ij_rydberg.assign(nb * nb, 0.0);
  if (n_beta > 0) {
    const auto dij = *file.find("PP_DIJ", from);
    const auto values = file.numbers(dij, 0);
    const auto nd = values.empty() ? 0 : static_cast<std::size_t>(std::lround(values[0]));
    if (values.size() < 1 + 3 * nd)
      file.fail(dij.line, "expected nd lines \"i j D_ij\" in <PP_DIJ>");
    for (std::size_t k = 0; k < nd; ++k) {
      const auto i = static_cast<std::size_t>(std::lround(values[1 + 3 * k])) - 1;
      const auto j = static_cast<std::size_t>(std::lround(values[2 + 3 * k])) - 1;
      if (i >= nb || j >= nb) file.fail(dij.line, "projector index out of range in <PP_DIJ>");
      upf.d_ij_rydberg[i * nb + j] = upf.d_ij_rydberg[j * nb + i] = values[3 + 3 * k];
    }
  }
  if (const auto rho = file.find("PP_RHOATOM", 0, false))
    upf.rho_atom_4pi_r2 = exactly(file.numbers(*rho), mesh, file, rho->line, "<PP_RHOATOM>");
  if (const auto pswfc = file.find("PP_PSWFC", 0, false)) {
    // n_wfc blocks: a line "label l occupation Wavefunction", then mesh values of r·χ(r).
    const auto lines = file.lines(*pswfc);
    std::size_t at = 0;
    for (int w = 0; w < n_wfc; ++w) {
      while (at < lines.size() && trim(lines[at]).empty()) ++at;
      std::istringstream head(at < lines.size() ? lines[at] : "");
      std::string label;
      int l = -1;
      if (!(head >> label >> l) || l < 0 || l > 3)
        file.fail(pswfc->line + 1 + static_cast<int>(at),
                  "expected \"label l occupation\" of pseudo-atomic orbital " +
                      std::to_string(w + 1) + " in <PP_PSWFC>");
      std::vector<double> values;
      for (++at; at < lines.size() && values.size() < mesh; ++at) {
        std::istringstream numbers(lines[at]);
        double v = 0.0;
        while (numbers >> v) values.push_back(v);
      }
      upf.chi_l.push_back(l);
      upf.chi_label.push_back(label);
      upf.r_chi.push_back(exactly(values, mesh, file, pswfc->line, "an orbital of <PP_PSWFC>"));
    }
  }
  if (file.find("PP_ADDINFO", 0, false))
    file.fail(0, "spin-orbit UPF (<PP_ADDINFO>) is not supported; use a scalar-relativistic file");
  return upf;
}

// ---------------------------------------------------------------- UPF v2: XML

UpfContent read_v2(const std::string& path) {
  const xml::Document doc(path, /*recover=*/true);
  using xml::Document;
  const xml::Node root = doc.root();
  if (Document::name(root) != "UPF")
    doc.fail(root, "expected the root element <UPF>, found <" + Document::name(root) + ">");
  UpfContent upf;
  const xml::Node header = doc.required_child(root, "PP_HEADER");
  upf.element = trim(doc.required_attribute(header, "element"));
  const std::string type = upper(trim(Document::attribute(header, "pseudo_type").value_or("NC")));
  if ((type != "NC" && type != "SL") ||
      fortran_true(Document::attribute(header, "is_ultrasoft").value_or("F")) ||
      fortran_true(Document::attribute(header, "is_paw").value_or("F")))
    doc.fail(header, "expected a norm-conserving pseudopotential (pseudo_type NC), found " + type);
  if (fortran_true(Document::attribute(header, "has_so").value_or("F")))
    doc.fail(header,
             "spin-orbit UPF (has_so = T) is not supported; use a scalar-relativistic file");
  upf.core_correction = fortran_true(Document::attribute(header, "core_correction").value_or("F"));
  upf.relativistic = Document::attribute(header, "relativistic").value_or("") != "no";
  upf.functional_name = trim(doc.required_attribute(header, "functional"));
  upf.z_valence = doc.required_number_attribute(header, "z_valence");
  upf.wfc_cutoff_rydberg = doc.number_attribute(header, "wfc_cutoff").value_or(0.0);
  const auto mesh =
      static_cast<std::size_t>(std::lround(doc.required_number_attribute(header, "mesh_size")));
  const auto nb = static_cast<std::size_t>(
      std::lround(doc.number_attribute(header, "number_of_proj").value_or(0)));

  const xml::Node mesh_node = doc.required_child(root, "PP_MESH");
  upf.r = doc.numbers(doc.required_child(mesh_node, "PP_R"), mesh);
  upf.rab = doc.numbers(doc.required_child(mesh_node, "PP_RAB"), mesh);
  if (upf.core_correction) upf.rho_core = doc.numbers(doc.required_child(root, "PP_NLCC"), mesh);
  upf.v_local_rydberg = doc.numbers(doc.required_child(root, "PP_LOCAL"), mesh);
  const xml::Node nonlocal = doc.required_child(root, "PP_NONLOCAL");
  for (std::size_t b = 1; b <= nb; ++b) {
    const xml::Node beta = doc.required_child(nonlocal, "PP_BETA." + std::to_string(b));
    const int l =
        static_cast<int>(std::lround(doc.required_number_attribute(beta, "angular_momentum")));
    if (l < 0 || l > 4) doc.fail(beta, "expected 0 <= angular_momentum <= 4");
    auto values = doc.numbers(beta);
    if (values.size() > mesh) doc.fail(beta, "more values than mesh_size in <PP_BETA>");
    values.resize(mesh, 0.0);
    upf.beta_l.push_back(l);
    upf.r_beta.push_back(std::move(values));
  }
  upf.d_ij_rydberg =
      nb > 0 ? doc.numbers(doc.required_child(nonlocal, "PP_DIJ"), nb * nb) : std::vector<double>{};
  if (const xml::Node rho = Document::child(root, "PP_RHOATOM"))
    upf.rho_atom_4pi_r2 = doc.numbers(rho, mesh);
  const auto n_wfc = static_cast<std::size_t>(
      std::lround(doc.number_attribute(header, "number_of_wfc").value_or(0)));
  if (const xml::Node pswfc = Document::child(root, "PP_PSWFC"))
    for (std::size_t w = 1; w <= n_wfc; ++w) {
      const xml::Node chi = doc.required_child(pswfc, "PP_CHI." + std::to_string(w));
      const int l = static_cast<int>(std::lround(doc.required_number_attribute(chi, "l")));
      if (l < 0 || l > 3) doc.fail(chi, "expected 0 <= l <= 3");
      upf.chi_l.push_back(l);
      upf.chi_label.push_back(trim(Document::attribute(chi, "label").value_or("")));
      upf.r_chi.push_back(doc.numbers(chi, mesh));
    }
  return upf;
}

/// Keeps the grid points up to the first one beyond kUpfIntegrationCutoffBohr (odd count).
void truncate_like_quantum_espresso(UpfContent& upf) {
  std::size_t msh = upf.r.size();
  for (std::size_t i = 0; i < upf.r.size(); ++i)
    if (upf.r[i] > kUpfIntegrationCutoffBohr) {
      msh = i + 1;  // points kept, the first one beyond the cut-off included
      break;
    }
  msh = std::min(upf.r.size(), 2 * ((msh + 1) / 2) - 1);
  for (auto* f : {&upf.r, &upf.rab, &upf.v_local_rydberg, &upf.rho_core, &upf.rho_atom_4pi_r2})
    if (!f->empty()) f->resize(msh);
  for (auto& beta : upf.r_beta) beta.resize(msh);
  for (auto& chi : upf.r_chi) chi.resize(msh);
}

Pseudopotential to_common(UpfContent upf, const std::string& path) {
  truncate_like_quantum_espresso(upf);
  Pseudopotential psp;
  psp.source_path = path;
  psp.format = "upf";
  psp.element = upf.element;
  if (!psp.element.empty()) {
    psp.element[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(psp.element[0])));
    for (std::size_t i = 1; i < psp.element.size(); ++i)
      psp.element[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(psp.element[i])));
  }
  psp.z_atom = slabs::element(psp.element, path).atomic_number;
  psp.z_valence = upf.z_valence;
  psp.relativistic = upf.relativistic;
  psp.functional = functional_from_qe_name(upf.functional_name);
  psp.r_bohr = upf.r;
  psp.rab_bohr = upf.rab;
  psp.v_local_hartree = upf.v_local_rydberg;
  for (double& v : psp.v_local_hartree) v *= kHartreePerRydberg;
  psp.rho_core = upf.rho_core;
  if (!upf.rho_atom_4pi_r2.empty()) {
    psp.rho_valence_atom.resize(upf.r.size());
    for (std::size_t i = 0; i < upf.r.size(); ++i)
      psp.rho_valence_atom[i] =
          upf.r[i] > 0.0 ? upf.rho_atom_4pi_r2[i] / (kFourPi * upf.r[i] * upf.r[i]) : 0.0;
    if (upf.r[0] == 0.0 && upf.r.size() > 1) psp.rho_valence_atom[0] = psp.rho_valence_atom[1];
  }
  if (upf.wfc_cutoff_rydberg > 0.0)
    psp.cutoff_hints.normal_hartree = upf.wfc_cutoff_rydberg * kHartreePerRydberg;

  const std::size_t nb = upf.beta_l.size();
  for (std::size_t i = 0; i < nb; ++i)
    for (std::size_t j = 0; j < nb; ++j)
      if (upf.beta_l[i] != upf.beta_l[j] && upf.d_ij_rydberg[i * nb + j] != 0.0)
        throw InputError(path, "PP_DIJ couples projectors of different l (" +
                                   std::to_string(i + 1) + ", " + std::to_string(j + 1) + ")");
  std::vector<int> ls(upf.beta_l);
  std::sort(ls.begin(), ls.end());
  ls.erase(std::unique(ls.begin(), ls.end()), ls.end());
  for (int l : ls) {
    KbChannel channel;
    channel.l = l;
    std::vector<std::size_t> members;
    for (std::size_t i = 0; i < nb; ++i)
      if (upf.beta_l[i] == l) members.push_back(i);
    const std::size_t n = members.size();
    channel.d_ij_hartree.resize(n * n);
    for (std::size_t a = 0; a < n; ++a) {
      channel.projectors.push_back({l, upf.r_beta[members[a]]});
      for (std::size_t b = 0; b < n; ++b)
        channel.d_ij_hartree[a * n + b] =
            upf.d_ij_rydberg[members[a] * nb + members[b]] * kHartreePerRydberg;
    }
    psp.channels.push_back(std::move(channel));
  }
  // Pseudo-atomic orbitals, normalised on the (truncated) grid; unbound ones (norm far from 1
  // within 20 bohr) are left out. UPF gives no orbital energies: the file's order is kept.
  for (std::size_t w = 0; w < upf.r_chi.size(); ++w) {
    std::vector<double> square(upf.r.size());
    for (std::size_t i = 0; i < square.size(); ++i) square[i] = upf.r_chi[w][i] * upf.r_chi[w][i];
    const double norm = radial_integral(psp, square);
    if (norm < 0.5) continue;
    AtomicOrbital orbital;
    orbital.l = upf.chi_l[w];
    orbital.label = upf.chi_label[w];
    orbital.r_phi = upf.r_chi[w];
    for (double& v : orbital.r_phi) v /= std::sqrt(norm);
    psp.orbitals.push_back(std::move(orbital));
  }
  return psp;
}

}  // namespace

PseudoFunctional functional_from_qe_name(const std::string& name) {
  std::istringstream words(upper(name));
  std::vector<std::string> w;
  std::string word;
  while (words >> word) w.push_back(word);
  auto has = [&](const std::string& s) { return std::find(w.begin(), w.end(), s) != w.end(); };
  PseudoFunctional f;
  if (w.size() == 1 && w[0] == "PBE") return {{101, 130}, "PBE"};
  if (w.size() == 1 && w[0] == "PBESOL") return {{116, 133}, "PBEsol"};
  if (w.size() == 1 && (w[0] == "PZ" || w[0] == "LDA")) return {{1, 9}, "PZ"};
  if (w.size() == 1 && w[0] == "PW") return {{1, 12}, "PW"};
  const bool no_gradient = w.size() >= 4 && (w[2] == "NOGX" || w[2] == "NOGC") && w[3] == "NOGC";
  if (has("SLA") && has("PW") && (w.size() == 2 || no_gradient)) return {{1, 12}, "PW"};
  if (has("SLA") && has("PZ") && (w.size() == 2 || no_gradient)) return {{1, 9}, "PZ"};
  if (has("SLA") && has("PW") && has("PBX") && has("PBC")) return {{101, 130}, "PBE"};
  if (has("SLA") && has("PW") && has("PSX") && has("PSC")) return {{116, 133}, "PBEsol"};
  f.name = trim(name);
  return f;
}

Pseudopotential read_upf(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw InputError(path, "cannot open pseudopotential file");
  std::string head(4096, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  const bool v2 = head.find("<UPF version=\"2") != std::string::npos;
  if (!v2 && head.find("<PP_HEADER") == std::string::npos &&
      head.find("<PP_INFO") == std::string::npos)
    throw InputError(path, "expected a UPF file (<UPF version=\"2...\"> or <PP_HEADER>)");
  Pseudopotential psp = to_common(v2 ? read_v2(path) : read_v1(path), path);
  validate(psp);
  return psp;
}

}  // namespace fw::dft
