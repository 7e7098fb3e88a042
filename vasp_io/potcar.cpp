/// \file potcar.cpp
/// \brief Locating, checking and concatenating PAW datasets.
#include "vasp_io/potcar.hpp"

#include <cctype>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "vasp_io/incar.hpp"

namespace fw::vasp {
namespace fs = std::filesystem;
namespace {

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path.string(), "cannot open POTCAR");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string trim(std::string s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  const auto e = s.find_last_not_of(" \t\r;");
  return s.substr(b, e - b + 1);
}

/// The value after `key =` on `line` up to ';' or end ("ZVAL   =   11.000    mass and valenz").
std::optional<std::string> value_after(const std::string& line, const std::string& key) {
  const auto pos = line.find(key);
  if (pos == std::string::npos) return std::nullopt;
  // The key must be a whole word ("ENMAX", not "ENMAXX").
  if (pos > 0 && std::isalnum(static_cast<unsigned char>(line[pos - 1]))) return std::nullopt;
  auto eq = line.find('=', pos + key.size());
  if (eq == std::string::npos) return std::nullopt;
  if (trim(line.substr(pos + key.size(), eq - pos - key.size())) != "") return std::nullopt;
  std::string rest = line.substr(eq + 1);
  const auto semi = rest.find(';');
  if (semi != std::string::npos) rest = rest.substr(0, semi);
  return trim(rest);
}

std::string first_word(const std::string& s) {
  std::istringstream in(s);
  std::string w;
  in >> w;
  return w;
}

/// "Au_pv" -> "Au", "Au_sv_GW" -> "Au", "H.5" -> "H".
std::string element_of_symbol(const std::string& symbol) {
  std::string e;
  for (char c : symbol) {
    if (c == '_' || c == '.') break;
    e += c;
  }
  return e;
}

}  // namespace

PotcarLibrary locate_potcar_library(const std::optional<fs::path>& potcar_dir) {
  PotcarLibrary lib;
  if (potcar_dir) {
    lib.root = *potcar_dir;
    lib.origin = "--potcar-dir";
  } else if (const char* env = std::getenv("VASP_PP_PATH"); env && *env) {
    lib.root = env;
    lib.origin = "VASP_PP_PATH";
  } else {
    throw InputError("--potcar-dir",
                     "no POTCAR library: pass --potcar-dir DIR or set VASP_PP_PATH to the folder "
                     "that holds potpaw_PBE/ (VASP PAW datasets are licensed; facetweld never "
                     "ships or invents them)");
  }
  std::error_code ec;
  if (!fs::is_directory(lib.root, ec))
    throw InputError(lib.origin, lib.root.string() + " is not a folder");
  return lib;
}

PotcarInfo parse_potcar_header(std::string_view text, const std::string& source) {
  PotcarInfo info;
  std::istringstream in{std::string(text)};
  std::string line;
  bool have_titel = false, have_zval = false, have_enmax = false;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.find("End of Dataset") != std::string::npos) break;
    if (!have_titel) {
      if (auto v = value_after(line, "TITEL")) {
        info.titel = *v;
        have_titel = true;
      }
    }
    if (info.lexch.empty())
      if (auto v = value_after(line, "LEXCH")) info.lexch = first_word(*v);
    if (!have_zval) {
      if (auto v = value_after(line, "ZVAL")) {
        auto z = read_fortran_real(first_word(*v));
        if (!z || *z <= 0) throw InputError(source, line_no, "ZVAL is not a positive number");
        info.zval = *z;
        have_zval = true;
      }
    }
    if (!have_enmax) {
      if (auto v = value_after(line, "ENMAX")) {
        auto e = read_fortran_real(first_word(*v));
        if (!e || *e <= 0) throw InputError(source, line_no, "ENMAX is not a positive number");
        info.enmax_eV = *e;
        have_enmax = true;
      }
    }
  }
  if (!have_titel || !have_zval || !have_enmax) {
    std::string missing;
    if (!have_titel) missing += " TITEL";
    if (!have_zval) missing += " ZVAL";
    if (!have_enmax) missing += " ENMAX";
    throw InputError(source, "not a VASP POTCAR: missing" + missing);
  }
  // TITEL = PAW_PBE Au 04Oct2007 -> the second word names the dataset.
  std::istringstream t(info.titel);
  std::string kind, name;
  t >> kind >> name;
  info.symbol = name;
  info.element = element_of_symbol(name);
  return info;
}

