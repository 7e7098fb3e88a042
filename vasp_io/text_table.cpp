/// \file text_table.cpp
/// \brief Lines and number rows of the small VASP text outputs.
#include "vasp_io/text_table.hpp"

#include <cmath>

#include "core/error.hpp"
#include "vasp_io/fortran_number.hpp"
#include "vasp_io/text_source.hpp"

namespace fw::vasp {

TextLines::TextLines(const std::filesystem::path& path) : source_(path.string()) {
  ChunkedFile file(path);
  // A plain file's size is its text's: one allocation instead of repeated growth (a 16 MB CHGCAR
  // spent 5 % of its read in memmove). A gzip file's is a lower bound.
  std::error_code size_error;
  const auto bytes = std::filesystem::file_size(path, size_error);
  if (!size_error) text_.reserve(static_cast<std::size_t>(bytes));
  std::string chunk(std::size_t{1} << 16, '\0');
  for (std::size_t n; (n = file.read(chunk.data(), chunk.size())) > 0;) text_.append(chunk, 0, n);
  if (text_.empty()) throw InputError(source_, "empty file");
  split();
}

TextLines::TextLines(std::string text, std::string source)
    : text_(std::move(text)), source_(std::move(source)) {
  if (text_.empty()) throw InputError(source_, "empty file");
  split();
}

void TextLines::split() {
  // for_each_line rejects binary data (NUL bytes, endless lines) with a clear error.
  for_each_line(
      std::string_view(text_),
      [this](std::string_view line, long long) {
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        lines_.push_back(line);
        return true;
      },
      source_);
  // VASP ends every line with a newline: a last line without one is where the file was cut (a
  // running or killed job), and "0.1234" of "0.12345678" would read as a number. It is left out,
  // so the reader reports its block incomplete instead of a changed last value.
  if (!text_.empty() && text_.back() != '\n' && !lines_.empty()) lines_.pop_back();
}

bool TextLines::try_numbers(std::size_t index, std::vector<double>& out) const {
  out.clear();
  if (!has(index)) return false;
  std::string_view rest = lines_[index];
  std::string_view token[1];
  while (split_blanks(rest, token, 1) == 1) {
    const auto v = parse_fortran_double(token[0]);
    if (!v) return false;
    out.push_back(*v);
    rest = rest.substr(static_cast<std::size_t>(token[0].data() + token[0].size() - rest.data()));
  }
  return true;
}

int TextLines::count(std::size_t index, double value, long long max, const char* what) const {
  if (!(value >= 0.0 && value <= static_cast<double>(max) && value == std::floor(value)))
    throw InputError(
        source_, static_cast<int>(index + 1),
        std::string(what) + " must be a whole number from 0 to " + std::to_string(max));
  return static_cast<int>(value);
}

std::vector<double> TextLines::numbers(std::size_t index, std::size_t at_least,
                                       const char* what) const {
  std::vector<double> out;
  if (!has(index))
    throw InputError(source_, static_cast<int>(index + 1),
                     std::string("file ends where ") + what + " was expected");
  if (!try_numbers(index, out) || out.size() < at_least)
    throw InputError(
        source_, static_cast<int>(index + 1),
        std::string("expected ") + what + ", found '" + std::string(trim(lines_[index])) + "'");
  return out;
}

}  // namespace fw::vasp
