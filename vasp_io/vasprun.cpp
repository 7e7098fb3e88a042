/// \file vasprun.cpp
/// \brief vasprun.xml through expat's push parser: fixed-size chunks, only the values we keep.
#include "vasp_io/vasprun.hpp"

#include <expat.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

#include "core/error.hpp"
#include "vasp_io/fortran_number.hpp"
#include "vasp_io/text_source.hpp"

namespace fw::vasp {

namespace {

enum class Tag {
  other,
  modeling,
  generator,
  incar,
  parameters,
  separator,
  kpoints,
  generation,
  atominfo,
  array,
  set,
  rc,
  c,
  r,
  structure,
  crystal,
  varray,
  v,
  i,
  calculation,
  scstep,
  energy,
  eigenvalues,
  field,
  dos,
  total,
  partial,
  projected
};

Tag tag_of(const char* name) {
  switch (name[0]) {
    case 'a':
      if (!std::strcmp(name, "array")) return Tag::array;
      if (!std::strcmp(name, "atominfo")) return Tag::atominfo;
      break;
    case 'c':
      if (name[1] == 0) return Tag::c;
      if (!std::strcmp(name, "calculation")) return Tag::calculation;
      if (!std::strcmp(name, "crystal")) return Tag::crystal;
      break;
    case 'd':
      if (!std::strcmp(name, "dos")) return Tag::dos;
      break;
    case 'e':
      if (!std::strcmp(name, "energy")) return Tag::energy;
      if (!std::strcmp(name, "eigenvalues")) return Tag::eigenvalues;
      break;
    case 'f':
      if (!std::strcmp(name, "field")) return Tag::field;
      break;
    case 'g':
      if (!std::strcmp(name, "generator")) return Tag::generator;
      if (!std::strcmp(name, "generation")) return Tag::generation;
      break;
    case 'i':
      if (name[1] == 0) return Tag::i;
      if (!std::strcmp(name, "incar")) return Tag::incar;
      break;
    case 'k':
      if (!std::strcmp(name, "kpoints")) return Tag::kpoints;
      break;
    case 'm':
      if (!std::strcmp(name, "modeling")) return Tag::modeling;
      break;
    case 'p':
      if (!std::strcmp(name, "parameters")) return Tag::parameters;
      if (!std::strcmp(name, "projected")) return Tag::projected;
      if (!std::strcmp(name, "partial")) return Tag::partial;
      break;
    case 'r':
      if (name[1] == 0) return Tag::r;
      if (!std::strcmp(name, "rc")) return Tag::rc;
      break;
    case 's':
      if (!std::strcmp(name, "set")) return Tag::set;
      if (!std::strcmp(name, "scstep")) return Tag::scstep;
      if (!std::strcmp(name, "structure")) return Tag::structure;
      if (!std::strcmp(name, "separator")) return Tag::separator;
      break;
    case 't':
      if (!std::strcmp(name, "total")) return Tag::total;
      break;
    case 'v':
      if (name[1] == 0) return Tag::v;
      if (!std::strcmp(name, "varray")) return Tag::varray;
      break;
    default:
      break;
  }
  return Tag::other;
}

const char* attribute(const char** atts, const char* key) {
  for (int k = 0; atts[k] != nullptr; k += 2) {
    if (!std::strcmp(atts[k], key)) return atts[k + 1];
  }
  return nullptr;
}

/// The energies of one <energy> block (NaN where absent).
struct EnergyTags {
  double e_fr = std::nan(""), e_wo = std::nan(""), e_0 = std::nan("");
  bool any() const { return !std::isnan(e_fr) || !std::isnan(e_wo) || !std::isnan(e_0); }
};

/// A structure being read: basis rows, fractional positions, selective flags.
struct RawStructure {
  std::vector<Vec3> basis, positions;
  std::vector<std::array<bool, 3>> selective;
};

enum class StructureKind { none, initial, final_, step, ignored };

class VasprunReader {
 public:
  VasprunReader(std::string source, const VasprunOptions& options) : options_(options) {
    out_.source = std::move(source);
    parser_ = XML_ParserCreate(nullptr);
    if (parser_ == nullptr) throw std::bad_alloc();
    XML_SetUserData(parser_, this);
    XML_SetElementHandler(parser_, &VasprunReader::on_start, &VasprunReader::on_end);
    XML_SetCharacterDataHandler(parser_, &VasprunReader::on_text);
  }
  ~VasprunReader() { XML_ParserFree(parser_); }
  VasprunReader(const VasprunReader&) = delete;
  VasprunReader& operator=(const VasprunReader&) = delete;

  /// Feeds one chunk; returns false once parsing has stopped (error or foreign root).
  bool feed(const char* data, std::size_t size, bool is_final) {
    if (stopped_) return false;
    bytes_ += size;
    if (XML_Parse(parser_, data, static_cast<int>(size), is_final ? 1 : 0) == XML_STATUS_ERROR) {
      stopped_ = true;
      if (error_.empty()) {
        xml_error_ = XML_ErrorString(XML_GetErrorCode(parser_));
        error_line_ = static_cast<long long>(XML_GetCurrentLineNumber(parser_));
        xml_error_at_end_ = is_final;
      }
      return false;
    }
    return true;
  }

