/// \file engines.hpp
/// \brief The welding engines by name (settings.engine): the one place that knows them all. A
/// new engine is a WeldEngine (md/weld/engine.hpp) in a file of its own plus its row here.
#pragma once

#include <memory>
#include <string>

#include "md/apps/lammps_launcher.hpp"
#include "md/weld/engine.hpp"
#include "md/weld/settings.hpp"

namespace fw::md {

/// The engine settings.engine names: native (facetweld's MD in this process) or lammps (a LAMMPS
/// deck per run, through `launcher`; null: lmp on this machine). Throws InputError(--engine) for
/// another name, and what the engine throws when its programs or files are missing (lammps:
/// --lmp, --sheet).
std::unique_ptr<WeldEngine> make_weld_engine(const WeldSettings& settings,
                                             LammpsLauncher* launcher = nullptr);

/// Whether the engine `name` runs its work through a LammpsLauncher (so a batch queue can take
/// it).
bool weld_engine_takes_launcher(const std::string& name);

}  // namespace fw::md
