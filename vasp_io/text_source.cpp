/// \file text_source.cpp
/// \brief Chunked (gzip-transparent) file reading and line splitting.
#include "vasp_io/text_source.hpp"

#include <zlib.h>

#include <cstring>
#include <vector>

#include "core/error.hpp"

namespace fw::vasp {

ChunkedFile::ChunkedFile(const std::filesystem::path& path) : name_(path.string()) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) throw InputError(name_, "file not found");
  if (std::filesystem::is_directory(path, ec))
    throw InputError(name_, "is a directory, not a file");
  gzFile gz = gzopen(name_.c_str(), "rb");
  if (gz == nullptr) throw InputError(name_, "cannot open for reading");
  // zlib reads straight into the caller's buffer when a request is at least twice its own
  // buffer (no extra copy of plain files); the parsers ask for 64 KiB or more at a time.
  gzbuffer(gz, 1 << 15);
  gz_ = gz;
}

ChunkedFile::~ChunkedFile() {
  if (gz_ != nullptr) gzclose(static_cast<gzFile>(gz_));
}

std::size_t ChunkedFile::read(char* buffer, std::size_t capacity) {
  const int n = gzread(static_cast<gzFile>(gz_), buffer, static_cast<unsigned>(capacity));
  if (n < 0) {
    int code = 0;
    const char* message = gzerror(static_cast<gzFile>(gz_), &code);
    throw InputError(name_, std::string("read error (corrupt gzip stream?): ") + message);
  }
  // zlib ends a gzip stream cut short with 0 bytes and Z_BUF_ERROR: after some text that is a
  // truncated file (parsed as far as it goes); before any, the file is no readable gzip, not an
  // empty one.
  if (n == 0 && gztell(static_cast<gzFile>(gz_)) == 0) {
    int code = 0;
    gzerror(static_cast<gzFile>(gz_), &code);
    if (code != Z_OK)
      throw InputError(name_,
                       "a gzip file that holds no readable data (cut short or corrupt before its "
                       "first byte of text)");
  }
  return static_cast<std::size_t>(n);
}

namespace {

[[noreturn]] void throw_binary(const std::string& source, std::size_t offset) {
  throw InputError(source, "binary data (a NUL byte at offset " + std::to_string(offset) +
                               "): not a VASP text file");
}

[[noreturn]] void throw_long_line(const std::string& source, long long line) {
  throw InputError(
      source, static_cast<int>(std::min<long long>(line, INT32_MAX)),
      "line longer than " + std::to_string(kMaxTextLineBytes >> 20) + " MiB: not a VASP text file");
}

}  // namespace

void for_each_line(std::string_view text, const LineCallback& callback, const std::string& source) {
  if (const void* nul = std::memchr(text.data(), '\0', text.size()))
    throw_binary(source, static_cast<std::size_t>(static_cast<const char*>(nul) - text.data()));
  long long number = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const void* nl = std::memchr(text.data() + pos, '\n', text.size() - pos);
    const std::size_t end =
        nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - text.data()) : text.size();
    if (end - pos > kMaxTextLineBytes) throw_long_line(source, number + 1);
    if (!callback(text.substr(pos, end - pos), ++number)) return;
    pos = end + 1;
  }
}

std::size_t for_each_line(const std::filesystem::path& path, const LineCallback& callback) {
  ChunkedFile file(path);
  constexpr std::size_t kChunk = 1 << 20;
  std::vector<char> buffer(kChunk);
  std::size_t held = 0;  // bytes of an unfinished line kept at the front of the buffer
  std::size_t total = 0;
  long long number = 0;
  for (;;) {
    if (held == buffer.size()) {  // a very long line
      if (held >= kMaxTextLineBytes) throw_long_line(file.name(), number + 1);
      buffer.resize(buffer.size() * 2);
    }
    const std::size_t n = file.read(buffer.data() + held, buffer.size() - held);
    if (const void* nul = std::memchr(buffer.data() + held, '\0', n))
      throw_binary(file.name(), total + static_cast<std::size_t>(static_cast<const char*>(nul) -
                                                                 (buffer.data() + held)));
    total += n;
    const std::size_t filled = held + n;
    std::size_t pos = 0;
    while (pos < filled) {
      const void* nl = std::memchr(buffer.data() + pos, '\n', filled - pos);
      if (nl == nullptr) break;
      const std::size_t end =
          static_cast<std::size_t>(static_cast<const char*>(nl) - buffer.data());
      if (!callback(std::string_view(buffer.data() + pos, end - pos), ++number)) return total;
      pos = end + 1;
    }
    held = filled - pos;
    if (held > 0 && pos > 0) std::memmove(buffer.data(), buffer.data() + pos, held);
    if (n == 0) {
      if (held > 0) callback(std::string_view(buffer.data(), held), ++number);
      return total;
    }
  }
}

}  // namespace fw::vasp