  Vasprun finish() {
    if (!error_.empty()) throw InputError(out_.source, static_cast<int>(error_line_), error_);
    if (bytes_ == 0) throw InputError(out_.source, "empty file: expected vasprun.xml");
    if (!root_seen_) {
      throw InputError(out_.source, static_cast<int>(error_line_),
                       "not vasprun.xml: " + (xml_error_.empty() ? std::string("no <modeling> root")
                                                                 : "XML error: " + xml_error_));
    }
    if (!xml_error_.empty()) {
      const std::string where = "line " + std::to_string(error_line_);
      if (out_.ionic_steps.empty()) {
        throw InputError(out_.source, static_cast<int>(error_line_),
                         "XML error (" + xml_error_ + ") before any complete ionic step");
      }
      if (xml_error_at_end_ && in_calculation_) {
        out_.completeness.mark_missing("ionic step " + std::to_string(out_.ionic_steps.size() + 1) +
                                       ": file ends inside it (" + where +
                                       "; running, killed or truncated)");
      } else if (xml_error_at_end_) {
        out_.completeness.mark_missing("end of file: XML cut off at " + where + " (" + xml_error_ +
                                       ")");
      } else {
        out_.completeness.mark_missing("rest of file: corrupt XML at " + where + " (" + xml_error_ +
                                       "); only what came before was read");
      }
    }
    if (out_.atomic_symbols.empty()) out_.completeness.mark_missing("<atominfo> (atom list)");
    if (!out_.initial_structure) out_.completeness.mark_missing("initial structure (initialpos)");
    if (out_.ionic_steps.empty())
      out_.completeness.mark_missing("any complete <calculation> (ionic step)");
    if (!out_.final_structure && xml_error_.empty())
      out_.completeness.mark_missing("final structure (finalpos)");
    if (!out_.final_structure && last_step_structure_) out_.final_structure = last_step_structure_;
    return std::move(out_);
  }

 private:
  static void XMLCALL on_start(void* self, const char* name, const char** atts) {
    static_cast<VasprunReader*>(self)->start(name, atts);
  }
  static void XMLCALL on_end(void* self, const char* name) {
    static_cast<VasprunReader*>(self)->end(name);
  }
  static void XMLCALL on_text(void* self, const char* s, int len) {
    auto* r = static_cast<VasprunReader*>(self);
    if (r->capture_) r->text_.append(s, static_cast<std::size_t>(len));
  }

  void fail(const std::string& message) {
    if (error_.empty()) {
      error_ = message;
      error_line_ = static_cast<long long>(XML_GetCurrentLineNumber(parser_));
    }
    XML_StopParser(parser_, XML_FALSE);
  }

  double number(std::string_view token, const char* what) {
    auto v = parse_fortran_double(token);
    if (!v) {
      fail(std::string("expected a number in ") + what + ", found '" + std::string(trim(token)) +
           "'");
      return 0.0;
    }
    if (std::isnan(*v)) note_overflow(what);
    return *v;
  }

  void note_overflow(const char* what) {
    const std::string w = std::string("Fortran overflow (*****) in ") + what + " at line " +
                          std::to_string(XML_GetCurrentLineNumber(parser_));
    if (out_.warnings.size() < 100) out_.warnings.push_back(w);
  }

  Vec3 vec3(std::string_view text, const char* what) {
    std::string_view tok[4];
    const int n = split_blanks(text, tok, 4);
    if (n != 3) {
      fail(std::string("expected 3 numbers in ") + what + ", found " + std::to_string(n));
      return {};
    }
    return {number(tok[0], what), number(tok[1], what), number(tok[2], what)};
  }

  // ---- element starts -------------------------------------------------------------------
  void start(const char* name, const char** atts) {
    const Tag tag = tag_of(name);
    ++depth_;
    if (!root_seen_) {
      if (tag != Tag::modeling) {
        fail(std::string("not vasprun.xml: root element is <") + name + ">, expected <modeling>");
        return;
      }
      root_seen_ = true;
      return;
    }
    if (skip_depth_ > 0) return;  // inside a block we do not read (projections, partial DOS)
    const char* name_attr = attribute(atts, "name");
    switch (tag) {
      case Tag::generator:
        section_ = Section::generator;
        break;
      case Tag::incar:
        section_ = Section::incar;
        break;
      case Tag::parameters:
        section_ = Section::parameters;
        break;
      case Tag::separator:
        if (section_ == Section::parameters && name_attr &&
            !std::strcmp(name_attr, "response functions"))
          response_functions_depth_ = depth_;
        break;
      case Tag::kpoints:
        section_ = kpoints_done_ ? Section::ignored : Section::kpoints;
        break;
      case Tag::generation:
        if (section_ == Section::kpoints) {
          const char* param = attribute(atts, "param");
          out_.kpoints_style = param ? param : "";
        }
        break;
      case Tag::atominfo:
        section_ = Section::atominfo;
        break;
      case Tag::array:
        array_name_ = name_attr ? name_attr : "";
        break;
      case Tag::rc:
        c_index_ = 0;
        break;
      case Tag::structure:
        start_structure(name_attr);
        break;
      case Tag::varray:
        varray_name_ = name_attr ? name_attr : "";
        break;
      case Tag::calculation:
        in_calculation_ = true;
        step_ = VasprunIonicStep{};
        calc_energy_ = EnergyTags{};
        last_scstep_energy_ = EnergyTags{};
        break;
      case Tag::scstep:
        in_scstep_ = true;
        scstep_energy_ = EnergyTags{};
        break;
      case Tag::energy:
        in_energy_ = true;
        break;
      case Tag::eigenvalues:
        in_eigenvalues_ = true;
        eigen_set_depth_ = 0;
        eigen_spins_ = 0;
        eigen_kpoints_ = 0;
        eigen_values_.clear();
        eigen_occupations_.clear();
        break;
      case Tag::set:
        if (in_eigenvalues_) {
          ++eigen_set_depth_;
          if (eigen_set_depth_ == 2) ++eigen_spins_;
          if (eigen_set_depth_ == 3 && eigen_spins_ == 1) ++eigen_kpoints_;
        } else if (in_dos_total_) {
          ++dos_set_depth_;
          if (dos_set_depth_ == 2) {
            ++dos_spin_sets_;
            dos_builder_.begin_total_spin();
          }
        } else if (in_dos_partial_) {
          // <set> (all ions) > <set comment="ion N"> > <set comment="spin S"> > rows
          ++dos_set_depth_;
          if (dos_set_depth_ == 2) dos_builder_.begin_partial_ion();
          if (dos_set_depth_ == 3) dos_builder_.begin_partial_spin();
        }
        break;
      case Tag::dos:
        in_dos_ = true;
        dos_builder_ = DosBuilder{};
        break;
      case Tag::total:
        if (in_dos_) {
          in_dos_total_ = true;
          dos_set_depth_ = 0;
          dos_spin_sets_ = 0;
          dos_rows_ = 0;
        }
        break;
      case Tag::partial:
        if (in_dos_ && options_.keep_dos) {
          in_dos_partial_ = true;
          dos_set_depth_ = 0;
        } else {
          skip_depth_ = depth_;
        }
        break;
      case Tag::projected:
        skip_depth_ = depth_;
        break;
      case Tag::field:
        capture_ = in_dos_partial_;
        text_.clear();
        break;
      case Tag::i:
      case Tag::v:
      case Tag::c:
      case Tag::r: {
        leaf_name_ = name_attr ? name_attr : "";
        const char* type = attribute(atts, "type");
        leaf_type_ = type ? type : "";
        capture_ = wants_text(tag);
        text_.clear();
        break;
      }
      default:
        break;
    }
  }

