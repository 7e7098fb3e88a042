/// \file miller_arg.hpp
/// \brief A Miller-index argument as Python users write it: "111", "1,1,0", (1, 1, 1) or [1, 1, 0].
#pragma once

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <string>

#include "slabs/miller.hpp"

namespace fw::python {

inline slabs::Miller miller_from_python(const pybind11::handle& obj, const std::string& name) {
  if (pybind11::isinstance<pybind11::str>(obj))
    return slabs::parse_miller(obj.cast<std::string>(), name);
  try {
    const auto hkl = obj.cast<std::array<int, 3>>();
    if (hkl[0] == 0 && hkl[1] == 0 && hkl[2] == 0)
      throw pybind11::value_error(name + ": (0, 0, 0) is not a plane");
    return hkl;
  } catch (const pybind11::cast_error&) {
    throw pybind11::type_error(name + ": expected \"111\", \"1,1,0\" or three integers");
  }
}

inline pybind11::tuple miller_to_python(const slabs::Miller& hkl) {
  return pybind11::make_tuple(hkl[0], hkl[1], hkl[2]);
}

}  // namespace fw::python
