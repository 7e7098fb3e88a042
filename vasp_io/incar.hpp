/// \file incar.hpp
/// \brief VASP INCAR: read with typed, validated values and kept comments; edit; write back.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vasp_io/incar_tags.hpp"

namespace fw::vasp {

/// One `TAG = value` statement. `value` is the text as VASP will read it (list repeats such as
/// `3*0.0` kept as written); the typed accessors of Incar parse it.
struct IncarEntry {
  std::string tag;      ///< upper case
  std::string value;    ///< trimmed, without comment and quotes
  std::string comment;  ///< inline comment after `#` or `!`, without the marker ("" if none)
  int line = 0;         ///< 1-based line in the file it came from; 0 when set by code
};

/// An INCAR as an ordered list of lines: statements and the comment/blank lines around them,
/// so that a file read and written back keeps the user's notes.
class Incar {
 public:
  /// Parses INCAR text. Rules (VASP wiki, INCAR): `TAG = value`, several statements per line
  /// separated by `;`, comments after `#` or `!`, a trailing `\` continues a line, tags are
  /// case-insensitive. Known tags are checked against their type; an unknown tag that is one or
  /// two edits from a known one (ENCTU) is an error that suggests it; other unknown tags are kept
  /// and reported in `warnings`. A repeated tag keeps the first value (as VASP does), with a
  /// warning.
  static Incar parse(std::string_view text, const std::string& source,
                     std::vector<std::string>* warnings = nullptr);
  static Incar read(const std::filesystem::path& path,
                    std::vector<std::string>* warnings = nullptr);

  /// The file text: entries as `TAG = value` (with their comments), comment lines as they were.
  std::string str() const;
  /// Writes atomically.
  void write(const std::filesystem::path& path) const;

  bool has(std::string_view tag) const;
  const IncarEntry* entry(std::string_view tag) const;
  std::vector<std::string> tags() const;

  /// Typed reads; nullopt when the tag is absent. Throw InputError (source, line) if the value
  /// does not read as the requested type.
  std::optional<bool> logical(std::string_view tag) const;
  std::optional<long long> integer(std::string_view tag) const;
  std::optional<double> real(std::string_view tag) const;
  std::optional<std::string> word(std::string_view tag) const;
  /// List values with `N*x` repeats expanded.
  std::optional<std::vector<double>> reals(std::string_view tag) const;

  /// Sets (replacing in place, or appending) a value; the tag must be a known VASP tag whose type
  /// accepts the value, else InputError("INCAR") with a suggestion.
  void set(std::string_view tag, bool value, std::string comment = "");
  void set(std::string_view tag, int value, std::string comment = "");
  void set(std::string_view tag, long long value, std::string comment = "");
  void set(std::string_view tag, double value, std::string comment = "");
  void set(std::string_view tag, const char* value, std::string comment = "");
  void set(std::string_view tag, const std::string& value, std::string comment = "");
  void set(std::string_view tag, const std::vector<double>& values, std::string comment = "");
  /// Adds a full-line comment (`# text`) at the end.
  void add_comment(const std::string& text);
  /// Removes the tag; returns whether it was present.
  bool erase(std::string_view tag);

  const std::string& source() const { return source_; }

 private:
  struct Line {
    bool is_entry = false;
    IncarEntry entry;  ///< when is_entry
    std::string text;  ///< verbatim comment/blank line otherwise
  };
  void set_raw(std::string_view tag, std::string value, std::string comment);
  IncarEntry* find(std::string_view tag);

  std::vector<Line> lines_;
  std::string source_ = "INCAR";
};

/// Value readers shared with the typed accessors (exposed for the KPOINTS/POTCAR readers and
/// tests). Each returns nullopt when `text` is not of that type.
std::optional<bool> read_fortran_logical(std::string_view text);
std::optional<long long> read_fortran_integer(std::string_view text);
/// Fortran reals: 1E-6, 1D-6, 1.e-6, .5, 10.
std::optional<double> read_fortran_real(std::string_view text);
/// Splits a list and expands `N*value` repeats: "2*0.0 1.5" -> {"0.0", "0.0", "1.5"}.
std::optional<std::vector<std::string>> expand_incar_list(std::string_view text);

/// Formats a real so that VASP reads back the same double (shortest round-trip form).
std::string format_incar_real(double value);
/// Formats a list, writing runs of equal values as `N*value`.
std::string format_incar_list(const std::vector<double>& values);

}  // namespace fw::vasp
