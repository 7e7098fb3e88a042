/// \file table.hpp
/// \brief A module's settings table: every setting of one settings struct, described once
/// (spec.hpp) and bound to its field. From the table come the defaults, the job-file section,
/// the CLI options (tools/settings_cli.hpp), the results-JSON `settings` object and validation.
///
/// Pattern (JDFTx `commands/`, LAMMPS docs beside the code): a module defines
///   const Table<ScfSettings>& scf_settings_table();
/// with entries like
///   bind<ScfSettings>({.key = "ecut", .type = Type::Real, .unit = "Ha", .default_value = 30.0,
///                      .doc = "Plane-wave cut-off", .range = at_least(2)},
///                     [](auto& s) -> auto& { return s.ecut_hartree; })
/// and obtains its defaults with scf_settings_table().defaults().
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <toml.hpp>
#include <type_traits>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "core/settings/spec.hpp"

namespace fw::settings {

/// One setting bound to a field of S.
template <class S>
struct Binding {
  Spec spec;
  std::function<void(S&, const Value&)> store;
  std::function<Value(const S&)> load;
};

namespace detail {
template <class T>
Value to_value(const T& field) {
  if constexpr (std::is_same_v<T, bool>)
    return field;
  else if constexpr (std::is_integral_v<T>)
    return static_cast<long long>(field);
  else
    return Value(field);
}
template <class T>
T from_value(const Value& v) {
  if constexpr (std::is_same_v<T, bool>)
    return std::get<bool>(v);
  else if constexpr (std::is_integral_v<T>)
    return static_cast<T>(std::get<long long>(v));
  else
    return std::get<T>(v);
}
}  // namespace detail

/// Binds `spec` to the field that `access` returns; `access` is a generic lambda
/// `[](auto& s) -> auto& { return s.field; }` so it serves const and non-const structs.
template <class S, class Access>
Binding<S> bind(Spec spec, Access access) {
  using T = std::remove_cvref_t<decltype(access(std::declval<S&>()))>;
  return Binding<S>{std::move(spec),
                    [access](S& s, const Value& v) { access(s) = detail::from_value<T>(v); },
                    [access](const S& s) { return detail::to_value<T>(access(s)); }};
}

/// Binds `spec` to a field whose type is not a plain Value (a smearing, a list of facets):
/// `store` converts the checked value into the field, `load` converts back.
template <class S>
Binding<S> bind_custom(Spec spec, std::function<void(S&, const Value&)> store,
                       std::function<Value(const S&)> load) {
  return Binding<S>{std::move(spec), std::move(store), std::move(load)};
}

/// A broken cross-field rule (or a job-file path that cannot be read), thrown by a table's
/// consistency check. `keys` are the settings it is about, most to blame first: a job-file reader
/// names the line of the first one the file sets, a command line the first option given.
class ConsistencyError : public InputError {
 public:
  ConsistencyError(std::string source, std::vector<std::string> keys, const std::string& message)
      : InputError(std::move(source), message), keys_(std::move(keys)) {}
  const std::vector<std::string>& keys() const { return keys_; }

 private:
  std::vector<std::string> keys_;
};

/// Rejects a key that no setting has, suggesting the nearest (`ecutt` → `ecut`).
void reject_unknown_key(const std::string& key, const std::vector<std::string>& known,
                        const std::string& source, int line, const std::string& where);

template <class S>
class Table {
 public:
  using Consistency = std::function<void(const S&, const std::string& source)>;

  /// `section` is the job-file table ("dft"); `title` one line for docs and --help.
  Table(std::string section, std::string title, std::vector<Binding<S>> bindings,
        Consistency consistency = {})
      : section_(std::move(section)),
        title_(std::move(title)),
        bindings_(std::move(bindings)),
        consistency_(std::move(consistency)) {}

  const std::string& section() const { return section_; }
  const std::string& title() const { return title_; }
  const std::vector<Binding<S>>& bindings() const { return bindings_; }

  std::vector<std::string> keys() const {
    std::vector<std::string> out;
    for (const auto& b : bindings_) out.push_back(b.spec.key);
    return out;
  }

