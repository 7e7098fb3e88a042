/// \file json_convert.hpp
/// \brief nlohmann::json ↔ Python objects (dict, list, str, int, float, bool, None).
#pragma once

#include <pybind11/pybind11.h>
#include <nlohmann/json.hpp>

namespace fw::python {

/// Objects become dicts with insertion order kept, arrays lists; invalid UTF-8 in strings (file
/// text such as VASP warnings) is replaced, as `facetweld vasp parse --json` does.
pybind11::object to_python(const nlohmann::json& j);

/// The reverse, for dicts of settings; raises TypeError for anything JSON cannot hold.
nlohmann::json from_python(const pybind11::handle& obj);

}  // namespace fw::python
