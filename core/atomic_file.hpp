/// \file atomic_file.hpp
/// \brief Write a file so that readers see the old content or the complete new one, never half.
#pragma once

#include <filesystem>
#include <fstream>
#include <functional>
#include <string>

namespace fw {

/// Writes through `fill` into `<path>.tmp.<pid>` in the same folder, flushes, then renames it
/// over `path`. On any failure the temp file is removed and an InputError naming `path` is thrown.
void write_file_atomically(const std::filesystem::path& path,
                           const std::function<void(std::ostream&)>& fill);

/// Convenience overload for text already in memory.
void write_file_atomically(const std::filesystem::path& path, const std::string& content);

/// Throws InputError(option) unless `path`'s folder exists (or can be created) and is writable;
/// used before long work so that a bad -o fails at once and nothing is written.
void ensure_writable_destination(const std::filesystem::path& path, const std::string& option);

/// Creates the output folder `dir` (parents included) and checks it is writable; throws
/// InputError(option) when it is a file, cannot be created, or is read-only. Call it after every
/// other input has been validated, so that bad input leaves nothing behind.
void ensure_output_folder(const std::filesystem::path& dir, const std::string& option);

}  // namespace fw
