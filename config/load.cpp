// File: config/load.cpp
// Reads the TOML file, the environment and the secrets into a validated Config.
#include "config/load.hpp"

#include "config/settings.hpp"
#include "config/validate.hpp"
#include "core/trim.hpp"

#include <algorithm>
#include <cerrno>
#include <fstream>
#include <sstream>
#include <system_error>
#include <toml++/toml.h>
#include <utility>
#include <variant>

namespace cocbot::config {
namespace {

using Errors = std::vector<std::string>;

// Real Slack secrets are long; redacting shorter strings would only garble messages.
constexpr std::size_t min_redacted_size = 8;

// "U1, U2,W3," -> {U1, U2, W3}: whitespace trimmed, empty items dropped.
std::vector<std::string> split_list(std::string_view text) {
    std::vector<std::string> items;
    for (;;) {
        const auto comma = text.find(',');
        if (const auto item = core::trim(text.substr(0, comma)); !item.empty())
            items.emplace_back(item);
        if (comma == std::string_view::npos)
            return items;
        text.remove_prefix(comma + 1);
    }
}

// "a, b, c", for messages that list what would have been accepted.
template <typename Range>
std::string joined(const Range& names) {
    std::string out;
    for (const auto& name : names)
        out += (out.empty() ? "" : ", ") + std::string(name);
    return out;
}

// ---- gathering raw values: file first, then the environment ----------------------------------

// A value as written, before validation.
struct RawValue {
    std::variant<std::string, std::vector<std::string>> value;
    std::string env_var; // set when the environment supplied it
};

using RawValues = std::vector<std::optional<RawValue>>; // one per settings() entry

// What the file and environment said, plus what went wrong reading them.
struct Gathered {
    RawValues values = RawValues(settings().size());
    std::vector<std::string> secret_values; // never to appear in a message
    Errors errors;
};

std::string_view type_name(const toml::node& node) {
    switch (node.type()) {
    case toml::node_type::table:
        return "a table";
    case toml::node_type::array:
        return "an array";
    case toml::node_type::string:
        return "a string";
    case toml::node_type::integer:
        return "an integer";
    case toml::node_type::floating_point:
        return "a number";
    case toml::node_type::boolean:
        return "a boolean";
    default:
        return "a date or time";
    }
}

std::optional<RawValue> read_list(const Setting& setting, const toml::node& node, Errors& errors) {
    const auto* array = node.as_array();
    if (array == nullptr) {
        errors.push_back(name_of(setting) + ": expected an array of strings such as " +
                         std::string(setting.example) + ", got " + std::string(type_name(node)));
        return std::nullopt;
    }
    std::vector<std::string> items;
    bool all_strings = true;
    for (std::size_t i = 0; i < array->size(); ++i) {
        if (const auto* item = (*array)[i].as_string()) {
            items.push_back(item->get());
        } else {
            errors.push_back(name_of(setting) + "[" + std::to_string(i) +
                             "]: expected a string, got " + std::string(type_name((*array)[i])));
            all_strings = false;
        }
    }
    if (!all_strings)
        return std::nullopt;
    return RawValue{std::move(items), {}};
}

std::optional<RawValue> read_node(const Setting& setting, const toml::node& node, Errors& errors) {
    if (is_list(setting))
        return read_list(setting, node, errors);
    if (setting.integer) {
        // The setter checks the range, with the same message as for the environment's text.
        if (const auto* number = node.as_integer())
            return RawValue{std::to_string(number->get()), {}};
        errors.push_back(name_of(setting) + ": expected a whole number such as " +
                         std::string(setting.example) + ", got " + std::string(type_name(node)));
        return std::nullopt;
    }
    if (setting.boolean) {
        if (const auto* flag = node.as_boolean())
            return RawValue{flag->get() ? "true" : "false", {}};
        errors.push_back(name_of(setting) + ": expected true or false, got " +
                         std::string(type_name(node)));
        return std::nullopt;
    }
    if (const auto* text = node.as_string())
        return RawValue{text->get(), {}};
    errors.push_back(name_of(setting) + ": expected a string such as " +
                     std::string(setting.example) + ", got " + std::string(type_name(node)));
    return std::nullopt;
}

void read_section(std::string_view section, const toml::table& table, Gathered& gathered) {
    for (auto&& [key, node] : table) {
        const std::string name = std::string(section) + "." + std::string(key.str());
        if (const auto* secret = find_secret(section, key.str())) {
            if (const auto* text = node.as_string())
                gathered.secret_values.push_back(text->get());
            gathered.errors.push_back(name + ": secrets come only from the environment (" +
                                      std::string(secret->env_var) + ")");
        } else if (const auto index = find_setting(section, key.str())) {
            gathered.values[*index] = read_node(settings()[*index], node, gathered.errors);
        } else {
            gathered.errors.push_back(
                name + ": unknown key (expected one of: " + joined(key_names(section)) + ")");
        }
    }
}

void read_file(const toml::table& root, Gathered& gathered) {
    const auto sections = section_names();
    for (auto&& [key, node] : root) {
        const auto section = key.str();
        if (std::ranges::find(sections, section) == sections.end()) {
            gathered.errors.push_back(std::string(section) +
                                      ": unknown section (expected one of: " + joined(sections) +
                                      ")");
        } else if (const auto* table = node.as_table()) {
            read_section(section, *table, gathered);
        } else {
            gathered.errors.push_back(std::string(section) + ": expected a table [" +
                                      std::string(section) + "], got " +
                                      std::string(type_name(node)));
        }
    }
}

std::optional<toml::table> parse_toml(std::string_view text, std::string_view source_name,
                                      Errors& errors) {
    try {
        return toml::parse(text, source_name);
    } catch (const toml::parse_error& error) {
        const auto& where = error.source().begin;
        errors.push_back(std::string(source_name.empty() ? "config" : source_name) + ":" +
                         std::to_string(where.line) + ":" + std::to_string(where.column) + ": " +
                         std::string(error.description()));
        return std::nullopt;
    }
}

// Environment variables win over the file. Unknown COCBOT_* variables are not our business.
void read_environment(const Environment& env, RawValues& values) {
    const auto all = settings();
    for (std::size_t i = 0; i < all.size(); ++i) {
        auto var = env_var_of(all[i]);
        const auto found = env.find(var);
        if (found == env.end())
            continue;
        if (is_list(all[i]))
            values[i] = RawValue{split_list(found->second), std::move(var)};
        else
            values[i] = RawValue{std::string(core::trim(found->second)), std::move(var)};
    }
}

// ---- validation into Config ------------------------------------------------------------------

void apply(const Setting& setting, const RawValue& raw, Config& config, Errors& errors) {
    const auto report = [&](const std::string& problem) {
        auto message = name_of(setting) + ": " + problem;
        if (!raw.env_var.empty())
            message += "; set by " + raw.env_var;
        errors.push_back(std::move(message));
    };
    if (const auto* set = std::get_if<TextSetter>(&setting.target)) {
        if (auto problem = (*set)(std::get<std::string>(raw.value), config))
            report(*problem);
        return;
    }
    const auto& items = std::get<std::vector<std::string>>(raw.value);
    const auto& list = std::get<ItemList>(setting.target);
    bool all_valid = true;
    for (const auto& item : items) {
        if (auto problem = list.check(item)) {
            report(*problem);
            all_valid = false;
        }
    }
    if (all_valid)
        list.field(config) = items;
}

// Only when nothing was given: a malformed channel has its own message already.
void require_channel(const RawValues& values, Errors& errors) {
    const auto& channel = values[*find_setting("committee", "channel")];
    if (!channel || std::get<std::string>(channel->value).empty())
        errors.push_back("committee.channel: required (set it in the config file or "
                         "COCBOT_COMMITTEE_CHANNEL)");
}

// Every resolution is put in one of them: there must be one, and no two alike (a select would
// show both, and the report count them apart).
void check_categories(const std::vector<std::string>& categories, Errors& errors) {
    if (categories.empty())
        errors.push_back("transparency.categories: give at least one category, e.g. "
                         "[\"Harassment\", \"Other\"]");
    if (categories.size() > 100) // the most options a Slack select shows
        errors.push_back("transparency.categories: at most 100 categories");
    for (std::size_t i = 0; i < categories.size(); ++i)
        if (std::find(categories.begin(), categories.begin() + static_cast<std::ptrdiff_t>(i),
                      categories[i]) != categories.begin() + static_cast<std::ptrdiff_t>(i))
            errors.push_back("transparency.categories: \"" + categories[i] + "\" is listed twice");
}

// The chair gets the off-boarding checklists as a member: one named elsewhere is a typo.
void check_chair(const CommitteeConfig& committee, Errors& errors) {
    if (!committee.chair.empty() && std::find(committee.members.begin(), committee.members.end(),
                                              committee.chair) == committee.members.end())
        errors.push_back("committee.chair: " + committee.chair +
                         " is not one of committee.members");
}

void read_secrets(const Environment& env, Config& config, Gathered& gathered) {
    for (const auto& secret : secrets()) {
        const auto found = env.find(secret.env_var);
        const auto value = found == env.end() ? std::string_view{} : core::trim(found->second);
        if (found != env.end())
            gathered.secret_values.push_back(found->second);
        if (!value.empty())
            config.slack.*secret.field = value;
    }
    if (const auto key = env.find("COCBOT_DATA_KEY"); key != env.end()) {
        gathered.secret_values.push_back(key->second);
        config.storage.data_key = core::trim(key->second);
    }
}

// Socket Mode unless told otherwise once there is an app-level token; then the secrets that
// mode needs.
// The mode, and the secrets it needs; `errors` is null when no secret is needed.
void settle_mode(const RawValues& values, Config& config, Errors* errors) {
    if (!values[*find_setting("slack", "mode")] && !config.slack.app_token.empty())
        config.slack.mode = SlackMode::socket;
    const bool socket = config.slack.mode == SlackMode::socket;
    if (errors == nullptr)
        return;
    for (const auto& secret : secrets()) {
        if (!(config.slack.*secret.field).empty() || !secret.needed_in(config.slack.mode))
            continue;
        errors->push_back(std::string(secret.env_var) + ": required" +
                          (secret.needed == Secret::Needed::always ? ""
                           : socket ? " in Socket Mode (slack.mode = \"socket\")"
                                    : " in HTTP mode (slack.mode = \"http\")") +
                          "; secrets come only from the environment (in the Slack app settings: " +
                          std::string(secret.where) + ")");
    }
}

// Belt and braces: a secret pasted into an ordinary setting must not reach a log either.
void redact(Errors& errors, const std::vector<std::string>& secret_values) {
    for (const auto& secret : secret_values) {
        const auto value = core::trim(secret);
        if (value.size() < min_redacted_size)
            continue;
        for (auto& error : errors) {
            for (auto at = error.find(value); at != std::string::npos; at = error.find(value, at)) {
                error.replace(at, value.size(), "<redacted>");
            }
        }
    }
}

std::optional<std::string> read_text(const std::filesystem::path& path, std::error_code& error) {
    if (std::filesystem::is_directory(path, error)) {
        error = std::make_error_code(std::errc::is_a_directory);
        return std::nullopt;
    }
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        error = std::error_code(errno, std::generic_category());
        return std::nullopt;
    }
    std::ostringstream text;
    text << file.rdbuf();
    if (file.bad()) {
        error = std::make_error_code(std::errc::io_error);
        return std::nullopt;
    }
    error.clear();
    return std::move(text).str();
}

} // namespace

