/// \file settings_kwargs.cpp
/// \brief Conversion of Python values to settings values by the setting's declared type.
#include "settings_kwargs.hpp"

#include <pybind11/stl.h>

namespace py = pybind11;

namespace fw::python {

settings::Value value_from_python(const settings::Spec& spec, const py::handle& obj,
                                  const std::string& key) {
  using settings::Type;
  try {
    switch (spec.type) {
      case Type::Boolean:
        if (!py::isinstance<py::bool_>(obj)) break;
        return obj.cast<bool>();
      case Type::Integer:
        if (py::isinstance<py::bool_>(obj) || !py::hasattr(obj, "__index__")) break;
        return obj.cast<long long>();
      case Type::Real:
        if (py::isinstance<py::bool_>(obj)) break;
        return obj.cast<double>();
      case Type::Text:
      case Type::Choice:
        if (!py::isinstance<py::str>(obj)) break;
        return obj.cast<std::string>();
      case Type::RealList:
        return obj.cast<std::vector<double>>();
      case Type::TextList:
        return obj.cast<std::vector<std::string>>();
      case Type::Triplet:
        return obj.cast<std::array<int, 3>>();
    }
  } catch (const py::cast_error&) {
  }
  throw py::type_error(key + ": expected " + settings::describe_type(spec) + ", got " +
                       py::repr(obj).cast<std::string>());
}

void reject_unknown_keyword(const std::string& key, const std::vector<std::string>& known) {
  settings::reject_unknown_key(key, known, key, 0, "keyword arguments");
  throw InputError(key, "unknown setting");  // reject_unknown_key always throws
}

py::list describe_settings(const std::vector<const settings::Spec*>& specs) {
  py::list out;
  for (const settings::Spec* spec : specs) {
    py::dict d;
    d["key"] = spec->key;
    d["json_key"] = spec->json_key();
    d["type"] = settings::describe_type(*spec);
    d["unit"] = spec->unit;
    d["default"] = to_python(settings::to_json(spec->default_value));
    d["allowed"] = settings::describe_allowed(*spec);
    d["doc"] = spec->doc;
    out.append(d);
  }
  return out;
}

}  // namespace fw::python
