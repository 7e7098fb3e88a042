/// \file checkpoint.cpp
/// \brief Checkpoint text format: a header line, then key/value lines, then one line per atom,
/// then the integrity line.
#include "md/formats/checkpoint.hpp"

#include <cstdio>
#include <fstream>
#include <sstream>

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "core/file_integrity.hpp"

namespace fw::md {
namespace {
constexpr const char* kMagic = "facetweld-md-checkpoint 1";
}

void write_checkpoint(const std::filesystem::path& path, const Checkpoint& c,
                      const nlohmann::json& producer) {
  std::ostringstream out;
  const System& s = c.system;
  char buf[512];
  out << kMagic << "\n";
  out << "step " << c.step << "\n";
  std::snprintf(buf, sizeof buf, "dt_ps %.17g\n", c.dt_ps);
  out << buf;
  out << "thermostat " << (c.thermostat_name.empty() ? "none" : c.thermostat_name) << "\n";
  out << "thermostat_state " << c.thermostat_state << "\n";
  out << "pbc " << s.pbc[0] << " " << s.pbc[1] << " " << s.pbc[2] << "\n";
  for (int r = 0; r < 3; ++r) {
    std::snprintf(buf, sizeof buf, "cell %.17g %.17g %.17g\n", s.cell[r].x, s.cell[r].y,
                  s.cell[r].z);
    out << buf;
  }
  out << "types " << s.type_names.size() << "\n";
  for (std::size_t t = 0; t < s.type_names.size(); ++t) {
    std::snprintf(buf, sizeof buf, "%s %.17g\n", s.type_names[t].c_str(), s.type_mass_amu[t]);
    out << buf;
  }
  out << "atoms " << s.size() << "  # id type frozen x y z vx vy vz ix iy iz\n";
  for (std::size_t i : s.indices_in_input_order()) {
    std::snprintf(buf, sizeof buf, "%d %d %d %.17g %.17g %.17g %.17g %.17g %.17g %d %d %d\n",
                  s.id[i], s.type[i], int(s.frozen[i]), s.x[3 * i], s.x[3 * i + 1], s.x[3 * i + 2],
                  s.v[3 * i], s.v[3 * i + 1], s.v[3 * i + 2], s.image[i][0], s.image[i][1],
                  s.image[i][2]);
    out << buf;
  }
  write_file_atomically(path, stamp_text_integrity(out.str(), producer));
}

std::optional<Checkpoint> read_checkpoint(const std::filesystem::path& path,
                                          const nlohmann::json& producer) {
  std::ifstream file(path);
  if (!file) throw InputError(path.string(), "cannot open the checkpoint");
  std::stringstream content;
  content << file.rdbuf();
  std::string body;
  const IntegrityVerdict verdict = check_text_integrity(content.str(), producer, body);
  if (!verdict.trusted()) {
    print_integrity_notice(path, verdict.problem, "starting the run afresh");
    return std::nullopt;
  }
  std::istringstream in(body);
  int line_no = 0;
  std::string line;
  const auto next = [&](const std::string& what) {
    if (!std::getline(in, line))
      throw InputError(path.string(), line_no + 1, "file ends before " + what);
    ++line_no;
    return std::istringstream(line);
  };
  const auto key = [&](const std::string& expected) {
    auto words = next("'" + expected + "'");
    std::string k;
    words >> k;
    if (k != expected)
      throw InputError(path.string(), line_no, "expected '" + expected + "', found '" + k + "'");
    return words;
  };
  if (next("the header").str() != kMagic)
    throw InputError(path.string(), 1, "not a facetweld MD checkpoint");
  Checkpoint c;
  key("step") >> c.step;
  key("dt_ps") >> c.dt_ps;
  key("thermostat") >> c.thermostat_name;
  {
    auto words = key("thermostat_state");
    std::getline(words, c.thermostat_state);
  }
  {
    auto words = key("pbc");
    for (auto& p : c.system.pbc) {
      int b;
      words >> b;
      p = b != 0;
    }
  }
  for (int r = 0; r < 3; ++r)
    key("cell") >> c.system.cell[r].x >> c.system.cell[r].y >> c.system.cell[r].z;
  std::size_t ntypes = 0;
  key("types") >> ntypes;
  for (std::size_t t = 0; t < ntypes; ++t) {
    auto words = next("a type line");
    std::string name;
    double mass = 0.0;
    if (!(words >> name >> mass))
      throw InputError(path.string(), line_no, "expected 'species mass'");
    c.system.type_index(name, mass);
  }
  std::size_t natoms = 0;
  key("atoms") >> natoms;
  for (std::size_t k = 0; k < natoms; ++k) {
    auto words = next("atom " + std::to_string(k + 1) + " of " + std::to_string(natoms));
    int id, type, frozen;
    Vec3 x, v;
    std::array<int, 3> image{};
    if (!(words >> id >> type >> frozen >> x.x >> x.y >> x.z >> v.x >> v.y >> v.z >> image[0] >>
          image[1] >> image[2]) ||
        type < 0 || static_cast<std::size_t>(type) >= ntypes) {
      throw InputError(path.string(), line_no, "expected 'id type frozen x y z vx vy vz ix iy iz'");
    }
    c.system.add_atom(type, x, frozen != 0);
    c.system.id.back() = id;
    c.system.image.back() = image;
    for (int d = 0; d < 3; ++d) c.system.v[3 * k + static_cast<std::size_t>(d)] = v[d];
  }
  return c;
}

void CheckpointWriter::observe(const System& system, const ThermoState& state) {
  Checkpoint c;
  c.system = system;
  c.step = state.step;
  c.dt_ps = dt_ps_;
  if (thermostat_) {
    c.thermostat_name = thermostat_->name();
    c.thermostat_state = thermostat_->save_state();
  }
  write_checkpoint(path_, c, producer_);
}

}  // namespace fw::md
