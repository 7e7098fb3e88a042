/// \file defaults.hpp
/// \brief The settings-table defaults that the geometry builders' parameter structs start from
/// (defined in slabs/settings.cpp from the tables, so no default is written twice). A light header:
/// the builders include it without the settings machinery.
#pragma once

#include <string>

namespace fw::slabs {

std::string default_element();
double default_lattice_constant_A();
int default_slab_layers();
int default_cut_crystal_cells();
double default_cut_crystal_vacuum_A();

}  // namespace fw::slabs
