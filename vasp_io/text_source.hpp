/// \file text_source.hpp
/// \brief Reads a file (plain or gzip) in fixed-size chunks, and splits text into lines.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

namespace fw::vasp {

/// A file opened for sequential reading; gzip files are decompressed on the fly (zlib).
/// Throws InputError if it cannot be opened or read.
class ChunkedFile {
 public:
  explicit ChunkedFile(const std::filesystem::path& path);
  ~ChunkedFile();
  ChunkedFile(const ChunkedFile&) = delete;
  ChunkedFile& operator=(const ChunkedFile&) = delete;

  /// Reads up to `capacity` bytes; returns 0 at end of file.
  std::size_t read(char* buffer, std::size_t capacity);
  const std::string& name() const { return name_; }

 private:
  std::string name_;
  void* gz_ = nullptr;  // gzFile
};

/// Called for each line (without its '\n') with its 1-based number; return false to stop.
using LineCallback = std::function<bool(std::string_view line, long long line_number)>;

/// Feeds every line of `text` to `callback`.
void for_each_line(std::string_view text, const LineCallback& callback);
/// Feeds every line of the file, reading 1 MiB at a time (memory stays bounded). Returns the
/// number of bytes read. Throws InputError for a file that cannot be read.
std::size_t for_each_line(const std::filesystem::path& path, const LineCallback& callback);

/// Feeds every line of `input` (text or a file path) to `scanner`, which has
/// `bool line(std::string_view, long long)` (false stops early) and `finish()`; returns finish().
template <typename Scanner, typename Input>
auto scan_lines(Scanner scanner, const Input& input) {
  for_each_line(input, [&](std::string_view line, long long n) { return scanner.line(line, n); });
  return scanner.finish();
}

}  // namespace fw::vasp
