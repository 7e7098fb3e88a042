/// \file document.hpp
/// \brief A report written once as blocks (headings, paragraphs, tables, lists, figures) and
/// rendered twice: Markdown (report.md) and a self-contained HTML page (report.html, SVG inline).
#pragma once

#include <string>
#include <vector>

namespace fw::report {

/// Text in blocks uses a small Markdown subset that both renderers understand:
/// **bold**, `code` and [label](relative/link).
struct Block {
  enum class Kind { heading, paragraph, table, bullets, figure };
  Kind kind = Kind::paragraph;
  int level = 2;                               ///< heading: 1..3
  std::string text;                            ///< heading/paragraph; figure: caption
  std::vector<std::string> header;             ///< table
  std::vector<std::vector<std::string>> rows;  ///< table rows; bullets: one item per row
  std::string id;                              ///< table/figure: HTML id (tests look for it)
  std::string path;                            ///< figure: the SVG file, relative to the report
  std::string svg;                             ///< figure: the SVG document, inlined in HTML
};

struct Document {
  std::string title;
  std::vector<Block> blocks;

  void heading(const std::string& text, int level = 2, const std::string& id = "");
  void paragraph(const std::string& text);
  void table(const std::string& id, std::vector<std::string> header,
             std::vector<std::vector<std::string>> rows);
  void bullets(const std::vector<std::string>& items);
  void figure(const std::string& id, const std::string& path, const std::string& svg,
              const std::string& caption);
};

/// GitHub-flavoured Markdown; figures as ![caption](path).
std::string to_markdown(const Document& doc);
/// One HTML5 file with its CSS inline, every figure's SVG inline (no external requests), tables
/// with ids, links relative to the report's folder.
std::string to_html(const Document& doc);

/// `text` with &, <, >, " escaped, then **bold**, `code` and [label](link) turned into tags.
std::string inline_html(const std::string& text);

}  // namespace fw::report
