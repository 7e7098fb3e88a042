/// \file cli_app.cpp
/// \brief The subcommand registry and the CLI11 driver shared by `facetweld` and `facetweld-full`.
#include "tools/cli_app.hpp"

#include <algorithm>
#include <iostream>
#include <new>
#include <string>

#include "core/error.hpp"
#include "core/memory_limit.hpp"
#include "core/printf_format.hpp"
#include "core/progress.hpp"
#include "core/version.hpp"
#include "tools/command.hpp"

namespace fw::cli {
namespace {

/// `text` with its line breaks turned into "; ", for a message that must stay on one line.
std::string one_line(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  for (std::size_t at = text.find('\n'); at != std::string::npos; at = text.find('\n', at))
    text.replace(at, 1, "; ");
  return text;
}

}  // namespace

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
    if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version: CLI11 prints them
    // A usage error: one line with the same prefix as every other error (CLI11 would print its
    // message and a "Run with --help" line of its own).
    std::cerr << "facetweld: error: " << one_line(e.what()) << " (see --help)\n";
    return 2;
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
