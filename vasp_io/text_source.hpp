/// \file text_source.hpp
/// \brief Reads a file (plain or gzip) in fixed-size chunks, and splits text into lines.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <type_traits>

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

/// The longest line a VASP text file is allowed to have; a longer one means the input is not a
/// VASP text file (e.g. /dev/zero, an image), and reading stops there.
inline constexpr std::size_t kMaxTextLineBytes = std::size_t{16} << 20;

/// Feeds every line of `text` to `callback`. Throws InputError(source) for a NUL byte or a line
/// longer than kMaxTextLineBytes: binary data, not a VASP text file.
void for_each_line(std::string_view text, const LineCallback& callback,
                   const std::string& source = "input");
/// Feeds every line of the file, reading 1 MiB at a time (memory stays bounded). Returns the
/// number of bytes read. Throws InputError for a file that cannot be read, and — after reading at
/// most one chunk past the evidence — for binary data (a NUL byte) or a line longer than
/// kMaxTextLineBytes, so that /dev/zero or a huge non-text file fails at once.
std::size_t for_each_line(const std::filesystem::path& path, const LineCallback& callback);

/// Feeds every line of `input` (text or a file path) to `scanner`, which has
/// `bool line(std::string_view, long long)` (false stops early) and `finish()`; returns finish().
/// `source` names in-memory text in errors (a file names itself).
template <typename Scanner, typename Input>
auto scan_lines(Scanner scanner, const Input& input, const std::string& source = "input") {
  const LineCallback feed = [&](std::string_view line, long long n) {
    return scanner.line(line, n);
  };
  if constexpr (std::is_same_v<Input, std::filesystem::path>)
    for_each_line(input, feed);
  else
    for_each_line(std::string_view(input), feed, source);
  return scanner.finish();
}

}  // namespace fw::vasp