std::vector<fs::path> potcar_candidates(const PotcarLibrary& library, const std::string& symbol) {
  const fs::path& r = library.root;
  return {
      r / "potpaw_PBE" / symbol / "POTCAR",          // ASE, VASP distribution
      r / "potpaw_PBE.64" / symbol / "POTCAR",       // VASP 6.4 release
      r / "potpaw_PBE.54" / symbol / "POTCAR",       // VASP 5.4 release
      r / "POT_GGA_PAW_PBE" / ("POTCAR." + symbol),  // pymatgen (pmg config)
      r / "POT_GGA_PAW_PBE_64" / ("POTCAR." + symbol),
      r / "POT_GGA_PAW_PBE_54" / ("POTCAR." + symbol),
      r / symbol / "POTCAR",  // root is potpaw_PBE itself
  };
}

PotcarInfo find_potcar(const PotcarLibrary& library, const std::string& symbol) {
  std::error_code ec;
  std::string looked;
  for (const auto& candidate : potcar_candidates(library, symbol)) {
    if (!fs::is_regular_file(candidate, ec)) {
      looked += "\n  " + candidate.string();
      continue;
    }
    PotcarInfo info = parse_potcar_header(slurp(candidate), candidate.string());
    info.path = candidate;
    const std::string want = element_of_symbol(symbol);
    if (info.element != want)
      throw InputError(candidate.string(),
                       "TITEL '" + info.titel + "' is for " + info.element + ", not " + want);
    if (info.titel.rfind("PAW_PBE", 0) != 0 || (!info.lexch.empty() && info.lexch != "PE"))
      throw InputError(candidate.string(), "TITEL '" + info.titel + "' (LEXCH " + info.lexch +
                                               ") is not a PBE PAW dataset");
    info.symbol = symbol;
    return info;
  }
  throw InputError(library.origin, "no POTCAR for " + symbol + " under " + library.root.string() +
                                       "; looked in:" + looked);
}

std::vector<PotcarInfo> assemble_potcar(const PotcarLibrary& library,
                                        const std::vector<std::string>& species,
                                        const fs::path& out,
                                        const std::map<std::string, std::string>& symbol_for) {
  std::vector<PotcarInfo> infos;
  std::string text;
  for (const auto& element : species) {
    auto it = symbol_for.find(element);
    const std::string symbol = it == symbol_for.end() ? element : it->second;
    PotcarInfo info = find_potcar(library, symbol);
    std::string body = slurp(info.path);
    if (!body.empty() && body.back() != '\n') body += '\n';
    text += body;
    infos.push_back(std::move(info));
  }
  write_file_atomically(out, text);
  return infos;
}

std::vector<PotcarInfo> read_potcar_headers(const fs::path& path) {
  const std::string text = slurp(path);
  std::vector<PotcarInfo> out;
  std::size_t start = 0;
  while (start < text.size()) {
    const auto end = text.find("End of Dataset", start);
    const std::string_view block(text.data() + start,
                                 (end == std::string::npos ? text.size() : end) - start);
    if (block.find_first_not_of(" \t\r\n") == std::string_view::npos) break;
    PotcarInfo info = parse_potcar_header(block, path.string());
    info.path = path;
    out.push_back(std::move(info));
    if (end == std::string::npos) break;
    start = text.find('\n', end);
    if (start == std::string::npos) break;
  }
  if (out.empty()) throw InputError(path.string(), "empty POTCAR");
  return out;
}

}  // namespace fw::vasp
