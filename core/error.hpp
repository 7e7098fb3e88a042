/// \file error.hpp
/// \brief The one error type of facetweld: what was read (file, line) and what was expected.
#pragma once

#include <stdexcept>
#include <string>

namespace fw {

/// Thrown where input is read or checked; caught once in the CLI and printed as one line.
/// `source` is a file path or a command-line option name; `line` is 1-based, 0 when not applicable.
class InputError : public std::runtime_error {
 public:
  InputError(std::string source, int line, const std::string& message)
      : std::runtime_error(format(source, line, message)),
        source_(std::move(source)),
        line_(line),
        message_(message) {}
  InputError(std::string source, const std::string& message)
      : InputError(std::move(source), 0, message) {}

  const std::string& source() const { return source_; }
  int line() const { return line_; }
  /// What was expected, without the source and line.
  const std::string& message() const { return message_; }

 private:
  static std::string format(const std::string& source, int line, const std::string& message) {
    // Built with append (not operator+) to sidestep GCC 12's false -Wrestrict positive.
    std::string out;
    out.reserve(source.size() + message.size() + 16);
    out.append(source);
    if (line > 0) out.append(":").append(std::to_string(line));
    if (!out.empty()) out.append(": ");
    out.append(message);
    return out;
  }
  std::string source_;
  int line_;
  std::string message_;
};

}  // namespace fw
