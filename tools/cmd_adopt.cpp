/// \file cmd_adopt.cpp
/// \brief `facetweld adopt FILE`: vouch for a file a rerun trusts but that carries no checksum (an
/// older facetweld's cell store, weld result.json or `run` stage table): check that it parses as
/// its kind, then stamp its integrity block (core/file_integrity.hpp, docs/formats.md).
#include <fstream>
#include <iostream>
#include <memory>

#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "core/file_integrity.hpp"
#include "dft/facet/cell_cache.hpp"
#include "md/weld/run.hpp"
#include "tools/command.hpp"
#include "tools/pipeline/stages.hpp"

namespace fw::cli {
namespace {

/// Stamps a whole-file JSON document with `producer` unless it is already intact; a file whose
/// checksum fails is refused (adopt vouches for unstamped files, not for changed ones).
void adopt_document(const std::string& path, nlohmann::json doc, const nlohmann::json& producer,
                    const std::string& kind) {
  const IntegrityVerdict v = check_integrity(doc, producer);
  if (v.trusted()) {
    std::cout << "adopt: " << path << " (" << kind << ") is intact already; left as it is\n";
    return;
  }
  if (v.status == IntegrityVerdict::Status::corrupt)
    throw InputError(path, v.problem + "; not adopted: remove it to compute it again");
  stamp_integrity(doc, producer);
  write_file_atomically(path, doc.dump(2) + "\n");
  std::cout << "adopt: stamped " << path << " (" << kind << ", was: " << v.problem
            << "); reruns now trust it\n";
}

void run_adopt(const std::string& path) {
  std::ifstream in(path);
  const nlohmann::json doc = nlohmann::json::parse(in, nullptr, false);
  if (doc.is_discarded()) throw InputError(path, "not valid JSON; nothing adopted");
  if (dft::is_cell_store(doc)) {
    const dft::CellStoreAdoption a = dft::adopt_cell_store(path);
    std::cout << "adopt: " << path << " (a DFT cell store): stamped " << a.stamped << " cells, "
              << a.intact << " intact already";
    if (a.distrusted > 0)
      std::cout << ", " << a.distrusted
                << " failing their checksum left as they are (computed again by the next run)";
    std::cout << "\n";
  } else if (doc.contains("samples") && doc.contains("settings") && doc.contains("e_welded_eV")) {
    md::weld_result_from_json(doc, path);  // throws InputError(path) if it does not parse
    adopt_document(path, doc, md::weld_result_producer(doc.at("settings")), "a weld run result");
  } else if (doc.contains("settings_key") && doc.contains("facets")) {
    slabs::facet_table_from_json(doc, path);  // throws InputError(path) if it does not parse
    adopt_document(path, doc, pipeline::stage_file_producer(doc.at("settings_key")),
                   "a `run` stage facet table");
  } else {
    throw InputError(path,
                     "not a file adopt knows (a DFT cell store, a weld run's result.json, a `run` "
                     "stage's facets_*.json); nothing adopted");
  }
}

const RegisterCommand kRegistered{
    "adopt", [](CLI::App& root) {
      auto path = std::make_shared<std::string>();
      CLI::App* cmd = root.add_subcommand(
          "adopt",
          "Vouch for a resume/cache file written without a checksum (an older facetweld's cell "
          "store, weld result.json or run stage table): check it parses, then stamp its checksum "
          "and producer so that reruns reuse it (docs/formats.md)");
      cmd->add_option("FILE", *path, "The file to stamp (rewritten atomically)")
          ->required()
          ->check(CLI::ExistingFile);
      cmd->callback([path] { run_adopt(*path); });
    }};

}  // namespace
}  // namespace fw::cli