  bool wants_text(Tag leaf) const {
    if (in_dos_total_ || in_dos_partial_) return leaf == Tag::r && options_.keep_dos;
    switch (leaf) {
      case Tag::r:
        return in_eigenvalues_;
      case Tag::c:
        return section_ == Section::atominfo;
      default:
        break;
    }
    return true;
  }

  void start_structure(const char* name_attr) {
    structure_ = RawStructure{};
    if (name_attr == nullptr)
      structure_kind_ = in_calculation_ ? StructureKind::step : StructureKind::ignored;
    else if (!std::strcmp(name_attr, "initialpos"))
      structure_kind_ = StructureKind::initial;
    else if (!std::strcmp(name_attr, "finalpos"))
      structure_kind_ = StructureKind::final_;
    else
      structure_kind_ = StructureKind::ignored;  // primitive_cell, ...
  }

  // ---- element ends ---------------------------------------------------------------------
  void end(const char* name) {
    const Tag tag = tag_of(name);
    const int closing_depth = depth_--;
    if (skip_depth_ > 0) {
      if (closing_depth == skip_depth_) skip_depth_ = 0;
      return;
    }
    switch (tag) {
      case Tag::modeling:
        root_closed_ = true;
        break;
      case Tag::generator:
      case Tag::incar:
      case Tag::parameters:
      case Tag::atominfo:
        section_ = Section::none;
        break;
      case Tag::kpoints:
        if (section_ == Section::kpoints) kpoints_done_ = true;
        section_ = Section::none;
        break;
      case Tag::separator:
        if (closing_depth == response_functions_depth_) response_functions_depth_ = 0;
        break;
      case Tag::i:
        end_i();
        break;
      case Tag::v:
        end_v();
        break;
      case Tag::c:
        end_c();
        break;
      case Tag::r:
        end_r();
        break;
      case Tag::rc:
        ++atominfo_row_;
        break;
      case Tag::varray:
        varray_name_.clear();
        break;
      case Tag::array:
        array_name_.clear();
        break;
      case Tag::structure:
        end_structure();
        break;
      case Tag::energy:
        in_energy_ = false;
        break;
      case Tag::scstep:
        in_scstep_ = false;
        if (scstep_energy_.any()) {
          ++step_.electronic_steps;
          last_scstep_energy_ = scstep_energy_;
        }
        break;
      case Tag::calculation:
        end_calculation();
        break;
      case Tag::eigenvalues:
        end_eigenvalues();
        break;
      case Tag::set:
        if (in_eigenvalues_)
          --eigen_set_depth_;
        else if (in_dos_total_ || in_dos_partial_)
          --dos_set_depth_;
        break;
      case Tag::field:
        if (in_dos_partial_) dos_builder_.partial_field(text_);
        break;
      case Tag::total:
        if (in_dos_total_) {
          in_dos_total_ = false;
          if (dos_spin_sets_ > 0) out_.total_dos_points = dos_rows_ / dos_spin_sets_;
        }
        break;
      case Tag::partial:
        in_dos_partial_ = false;
        break;
      case Tag::dos:
        end_dos();
        break;
      default:
        break;
    }
    if (tag == Tag::r && in_dos_total_ && dos_set_depth_ == 2) {
      ++dos_rows_;
      if (options_.keep_dos) dos_builder_.total_row(text_);
    }
    if (tag == Tag::r && in_dos_partial_ && dos_set_depth_ == 3) dos_builder_.partial_row(text_);
    capture_ = false;
  }

  nlohmann::json typed_scalar(std::string_view text) {
    const std::string_view t = trim(text);
    if (leaf_type_ == "string") return std::string(t);
    if (leaf_type_ == "logical") {
      if (t == "T" || t == ".TRUE." || t == "true") return true;
      if (t == "F" || t == ".FALSE." || t == "false") return false;
      return std::string(t);
    }
    if (leaf_type_ == "int") {
      if (auto v = parse_integer(t)) return *v;
      note_overflow(leaf_name_.c_str());
      return nullptr;
    }
    auto v = parse_fortran_double(t);
    if (!v || std::isnan(*v)) {
      note_overflow(leaf_name_.c_str());
      return nullptr;
    }
    return *v;
  }

  nlohmann::json typed_list(std::string_view text) {
    nlohmann::json list = nlohmann::json::array();
    std::string_view rest = text;
    std::string_view tok[1];
    while (split_blanks(rest, tok, 1) == 1) {
      list.push_back(typed_scalar(tok[0]));
      rest = rest.substr(static_cast<std::size_t>(tok[0].data() + tok[0].size() - rest.data()));
    }
    return list;
  }

