/// \file system.cpp
/// \brief System bookkeeping: adding atoms, types, reordering.
#include "md/engine/system.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace fw::md {

double System::volume_A3() const {
  return std::abs(determinant(cell));
}

void System::add_atom(int t, const Vec3& position_A, bool is_frozen) {
  x.insert(x.end(), {position_A.x, position_A.y, position_A.z});
  v.insert(v.end(), {0.0, 0.0, 0.0});
  f.insert(f.end(), {0.0, 0.0, 0.0});
  type.push_back(t);
  frozen.push_back(is_frozen ? 1 : 0);
  id.push_back(static_cast<int>(id.size()));
  image.push_back({0, 0, 0});
}

int System::type_index(const std::string& species, double mass_amu) {
  for (std::size_t t = 0; t < type_names.size(); ++t) {
    if (type_names[t] == species) return static_cast<int>(t);
  }
  type_names.push_back(species);
  type_mass_amu.push_back(mass_amu);
  return static_cast<int>(type_names.size() - 1);
}

Vec3 System::unwrapped_position(std::size_t i) const {
  const auto& n = image[i];
  return position(i) +
         Vec3{static_cast<double>(n[0]), static_cast<double>(n[1]), static_cast<double>(n[2])} *
             cell;
}

std::size_t System::moving_count() const {
  return static_cast<std::size_t>(std::count(frozen.begin(), frozen.end(), std::uint8_t{0}));
}

namespace {
template <typename T>
void permute_blocks(std::vector<T>& data, const std::vector<std::uint32_t>& order,
                    std::size_t block, std::vector<T>& scratch) {
  scratch.resize(data.size());
  for (std::size_t k = 0; k < order.size(); ++k) {
    for (std::size_t c = 0; c < block; ++c) scratch[block * k + c] = data[block * order[k] + c];
  }
  data.swap(scratch);
}
}  // namespace

void System::permute(const std::vector<std::uint32_t>& order) {
  std::vector<double> scratch_d;
  permute_blocks(x, order, 3, scratch_d);
  permute_blocks(v, order, 3, scratch_d);
  permute_blocks(f, order, 3, scratch_d);
  std::vector<int> scratch_i;
  permute_blocks(type, order, 1, scratch_i);
  permute_blocks(id, order, 1, scratch_i);
  std::vector<std::uint8_t> scratch_u;
  permute_blocks(frozen, order, 1, scratch_u);
  std::vector<std::array<int, 3>> scratch_a;
  permute_blocks(image, order, 1, scratch_a);
}

std::vector<std::size_t> System::indices_in_input_order() const {
  std::vector<std::size_t> order(size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return id[a] < id[b]; });
  return order;
}

}  // namespace fw::md
