// File: config/settings.hpp
// Every configuration key of DESIGN.md §3: where it lives, what it looks like, which field it
// sets. load.cpp reads the file and the environment through this table and nothing else.
#pragma once

#include "config/config.hpp"
#include "config/validate.hpp"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace cocbot::config {

using TextSetter = Problem (*)(std::string_view text, Config& config);
// A list of strings (Slack user ids, say), each item accepted by `check`.
struct ItemList {
    std::vector<std::string>& (*field)(Config& config);
    Problem (*check)(std::string_view item);
};

struct Setting {
    std::string_view section;
    std::string_view key;
    std::variant<TextSetter, ItemList> target;
    std::string_view example; // a valid TOML value, for messages about the type
    bool integer = false;     // a TOML integer in the file (the environment's text is parsed)
    bool boolean = false;     // a TOML boolean in the file; `true` or `false` in the environment
};

// A secret: read only from the environment, refused in the file, never echoed.
struct Secret {
    std::string_view key; // under [slack], where it must not be written
    std::string_view env_var;
    std::string SlackConfig::*field;
    std::string_view where; // where the Slack app settings show it
    enum class Needed { always, in_http_mode, in_socket_mode } needed = Needed::always;

    bool needed_in(SlackMode mode) const {
        return needed == Needed::always ||
               (mode == SlackMode::http) == (needed == Needed::in_http_mode);
    }
};

std::span<const Setting> settings();
std::span<const Secret> secrets();

// "deadlines.decision" and its environment variable, "COCBOT_DEADLINES_DECISION".
std::string name_of(const Setting& setting);
std::string env_var_of(const Setting& setting);
bool is_list(const Setting& setting);

// The index of [section] key in settings(), if it is one.
std::optional<std::size_t> find_setting(std::string_view section, std::string_view key);
const Secret* find_secret(std::string_view section, std::string_view key);

// The sections, and the keys of one, in table order: for "expected one of" messages.
std::vector<std::string_view> section_names();
std::vector<std::string_view> key_names(std::string_view section);

} // namespace cocbot::config
