/// \file cli_app.cpp
/// \brief The subcommand registry and the CLI11 driver shared by `facetweld` and `facetweld-full`.
#include "tools/cli_app.hpp"

#include <algorithm>
#include <iostream>
#include <new>

#include "core/error.hpp"
#include "core/memory_limit.hpp"
#include "core/printf_format.hpp"
#include "core/progress.hpp"
#include "core/version.hpp"
#include "tools/command.hpp"

namespace fw::cli {

std::vector<CommandEntry>& command_registry() {
  static std::vector<CommandEntry> registry;
  return registry;
}

CLI::App* command_group(CLI::App& root, const std::string& name, const std::string& description) {
  for (CLI::App* sub : root.get_subcommands([](CLI::App*) { return true; })) {
    if (sub->get_name() == name) return sub;
  }
  CLI::App* group = root.add_subcommand(name, description);
  group->require_subcommand(1);
  return group;
}

int run_cli(int argc, char** argv) {
  CLI::App app{
      "facetweld: facet energies of metals from first principles, VASP and EAM, "
      "and the nanorod welding they drive"};
  app.name("facetweld");
  app.set_version_flag("--version", std::string("facetweld ") + fw::code_version());
  bool quiet = false;
  app.add_flag("-q,--quiet", quiet, "No progress lines")->configurable(false);
  app.require_subcommand(1);
  app.fallthrough();

  auto& registry = command_registry();
  std::sort(registry.begin(), registry.end(),
            [](const auto& a, const auto& b) { return a.name < b.name; });
  for (const auto& entry : registry) entry.setup(app);
  app.parse_complete_callback([&] { fw::ProgressLine::set_quiet(quiet); });

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  } catch (const fw::InputError& e) {
    std::cerr << "facetweld: error: " << e.what() << "\n";
    return 2;
  } catch (const std::bad_alloc&) {
    // A resource limit, not a bug: say which limit binds (ulimit -v, cgroup, free memory).
    const fw::MemoryLimit m = fw::memory_limit(fw::MemoryBasis::free_now);
    std::cerr << "facetweld: error: out of memory: an allocation failed with about "
              << fw::format("%.2g", m.bytes / 1e9) << " GB left (" << m.limited_by
              << "); choose smaller settings or raise the limit\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "facetweld: internal error: " << e.what() << "\n";
    return 1;
  }
  return 0;
}

}  // namespace fw::cli
