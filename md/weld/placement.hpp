/// \file placement.hpp
/// \brief The rod-pair geometry a welding run places its rods with, from slabs/ (rod_pair.hpp: end
/// to end; lying_rod_pair.hpp: side, top or tip on a substrate), under the names the weld code
/// uses.
#pragma once

#include "slabs/lying_rod_pair.hpp"
#include "slabs/rod_pair.hpp"
#include "slabs/wulff_rod.hpp"

namespace fw::md {

using slabs::LyingPairSettings;
using slabs::make_lying_pair;
using slabs::make_weld_pair;
using slabs::parse_weld_mode;
using slabs::rod_lattice_rotation;
using slabs::RodShape;
using slabs::RodShapeSettings;
using slabs::rotation_about;
using slabs::weld_mode_name;
using slabs::WeldMode;
using slabs::WeldPair;
using slabs::WeldPairSettings;
using slabs::wulff_rod_shape;
using slabs::WulffFacet;

}  // namespace fw::md
