/// \file checkpoint.cpp
/// \brief SCF checkpoint read/write.
#include "dft/solver/checkpoint.hpp"

#include <cstdint>
#include <filesystem>
#include <fstream>

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "dft/solver/scf_context.hpp"

namespace fw::dft {
namespace {

constexpr char kMagic[8] = {'F', 'W', 'D', 'F', 'T', 'C', 'K', '1'};

template <typename T>
void put(std::ostream& out, const T& v) {
  out.write(reinterpret_cast<const char*>(&v), sizeof(T));
}
template <typename T>
T get(std::istream& in, const std::string& path) {
  T v{};
  in.read(reinterpret_cast<char*>(&v), sizeof(T));
  if (!in) throw InputError(path, "checkpoint is truncated");
  return v;
}

}  // namespace

void write_checkpoint(const std::string& path, const ScfContext& ctx,
                      const std::vector<Complex>& rho_g, int step) {
  write_file_atomically(path, [&](std::ostream& out) {
    out.write(kMagic, sizeof kMagic);
    put<std::int32_t>(out, step);
    put<std::int32_t>(out, static_cast<std::int32_t>(ctx.bases.size()));
    put<std::int32_t>(out, static_cast<std::int32_t>(ctx.n_bands));
    for (int d = 0; d < 3; ++d) put<std::int32_t>(out, ctx.grid.n[static_cast<std::size_t>(d)]);
    for (std::size_t k = 0; k < ctx.bases.size(); ++k) {
      put<std::int64_t>(out, static_cast<std::int64_t>(ctx.bases[k].size()));
      out.write(reinterpret_cast<const char*>(ctx.psi[k].data()),
                static_cast<std::streamsize>(ctx.psi[k].size() * sizeof(Complex)));
    }
    out.write(reinterpret_cast<const char*>(rho_g.data()),
              static_cast<std::streamsize>(rho_g.size() * sizeof(Complex)));
  });
}

bool checkpoint_exists(const std::string& path) {
  return std::filesystem::exists(path);
}

int read_checkpoint(const std::string& path, ScfContext& ctx, std::vector<Complex>& rho_g) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, "cannot open checkpoint");
  char magic[8];
  in.read(magic, sizeof magic);
  if (!in || !std::equal(magic, magic + 8, kMagic))
    throw InputError(path, "not a facetweld SCF checkpoint");
  const int step = get<std::int32_t>(in, path);
  const int n_k = get<std::int32_t>(in, path);
  const int n_bands = get<std::int32_t>(in, path);
  std::array<int, 3> grid{};
  for (auto& n : grid) n = get<std::int32_t>(in, path);
  if (n_k != static_cast<int>(ctx.bases.size()) || n_bands != static_cast<int>(ctx.n_bands) ||
      grid != ctx.grid.n)
    throw InputError(path, "checkpoint was written for another k-mesh, band count or FFT grid");
  ctx.psi.resize(ctx.bases.size());
  for (std::size_t k = 0; k < ctx.bases.size(); ++k) {
    const auto npw = get<std::int64_t>(in, path);
    if (npw != static_cast<std::int64_t>(ctx.bases[k].size()))
      throw InputError(path,
                       "checkpoint plane-wave count differs at k-point " + std::to_string(k + 1));
    ctx.psi[k].resize(static_cast<std::size_t>(npw) * ctx.n_bands);
    in.read(reinterpret_cast<char*>(ctx.psi[k].data()),
            static_cast<std::streamsize>(ctx.psi[k].size() * sizeof(Complex)));
  }
  rho_g.resize(ctx.grid.size());
  in.read(reinterpret_cast<char*>(rho_g.data()),
          static_cast<std::streamsize>(rho_g.size() * sizeof(Complex)));
  if (!in) throw InputError(path, "checkpoint is truncated");
  return step;
}

}  // namespace fw::dft
