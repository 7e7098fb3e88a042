/// \file document.cpp
/// \brief Markdown and HTML rendering of a report Document.
#include "tools/report/document.hpp"

#include <cctype>
#include <sstream>

namespace fw::report {

namespace {

std::string escape_html(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

/// Replaces each `open`…`open` pair (e.g. ** or `) by <tag>…</tag>; an unpaired marker stays.
std::string pair_markers(const std::string& text, const std::string& marker,
                         const std::string& tag) {
  std::string out;
  std::size_t pos = 0;
  while (true) {
    const std::size_t a = text.find(marker, pos);
    if (a == std::string::npos) break;
    const std::size_t b = text.find(marker, a + marker.size());
    if (b == std::string::npos) break;
    out += text.substr(pos, a - pos) + "<" + tag + ">" +
           text.substr(a + marker.size(), b - a - marker.size()) + "</" + tag + ">";
    pos = b + marker.size();
  }
  return out + text.substr(pos);
}

/// [label](link) → <a href="link">label</a>.
std::string links(const std::string& text) {
  std::string out;
  std::size_t pos = 0;
  while (true) {
    const std::size_t open = text.find('[', pos);
    if (open == std::string::npos) break;
    const std::size_t close = text.find("](", open);
    const std::size_t end = close == std::string::npos ? close : text.find(')', close);
    if (close == std::string::npos || end == std::string::npos || text.find(']', open) != close) {
      out += text.substr(pos, open + 1 - pos);
      pos = open + 1;
      continue;
    }
    out += text.substr(pos, open - pos) + "<a href=\"" + text.substr(close + 2, end - close - 2) +
           "\">" + text.substr(open + 1, close - open - 1) + "</a>";
    pos = end + 1;
  }
  return out + text.substr(pos);
}

/// A number as the tables print it ("0.1330", "-2.5", "12", "–" for missing): right-aligned.
bool is_numeric(const std::string& cell) {
  if (cell == "–") return true;
  std::size_t i = cell.size() > 0 && (cell[0] == '-' || cell[0] == '+') ? 1 : 0;
  bool digit = false;
  for (; i < cell.size(); ++i) {
    if (std::isdigit(static_cast<unsigned char>(cell[i])))
      digit = true;
    else if (cell[i] != '.' && cell[i] != 'e' && cell[i] != 'E' && cell[i] != '-')
      return false;
  }
  return digit;
}

/// The SVG without an XML prolog, so that it can sit inside HTML.
std::string inline_svg(const std::string& svg) {
  const std::size_t start = svg.find("<svg");
  return start == std::string::npos ? svg : svg.substr(start);
}

const char* const kCss = R"css(
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; max-width: 72rem;
       margin: 2rem auto; padding: 0 1rem; color: #222; line-height: 1.45; }
h1 { font-size: 1.6rem; border-bottom: 2px solid #4e79a7; padding-bottom: .3rem; }
h2 { font-size: 1.25rem; margin-top: 2rem; }
table { border-collapse: collapse; margin: .8rem 0; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid #ccc; padding: .3rem .6rem; text-align: left; }
td.num { text-align: right; }
th { background: #eef2f7; text-align: center; }
td:first-child { text-align: left; font-weight: 600; }
figure { margin: 1rem 0; }
figure svg { width: 100%; height: auto; border: 1px solid #eee; }
figcaption { font-size: .9rem; color: #555; }
code { background: #f3f3f3; padding: 0 .2rem; border-radius: 3px; }
)css";

}  // namespace

void Document::heading(const std::string& text, int level, const std::string& id) {
  Block b;
  b.kind = Block::Kind::heading;
  b.text = text;
  b.level = level;
  b.id = id;
  blocks.push_back(std::move(b));
}

void Document::paragraph(const std::string& text) {
  Block b;
  b.kind = Block::Kind::paragraph;
  b.text = text;
  blocks.push_back(std::move(b));
}

void Document::table(const std::string& id, std::vector<std::string> header,
                     std::vector<std::vector<std::string>> rows) {
  Block b;
  b.kind = Block::Kind::table;
  b.id = id;
  b.header = std::move(header);
  b.rows = std::move(rows);
  blocks.push_back(std::move(b));
}

void Document::bullets(const std::vector<std::string>& items) {
  Block b;
  b.kind = Block::Kind::bullets;
  for (const auto& item : items) b.rows.push_back({item});
  blocks.push_back(std::move(b));
}

void Document::figure(const std::string& id, const std::string& path, const std::string& svg,
                      const std::string& caption) {
  Block b;
  b.kind = Block::Kind::figure;
  b.id = id;
  b.path = path;
  b.svg = svg;
  b.text = caption;
  blocks.push_back(std::move(b));
}

std::string inline_html(const std::string& text) {
  return links(pair_markers(pair_markers(escape_html(text), "**", "strong"), "`", "code"));
}

std::string to_markdown(const Document& doc) {
  std::ostringstream md;
  md << "# " << doc.title << "\n";
  for (const Block& b : doc.blocks) {
    md << "\n";
    switch (b.kind) {
      case Block::Kind::heading:
        md << std::string(static_cast<std::size_t>(b.level), '#') << " " << b.text << "\n";
        break;
      case Block::Kind::paragraph:
        md << b.text << "\n";
        break;
      case Block::Kind::table:
        md << "|";
        for (const auto& h : b.header) md << " " << h << " |";
        md << "\n|";
        for (std::size_t i = 0; i < b.header.size(); ++i) md << "---|";
        md << "\n";
        for (const auto& row : b.rows) {
          md << "|";
          for (const auto& cell : row) md << " " << cell << " |";
          md << "\n";
        }
        break;
      case Block::Kind::bullets:
        for (const auto& row : b.rows) md << "- " << row.front() << "\n";
        break;
      case Block::Kind::figure:
        md << "![" << b.text << "](" << b.path << ")\n";
        break;
    }
  }
  return md.str();
}

std::string to_html(const Document& doc) {
  std::ostringstream html;
  html << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
       << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
       << "<title>" << escape_html(doc.title) << "</title>\n<style>" << kCss << "</style>\n"
       << "</head>\n<body>\n<h1>" << inline_html(doc.title) << "</h1>\n";
  for (const Block& b : doc.blocks) {
    switch (b.kind) {
      case Block::Kind::heading:
        html << "<h" << b.level << (b.id.empty() ? "" : " id=\"" + b.id + "\"") << ">"
             << inline_html(b.text) << "</h" << b.level << ">\n";
        break;
      case Block::Kind::paragraph:
        html << "<p>" << inline_html(b.text) << "</p>\n";
        break;
      case Block::Kind::table:
        html << "<table id=\"" << escape_html(b.id) << "\">\n<thead><tr>";
        for (const auto& h : b.header) html << "<th>" << inline_html(h) << "</th>";
        html << "</tr></thead>\n<tbody>\n";
        for (const auto& row : b.rows) {
          html << "<tr>";
          for (const auto& cell : row)
            html << (is_numeric(cell) ? "<td class=\"num\">" : "<td>") << inline_html(cell)
                 << "</td>";
          html << "</tr>\n";
        }
        html << "</tbody>\n</table>\n";
        break;
      case Block::Kind::bullets:
        html << "<ul>\n";
        for (const auto& row : b.rows) html << "<li>" << inline_html(row.front()) << "</li>\n";
        html << "</ul>\n";
        break;
      case Block::Kind::figure:
        html << "<figure id=\"" << escape_html(b.id) << "\">\n"
             << inline_svg(b.svg) << "<figcaption>" << inline_html(b.text) << " (<a href=\""
             << escape_html(b.path) << "\">" << escape_html(b.path) << "</a>)</figcaption>\n"
             << "</figure>\n";
        break;
    }
  }
  html << "</body>\n</html>\n";
  return html.str();
}

}  // namespace fw::report
