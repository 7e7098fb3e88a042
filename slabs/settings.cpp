/// \file settings.cpp
/// \brief The slabs settings tables.
#include "slabs/settings.hpp"

#include <cstdio>
#include <tuple>

#include "core/error.hpp"
#include "slabs/elements.hpp"

namespace fw::slabs {

using settings::above_at_most;
using settings::between;
using settings::bind;
using settings::bind_custom;
using settings::Type;
using settings::Value;

const settings::Table<CrystalSettings>& crystal_settings_table() {
  using S = CrystalSettings;
  static const settings::Table<S> table(
      "", "Crystal",
      {
          bind<S>(
              {.key = "element",
               .type = Type::Text,
               .default_value = std::string("Au"),
               .doc = "Chemical symbol of the fcc metal",
               .check =
                   [](const Value& v) {
                     if (!is_element(std::get<std::string>(v)))
                       throw std::invalid_argument("'" + std::get<std::string>(v) +
                                                   "' is not a chemical symbol");
                   }},
              [](auto& s) -> auto& { return s.element; }),
          bind<S>(
              {.key = "a",
               .type = Type::Real,
               .unit = "Å",
               .default_value = 4.08,
               .doc = "Cubic lattice constant; edis and run default to the element's experimental "
                      "value (Ag 4.09, Al 4.05, Au 4.08, Cu 3.61, Ni 3.52, Pd 3.89, Pt 3.92 Å; "
                      "docs/md.md)",
               .range = between(2, 7)},
              [](auto& s) -> auto& { return s.a_A; }),
          bind_custom<S>(
              {.key = "facets",
               .type = Type::TextList,
               .default_value = std::vector<std::string>{"100", "110", "111"},
               .doc = "Facets (Miller indices hkl) to cleave",
               .check =
                   [](const Value& v) {
                     const auto& list = std::get<std::vector<std::string>>(v);
                     if (list.empty()) throw std::invalid_argument("name at least one facet");
                     for (const auto& f : list) parse_miller(f, "");
                   }},
              [](S& s, const Value& v) {
                s.facets.clear();
                for (const auto& f : std::get<std::vector<std::string>>(v))
                  s.facets.push_back(parse_miller(f, "facets"));
              },
              [](const S& s) -> Value {
                std::vector<std::string> out;
                for (const auto& f : s.facets) out.push_back(miller_compact(f));
                return out;
              }),
      });
  return table;
}

const settings::Table<CutCrystalSettings>& cut_crystal_settings_table() {
  using S = CutCrystalSettings;
  static const settings::Table<S> table(
      "geometry", "The paper's cut crystal",
      {
          bind<S>(
              {.key = "cells",
               .type = Type::Integer,
               .default_value = 5LL,
               .doc = "n of the n×n×n conventional-cell cube (4n³ atoms; 5 → the paper's 500)",
               .range = between(1, 60)},
              [](auto& s) -> auto& { return s.cells; }),
          bind<S>(
              {.key = "vacuum",
               .type = Type::Real,
               .unit = "Å",
               .default_value = 10.0,
               .doc = "Vacuum around the cut crystal",
               .range = between(0, 1000)},
              [](auto& s) -> auto& { return s.vacuum_A; }),
      });
  return table;
}

namespace {

void check_miller(const Value& v) {
  parse_miller(std::get<std::string>(v), "");
}

std::pair<int, int> parse_repeat(const std::string& text) {
  int n = 0, m = 0;
  char x = 0, extra = 0;
  if (std::sscanf(text.c_str(), "%d%c%d%c", &n, &x, &m, &extra) != 3 || (x != 'x' && x != 'X') ||
      n < 1 || m < 1 || n > 1000 || m > 1000)
    throw std::invalid_argument("expected NxM with 1 ≤ N, M ≤ 1000 (e.g. 2x2), got '" + text + "'");
  return {n, m};
}

}  // namespace

const settings::Table<SlabSettings>& slab_settings_table() {
  using S = SlabSettings;
  static const settings::Table<S> table(
      "slab", "Slab with vacuum",
      {
          bind_custom<S>(
              {.key = "facet",
               .type = Type::Text,
               .default_value = std::string("111"),
               .doc = "Miller indices of the surface: 100, 110, 111, 210, \"1,1,0\"",
               .check = check_miller},
              [](S& s, const Value& v) {
                s.facet = parse_miller(std::get<std::string>(v), "facet");
              },
              [](const S& s) -> Value { return miller_compact(s.facet); }),
          bind<S>(
              {.key = "layers",
               .type = Type::Integer,
               .default_value = 7LL,
               .doc = "Atomic layers",
               .range = between(1, 1000)},
              [](auto& s) -> auto& { return s.layers; }),
          bind<S>(
              {.key = "vacuum",
               .type = Type::Real,
               .unit = "Å",
               .default_value = 12.0,
               .doc = "Gap between the outermost planes across the periodic boundary",
               .range = between(0, 1000)},
              [](auto& s) -> auto& { return s.vacuum_A; }),
          bind_custom<S>(
              {.key = "repeat",
               .type = Type::Text,
               .default_value = std::string("1x1"),
               .doc = "In-plane repetition of the 1×1 cell, NxM",
               .check = [](const Value& v) { parse_repeat(std::get<std::string>(v)); }},
              [](S& s, const Value& v) {
                std::tie(s.repeat_a, s.repeat_b) = parse_repeat(std::get<std::string>(v));
              },
              [](const S& s) -> Value {
                return std::to_string(s.repeat_a) + "x" + std::to_string(s.repeat_b);
              }),
      });
  return table;
}

}  // namespace fw::slabs

namespace fw::slabs {

std::string default_element() {
  return crystal_settings_table().defaults().element;
}
double default_lattice_constant_A() {
  return crystal_settings_table().defaults().a_A;
}
int default_slab_layers() {
  return slab_settings_table().defaults().layers;
}
int default_cut_crystal_cells() {
  return cut_crystal_settings_table().defaults().cells;
}
double default_cut_crystal_vacuum_A() {
  return cut_crystal_settings_table().defaults().vacuum_A;
}

settings::Spec facet_method_spec() {
  return {.key = "method",
          .type = settings::Type::Choice,
          .default_value = std::string("slab"),
          .doc = "slab (E_slab − E_bulk)/A, or cut-crystal: the paper's cube cut in two",
          .choices = {"slab", "cut-crystal"}};
}

}  // namespace fw::slabs