  const Binding<S>* find(const std::string& key) const {
    for (const auto& b : bindings_)
      if (b.spec.key == key) return &b;
    return nullptr;
  }

  /// Every field at its table default.
  S defaults() const {
    S s{};
    for (const auto& b : bindings_) b.store(s, b.spec.default_value);
    return s;
  }

  /// Sets `key` from command-line text; errors name `origin` (the option).
  void set_text(S& s, const std::string& key, const std::string& text,
                const std::string& origin) const {
    const Binding<S>& b = at(key, origin);
    const Value v = parse_text(b.spec, text, origin);
    settings::validate(b.spec, v, origin);
    b.store(s, v);
  }

  /// Sets `key` from an already typed value (Python keyword arguments, tests).
  void set_value(S& s, const std::string& key, const Value& v, const std::string& origin) const {
    const Binding<S>& b = at(key, origin);
    settings::validate(b.spec, v, origin);
    b.store(s, v);
  }

  /// Reads the keys present in a TOML table into `s` (absent keys keep their value); unknown
  /// keys, wrong types and out-of-range values are InputErrors naming path:line.
  void read_toml(const toml::value& table, S& s, const std::string& path) const {
    const std::string where = section_.empty() ? "the top level" : "[" + section_ + "]";
    if (!table.is_table())
      throw InputError(path, static_cast<int>(table.location().line()), where + " must be a table");
    for (const auto& [key, value] : table.as_table())
      if (!read_toml_key(key, value, s, path))
        reject_unknown_key(key, keys(), path, static_cast<int>(value.location().line()), where);
  }

  /// Reads one key; false when the table has no such key. The results-JSON name of a setting
  /// ("ecut_Ha", "vacuum_A") is accepted too, so a results file's `settings` reads back.
  bool read_toml_key(const std::string& key, const toml::value& value, S& s,
                     const std::string& path) const {
    const Binding<S>* b = find(key);
    for (const auto& candidate : bindings_)
      if (!b && candidate.spec.json_key() == key) b = &candidate;
    if (!b) return false;
    const Value v = parse_toml(b->spec, value, path);
    settings::validate(b->spec, v, path, static_cast<int>(value.location().line()));
    b->store(s, v);
    return true;
  }

  /// Checks every field (for values set directly in code) and the cross-field consistency.
  void validate(const S& s, const std::string& source) const {
    for (const auto& b : bindings_) settings::validate(b.spec, b.load(s), source);
    if (consistency_) consistency_(s, source);
  }

  /// Cross-field checks only (after CLI or TOML values were applied one by one).
  void check_consistency(const S& s, const std::string& source) const {
    if (consistency_) consistency_(s, source);
  }

  /// {"ecut_Ha": 30, ...}: every setting, units in the key names.
  nlohmann::json to_json(const S& s) const {
    nlohmann::json j = nlohmann::json::object();
    for (const auto& b : bindings_) j[b.spec.json_key()] = settings::to_json(b.load(s));
    return j;
  }

  /// The body of a job-file section: each key with its value and a comment giving the doc,
  /// unit, allowed range and default.
  std::string to_toml(const S& s) const {
    std::string out;
    for (const auto& b : bindings_) out += toml_line(b.spec, b.load(s));
    return out;
  }

  std::vector<const Spec*> specs() const {
    std::vector<const Spec*> out;
    for (const auto& b : bindings_) out.push_back(&b.spec);
    return out;
  }

 private:
  const Binding<S>& at(const std::string& key, const std::string& origin) const {
    const Binding<S>* b = find(key);
    if (!b) reject_unknown_key(key, keys(), origin, 0, section_);
    return *b;
  }
  static std::string toml_line(const Spec& spec, const Value& value);

