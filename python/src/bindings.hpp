/// \file bindings.hpp
/// \brief The parts of the `_facetweld` extension, one function per source file.
#pragma once

#include <pybind11/pybind11.h>

namespace fw::python {

void bind_structure(pybind11::module_& m);  ///< Structure, read/write (bind_structure.cpp)
void bind_builders(pybind11::module_& m);   ///< fcc_bulk, slab, cleave (bind_builders.cpp)
void bind_facets(pybind11::module_& m);     ///< FacetTable, FacetEntry (bind_facets.cpp)
void bind_vasp(pybind11::module_& m);       ///< vasp.parse (bind_vasp.cpp)
void bind_eam(pybind11::module_& m);        ///< EamModel (bind_eam.cpp)
void bind_dft(pybind11::module_& m);        ///< DftModel (bind_dft.cpp)

}  // namespace fw::python
