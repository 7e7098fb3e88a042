/// \file engines.cpp
/// \brief The table of welding engines by name.
#include "md/weld/engines.hpp"

#include <functional>
#include <vector>

#include "core/error.hpp"
#include "md/weld/engine_lammps.hpp"
#include "md/weld/engine_native.hpp"

namespace fw::md {
namespace {

struct EngineRow {
  std::string name;
  bool takes_launcher;
  std::function<std::unique_ptr<WeldEngine>(const WeldSettings&, LammpsLauncher*)> make;
};

const std::vector<EngineRow>& engines() {
  static const std::vector<EngineRow> rows{
      {"native", false,
       [](const WeldSettings& s, LammpsLauncher*) -> std::unique_ptr<WeldEngine> {
         return std::make_unique<NativeWeldEngine>(s);
       }},
      {"lammps", true,
       [](const WeldSettings& s, LammpsLauncher* launcher) -> std::unique_ptr<WeldEngine> {
         return std::make_unique<LammpsWeldEngine>(s, launcher);
       }}};
  return rows;
}

const EngineRow& row_of(const std::string& name) {
  for (const EngineRow& row : engines())
    if (row.name == name) return row;
  std::string known;
  for (const EngineRow& row : engines()) known += (known.empty() ? "" : ", ") + row.name;
  throw InputError("--engine", "unknown engine '" + name + "' (expected one of " + known + ")");
}

}  // namespace

std::unique_ptr<WeldEngine> make_weld_engine(const WeldSettings& settings,
                                             LammpsLauncher* launcher) {
  return row_of(settings.engine).make(settings, launcher);
}

bool weld_engine_takes_launcher(const std::string& name) {
  return row_of(name).takes_launcher;
}

}  // namespace fw::md
