/// \file json_convert.cpp
/// \brief Recursive conversion between nlohmann::json and Python objects.
#include "json_convert.hpp"

#include <string>

namespace py = pybind11;

namespace fw::python {
namespace {

py::str to_python_str(const std::string& s) {
  PyObject* obj = PyUnicode_DecodeUTF8(s.data(), static_cast<Py_ssize_t>(s.size()), "replace");
  if (!obj) throw py::error_already_set();
  return py::reinterpret_steal<py::str>(obj);
}

}  // namespace

py::object to_python(const nlohmann::json& j) {
  switch (j.type()) {
    case nlohmann::json::value_t::null:
    case nlohmann::json::value_t::discarded:
      return py::none();
    case nlohmann::json::value_t::boolean:
      return py::bool_(j.get<bool>());
    case nlohmann::json::value_t::number_integer:
      return py::int_(j.get<long long>());
    case nlohmann::json::value_t::number_unsigned:
      return py::int_(j.get<unsigned long long>());
    case nlohmann::json::value_t::number_float:
      return py::float_(j.get<double>());
    case nlohmann::json::value_t::string:
      return to_python_str(j.get_ref<const std::string&>());
    case nlohmann::json::value_t::array: {
      py::list list(j.size());
      std::size_t i = 0;
      for (const auto& x : j) list[i++] = to_python(x);
      return list;
    }
    case nlohmann::json::value_t::object: {
      py::dict dict;
      for (auto it = j.begin(); it != j.end(); ++it) dict[to_python_str(it.key())] = to_python(*it);
      return dict;
    }
    case nlohmann::json::value_t::binary:
      break;
  }
  throw py::type_error("JSON value of a type Python cannot hold");
}

nlohmann::json from_python(const py::handle& obj) {
  if (obj.is_none()) return nullptr;
  if (py::isinstance<py::bool_>(obj)) return obj.cast<bool>();
  if (py::isinstance<py::int_>(obj)) return obj.cast<long long>();
  if (py::isinstance<py::float_>(obj)) return obj.cast<double>();
  if (py::isinstance<py::str>(obj)) return obj.cast<std::string>();
  if (py::isinstance<py::dict>(obj)) {
    nlohmann::json j = nlohmann::json::object();
    for (const auto& [key, value] : obj.cast<py::dict>())
      j[py::str(key).cast<std::string>()] = from_python(value);
    return j;
  }
  if (py::isinstance<py::list>(obj) || py::isinstance<py::tuple>(obj)) {
    nlohmann::json j = nlohmann::json::array();
    for (const auto& x : obj) j.push_back(from_python(x));
    return j;
  }
  // numpy scalars and anything else with a float value
  if (py::hasattr(obj, "__float__")) return obj.attr("__float__")().cast<double>();
  throw py::type_error("cannot convert " + py::repr(obj).cast<std::string>() + " to JSON");
}

}  // namespace fw::python
