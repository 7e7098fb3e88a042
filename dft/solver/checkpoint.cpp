/// \file checkpoint.cpp
/// \brief SCF checkpoint read/write, with a checksum over every byte.
#include "dft/solver/checkpoint.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <vector>

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "dft/kohn_sham/kohn_sham_basis.hpp"
#include "dft/kohn_sham/kohn_sham_state.hpp"

namespace fw::dft {
namespace {

constexpr char kMagic[8] = {'F', 'W', 'D', 'F', 'T', 'C', 'K', '2'};
constexpr char kMagicV1[8] = {'F', 'W', 'D', 'F', 'T', 'C', 'K', '1'};

/// 64-bit running checksum over 8-byte words: h <- (h xor w) * P (P odd) is a bijection of the
/// state for each word, so any change confined to one word (every single byte flip) changes the
/// result. Tail bytes form a zero-padded last word; the length is mixed in at the end.
class Checksum {
 public:
  void add(const char* data, std::size_t n) {
    bytes_ += n;
    while (n > 0) {
      const std::size_t take = std::min(n, sizeof(word_) - fill_);
      std::memcpy(reinterpret_cast<char*>(&word_) + fill_, data, take);
      fill_ += take;
      data += take;
      n -= take;
      if (fill_ == sizeof(word_)) flush();
    }
  }
  std::uint64_t value() const {
    Checksum c = *this;
    if (c.fill_ > 0) c.flush();
    return (c.h_ ^ c.bytes_) * kPrime;
  }

 private:
  static constexpr std::uint64_t kPrime = 0x100000001b3ull;  // FNV-1a 64 prime
  void flush() {
    h_ = (h_ ^ word_) * kPrime;
    word_ = 0;
    fill_ = 0;
  }
  std::uint64_t h_ = 0xcbf29ce484222325ull, word_ = 0, bytes_ = 0;
  std::size_t fill_ = 0;
};

/// Writes to `out` and adds the same bytes to the checksum.
class SummedWriter {
 public:
  explicit SummedWriter(std::ostream& out) : out_(out) {}
  void write(const void* data, std::size_t n) {
    out_.write(static_cast<const char*>(data), static_cast<std::streamsize>(n));
    sum_.add(static_cast<const char*>(data), n);
  }
  template <typename T>
  void put(const T& v) {
    write(&v, sizeof(T));
  }
  std::uint64_t checksum() const { return sum_.value(); }

 private:
  std::ostream& out_;
  Checksum sum_;
};

template <typename T>
T get(std::istream& in, const std::string& path) {
  T v{};
  in.read(reinterpret_cast<char*>(&v), sizeof(T));
  if (!in) throw InputError(path, "checkpoint is truncated");
  return v;
}

/// Checks the trailing checksum against every byte before it, streaming (bounded memory).
void verify_checksum(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, "cannot open checkpoint");
  in.seekg(0, std::ios::end);
  const auto size = static_cast<std::uint64_t>(in.tellg());
  if (size < sizeof kMagic + sizeof(std::uint64_t))
    throw InputError(path, "checkpoint is truncated");
  in.seekg(0);
  Checksum sum;
  std::vector<char> buffer(std::size_t{1} << 20);
  std::uint64_t left = size - sizeof(std::uint64_t);
  while (left > 0) {
    const auto n = static_cast<std::size_t>(std::min<std::uint64_t>(left, buffer.size()));
    in.read(buffer.data(), static_cast<std::streamsize>(n));
    if (!in) throw InputError(path, "checkpoint is truncated");
    sum.add(buffer.data(), n);
    left -= n;
  }
  const auto stored = get<std::uint64_t>(in, path);
  if (stored != sum.value())
    throw InputError(path,
                     "checkpoint is corrupt (checksum mismatch): the file changed after it was "
                     "written; delete it to start the SCF afresh");
}

}  // namespace

