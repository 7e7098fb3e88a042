/// \file text_table.hpp
/// \brief Whole-file line access and number rows for the small VASP text outputs (DOSCAR,
/// EIGENVAL, XDATCAR): their readers walk a header, then blocks of number rows.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace fw::vasp {

/// The lines of a (plain or gzip) text file, 1-based line numbers for messages.
class TextLines {
 public:
  /// Reads the whole file. Throws InputError for a file that cannot be read, an empty file, or
  /// binary data.
  explicit TextLines(const std::filesystem::path& path);
  /// Lines of text held in memory; `source` names it in messages.
  TextLines(std::string text, std::string source);

  const std::string& source() const { return source_; }
  std::size_t size() const { return lines_.size(); }
  bool has(std::size_t index) const { return index < lines_.size(); }
  /// Line `index` (0-based); messages call it line index + 1.
  std::string_view operator[](std::size_t index) const { return lines_[index]; }

  /// The numbers of line `index`: InputError naming file, line and `what` if a token is not a
  /// number or there are fewer than `at_least`.
  std::vector<double> numbers(std::size_t index, std::size_t at_least, const char* what) const;
  /// The same, but false instead of an error (the caller reports an incomplete block).
  bool try_numbers(std::size_t index, std::vector<double>& out) const;
  /// `value`, read on line `index`, as a count: InputError naming `what` unless it is a whole
  /// number from 0 to `max` (a corrupt header must not become a huge or undefined int). The
  /// readers loop only over lines that exist, so a file cut short still gives a partial result.
  int count(std::size_t index, double value, long long max, const char* what) const;
  /// Bounds for count(): no VASP output has a billion k-points, bands or DOS points, or a
  /// million atoms (each atom is a string in XDATCAR's species list).
  static constexpr long long kMaxCount = 1'000'000'000, kMaxAtoms = 1'000'000;

 private:
  void split();
  std::string text_, source_;
  std::vector<std::string_view> lines_;
};

}  // namespace fw::vasp
