/// \file fuzz_text_outputs.cpp
/// \brief libFuzzer target: any bytes given to the EIGENVAL, DOSCAR, XDATCAR and volumetric
/// (CHGCAR/LOCPOT) readers either parse (a result whose arrays match its counts) or throw
/// fw::InputError.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/error.hpp"
#include "vasp_io/doscar.hpp"
#include "vasp_io/eigenval.hpp"
#include "vasp_io/volumetric.hpp"
#include "vasp_io/xdatcar.hpp"

namespace {

void check(bool shape_ok) {
  if (!shape_ok) std::abort();  // arrays that disagree with their counts are a finding
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    const auto e = fw::vasp::parse_eigenval(text, "EIGENVAL");
    check(e.energies_eV.size() == static_cast<std::size_t>(e.nspin) * e.nkpoints * e.nbands);
  } catch (const fw::InputError&) {
  }
  try {
    const auto d = fw::vasp::parse_doscar(text, "DOSCAR");
    check(d.total.size() == static_cast<std::size_t>(d.nspin) * d.nedos());
    check(d.projected.size() ==
          static_cast<std::size_t>(d.projected_ions) * d.projected_columns * d.nedos());
  } catch (const fw::InputError&) {
  }
  try {
    const auto x = fw::vasp::parse_xdatcar(text, "XDATCAR");
    check(x.positions_fractional.size() == x.frames() * x.species.size());
    for (std::size_t k = 0; k < x.frames(); ++k) (void)x.structure(k);
  } catch (const fw::InputError&) {
  }
  try {
    const auto v = fw::vasp::parse_volumetric(text, "CHGCAR");
    check(!v.blocks.empty());
    for (const auto& b : v.blocks) check(b.size() == v.points());
  } catch (const fw::InputError&) {
  }
  return 0;
}