void write_checkpoint(const std::string& path, const KohnShamBasis& ks,
                      const std::vector<std::vector<Complex>>& psi,
                      const std::vector<Complex>& rho_g, int step) {
  write_file_atomically(path, [&](std::ostream& out) {
    SummedWriter w(out);
    w.write(kMagic, sizeof kMagic);
    w.put<std::int32_t>(step);
    w.put<std::int32_t>(static_cast<std::int32_t>(ks.bases.size()));
    w.put<std::int32_t>(static_cast<std::int32_t>(ks.n_bands));
    for (int d = 0; d < 3; ++d) w.put<std::int32_t>(ks.grid.n[static_cast<std::size_t>(d)]);
    for (std::size_t k = 0; k < ks.bases.size(); ++k) {
      w.put<std::int64_t>(static_cast<std::int64_t>(ks.bases[k].size()));
      w.write(psi[k].data(), psi[k].size() * sizeof(Complex));
    }
    w.write(rho_g.data(), rho_g.size() * sizeof(Complex));
    const std::uint64_t checksum = w.checksum();
    out.write(reinterpret_cast<const char*>(&checksum), sizeof checksum);
  });
}

bool checkpoint_exists(const std::string& path) {
  return std::filesystem::exists(path);
}

void ensure_checkpoint_writable(const std::string& path, const std::string& option) {
  ensure_writable_destination(path, option);
  // access(2) says yes to root everywhere; only creating a file proves the folder takes one.
  std::filesystem::path folder = std::filesystem::path(path).parent_path();
  if (folder.empty()) folder = ".";
  const std::filesystem::path probe =
      folder / (".fw-checkpoint-probe." + std::to_string(::getpid()));
  const int fd = ::open(probe.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    throw InputError(option, "cannot write the checkpoint '" + path + "': " + std::strerror(errno) +
                                 " (checked before the SCF starts)");
  ::close(fd);
  ::unlink(probe.c_str());
  if (std::filesystem::exists(path) && ::access(path.c_str(), W_OK) != 0)
    throw InputError(option, "checkpoint '" + path + "' exists and is read-only");
}

void verify_checkpoint(const std::string& path) {
  {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(path, "cannot open checkpoint");
    char magic[8];
    in.read(magic, sizeof magic);
    if (in && std::equal(magic, magic + 8, kMagicV1))
      throw InputError(path,
                       "checkpoint of an older facetweld without a checksum; delete it to start "
                       "the SCF afresh");
    if (!in || !std::equal(magic, magic + 8, kMagic))
      throw InputError(path, "not a facetweld SCF checkpoint");
  }
  verify_checksum(path);
}

void check_checkpoint_before_scf(const std::string& path, bool restart, const std::string& option) {
  ensure_checkpoint_writable(path, option);
  if (restart && checkpoint_exists(path)) verify_checkpoint(path);
}

int read_checkpoint(const std::string& path, const KohnShamBasis& ks, KohnShamState& state) {
  verify_checkpoint(path);
  std::ifstream in(path, std::ios::binary);
  in.seekg(sizeof kMagic);
  const int step = get<std::int32_t>(in, path);
  const int n_k = get<std::int32_t>(in, path);
  const int n_bands = get<std::int32_t>(in, path);
  std::array<int, 3> grid{};
  for (auto& n : grid) n = get<std::int32_t>(in, path);
  if (n_k != static_cast<int>(ks.bases.size()) || n_bands != static_cast<int>(ks.n_bands) ||
      grid != ks.grid.n)
    throw InputError(path, "checkpoint was written for another k-mesh, band count or FFT grid");
  state.psi.resize(ks.bases.size());
  for (std::size_t k = 0; k < ks.bases.size(); ++k) {
    const auto npw = get<std::int64_t>(in, path);
    if (npw != static_cast<std::int64_t>(ks.bases[k].size()))
      throw InputError(path,
                       "checkpoint plane-wave count differs at k-point " + std::to_string(k + 1));
    state.psi[k].resize(static_cast<std::size_t>(npw) * ks.n_bands);
    in.read(reinterpret_cast<char*>(state.psi[k].data()),
            static_cast<std::streamsize>(state.psi[k].size() * sizeof(Complex)));
  }
  state.rho_g.resize(ks.grid.size());
  in.read(reinterpret_cast<char*>(state.rho_g.data()),
          static_cast<std::streamsize>(state.rho_g.size() * sizeof(Complex)));
  if (!in) throw InputError(path, "checkpoint is truncated");
  return step;
}

}  // namespace fw::dft
