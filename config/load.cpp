// File: config/load.cpp
// Reads the TOML file, the environment and the secrets into a validated Config.
#include "config/load.hpp"

#include "config/validate.hpp"

#include <algorithm>
#include <array>
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

// ---- text ------------------------------------------------------------------------------------

std::string_view trim(std::string_view text) {
    constexpr std::string_view space = " \t\r\n\v\f";
    const auto first = text.find_first_not_of(space);
    if (first == std::string_view::npos)
        return {};
    return text.substr(first, text.find_last_not_of(space) - first + 1);
}

// "U1, U2,W3," -> {U1, U2, W3}: whitespace trimmed, empty items dropped.
std::vector<std::string> split_list(std::string_view text) {
    std::vector<std::string> items;
    for (;;) {
        const auto comma = text.find(',');
        if (const auto item = trim(text.substr(0, comma)); !item.empty())
            items.emplace_back(item);
        if (comma == std::string_view::npos)
            return items;
        text.remove_prefix(comma + 1);
    }
}

std::string upper(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
    }
    return out;
}

// ---- one setter per kind of value: validate.hpp checks, these store --------------------------

Problem set_listen(std::string_view text, Config& config) {
    return parse_listen(text, config.http.listen);
}

Problem set_api_url(std::string_view text, Config& config) {
    return parse_api_url(text, config.slack.api_url);
}

// Stores text in field when check accepts it.
Problem set_checked(Problem (*check)(std::string_view), std::string_view text, std::string& field) {
    auto problem = check(text);
    if (!problem)
        field = text;
    return problem;
}

Problem set_storage_path(std::string_view text, Config& config) {
    return set_checked(check_storage_path, text, config.storage.path);
}

Problem set_channel(std::string_view text, Config& config) {
    return set_checked(check_channel_id, text, config.committee.channel);
}

Problem set_timezone(std::string_view text, Config& config) {
    return set_checked(check_timezone, text, config.workspace.timezone);
}

// ---- the settings ----------------------------------------------------------------------------

using TextSetter = Problem (*)(std::string_view text, Config& config);
using UserList = std::vector<std::string>& (*)(Config& config); // a list of Slack user ids

struct Setting {
    std::string_view section;
    std::string_view key;
    std::variant<TextSetter, UserList> target;
    std::string_view example; // a valid TOML value, for messages about the type
    bool integer = false;     // a TOML integer in the file (the environment's text is parsed)
};

