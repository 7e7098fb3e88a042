/// \file elements.cpp
/// \brief The element table: standard atomic weights (IUPAC 2013, conventional values; mass
/// number of the longest-lived isotope for elements without a standard weight) and covalent radii
/// (B. Cordero et al., "Covalent radii revisited", Dalton Trans. 2008, 2832; C: sp3,
/// Mn, Fe, Co: low spin).
#include "slabs/elements.hpp"

#include <array>

#include "core/error.hpp"

namespace fw::slabs {

namespace {
constexpr std::array<Element, 94> kElements{{
    {"H", 1, 1.008, 0.31},       {"He", 2, 4.0026, 0.28},  {"Li", 3, 6.94, 1.28},
    {"Be", 4, 9.0122, 0.96},     {"B", 5, 10.81, 0.84},    {"C", 6, 12.011, 0.76},
    {"N", 7, 14.007, 0.71},      {"O", 8, 15.999, 0.66},   {"F", 9, 18.998, 0.57},
    {"Ne", 10, 20.180, 0.58},    {"Na", 11, 22.990, 1.66}, {"Mg", 12, 24.305, 1.41},
    {"Al", 13, 26.982, 1.21},    {"Si", 14, 28.085, 1.11}, {"P", 15, 30.974, 1.07},
    {"S", 16, 32.06, 1.05},      {"Cl", 17, 35.45, 1.02},  {"Ar", 18, 39.948, 1.06},
    {"K", 19, 39.098, 2.03},     {"Ca", 20, 40.078, 1.76}, {"Sc", 21, 44.956, 1.70},
    {"Ti", 22, 47.867, 1.60},    {"V", 23, 50.942, 1.53},  {"Cr", 24, 51.996, 1.39},
    {"Mn", 25, 54.938, 1.39},    {"Fe", 26, 55.845, 1.32}, {"Co", 27, 58.933, 1.26},
    {"Ni", 28, 58.693, 1.24},    {"Cu", 29, 63.546, 1.32}, {"Zn", 30, 65.38, 1.22},
    {"Ga", 31, 69.723, 1.22},    {"Ge", 32, 72.630, 1.20}, {"As", 33, 74.922, 1.19},
    {"Se", 34, 78.971, 1.20},    {"Br", 35, 79.904, 1.20}, {"Kr", 36, 83.798, 1.16},
    {"Rb", 37, 85.468, 2.20},    {"Sr", 38, 87.62, 1.95},  {"Y", 39, 88.906, 1.90},
    {"Zr", 40, 91.224, 1.75},    {"Nb", 41, 92.906, 1.64}, {"Mo", 42, 95.95, 1.54},
    {"Tc", 43, 97.0, 1.47},      {"Ru", 44, 101.07, 1.46}, {"Rh", 45, 102.91, 1.42},
    {"Pd", 46, 106.42, 1.39},    {"Ag", 47, 107.87, 1.45}, {"Cd", 48, 112.41, 1.44},
    {"In", 49, 114.82, 1.42},    {"Sn", 50, 118.71, 1.39}, {"Sb", 51, 121.76, 1.39},
    {"Te", 52, 127.60, 1.38},    {"I", 53, 126.90, 1.39},  {"Xe", 54, 131.29, 1.40},
    {"Cs", 55, 132.91, 2.44},    {"Ba", 56, 137.33, 2.15}, {"La", 57, 138.91, 2.07},
    {"Ce", 58, 140.12, 2.04},    {"Pr", 59, 140.91, 2.03}, {"Nd", 60, 144.24, 2.01},
    {"Pm", 61, 145.0, 1.99},     {"Sm", 62, 150.36, 1.98}, {"Eu", 63, 151.96, 1.98},
    {"Gd", 64, 157.25, 1.96},    {"Tb", 65, 158.93, 1.94}, {"Dy", 66, 162.50, 1.92},
    {"Ho", 67, 164.93, 1.92},    {"Er", 68, 167.26, 1.89}, {"Tm", 69, 168.93, 1.90},
    {"Yb", 70, 173.05, 1.87},    {"Lu", 71, 174.97, 1.87}, {"Hf", 72, 178.49, 1.75},
    {"Ta", 73, 180.95, 1.70},    {"W", 74, 183.84, 1.62},  {"Re", 75, 186.21, 1.51},
    {"Os", 76, 190.23, 1.44},    {"Ir", 77, 192.22, 1.41}, {"Pt", 78, 195.08, 1.36},
    {"Au", 79, 196.96657, 1.36}, {"Hg", 80, 200.59, 1.32}, {"Tl", 81, 204.38, 1.45},
    {"Pb", 82, 207.2, 1.46},     {"Bi", 83, 208.98, 1.48}, {"Po", 84, 209.0, 1.40},
    {"At", 85, 210.0, 1.50},     {"Rn", 86, 222.0, 1.50},  {"Fr", 87, 223.0, 2.60},
    {"Ra", 88, 226.0, 2.21},     {"Ac", 89, 227.0, 2.15},  {"Th", 90, 232.04, 2.06},
    {"Pa", 91, 231.04, 2.00},    {"U", 92, 238.03, 1.96},  {"Np", 93, 237.0, 1.90},
    {"Pu", 94, 244.0, 1.87},
}};
}  // namespace

double overlap_distance_A(const Element& a, const Element& b) {
  return 0.5 * (a.covalent_radius_A + b.covalent_radius_A);
}

bool is_element(const std::string& symbol) {
  for (const Element& e : kElements)
    if (symbol == e.symbol) return true;
  return false;
}

const Element& element(const std::string& symbol, const std::string& source) {
  for (const Element& e : kElements)
    if (symbol == e.symbol) return e;
  throw InputError(source, "unknown element symbol '" + symbol + "' (expected e.g. Au, Ag, Cu)");
}

const Element& element(int atomic_number, const std::string& source) {
  if (atomic_number < 1 || atomic_number > static_cast<int>(kElements.size()))
    throw InputError(source,
                     "atomic number " + std::to_string(atomic_number) + " out of range 1-94");
  return kElements[static_cast<std::size_t>(atomic_number - 1)];
}

}  // namespace fw::slabs
