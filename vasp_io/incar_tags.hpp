/// \file incar_tags.hpp
/// \brief The INCAR tags VASP knows, with their value types, and "did you mean" suggestions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fw::vasp {

/// How VASP reads a tag's value (VASP wiki, "List of tags"); lists accept `N*value` repeats.
enum class IncarType { logical, integer, real, string, integer_list, real_list, logical_list };

struct IncarTagInfo {
  std::string_view name;
  IncarType type;
};

/// The known tag `name` (upper case), or nullptr.
const IncarTagInfo* find_incar_tag(std::string_view name);

/// The known tag closest to `name` by Damerau–Levenshtein distance, when it is close enough to
/// be a typo (distance 1 for names up to 4 letters, 2 for longer ones); nullopt otherwise.
std::optional<std::string> suggest_incar_tag(std::string_view name);

/// Optimal-string-alignment (Damerau–Levenshtein) distance: insertions, deletions,
/// substitutions and transpositions of adjacent letters each cost 1.
int edit_distance(std::string_view a, std::string_view b);

std::string_view incar_type_name(IncarType type);

}  // namespace fw::vasp