// DESIGN.md §3. The environment variable of each is COCBOT_<SECTION>_<KEY>.
constexpr std::array settings{
    Setting{"http", "listen", set_listen, R"("127.0.0.1:3000")"},
    Setting{"http", "max_connections",
            +[](std::string_view t, Config& c) {
                return parse_connection_limit(t, c.http.max_connections);
            },
            "256", true},
    Setting{"slack", "api_url", set_api_url, R"("https://slack.com/api/")"},
    Setting{"storage", "path", set_storage_path, R"("cocbot.db")"},
    Setting{"committee", "channel", set_channel, R"("C0123456789")"},
    Setting{"committee", "members",
            +[](Config& c) -> std::vector<std::string>& { return c.committee.members; },
            R"(["U0123456789"])"},
    Setting{"committee", "hr",
            +[](Config& c) -> std::vector<std::string>& { return c.committee.hr; },
            R"(["U0123456789"])"},
    Setting{"committee", "leadership",
            +[](Config& c) -> std::vector<std::string>& { return c.committee.leadership; },
            R"(["U0123456789"])"},
    Setting{
        "deadlines", "acknowledge",
        +[](std::string_view t, Config& c) { return parse_deadline(t, c.deadlines.acknowledge); },
        R"("24h")"},
    Setting{"deadlines", "decision",
            +[](std::string_view t, Config& c) { return parse_deadline(t, c.deadlines.decision); },
            R"("7d")"},
    Setting{"deadlines", "reporter_update",
            +[](std::string_view t, Config& c) {
                return parse_deadline(t, c.deadlines.reporter_update);
            },
            R"("24h")"},
    Setting{"deadlines", "membership_review",
            +[](std::string_view t, Config& c) {
                return parse_deadline(t, c.deadlines.membership_review);
            },
            R"("182d")"},
    Setting{
        "deadlines", "owner_nudge",
        +[](std::string_view t, Config& c) { return parse_deadline(t, c.deadlines.owner_nudge); },
        R"("24h")"},
    Setting{"deadlines", "conflict_nudge",
            +[](std::string_view t, Config& c) {
                return parse_deadline(t, c.deadlines.conflict_nudge);
            },
            R"("24h")"},
    Setting{"outbox", "max_attempts",
            +[](std::string_view t, Config& c) { return parse_attempts(t, c.outbox.max_attempts); },
            "8", true},
    Setting{"outbox", "first_retry",
            +[](std::string_view t, Config& c) { return parse_deadline(t, c.outbox.first_retry); },
            R"("5s")"},
    Setting{"outbox", "alert_after",
            +[](std::string_view t, Config& c) { return parse_deadline(t, c.outbox.alert_after); },
            R"("5m")"},
    Setting{"safety", "venue_security",
            +[](std::string_view t, Config& c) -> Problem {
                c.safety.venue_security = t;
                return std::nullopt;
            },
            "\"+1 555 0100\""},
    Setting{"safety", "crisis_line",
            +[](std::string_view t, Config& c) -> Problem {
                c.safety.crisis_line = t;
                return std::nullopt;
            },
            "\"+1 555 0199\""},
    Setting{"workspace", "timezone", set_timezone, R"("UTC")"},
};

struct Secret {
    std::string_view key; // under [slack], where it must not be written
    std::string_view env_var;
    std::string SlackConfig::*field;
    std::string_view where; // where the Slack app settings show it; empty when optional
};

constexpr std::array secrets{
    Secret{"signing_secret", "SLACK_SIGNING_SECRET", &SlackConfig::signing_secret,
           "Basic Information > App Credentials > Signing Secret"},
    Secret{"bot_token", "SLACK_BOT_TOKEN", &SlackConfig::bot_token,
           "OAuth & Permissions > Bot User OAuth Token"},
    Secret{"app_token", "SLACK_APP_TOKEN", &SlackConfig::app_token, ""},
};

std::string name_of(const Setting& setting) {
    return std::string(setting.section) + "." + std::string(setting.key);
}

std::string env_var_of(const Setting& setting) {
    return "COCBOT_" + upper(setting.section) + "_" + upper(setting.key);
}

bool is_list(const Setting& setting) {
    return std::holds_alternative<UserList>(setting.target);
}

// "a, b, c", for messages that list what would have been accepted.
template <typename Range>
std::string joined(const Range& names) {
    std::string out;
    for (const auto& name : names)
        out += (out.empty() ? "" : ", ") + std::string(name);
    return out;
}

std::vector<std::string_view> section_names() {
    std::vector<std::string_view> names;
    for (const auto& setting : settings) {
        if (std::ranges::find(names, setting.section) == names.end())
            names.push_back(setting.section);
    }
    return names;
}

std::vector<std::string_view> key_names(std::string_view section) {
    std::vector<std::string_view> names;
    for (const auto& setting : settings) {
        if (setting.section == section)
            names.push_back(setting.key);
    }
    return names;
}

// ---- gathering raw values: file first, then the environment ----------------------------------

// A value as written, before validation.
struct RawValue {
    std::variant<std::string, std::vector<std::string>> value;
    std::string env_var; // set when the environment supplied it
};

using RawValues = std::array<std::optional<RawValue>, settings.size()>;

// What the file and environment said, plus what went wrong reading them.
struct Gathered {
    RawValues values;
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
    if (const auto* text = node.as_string())
        return RawValue{text->get(), {}};
    errors.push_back(name_of(setting) + ": expected a string such as " +
                     std::string(setting.example) + ", got " + std::string(type_name(node)));
    return std::nullopt;
}

const Secret* find_secret(std::string_view section, std::string_view key) {
    const auto found = std::ranges::find(secrets, key, &Secret::key);
    return section == "slack" && found != secrets.end() ? &*found : nullptr;
}

std::optional<std::size_t> find_setting(std::string_view section, std::string_view key) {
    for (std::size_t i = 0; i < settings.size(); ++i) {
        if (settings[i].section == section && settings[i].key == key)
            return i;
    }
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
            gathered.values[*index] = read_node(settings[*index], node, gathered.errors);
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
    for (std::size_t i = 0; i < settings.size(); ++i) {
        auto var = env_var_of(settings[i]);
        const auto found = env.find(var);
        if (found == env.end())
            continue;
        if (is_list(settings[i]))
            values[i] = RawValue{split_list(found->second), std::move(var)};
        else
            values[i] = RawValue{std::string(trim(found->second)), std::move(var)};
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
    bool all_valid = true;
    for (const auto& item : items) {
        if (auto problem = check_user_id(item)) {
            report(*problem);
            all_valid = false;
        }
    }
    if (all_valid)
        std::get<UserList>(setting.target)(config) = items;
}

// Only when nothing was given: a malformed channel has its own message already.
void require_channel(const RawValues& values, Errors& errors) {
    const auto& channel = values[*find_setting("committee", "channel")];
    if (!channel || std::get<std::string>(channel->value).empty())
        errors.push_back("committee.channel: required (set it in the config file or "
                         "COCBOT_COMMITTEE_CHANNEL)");
}

void read_secrets(const Environment& env, Config& config, Gathered& gathered) {
    for (const auto& secret : secrets) {
        const auto found = env.find(secret.env_var);
        const auto value = found == env.end() ? std::string_view{} : trim(found->second);
        if (found != env.end())
            gathered.secret_values.push_back(found->second);
        if (!value.empty())
            config.slack.*secret.field = value;
        else if (!secret.where.empty())
            gathered.errors.push_back(std::string(secret.env_var) +
                                      ": required; secrets come only from the environment " +
                                      "(in the Slack app settings: " + std::string(secret.where) +
                                      ")");
    }
}

// Belt and braces: a secret pasted into an ordinary setting must not reach a log either.
void redact(Errors& errors, const std::vector<std::string>& secret_values) {
    for (const auto& secret : secret_values) {
        const auto value = trim(secret);
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

LoadResult load(std::string_view toml_text, std::string_view source_name, const Environment& env) {
    Gathered gathered;
    // A syntax error voids the file, but the environment is still checked, so that one run
    // shows every problem.
    const auto file = parse_toml(toml_text, source_name, gathered.errors);
    if (file)
        read_file(*file, gathered);
    read_environment(env, gathered.values);

    Config config;
    for (std::size_t i = 0; i < settings.size(); ++i) {
        if (gathered.values[i])
            apply(settings[i], *gathered.values[i], config, gathered.errors);
    }
    if (file) // otherwise the file may well name the channel
        require_channel(gathered.values, gathered.errors);
    read_secrets(env, config, gathered);

    redact(gathered.errors, gathered.secret_values);
    if (!gathered.errors.empty())
        return LoadResult{std::nullopt, std::move(gathered.errors)};
    return LoadResult{std::move(config), {}};
}

LoadResult load_file(const std::optional<std::filesystem::path>& path, const Environment& env) {
    if (!path)
        return load({}, {}, env);
    std::error_code error;
    const auto text = read_text(*path, error);
    // Nothing more is checked: what the file would have set is unknown.
    if (!text)
        return LoadResult{
            std::nullopt,
            {path->string() + ": cannot read the configuration file (" + error.message() + ")"}};
    return load(*text, path->string(), env);
}

} // namespace cocbot::config
