/// \file xml_document.hpp
/// \brief Thin libxml2 wrapper for the XML pseudopotential readers (PSML, UPF v2): element lookup,
/// attributes and number arrays, every failure an fw::InputError naming the file and line.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

struct _xmlDoc;
struct _xmlNode;

namespace fw::dft::xml {

using Node = const _xmlNode*;

/// A parsed XML file. Element and attribute names are matched by local name (namespaces ignored).
class Document {
 public:
  /// Parses `path`; `recover` lets libxml2 repair small defects (UPF files written by old codes
  /// contain bare '&' or '<' in free text). Throws fw::InputError on unreadable or malformed XML.
  explicit Document(const std::string& path, bool recover = false);
  ~Document();
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  Node root() const;
  const std::string& path() const { return path_; }

  /// The element's local name ("psml", "PP_R").
  static std::string name(Node node);
  static int line(Node node);
  /// First child element named `child_name`, or nullptr.
  static Node child(Node node, const std::string& child_name);
  /// Every child element named `child_name`, in document order.
  static std::vector<Node> children(Node node, const std::string& child_name);
  /// Every child element whose name starts with `prefix` ("PP_BETA." matches PP_BETA.1, .2 ...).
  static std::vector<Node> children_with_prefix(Node node, const std::string& prefix);
  static std::optional<std::string> attribute(Node node, const std::string& attribute_name);

  /// Child element that must exist; throws naming the parent's line and what was expected.
  Node required_child(Node node, const std::string& child_name) const;
  std::string required_attribute(Node node, const std::string& attribute_name) const;
  double required_number_attribute(Node node, const std::string& attribute_name) const;
  std::optional<double> number_attribute(Node node, const std::string& attribute_name) const;
  /// Whitespace-separated numbers of the element's text (Fortran 'D' exponents accepted);
  /// exactly `expected_count` of them unless it is 0.
  std::vector<double> numbers(Node node, std::size_t expected_count = 0) const;

  [[noreturn]] void fail(Node node, const std::string& message) const;

 private:
  std::string path_;
  _xmlDoc* doc_ = nullptr;
};

}  // namespace fw::dft::xml