  void store_parameter(nlohmann::json& target, nlohmann::json value) {
    if (response_functions_depth_ > 0 && target.contains(leaf_name_)) return;  // as pymatgen
    target[leaf_name_] = std::move(value);
  }

  void end_i() {
    if (in_energy_ && in_calculation_) {
      EnergyTags& e = in_scstep_ ? scstep_energy_ : calc_energy_;
      const double v = number(text_, "energy");
      if (leaf_name_ == "e_fr_energy")
        e.e_fr = v;
      else if (leaf_name_ == "e_wo_entrp")
        e.e_wo = v;
      else if (leaf_name_ == "e_0_energy")
        e.e_0 = v;
      return;
    }
    if (in_dos_ && !in_dos_total_ && leaf_name_ == "efermi") {
      const double v = number(text_, "efermi");
      if (std::isfinite(v)) out_.efermi_eV = v;
      dos_builder_.set_efermi(v);
      return;
    }
    switch (section_) {
      case Section::generator:
        if (leaf_name_ == "version") out_.vasp_version = std::string(trim(text_));
        break;
      case Section::incar:
        store_parameter(out_.incar, typed_scalar(text_));
        break;
      case Section::parameters:
        store_parameter(out_.parameters, typed_scalar(text_));
        break;
      default:
        break;
    }
  }

  void end_v() {
    switch (section_) {
      case Section::incar:
        store_parameter(out_.incar, typed_list(text_));
        return;
      case Section::parameters:
        store_parameter(out_.parameters, typed_list(text_));
        return;
      case Section::kpoints:
        end_kpoints_v();
        return;
      default:
        break;
    }
    if (structure_kind_ != StructureKind::none) {
      if (varray_name_ == "basis")
        structure_.basis.push_back(vec3(text_, "basis"));
      else if (varray_name_ == "positions")
        structure_.positions.push_back(vec3(text_, "positions"));
      else if (varray_name_ == "selective") {
        std::string_view tok[3];
        if (split_blanks(text_, tok, 3) == 3)
          structure_.selective.push_back({tok[0] == "T", tok[1] == "T", tok[2] == "T"});
      }
      return;
    }
    if (in_calculation_) {
      if (varray_name_ == "forces")
        step_.forces_eV_per_A.push_back(vec3(text_, "forces"));
      else if (varray_name_ == "stress") {
        if (stress_rows_.size() < 3) stress_rows_.push_back(vec3(text_, "stress"));
      }
    }
  }

  void end_kpoints_v() {
    if (varray_name_ == "kpointlist") {
      out_.kpoints_reciprocal.push_back(vec3(text_, "kpointlist"));
    } else if (varray_name_ == "weights") {
      out_.kpoint_weights.push_back(number(text_, "k-point weights"));
    } else if (leaf_name_ == "divisions") {
      std::string_view tok[4];
      if (split_blanks(text_, tok, 4) == 3) {
        std::array<int, 3> d{};
        for (int k = 0; k < 3; ++k)
          d[static_cast<std::size_t>(k)] = static_cast<int>(parse_integer(tok[k]).value_or(0));
        out_.kpoints_divisions = d;
      }
    }
  }

  void end_c() {
    if (section_ != Section::atominfo) return;
    const std::string_view t = trim(text_);
    if (array_name_ == "atoms" && c_index_ == 0) {
      std::string symbol(t);
      // VASP writes two-character fields; pymatgen maps these truncated names the same way.
      if (symbol == "X")
        symbol = "Xe";
      else if (symbol == "r")
        symbol = "Zr";
      out_.atomic_symbols.push_back(std::move(symbol));
    } else if (array_name_ == "atomtypes" && c_index_ == 4) {
      out_.potcar_symbols.emplace_back(t);
    }
    ++c_index_;
  }

  void end_r() {
    if (!in_eigenvalues_ || eigen_set_depth_ != 3) return;
    std::string_view tok[3];
    if (split_blanks(text_, tok, 3) < 2) {
      fail("expected 'energy occupation' in an eigenvalue row");
      return;
    }
    if (!options_.keep_eigenvalues) return;
    eigen_values_.push_back(number(tok[0], "eigenvalues"));
    eigen_occupations_.push_back(number(tok[1], "occupations"));
  }

  void end_structure() {
    const StructureKind kind = structure_kind_;
    structure_kind_ = StructureKind::none;
    if (kind == StructureKind::ignored || kind == StructureKind::none) return;
    if (structure_.basis.size() != 3) {
      fail("structure without a 3-vector basis");
      return;
    }
    if (structure_.positions.size() != out_.atomic_symbols.size()) {
      fail("structure has " + std::to_string(structure_.positions.size()) +
           " positions but <atominfo> lists " + std::to_string(out_.atomic_symbols.size()) +
           " atoms");
      return;
    }
    slabs::Structure s;
    s.cell = Mat3{{structure_.basis[0], structure_.basis[1], structure_.basis[2]}};
    s.selective_dynamics = !structure_.selective.empty();
    s.atoms.reserve(structure_.positions.size());
    for (std::size_t k = 0; k < structure_.positions.size(); ++k) {
      slabs::Atom atom;
      atom.species = out_.atomic_symbols[k];
      atom.position = structure_.positions[k] * s.cell;
      if (k < structure_.selective.size()) atom.movable = structure_.selective[k];
      s.atoms.push_back(std::move(atom));
    }
    switch (kind) {
      case StructureKind::initial:
        out_.initial_structure = std::move(s);
        initial_fractional_ = std::move(structure_.positions);
        break;
      case StructureKind::final_:
        out_.final_structure = std::move(s);
        break;
      case StructureKind::step:
        step_structure_ = std::move(s);
        step_fractional_ = std::move(structure_.positions);
        has_step_structure_ = true;
        break;
      default:
        break;
    }
  }

