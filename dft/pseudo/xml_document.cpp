/// \file xml_document.cpp
/// \brief libxml2 wrapper for the XML pseudopotential readers (see xml_document.hpp).
#include "dft/pseudo/xml_document.hpp"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>

#include "core/error.hpp"

namespace fw::dft::xml {
namespace {

std::string to_string(const xmlChar* text) {
  return text == nullptr ? std::string() : std::string(reinterpret_cast<const char*>(text));
}

/// Parses a number the way Fortran writes it ("1.0D+00", "1.0d-3", "  2.5E1").
std::optional<double> parse_number(std::string word) {
  std::replace(word.begin(), word.end(), 'D', 'E');
  std::replace(word.begin(), word.end(), 'd', 'e');
  char* end = nullptr;
  const double value = std::strtod(word.c_str(), &end);
  if (end == word.c_str() || *end != '\0') return std::nullopt;
  return value;
}

}  // namespace

Document::Document(const std::string& path, bool recover) : path_(path) {
  if (!std::ifstream(path)) throw InputError(path, "cannot open pseudopotential file");
  xmlParserCtxtPtr context = xmlNewParserCtxt();
  if (context == nullptr) throw InputError(path, "cannot create an XML parser (out of memory?)");
  int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_HUGE;
  if (recover) options |= XML_PARSE_RECOVER;
  doc_ = xmlCtxtReadFile(context, path.c_str(), nullptr, options);
  if (doc_ == nullptr || xmlDocGetRootElement(doc_) == nullptr) {
    const xmlError* error = xmlCtxtGetLastError(context);
    const int line = error != nullptr ? error->line : 0;
    std::string message = error != nullptr && error->message != nullptr
                              ? std::string(error->message)
                              : std::string("no root element");
    while (!message.empty() && (message.back() == '\n' || message.back() == ' '))
      message.pop_back();
    xmlFreeParserCtxt(context);
    if (doc_ != nullptr) xmlFreeDoc(doc_);
    throw InputError(path, line, "malformed XML: " + message);
  }
  xmlFreeParserCtxt(context);
}

Document::~Document() {
  if (doc_ != nullptr) xmlFreeDoc(doc_);
}

Node Document::root() const {
  return xmlDocGetRootElement(doc_);
}

std::string Document::name(Node node) {
  return to_string(node->name);
}

int Document::line(Node node) {
  return static_cast<int>(xmlGetLineNo(node));
}

Node Document::child(Node node, const std::string& child_name) {
  for (const xmlNode* c = node->children; c != nullptr; c = c->next)
    if (c->type == XML_ELEMENT_NODE && to_string(c->name) == child_name) return c;
  return nullptr;
}

std::vector<Node> Document::children(Node node, const std::string& child_name) {
  std::vector<Node> found;
  for (const xmlNode* c = node->children; c != nullptr; c = c->next)
    if (c->type == XML_ELEMENT_NODE && to_string(c->name) == child_name) found.push_back(c);
  return found;
}

std::vector<Node> Document::children_with_prefix(Node node, const std::string& prefix) {
  std::vector<Node> found;
  for (const xmlNode* c = node->children; c != nullptr; c = c->next)
    if (c->type == XML_ELEMENT_NODE && to_string(c->name).rfind(prefix, 0) == 0) found.push_back(c);
  return found;
}

std::optional<std::string> Document::attribute(Node node, const std::string& attribute_name) {
  for (const xmlAttr* a = node->properties; a != nullptr; a = a->next) {
    if (to_string(a->name) != attribute_name) continue;
    xmlChar* value = xmlNodeListGetString(node->doc, a->children, 1);
    std::string text = to_string(value);
    xmlFree(value);
    return text;
  }
  return std::nullopt;
}

Node Document::required_child(Node node, const std::string& child_name) const {
  Node c = child(node, child_name);
  if (c == nullptr)
    fail(node, "expected a <" + child_name + "> element inside <" + name(node) + ">");
  return c;
}

std::string Document::required_attribute(Node node, const std::string& attribute_name) const {
  auto value = attribute(node, attribute_name);
  if (!value) fail(node, "expected attribute " + attribute_name + " on <" + name(node) + ">");
  return *value;
}

std::optional<double> Document::number_attribute(Node node,
                                                 const std::string& attribute_name) const {
  auto text = attribute(node, attribute_name);
  if (!text) return std::nullopt;
  std::string word = *text;
  word.erase(0, word.find_first_not_of(" \t\n\r"));
  word.erase(word.find_last_not_of(" \t\n\r") + 1);
  auto value = parse_number(word);
  if (!value)
    fail(node, "expected a number in attribute " + attribute_name + " of <" + name(node) +
                   ">, found \"" + *text + "\"");
  return value;
}

double Document::required_number_attribute(Node node, const std::string& attribute_name) const {
  auto value = number_attribute(node, attribute_name);
  if (!value) fail(node, "expected attribute " + attribute_name + " on <" + name(node) + ">");
  return *value;
}

std::vector<double> Document::numbers(Node node, std::size_t expected_count) const {
  xmlChar* content = xmlNodeGetContent(node);
  const std::string text = to_string(content);
  xmlFree(content);
  std::vector<double> values;
  std::size_t pos = 0;
  while (true) {
    pos = text.find_first_not_of(" \t\n\r,", pos);
    if (pos == std::string::npos) break;
    const std::size_t end = text.find_first_of(" \t\n\r,", pos);
    const std::string word = text.substr(pos, end == std::string::npos ? end : end - pos);
    auto value = parse_number(word);
    if (!value)
      fail(node, "expected numbers in <" + name(node) + ">, found \"" + word.substr(0, 40) + "\"");
    values.push_back(*value);
    pos = end;
  }
  if (expected_count != 0 && values.size() != expected_count)
    fail(node, "expected " + std::to_string(expected_count) + " numbers in <" + name(node) +
                   ">, found " + std::to_string(values.size()));
  return values;
}

void Document::fail(Node node, const std::string& message) const {
  throw InputError(path_, node != nullptr ? line(node) : 0, message);
}

}  // namespace fw::dft::xml
