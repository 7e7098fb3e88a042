/// \file module.cpp
/// \brief The `_facetweld` extension: the C++ core of the `facetweld` Python package.
#include <pybind11/pybind11.h>

#include "bindings.hpp"
#include "core/error.hpp"
#include "core/version.hpp"

namespace py = pybind11;

PYBIND11_MODULE(_facetweld, m) {
  m.doc() =
      "facetweld's C++ core: structures, slab and cleave builders, the facet table, VASP "
      "parsers, the EAM engine and the native DFT solver. Import `facetweld`, not this.";
  m.attr("__version__") = fw::code_version();
  static py::exception<fw::InputError> input_error(m, "InputError", PyExc_ValueError);
  input_error.doc() =
      "Bad input: a file that cannot be read as expected or a setting out of range. The message "
      "names the file (and line) or the setting.";
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const fw::InputError& e) {
      input_error(e.what());
    }
  });
  fw::python::bind_structure(m);
  fw::python::bind_builders(m);
  fw::python::bind_facets(m);
  fw::python::bind_vasp(m);
  fw::python::bind_eam(m);
  fw::python::bind_dft(m);
}