  void end_calculation() {
    in_calculation_ = false;
    // VASP 5.x (and 4.6) write E(σ→0) under "e_wo_entrp" and −TS under "e_0_energy" in the
    // calculation-level <energy> block (vasp.at forum t=16942); the last <scstep> block is labelled
    // correctly. Like pymatgen, take the step's F and add the last SCF step's differences.
    StepEnergies e;
    const EnergyTags& sc = last_scstep_energy_;
    if (!std::isnan(calc_energy_.e_fr) && sc.any()) {
      e.free_energy_eV = calc_energy_.e_fr;
      if (calc_energy_.e_fr == sc.e_fr) {
        e.energy_without_entropy_eV = sc.e_wo;
        e.energy_sigma0_eV = sc.e_0;
      } else {
        e.energy_without_entropy_eV = calc_energy_.e_fr + (sc.e_wo - sc.e_fr);
        e.energy_sigma0_eV = calc_energy_.e_fr + (sc.e_0 - sc.e_fr);
      }
    } else if (calc_energy_.any()) {
      e.free_energy_eV = calc_energy_.e_fr;
      e.energy_without_entropy_eV = calc_energy_.e_wo;
      e.energy_sigma0_eV = calc_energy_.e_0;
    } else {
      // GW/response runs have no energies: not an ionic step.
      return;
    }
    step_.energies = e;
    if (stress_rows_.size() == 3)
      step_.stress_kbar = Mat3{{stress_rows_[0], stress_rows_[1], stress_rows_[2]}};
    stress_rows_.clear();
    const slabs::Structure* structure = nullptr;
    const std::vector<Vec3>* fractional = nullptr;
    if (has_step_structure_) {
      last_step_structure_ = std::move(step_structure_);
      last_step_fractional_ = std::move(step_fractional_);
      has_step_structure_ = false;
    }
    if (last_step_structure_) {
      structure = &*last_step_structure_;
      fractional = &last_step_fractional_;
    } else if (out_.initial_structure) {
      structure = &*out_.initial_structure;
      fractional = &initial_fractional_;
    }
    if (options_.on_ionic_step && structure)
      options_.on_ionic_step(out_.ionic_steps.size(), step_, *structure);
    if (options_.keep_step_structures && structure) {
      step_.structure = *structure;
      step_.positions_fractional = *fractional;
    }
    if (!options_.keep_all_forces && !out_.ionic_steps.empty()) {
      out_.ionic_steps.back().forces_eV_per_A.clear();
      out_.ionic_steps.back().forces_eV_per_A.shrink_to_fit();
    }
    out_.ionic_steps.push_back(std::move(step_));
    step_ = VasprunIonicStep{};
  }

  void end_eigenvalues() {
    in_eigenvalues_ = false;
    if (!options_.keep_eigenvalues || eigen_spins_ == 0 || eigen_kpoints_ == 0) return;
    const std::size_t per_spin_k = static_cast<std::size_t>(eigen_spins_) * eigen_kpoints_;
    if (eigen_values_.empty() || eigen_values_.size() % per_spin_k != 0) {
      fail("eigenvalue block is not rectangular (spins x k-points x bands)");
      return;
    }
    VasprunEigenvalues ev;
    ev.nspin = eigen_spins_;
    ev.nkpoints = eigen_kpoints_;
    ev.nbands = static_cast<int>(eigen_values_.size() / per_spin_k);
    ev.energies_eV = std::move(eigen_values_);
    ev.occupations = std::move(eigen_occupations_);
    out_.eigenvalues = std::move(ev);
    eigen_values_.clear();
    eigen_occupations_.clear();
  }

  void end_dos() {
    in_dos_ = false;
    if (!options_.keep_dos) return;
    std::string problem;
    if (auto dos = dos_builder_.finish(problem)) {
      out_.dos = std::move(dos);
    } else {
      out_.dos.reset();
      out_.completeness.mark_missing("DOS ending at line " +
                                     std::to_string(XML_GetCurrentLineNumber(parser_)) + ": " +
                                     problem);
    }
  }

  enum class Section { none, generator, incar, parameters, kpoints, atominfo, ignored };

  const VasprunOptions& options_;
  Vasprun out_;
  XML_Parser parser_ = nullptr;
  bool stopped_ = false, root_seen_ = false, root_closed_ = false;
  std::string error_, xml_error_;
  bool xml_error_at_end_ = false;
  long long error_line_ = 0;
  std::size_t bytes_ = 0;

  int depth_ = 0, skip_depth_ = 0, response_functions_depth_ = 0;
  Section section_ = Section::none;
  bool kpoints_done_ = false;
  std::string array_name_, varray_name_, leaf_name_, leaf_type_;
  std::string text_;
  bool capture_ = false;
  int c_index_ = 0, atominfo_row_ = 0;

  StructureKind structure_kind_ = StructureKind::none;
  RawStructure structure_;
  slabs::Structure step_structure_;
  bool has_step_structure_ = false;
  std::optional<slabs::Structure> last_step_structure_;
  std::vector<Vec3> initial_fractional_, step_fractional_, last_step_fractional_;

  bool in_calculation_ = false, in_scstep_ = false, in_energy_ = false;
  VasprunIonicStep step_;
  EnergyTags calc_energy_, scstep_energy_, last_scstep_energy_;
  std::vector<Vec3> stress_rows_;

  bool in_eigenvalues_ = false;
  int eigen_set_depth_ = 0, eigen_spins_ = 0, eigen_kpoints_ = 0;
  std::vector<double> eigen_values_, eigen_occupations_;