Environment environment_from(char** envp) {
    Environment env;
    for (; envp != nullptr && *envp != nullptr; ++envp) {
        const std::string_view entry = *envp;
        const auto equals = entry.find('=');
        if (equals != std::string_view::npos)
            env.emplace(entry.substr(0, equals), entry.substr(equals + 1)); // first one wins
    }
    return env;
}

LoadResult load(std::string_view toml_text, std::string_view source_name, const Environment& env,
                Secrets need) {
    Gathered gathered;
    // A syntax error voids the file, but the environment is still checked, so that one run
    // shows every problem.
    const auto file = parse_toml(toml_text, source_name, gathered.errors);
    if (file)
        read_file(*file, gathered);
    read_environment(env, gathered.values);

    Config config;
    for (std::size_t i = 0; i < settings().size(); ++i) {
        if (gathered.values[i])
            apply(settings()[i], *gathered.values[i], config, gathered.errors);
    }
    if (file) // otherwise the file may well name the channel
        require_channel(gathered.values, gathered.errors);
    check_categories(config.transparency.categories, gathered.errors);
    check_chair(config.committee, gathered.errors);
    read_secrets(env, config, gathered);
    settle_mode(gathered.values, config, need == Secrets::required ? &gathered.errors : nullptr);

    redact(gathered.errors, gathered.secret_values);
    if (!gathered.errors.empty())
        return LoadResult{std::nullopt, std::move(gathered.errors)};
    return LoadResult{std::move(config), {}};
}

LoadResult load_file(const std::optional<std::filesystem::path>& path, const Environment& env,
                     Secrets need) {
    if (!path)
        return load({}, {}, env, need);
    std::error_code error;
    const auto text = read_text(*path, error);
    // Nothing more is checked: what the file would have set is unknown.
    if (!text)
        return LoadResult{
            std::nullopt,
            {path->string() + ": cannot read the configuration file (" + error.message() + ")"}};
    return load(*text, path->string(), env, need);
}

} // namespace cocbot::config
