/// \file settings_cli.hpp
/// \brief Command-line options generated from a module's settings table: one option per
/// setting (--key-with-dashes), help text with the doc, unit, allowed range and default, and
/// the same validation as job files (errors name the option).
#pragma once

#include <CLI/CLI.hpp>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/settings/table.hpp"

namespace fw::cli {

/// "Plane-wave cut-off [number (Ha); 2 ≤ x ≤ 500 Ha; default 30Ha]".
std::string settings_help(const settings::Spec& spec);

/// "VALUE[Ha]", "NxNxN", "INT", "LIST[deg]" for the usage line.
std::string option_type_name(const settings::Spec& spec);

/// The options of one table on one subcommand. Keep it alive (shared_ptr) until the callback.
template <class S>
class SettingsOptions {
 public:
  /// Adds an option for every key of `table`, or only `keys` when given.
  SettingsOptions(CLI::App* cmd, const settings::Table<S>& table,
                  const std::vector<std::string>& keys = {})
      : table_(table) {
    for (const auto& b : table.bindings()) {
      const auto& spec = b.spec;
      if (!keys.empty() && std::find(keys.begin(), keys.end(), spec.key) == keys.end()) continue;
      if (spec.type == settings::Type::Boolean) {
        std::string name = spec.option().substr(2);
        options_[spec.key] =
            cmd->add_flag("--" + name + ",!--no-" + name, flags_[spec.key], settings_help(spec));
      } else {
        options_[spec.key] = cmd->add_option(spec.option(), texts_[spec.key], settings_help(spec))
                                 ->type_name(option_type_name(spec));
      }
    }
  }

  /// The settings given on the command line applied to `s` (validated; errors name the option).
  void apply(S& s) const {
    for (const auto& [key, option] : options_) {
      if (option->count() == 0) continue;
      const std::string name = table_.find(key)->spec.option();
      if (flags_.count(key))
        table_.set_value(s, key, settings::Value(flags_.at(key)), name);
      else
        table_.set_text(s, key, texts_.at(key), name);
    }
    try {
      table_.check_consistency(s, "command line");
    } catch (const settings::ConsistencyError& e) {
      // Name the first option of the rule that was given (or, none given, the first one).
      for (const auto& key : e.keys())
        if (const auto it = options_.find(key); it != options_.end() && it->second->count() > 0)
          throw InputError(table_.find(key)->spec.option(), e.message());
      for (const auto& key : e.keys())
        if (const auto* b = table_.find(key)) throw InputError(b->spec.option(), e.message());
      throw;
    }
  }

  /// The table defaults with the command line applied.
  S resolve() const {
    S s = table_.defaults();
    apply(s);
    return s;
  }

  /// The options given on the command line, as arguments that give the same settings again
  /// (for a batch job that reruns the command).
  std::vector<std::string> given_arguments() const {
    std::vector<std::string> args;
    for (const auto& [key, option] : options_) {
      if (option->count() == 0) continue;
      const std::string name = table_.find(key)->spec.option();
      if (flags_.count(key)) {
        args.push_back(flags_.at(key) ? name : "--no-" + name.substr(2));
      } else {
        args.push_back(name);
        args.push_back(texts_.at(key));
      }
    }
    return args;
  }

  /// The keys of the options given on the command line.
  std::vector<std::string> given_keys() const {
    std::vector<std::string> keys;
    for (const auto& [key, option] : options_)
      if (option->count() > 0) keys.push_back(key);
    return keys;
  }

  /// The option of `key` as the user types it ("--relax-max-steps").
  std::string option_name(const std::string& key) const { return table_.find(key)->spec.option(); }

  bool given(const std::string& key) const {
    const auto it = options_.find(key);
    return it != options_.end() && it->second->count() > 0;
  }

 private:
  const settings::Table<S>& table_;
  std::map<std::string, CLI::Option*> options_;
  std::map<std::string, std::string> texts_;
  std::map<std::string, bool> flags_;
};

}  // namespace fw::cli