  bool in_dos_ = false, in_dos_total_ = false, in_dos_partial_ = false;
  int dos_set_depth_ = 0, dos_spin_sets_ = 0, dos_rows_ = 0;
  DosBuilder dos_builder_;
};

/// Feeds bytes to the reader, passing the bodies of <projected> (projected eigenvalues) and,
/// unless the DOS is kept, <partial> (projected DOS) only as their newlines: these blocks are most
/// of a vasprun.xml with LORBIT, so memchr/memmem skip them at memory speed while expat still sees
/// the tags (and line numbers stay right for messages).
class SkippingFeeder {
 public:
  SkippingFeeder(VasprunReader& reader, bool skip_partial_dos)
      : reader_(reader), skipped_count_(skip_partial_dos ? 2 : 1) {}

  bool push(const char* data, std::size_t size) {
    carry_.append(data, size);
    std::size_t pos = 0;
    const std::size_t n = carry_.size();
    bool ok = true;
    while (ok && pos < n) {
      if (closing_.empty()) {
        std::size_t tag_end = 0;
        const std::size_t at = find_skipped_start(pos);
        if (at == n) {  // none here: pass all but a tail that may hold the start of a tag
          const std::size_t keep = std::min<std::size_t>(n - pos, kLongestTag);
          ok = emit(pos, n - keep - pos);
          pos = n - keep;
          break;
        }
        tag_end = carry_.find('>', at);
        if (tag_end == std::string::npos) {  // start tag cut by the chunk: wait for more
          ok = emit(pos, at - pos);
          pos = at;
          closing_ = {};
          break;
        }
        ok = emit(pos, tag_end + 1 - pos);
        pos = tag_end + 1;
        if (carry_[tag_end - 1] == '/') closing_ = {};  // <projected/>
      } else {
        const std::size_t close = find(closing_, pos);
        const std::size_t scan_end =
            close == std::string::npos ? n - std::min(n - pos, closing_.size()) : close;
        ok = emit_newlines(pos, scan_end);
        pos = scan_end;
        if (close == std::string::npos) break;
        ok = ok && emit(close, closing_.size());
        pos = close + closing_.size();
        closing_ = {};
      }
    }
    carry_.erase(0, pos);
    return ok;
  }

  /// End of input: what is held back goes to the parser (a skipped block left open is dropped,
  /// so the parser reports the file as cut off).
  void finish() {
    if (closing_.empty()) reader_.feed(carry_.data(), carry_.size(), false);
    reader_.feed(nullptr, 0, true);
  }

 private:
  static constexpr std::pair<std::string_view, std::string_view> kSkipped[] = {
      {"<projected", "</projected>"}, {"<partial", "</partial>"}};
  static constexpr std::size_t kLongestTag = 12;

  /// The first start tag of a skipped block at or after `from` (carry_.size() if none); sets
  /// closing_ to its end tag. All skipped tags start with "<p", so one memmem pass finds them.
  std::size_t find_skipped_start(std::size_t from) {
    for (std::size_t p = find("<p", from); p != std::string::npos; p = find("<p", p + 1)) {
      for (std::size_t s = 0; s < skipped_count_; ++s) {
        const auto& [open, close] = kSkipped[s];
        const std::string_view here = std::string_view(carry_).substr(p, open.size());
        if (!open.starts_with(here)) continue;
        closing_ = close;
        const std::size_t after = p + open.size();
        if (after >= carry_.size()) return p;  // cut by the chunk: cannot tell yet, a start
        const char next = carry_[after];
        if (next == '>' || next == ' ' || next == '/' || next == '\n' || next == '\t' ||
            next == '\r')
          return p;
      }
    }
    closing_ = {};
    return carry_.size();
  }

  /// memmem: far faster than std::string::find in blocks with a '<' on every line.
  std::size_t find(std::string_view needle, std::size_t from) const {
    if (from >= carry_.size()) return std::string::npos;
    const void* p =
        memmem(carry_.data() + from, carry_.size() - from, needle.data(), needle.size());
    return p == nullptr ? std::string::npos
                        : static_cast<std::size_t>(static_cast<const char*>(p) - carry_.data());
  }

  bool emit(std::size_t from, std::size_t count) {
    return count == 0 || reader_.feed(carry_.data() + from, count, false);
  }

  bool emit_newlines(std::size_t from, std::size_t to) {
    const auto lines = static_cast<std::size_t>(
        std::count(carry_.data() + from, carry_.data() + to, '\n'));  // vectorised
    if (lines == 0) return true;
    const std::string newlines(lines, '\n');
    return reader_.feed(newlines.data(), newlines.size(), false);
  }

  VasprunReader& reader_;
  std::size_t skipped_count_;  ///< the first this many of kSkipped
  std::string carry_;
  std::string_view closing_;
};

nlohmann::json vec(const Vec3& v) {
  auto num = [](double x) {
    return std::isfinite(x) ? nlohmann::json(x) : nlohmann::json(nullptr);
  };
  return nlohmann::json::array({num(v.x), num(v.y), num(v.z)});
}

nlohmann::json vectors(const std::vector<Vec3>& rows) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& r : rows) out.push_back(vec(r));
  return out;
}

nlohmann::json matrix(const Mat3& m) {
  return nlohmann::json::array({vec(m[0]), vec(m[1]), vec(m[2])});
}

/// `flat` (row-major) as nested JSON arrays of the given shape; NaN (Fortran overflow) as null.
nlohmann::json nested(const double* flat, const std::size_t* shape, std::size_t rank) {
  nlohmann::json out = nlohmann::json::array();
  if (rank == 1) {
    for (std::size_t k = 0; k < shape[0]; ++k)
      out.push_back(std::isfinite(flat[k]) ? nlohmann::json(flat[k]) : nlohmann::json(nullptr));
    return out;
  }
  std::size_t stride = 1;
  for (std::size_t d = 1; d < rank; ++d) stride *= shape[d];
  for (std::size_t k = 0; k < shape[0]; ++k)
    out.push_back(nested(flat + k * stride, shape + 1, rank - 1));
  return out;
}

