/// \file kpoints.cpp
/// \brief KPOINTS reading and writing.
#include "vasp_io/kpoints.hpp"

#include <cctype>
#include <fstream>
#include <iomanip>
#include <sstream>

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "vasp_io/incar.hpp"

namespace fw::vasp {
namespace {

std::string trim(std::string s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  const auto e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

std::vector<std::string> tokens(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  std::string t;
  while (in >> t) out.push_back(t);
  return out;
}

char first_letter(const std::string& s) {
  for (char c : s)
    if (!std::isspace(static_cast<unsigned char>(c)))
      return static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return '\0';
}

/// Reads a line of text, tracking the line number for errors.
class LineReader {
 public:
  LineReader(std::string_view text, std::string source)
      : in_(std::string(text)), source_(std::move(source)) {}
  bool next(std::string& line) {
    if (!std::getline(in_, line)) return false;
    ++line_;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return true;
  }
  std::string require(const char* what) {
    std::string line;
    if (!next(line))
      throw InputError(source_, line_ + 1, std::string("file ends; expected ") + what);
    return line;
  }
  [[noreturn]] void fail(const std::string& msg) const { throw InputError(source_, line_, msg); }
  int line() const { return line_; }

 private:
  std::istringstream in_;
  std::string source_;
  int line_ = 0;
};

double number(LineReader& r, const std::string& tok, const char* what) {
  auto v = read_fortran_real(tok);
  if (!v) r.fail(std::string("expected ") + what + ", got '" + tok + "'");
  return *v;
}

Vec3 read_vec3(LineReader& r, const std::vector<std::string>& t, const char* what) {
  if (t.size() < 3) r.fail(std::string("expected three numbers (") + what + ")");
  return {number(r, t[0], what), number(r, t[1], what), number(r, t[2], what)};
}

std::string fmt(double v) {
  std::ostringstream s;
  s << std::setprecision(10) << std::fixed << v;
  return s.str();
}

}  // namespace

std::string_view kpoints_mode_name(KpointsMode mode) {
  switch (mode) {
    case KpointsMode::fully_automatic:
      return "fully automatic";
    case KpointsMode::gamma:
      return "Gamma-centred mesh";
    case KpointsMode::monkhorst_pack:
      return "Monkhorst-Pack mesh";
    case KpointsMode::explicit_list:
      return "explicit list";
    case KpointsMode::line_mode:
      return "line mode";
  }
  return "";
}

Kpoints parse_kpoints(std::string_view text, const std::string& source) {
  LineReader r(text, source);
  Kpoints k;
  k.comment = trim(r.require("a comment line"));
  const std::string count_line = r.require("the number of k-points (0 = automatic mesh)");
  const auto count_tokens = tokens(count_line);
  if (count_tokens.empty()) r.fail("expected the number of k-points, got an empty line");
  const auto count = read_fortran_integer(count_tokens[0]);
  if (!count || *count < 0)
    r.fail("expected a non-negative number of k-points, got '" + count_tokens[0] + "'");
  const std::string mode_line = r.require(
      "the mode (Gamma, Monkhorst-Pack, Auto, Line-mode, "
      "Cartesian or Reciprocal)");
  const char mode = first_letter(mode_line);
  if (mode == '\0') r.fail("expected the mode line, got an empty line");

  if (mode == 'L') {  // line mode: count = divisions per segment
    k.mode = KpointsMode::line_mode;
    if (*count < 1) r.fail("line mode needs the number of points per segment on line 2");
    k.divisions = static_cast<int>(*count);
    const char coords = first_letter(r.require("Cartesian or Reciprocal"));
    k.cartesian = coords == 'C' || coords == 'K';
    std::string line;
    while (r.next(line)) {
      std::string label;
      const auto bang = line.find('!');
      if (bang != std::string::npos) {
        label = trim(line.substr(bang + 1));
        line = line.substr(0, bang);
      }
      const auto t = tokens(line);
      if (t.empty()) continue;
      k.points.push_back(read_vec3(r, t, "a path end point"));
      if (label.empty() && t.size() >= 4) label = t[3];
      k.labels.push_back(label);
    }
    if (k.points.size() < 2 || k.points.size() % 2 != 0)
      r.fail("line mode needs pairs of end points; got " + std::to_string(k.points.size()));
    return k;
  }

  if (*count == 0) {
    if (mode == 'A') {
      k.mode = KpointsMode::fully_automatic;
      const auto t = tokens(r.require("the length R_k"));
      if (t.empty()) r.fail("expected the length R_k");
      k.length_A = number(r, t[0], "the length R_k");
      if (k.length_A <= 0) r.fail("R_k must be positive");
      return k;
    }
    if (mode == 'G' || mode == 'M') {
      k.mode = mode == 'G' ? KpointsMode::gamma : KpointsMode::monkhorst_pack;
      const auto t = tokens(r.require("the mesh N1 N2 N3"));
      if (t.size() < 3) r.fail("expected three mesh subdivisions N1 N2 N3");
      for (int i = 0; i < 3; ++i) {
        auto n = read_fortran_integer(t[static_cast<std::size_t>(i)]);
        if (!n || *n < 1)
          r.fail("mesh subdivisions must be positive integers, got '" +
                 t[static_cast<std::size_t>(i)] + "'");
        k.mesh[static_cast<std::size_t>(i)] = static_cast<int>(*n);
      }
      std::string shift_line;
      if (r.next(shift_line) && !tokens(shift_line).empty())
        k.shift = read_vec3(r, tokens(shift_line), "the mesh shift");
      return k;
    }
    r.fail("automatic mode with generating basis vectors (line 3 '" + trim(mode_line) +
           "') is not supported; use Gamma, Monkhorst-Pack or Auto");
  }

  k.mode = KpointsMode::explicit_list;
  k.cartesian = mode == 'C' || mode == 'K';
  for (long long i = 0; i < *count; ++i) {
    const auto t = tokens(r.require("a k-point line: k1 k2 k3 weight"));
    if (t.size() < 4) r.fail("expected k1 k2 k3 weight");
    k.points.push_back(read_vec3(r, t, "a k-point"));
    k.weights.push_back(number(r, t[3], "a weight"));
  }
  return k;
}

Kpoints read_kpoints(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path.string(), "cannot open KPOINTS");
  std::ostringstream ss;
  ss << in.rdbuf();
  return parse_kpoints(ss.str(), path.string());
}

std::string Kpoints::str() const {
  std::ostringstream out;
  out << (comment.empty() ? "k-points" : comment) << '\n';
  switch (mode) {
    case KpointsMode::fully_automatic:
      out << "0\nAuto\n" << fmt(length_A) << '\n';
      break;
    case KpointsMode::gamma:
    case KpointsMode::monkhorst_pack:
      out << "0\n"
          << (mode == KpointsMode::gamma ? "Gamma" : "Monkhorst-Pack") << '\n'
          << mesh[0] << ' ' << mesh[1] << ' ' << mesh[2] << '\n'
          << fmt(shift.x) << ' ' << fmt(shift.y) << ' ' << fmt(shift.z) << '\n';
      break;
    case KpointsMode::explicit_list:
      out << points.size() << '\n' << (cartesian ? "Cartesian" : "Reciprocal") << '\n';
      for (std::size_t i = 0; i < points.size(); ++i)
        out << fmt(points[i].x) << ' ' << fmt(points[i].y) << ' ' << fmt(points[i].z) << ' '
            << fmt(i < weights.size() ? weights[i] : 1.0) << '\n';
      break;
    case KpointsMode::line_mode:
      out << divisions << "\nLine-mode\n" << (cartesian ? "Cartesian" : "Reciprocal") << '\n';
      for (std::size_t i = 0; i < points.size(); ++i) {
        out << fmt(points[i].x) << ' ' << fmt(points[i].y) << ' ' << fmt(points[i].z);
        if (i < labels.size() && !labels[i].empty()) out << " ! " << labels[i];
        out << '\n';
        if (i % 2 == 1 && i + 1 < points.size()) out << '\n';
      }
      break;
  }
  return out.str();
}

long Kpoints::count() const {
  switch (mode) {
    case KpointsMode::gamma:
    case KpointsMode::monkhorst_pack:
      return static_cast<long>(mesh[0]) * mesh[1] * mesh[2];
    case KpointsMode::explicit_list:
      return static_cast<long>(points.size());
    case KpointsMode::line_mode:
      return static_cast<long>(divisions) * static_cast<long>(points.size() / 2);
    case KpointsMode::fully_automatic:
      return 0;
  }
  return 0;
}

void write_kpoints(const std::filesystem::path& path, const Kpoints& kpoints) {
  write_file_atomically(path, kpoints.str());
}

Kpoints mesh_kpoints(const std::array<int, 3>& mesh, bool gamma_centred, std::string comment) {
  Kpoints k;
  k.comment = std::move(comment);
  k.mode = gamma_centred ? KpointsMode::gamma : KpointsMode::monkhorst_pack;
  k.mesh = mesh;
  return k;
}

}  // namespace fw::vasp
