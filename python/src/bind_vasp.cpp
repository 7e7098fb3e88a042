/// \file bind_vasp.cpp
/// \brief facetweld.vasp.parse: OUTCAR, OSZICAR, vasprun.xml(.gz), CONTCAR to the dict of
/// `facetweld vasp parse --json` (the same C++ function builds both).
#include <pybind11/stl/filesystem.h>

#include "bindings.hpp"
#include "core/version.hpp"
#include "json_convert.hpp"
#include "vasp_io/parse_file.hpp"

namespace py = pybind11;

namespace fw::python {

void bind_vasp(py::module_& m) {
  py::module_ vasp = m.def_submodule("vasp", "VASP output files (the parsers of vasp_io/).");
  vasp.def(
      "parse",
      [](const std::filesystem::path& path, std::string type) {
        nlohmann::json j;
        {
          py::gil_scoped_release release;
          j = vasp::parse_file_json(path, type, "type");
        }
        j["code_version"] = code_version();
        return to_python(j);
      },
      py::arg("path"), py::arg("type") = "",
      R"doc(Parses an OUTCAR, OSZICAR, vasprun.xml(.gz) or CONTCAR/POSCAR and returns the dict that
``facetweld vasp parse --json`` prints: energies in eV (final_energy_sigma0_eV,
final_free_energy_eV), forces in eV/Å, stress in kbar, efermi_eV, ionic steps, convergence flags,
and ``complete``/``missing`` for truncated files. ``type`` forces "outcar", "oszicar", "vasprun"
or "contcar" (default: from the name, else the first bytes).)doc");
  vasp.def("detect_type", &vasp::detect_file_type, py::arg("path"),
           "\"outcar\", \"oszicar\", \"vasprun\" or \"contcar\", from the name or first bytes.");
}

}  // namespace fw::python
