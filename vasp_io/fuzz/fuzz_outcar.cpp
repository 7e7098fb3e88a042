/// \file fuzz_outcar.cpp
/// \brief libFuzzer target: any bytes given to parse_outcar either parse or throw fw::InputError.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/error.hpp"
#include "vasp_io/outcar.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const fw::vasp::Outcar result = fw::vasp::parse_outcar(text, "OUTCAR");
    (void)fw::vasp::to_json(result).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  } catch (const fw::InputError&) {
    // A clear error is a correct answer for bad input; anything else escapes and is a finding.
  }
  return 0;
}
