/// \file atomic_file.cpp
/// \brief Temp-file-and-rename writes.
#include "core/atomic_file.hpp"

#include <unistd.h>

#include <system_error>

#include "core/error.hpp"

namespace fw {

namespace fs = std::filesystem;

void write_file_atomically(const fs::path& path, const std::function<void(std::ostream&)>& fill) {
  const fs::path tmp = path.string() + ".tmp." + std::to_string(::getpid());
  try {
    {
      std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
      if (!out)
        throw InputError(path.string(),
                         "cannot open for writing (does the folder exist and is it writable?)");
      fill(out);
      out.flush();
      if (!out) throw InputError(path.string(), "write failed (disk full?)");
    }
    std::error_code ec;
    fs::rename(tmp, path, ec);
    if (ec)
      throw InputError(path.string(), "cannot rename temporary file into place: " + ec.message());
  } catch (...) {
    std::error_code ignore;
    fs::remove(tmp, ignore);
    throw;
  }
}

void write_file_atomically(const fs::path& path, const std::string& content) {
  write_file_atomically(path, [&](std::ostream& out) { out << content; });
}

void ensure_writable_destination(const fs::path& path, const std::string& option) {
  fs::path folder = path.parent_path();
  if (folder.empty()) folder = ".";
  std::error_code ec;
  if (!fs::exists(folder, ec)) {
    throw InputError(option,
                     "folder '" + folder.string() + "' of '" + path.string() + "' does not exist");
  }
  if (!fs::is_directory(folder, ec)) {
    throw InputError(option, "'" + folder.string() + "' is not a folder");
  }
  if (::access(folder.c_str(), W_OK) != 0) {
    throw InputError(option, "folder '" + folder.string() + "' is not writable");
  }
  if (fs::is_directory(path, ec)) {
    throw InputError(option, "'" + path.string() + "' is a folder, expected a file name");
  }
}

void ensure_output_folder(const fs::path& dir, const std::string& option) {
  std::error_code ec;
  if (fs::exists(dir, ec) && !fs::is_directory(dir, ec))
    throw InputError(option, "'" + dir.string() + "' exists and is not a folder");
  fs::create_directories(dir, ec);
  if (ec) throw InputError(option, "cannot create folder '" + dir.string() + "': " + ec.message());
  if (::access(dir.c_str(), W_OK) != 0)
    throw InputError(option, "folder '" + dir.string() + "' is not writable");
}

}  // namespace fw
