/// \file lammps_dump.cpp
/// \brief LAMMPS dump custom reader.
#include "md/formats/lammps_dump.hpp"

#include <fstream>
#include <sstream>
#include <string>

#include "core/error.hpp"

namespace fw::md {
namespace {

/// Index of the first of `names` among `columns`, or -1.
int column(const std::vector<std::string>& columns, std::initializer_list<const char*> names) {
  for (const char* n : names)
    for (std::size_t c = 0; c < columns.size(); ++c)
      if (columns[c] == n) return static_cast<int>(c);
  return -1;
}

}  // namespace

void read_lammps_dump(const std::filesystem::path& path,
                      const std::function<void(const LammpsDumpFrame&)>& frame) {
  std::ifstream in(path);
  if (!in) throw InputError(path.string(), "cannot read the LAMMPS dump");
  std::string line;
  int line_no = 0;
  const auto next = [&](const char* what) {
    if (!std::getline(in, line))
      throw InputError(path.string(), line_no, std::string("expected ") + what);
    ++line_no;
  };
  LammpsDumpFrame f;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty()) continue;
    if (line.rfind("ITEM: TIMESTEP", 0) != 0)
      throw InputError(path.string(), line_no, "expected ITEM: TIMESTEP");
    next("the timestep");
    f.step = std::stol(line);
    next("ITEM: NUMBER OF ATOMS");
    next("the number of atoms");
    const long n = std::stol(line);
    next("ITEM: BOX BOUNDS");
    for (int k = 0; k < 3; ++k) next("a box bounds line");
    next("ITEM: ATOMS");
    if (line.rfind("ITEM: ATOMS", 0) != 0)
      throw InputError(path.string(), line_no, "expected ITEM: ATOMS");
    std::vector<std::string> columns;
    {
      std::istringstream header(line.substr(11));
      for (std::string c; header >> c;) columns.push_back(c);
    }
    const int cid = column(columns, {"id"});
    const int cx = column(columns, {"xu", "x"}), cy = column(columns, {"yu", "y"}),
              cz = column(columns, {"zu", "z"});
    const int cvx = column(columns, {"vx"}), cvy = column(columns, {"vy"}),
              cvz = column(columns, {"vz"});
    if (cid < 0 || cx < 0 || cy < 0 || cz < 0)
      throw InputError(path.string(), line_no,
                       "the dump needs the columns id and xu yu zu (or x y z)");
    const bool velocities = cvx >= 0 && cvy >= 0 && cvz >= 0;
    f.id.resize(static_cast<std::size_t>(n));
    f.position_A.resize(static_cast<std::size_t>(n));
    f.velocity_A_per_ps.assign(velocities ? static_cast<std::size_t>(n) : 0, Vec3{});
    std::vector<double> values(columns.size());
    for (long k = 0; k < n; ++k) {
      next("an atom line");
      std::istringstream row(line);
      for (double& v : values)
        if (!(row >> v))
          throw InputError(path.string(), line_no,
                           "expected " + std::to_string(columns.size()) + " numbers");
      const auto i = static_cast<std::size_t>(k);
      f.id[i] = static_cast<int>(values[static_cast<std::size_t>(cid)]);
      f.position_A[i] = {values[static_cast<std::size_t>(cx)], values[static_cast<std::size_t>(cy)],
                         values[static_cast<std::size_t>(cz)]};
      if (velocities)
        f.velocity_A_per_ps[i] = {values[static_cast<std::size_t>(cvx)],
                                  values[static_cast<std::size_t>(cvy)],
                                  values[static_cast<std::size_t>(cvz)]};
    }
    frame(f);
  }
}

}  // namespace fw::md