template <std::size_t Rank>
nlohmann::json nested(const std::vector<double>& flat, const std::array<std::size_t, Rank>& shape) {
  return nested(flat.data(), shape.data(), Rank);
}

nlohmann::json dos_json(const VasprunDos& dos) {
  const std::size_t nspin = static_cast<std::size_t>(dos.nspin), nedos = dos.nedos();
  nlohmann::json j;
  j["efermi_eV"] = std::isfinite(dos.efermi_eV) ? nlohmann::json(dos.efermi_eV) : nlohmann::json();
  j["energies_eV"] = nested(dos.energies_eV, std::array{nedos});
  j["total"] = nested(dos.total, std::array{nspin, nedos});
  j["integrated"] = nested(dos.integrated, std::array{nspin, nedos});
  if (dos.nions > 0) {
    j["partial"] = {{"orbitals", dos.orbitals},
                    {"values", nested(dos.partial, std::array{static_cast<std::size_t>(dos.nions),
                                                              nspin, nedos, dos.orbitals.size()})}};
  } else {
    j["partial"] = nullptr;
  }
  return j;
}

nlohmann::json structure_json(const std::optional<slabs::Structure>& s) {
  if (!s) return nullptr;
  nlohmann::json j;
  j["cell_A"] = nlohmann::json::array({vec(s->cell[0]), vec(s->cell[1]), vec(s->cell[2])});
  nlohmann::json species = nlohmann::json::array(), pos = nlohmann::json::array();
  for (const auto& a : s->atoms) {
    species.push_back(a.species);
    pos.push_back(vec(a.position));
  }
  j["species"] = std::move(species);
  j["positions_A"] = std::move(pos);
  if (s->selective_dynamics) {
    nlohmann::json flags = nlohmann::json::array();
    for (const auto& a : s->atoms) flags.push_back(a.movable);
    j["selective_dynamics"] = std::move(flags);
  }
  return j;
}

template <typename T>
std::optional<T> json_number(const nlohmann::json& obj, const char* key) {
  auto it = obj.find(key);
  if (it == obj.end() || !it->is_number()) return std::nullopt;
  return it->get<T>();
}

}  // namespace

std::optional<double> Vasprun::final_energy_eV() const {
  if (ionic_steps.empty()) return std::nullopt;
  return ionic_steps.back().energies.energy_sigma0_eV;
}

bool Vasprun::converged_electronic() const {
  if (ionic_steps.empty()) return false;
  const auto nelm = json_number<int>(parameters, "NELM");
  return !nelm || ionic_steps.back().electronic_steps < *nelm;
}

std::optional<bool> Vasprun::converged_ionic() const {
  if (json_number<int>(parameters, "IBRION").value_or(-1) == 0) return std::nullopt;
  const int nsw = json_number<int>(parameters, "NSW").value_or(0);
  return nsw <= 1 || static_cast<int>(ionic_steps.size()) < nsw;
}

bool Vasprun::is_spin() const {
  return json_number<int>(parameters, "ISPIN").value_or(1) == 2;
}

bool Vasprun::is_hubbard() const {
  auto ldau = incar.find("LDAU");
  if (ldau == incar.end() || !ldau->is_boolean() || !ldau->get<bool>()) return false;
  auto u = incar.find("LDAUU");
  if (u == incar.end() || !u->is_array()) return false;
  double sum = 0.0;
  for (const auto& x : *u)
    if (x.is_number()) sum += x.get<double>();
  return sum > 1e-8;
}

std::optional<BandEdges> Vasprun::band_edges() const {
  if (!eigenvalues || eigenvalues->energies_eV.empty()) return std::nullopt;
  // pymatgen's eigenvalue_band_properties: occupied means occupation > 1e-8; "direct" compares
  // the k-point index of the first maximum/minimum found, spin by spin.
  constexpr double kOccupationTolerance = 1e-8;
  const VasprunEigenvalues& ev = *eigenvalues;
  double vbm = -INFINITY, cbm = INFINITY;
  int vbm_k = -1, cbm_k = -1;
  bool fractional = false;
  for (int s = 0; s < ev.nspin; ++s) {
    for (int k = 0; k < ev.nkpoints; ++k) {
      for (int b = 0; b < ev.nbands; ++b) {
        const double e = ev.energy(s, k, b), occ = ev.occupation(s, k, b);
        if (occ > 1e-3 && occ < 0.999) fractional = true;  // vasprun occupations are in [0, 1]
        if (occ > kOccupationTolerance) {
          if (e > vbm) vbm = e, vbm_k = k;
        } else if (e < cbm) {
          cbm = e, cbm_k = k;
        }
      }
    }
  }
  BandEdges edges;
  edges.vbm_eV = vbm;
  edges.cbm_eV = cbm;
  edges.gap_eV = std::max(cbm - vbm, 0.0);
  edges.direct = vbm_k == cbm_k;
  // A metal: some band is partly filled (fractional occupations at the Fermi level), or a band
  // lies below the Fermi level at one k and above it at another.
  edges.metallic = fractional;
  if (!edges.metallic) {
    for (int s = 0; s < ev.nspin && !edges.metallic; ++s) {
      for (int b = 0; b < ev.nbands && !edges.metallic; ++b) {
        bool occupied_somewhere = false, empty_somewhere = false;
        for (int k = 0; k < ev.nkpoints; ++k) {
          (ev.occupation(s, k, b) > kOccupationTolerance ? occupied_somewhere : empty_somewhere) =
              true;
        }
        edges.metallic = occupied_somewhere && empty_somewhere;
      }
    }
  }
  return edges;
}