  std::string section_;
  std::string title_;
  std::vector<Binding<S>> bindings_;
  Consistency consistency_;
};

/// "# doc [unit; allowed; default X]" comment line plus "key = value".
std::string commented_toml_line(const Spec& spec, const Value& value);

template <class S>
std::string Table<S>::toml_line(const Spec& spec, const Value& value) {
  return commented_toml_line(spec, value);
}

/// The entries of `inner` lifted into an outer struct through `access` (generic lambda
/// returning the inner struct), e.g. the SCF settings inside the facet-energy settings.
/// `keys` selects which (all when empty).
template <class Outer, class Inner, class Access>
std::vector<Binding<Outer>> lift(const Table<Inner>& inner, Access access,
                                 const std::vector<std::string>& keys = {}) {
  std::vector<Binding<Outer>> out;
  for (const auto& b : inner.bindings()) {
    if (!keys.empty() && std::find(keys.begin(), keys.end(), b.spec.key) == keys.end()) continue;
    auto store = b.store;
    auto load = b.load;
    out.push_back(Binding<Outer>{b.spec,
                                 [store, access](Outer& o, const Value& v) { store(access(o), v); },
                                 [load, access](const Outer& o) { return load(access(o)); }});
  }
  return out;
}

/// Concatenates binding lists (a table built from its own entries and lifted ones).
template <class S>
std::vector<Binding<S>> join(std::vector<Binding<S>> a, const std::vector<Binding<S>>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

/// `e` again as path:line of the first of its keys that the job file sets, in `t`'s section or
/// else at the top level (a key's results-JSON name counts too); path alone when it sets none.
template <class S>
[[noreturn]] void throw_at_key(const ConsistencyError& e, const toml::value& root,
                               const Table<S>& t, const Table<S>* top, const std::string& path) {
  for (const auto& key : e.keys())
    for (const Table<S>* table : {&t, top}) {
      const Binding<S>* b = table ? table->find(key) : nullptr;
      if (!b) continue;
      const std::string& section = table->section();
      if (!section.empty() && !(root.contains(section) && root.at(section).is_table())) continue;
      const toml::value& holder = section.empty() ? root : root.at(section);
      for (const std::string& name : {b->spec.key, b->spec.json_key()})
        if (holder.contains(name))
          throw InputError(
              path, static_cast<int>(holder.at(name).location().line()),
              (section.empty() ? "" : "[" + section + "] ") + name + ": " + e.message());
    }
  throw InputError(path, (t.section().empty() ? "" : "[" + t.section() + "] ") + e.message());
}

/// A job file made of several tables over one struct: the table whose section is "" holds the
/// top-level keys, every other one a [section]. Unknown keys and sections suggest the nearest.
template <class S>
void read_sectioned_toml(const toml::value& root, S& s, const std::vector<const Table<S>*>& tables,
                         const std::string& path) {
  const Table<S>* top = nullptr;
  std::vector<std::string> known;
  for (const auto* t : tables) {
    if (t->section().empty()) {
      top = t;
      for (const auto& k : t->keys()) known.push_back(k);
    } else {
      known.push_back(t->section());
    }
  }
  for (const auto& [key, value] : root.as_table()) {
    const int line = static_cast<int>(value.location().line());
    const Table<S>* section = nullptr;
    for (const auto* t : tables)
      if (!key.empty() && t->section() == key) section = t;
    if (section) {
      if (!value.is_table())
        throw InputError(path, line, "'" + key + "' must be a [" + key + "] table");
      section->read_toml(value, s, path);
    } else if (!top || !top->read_toml_key(key, value, s, path)) {
      reject_unknown_key(key, known, path, line, "the top level");
    }
  }
  for (const auto* t : tables) {
    try {
      t->check_consistency(s, path);
    } catch (const ConsistencyError& e) {
      throw_at_key(e, root, *t, top, path);
    }
  }
}

/// Every table's defaults applied to one struct.
template <class S>
S defaults_of(const std::vector<const Table<S>*>& tables) {
  S s{};
  for (const auto* t : tables)
    for (const auto& b : t->bindings()) b.store(s, b.spec.default_value);
  return s;
}

/// A table's documentation as a Markdown table (docs/settings.md is generated from these).
std::string markdown_rows(const std::vector<const Spec*>& specs);

}  // namespace fw::settings
