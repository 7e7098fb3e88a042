/// \file potcar.hpp
/// \brief POTCAR assembly from the user's own licensed VASP PAW library (never fabricated):
/// find each species' dataset, check TITEL/ZVAL/ENMAX, concatenate in POSCAR species order.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fw::vasp {

/// Header values of one PAW dataset.
struct PotcarInfo {
  std::string symbol;   ///< the dataset name asked for: "Au", "Au_pv", ...
  std::string element;  ///< element from TITEL ("Au")
  std::string titel;    ///< e.g. "PAW_PBE Au 04Oct2007"
  std::string lexch;    ///< exchange-correlation of the dataset ("PE" for PBE), "" if absent
  double zval = 0.0;    ///< valence electrons
  double enmax_eV = 0.0;
  std::filesystem::path path;
};

/// Where the datasets are: the folder above potpaw_PBE/ (ASE and VASP layout) or above
/// POT_GGA_PAW_PBE/ (pymatgen layout), or the potpaw_PBE folder itself.
struct PotcarLibrary {
  std::filesystem::path root;
  std::string origin;  ///< "--potcar-dir" or "VASP_PP_PATH", for error messages
};

/// `potcar_dir` (from --potcar-dir) when given, else $VASP_PP_PATH; InputError when neither is
/// set or the folder does not exist.
PotcarLibrary locate_potcar_library(const std::optional<std::filesystem::path>& potcar_dir);

/// Reads TITEL, ZVAL, ENMAX (and LEXCH) from the first dataset in `text`; InputError naming
/// `source` when one is missing.
PotcarInfo parse_potcar_header(std::string_view text, const std::string& source);

/// The candidate files for `symbol`, in search order (PBE datasets).
std::vector<std::filesystem::path> potcar_candidates(const PotcarLibrary& library,
                                                     const std::string& symbol);

/// Finds and checks the dataset for `symbol`: TITEL must name the same element, the dataset must
/// be PBE (LEXCH = PE, TITEL PAW_PBE). When no file exists, the error lists every path tried.
PotcarInfo find_potcar(const PotcarLibrary& library, const std::string& symbol);

/// Concatenates the datasets of `species` (POSCAR order) into `out` atomically; `symbol_for`
/// maps an element to a dataset name ("Au" -> "Au_pv"); default: the element itself.
std::vector<PotcarInfo> assemble_potcar(const PotcarLibrary& library,
                                        const std::vector<std::string>& species,
                                        const std::filesystem::path& out,
                                        const std::map<std::string, std::string>& symbol_for = {});

/// The datasets in an assembled POTCAR, in order (for checking a job folder).
std::vector<PotcarInfo> read_potcar_headers(const std::filesystem::path& path);

}  // namespace fw::vasp