/// Bytes handed to the parser at a time: small enough that the read buffer, the feeder's carry
/// and expat's own buffer stay in cache and below malloc's mmap threshold (1 MiB chunks cost a
/// quarter of the whole-process CPU time, mostly page faults, on a 4 MB file).
constexpr std::size_t kChunk = std::size_t{1} << 16;

Vasprun parse_vasprun(std::string_view xml, const std::string& source,
                      const VasprunOptions& options) {
  VasprunReader reader(source, options);
  SkippingFeeder feeder(reader, !options.keep_dos);
  bool ok = true;
  for (std::size_t pos = 0; ok && pos < xml.size(); pos += kChunk) {
    ok = feeder.push(xml.data() + pos, std::min(kChunk, xml.size() - pos));
  }
  if (ok) feeder.finish();
  return reader.finish();
}

Vasprun read_vasprun(const std::filesystem::path& path, const VasprunOptions& options) {
  VasprunReader reader(path.string(), options);
  ChunkedFile file(path);
  std::vector<char> buffer(kChunk);
  SkippingFeeder feeder(reader, !options.keep_dos);
  for (;;) {
    const std::size_t n = file.read(buffer.data(), buffer.size());
    if (n == 0) {
      feeder.finish();
      break;
    }
    if (!feeder.push(buffer.data(), n)) break;
  }
  return reader.finish();
}

nlohmann::json to_json(const Vasprun& v) {
  nlohmann::json j;
  j["file_type"] = "vasprun.xml";
  j["source"] = v.source;
  j["vasp_version"] = v.vasp_version;
  j["incar"] = v.incar;
  j["parameters"] = v.parameters;
  j["atomic_symbols"] = v.atomic_symbols;
  j["potcar_symbols"] = v.potcar_symbols;
  j["kpoints_style"] = v.kpoints_style;
  j["kpoints_divisions"] =
      v.kpoints_divisions ? nlohmann::json(*v.kpoints_divisions) : nlohmann::json(nullptr);
  j["n_kpoints"] = v.kpoints_reciprocal.size();
  j["kpoints_reciprocal"] = vectors(v.kpoints_reciprocal);
  j["kpoint_weights"] = v.kpoint_weights;
  j["initial_structure"] = structure_json(v.initial_structure);
  j["final_structure"] = structure_json(v.final_structure);
  j["n_ionic_steps"] = v.ionic_steps.size();
  nlohmann::json steps = nlohmann::json::array();
  for (const auto& s : v.ionic_steps) {
    nlohmann::json js = to_json(s.energies);
    js["electronic_steps"] = s.electronic_steps;
    if (!s.forces_eV_per_A.empty()) js["forces_eV_per_A"] = vectors(s.forces_eV_per_A);
    if (s.stress_kbar) js["stress_kbar"] = matrix(*s.stress_kbar);
    if (s.structure) {
      js["structure"] = {{"cell_A", matrix(s.structure->cell)},
                         {"positions_fractional", vectors(s.positions_fractional)}};
    }
    steps.push_back(std::move(js));
  }
  j["ionic_steps"] = std::move(steps);
  const auto final_energy = v.final_energy_eV();
  j["final_energy_sigma0_eV"] =
      final_energy ? nlohmann::json(*final_energy) : nlohmann::json(nullptr);
  if (!v.ionic_steps.empty()) {
    const auto& last = v.ionic_steps.back();
    j["final_free_energy_eV"] = last.energies.free_energy_eV;
    nlohmann::json forces = nlohmann::json::array();
    for (const auto& f : last.forces_eV_per_A) forces.push_back(vec(f));
    j["final_forces_eV_per_A"] = std::move(forces);
    j["final_stress_kbar"] = last.stress_kbar ? matrix(*last.stress_kbar) : nlohmann::json(nullptr);
  }
  j["efermi_eV"] = v.efermi_eV ? nlohmann::json(*v.efermi_eV) : nlohmann::json(nullptr);
  j["converged_electronic"] = v.converged_electronic();
  const auto ionic = v.converged_ionic();
  j["converged_ionic"] = ionic ? nlohmann::json(*ionic) : nlohmann::json(nullptr);
  j["converged"] = v.converged_electronic() && ionic.value_or(true);
  j["is_spin"] = v.is_spin();
  j["is_hubbard"] = v.is_hubbard();
  if (v.eigenvalues) {
    const auto& ev = *v.eigenvalues;
    const std::array shape{static_cast<std::size_t>(ev.nspin),
                           static_cast<std::size_t>(ev.nkpoints),
                           static_cast<std::size_t>(ev.nbands)};
    j["eigenvalues"] = {{"nspin", ev.nspin},
                        {"nkpoints", ev.nkpoints},
                        {"nbands", ev.nbands},
                        {"energies_eV", nested(ev.energies_eV, shape)},
                        {"occupations", nested(ev.occupations, shape)}};
  } else {
    j["eigenvalues"] = nullptr;
  }
  if (const auto edges = v.band_edges()) {
    j["band_edges"] = {{"vbm_eV", edges->vbm_eV},
                       {"cbm_eV", edges->cbm_eV},
                       {"gap_eV", edges->metallic ? 0.0 : edges->gap_eV},
                       {"gap_from_edges_eV", edges->gap_eV},
                       {"direct", edges->direct},
                       {"metallic", edges->metallic}};
  } else {
    j["band_edges"] = nullptr;
  }
  j["total_dos_points"] =
      v.total_dos_points ? nlohmann::json(*v.total_dos_points) : nlohmann::json(nullptr);
  j["dos"] = v.dos ? dos_json(*v.dos) : nlohmann::json(nullptr);
  j["warnings"] = v.warnings;
  add_completeness(j, v.completeness);
  return j;
}

}  // namespace fw::vasp
