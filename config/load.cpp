#include "config/load.hpp"

#include "config/duration.hpp"

#include <algorithm>
#include <arpa/inet.h>
#include <array>
#include <cerrno>
#include <charconv>
#include <fstream>
#include <netinet/in.h>
#include <sstream>
#include <system_error>
#include <toml++/toml.h>
#include <utility>
#include <variant>

namespace cocbot::config {
namespace {

using Errors = std::vector<std::string>;
using Problem = std::optional<std::string>; // what is wrong with a value, without the key

constexpr std::string_view zoneinfo_dir = "/usr/share/zoneinfo/";

// Real Slack secrets are long; redacting shorter strings would only garble messages.
constexpr std::size_t min_redacted_size = 8;

// ---- text ------------------------------------------------------------------------------------

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_upper(char c) {
    return c >= 'A' && c <= 'Z';
}
bool is_lower(char c) {
    return c >= 'a' && c <= 'z';
}
bool is_alnum(char c) {
    return is_digit(c) || is_upper(c) || is_lower(c);
}

std::string_view trim(std::string_view text) {
    constexpr std::string_view space = " \t\r\n\v\f";
    const auto first = text.find_first_not_of(space);
    if (first == std::string_view::npos)
        return {};
    return text.substr(first, text.find_last_not_of(space) - first + 1);
}

// Splits at sep, keeping empty pieces.
std::vector<std::string_view> split(std::string_view text, char sep) {
    std::vector<std::string_view> pieces;
    for (auto at = text.find(sep); at != std::string_view::npos; at = text.find(sep)) {
        pieces.push_back(text.substr(0, at));
        text.remove_prefix(at + 1);
    }
    pieces.push_back(text);
    return pieces;
}

// "U1, U2,W3," -> {U1, U2, W3}: whitespace trimmed, empty items dropped.
std::vector<std::string> split_list(std::string_view text) {
    std::vector<std::string> items;
    for (const auto piece : split(text, ',')) {
        if (const auto item = trim(piece); !item.empty())
            items.emplace_back(item);
    }
    return items;
}

// A value echoed in a message, with control characters masked so it cannot forge log lines.
std::string quoted(std::string_view text) {
    std::string out = "'";
    for (const char c : text)
        out += (c >= 0 && c < ' ') || c == '\x7f' ? '?' : c;
    return out + "'";
}

std::string upper(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (is_lower(c))
            c = static_cast<char>(c - 'a' + 'A');
    }
    return out;
}

bool iequals(std::string_view a, std::string_view b) {
    return upper(a) == upper(b);
}

// ---- hosts and ports -------------------------------------------------------------------------

std::optional<in_addr> ipv4(std::string_view host) {
    in_addr address{};
    if (inet_pton(AF_INET, std::string(host).c_str(), &address) != 1)
        return std::nullopt;
    return address;
}

std::optional<in6_addr> ipv6(std::string_view host) {
    in6_addr address{};
    if (inet_pton(AF_INET6, std::string(host).c_str(), &address) != 1)
        return std::nullopt;
    return address;
}

bool is_dns_label(std::string_view label) {
    return !label.empty() && label.size() <= 63 && label.front() != '-' && label.back() != '-' &&
           std::ranges::all_of(label, [](char c) { return is_alnum(c) || c == '-'; });
}

// RFC 1123 host name. An all-digit last label is a mistyped IPv4 address, not a name.
bool is_host_name(std::string_view name) {
    if (name.empty() || name.size() > 253)
        return false;
    const auto labels = split(name, '.');
    return std::ranges::all_of(labels, is_dns_label) &&
           !std::ranges::all_of(labels.back(), is_digit);
}

struct HostPort {
    std::string_view host;  // without brackets
    bool bracketed = false; // written as [IPv6]
    std::optional<std::string_view> port;
};

// "host", "host:port", "[v6]" or "[v6]:port"; the parts are checked separately.
std::optional<HostPort> split_host_port(std::string_view text) {
    HostPort parts;
    std::string_view rest;
    if (text.starts_with('[')) {
        const auto close = text.find(']');
        if (close == std::string_view::npos)
            return std::nullopt;
        parts.host = text.substr(1, close - 1);
        parts.bracketed = true;
        rest = text.substr(close + 1);
    } else {
        const auto colon = text.find(':');
        parts.host = text.substr(0, colon);
        rest = colon == std::string_view::npos ? std::string_view{} : text.substr(colon);
    }
    if (!rest.empty()) {
        if (rest.front() != ':')
            return std::nullopt;
        parts.port = rest.substr(1);
    }
    return parts;
}

Problem check_host(const HostPort& parts) {
    if (parts.bracketed)
        return ipv6(parts.host) ? Problem{} : quoted(parts.host) + " is not an IPv6 address";
    if (parts.host.empty())
        return "the host is missing";
    if (ipv4(parts.host) || is_host_name(parts.host))
        return std::nullopt;
    return quoted(parts.host) + " is not an IPv4 address or host name";
}

std::optional<std::uint16_t> parse_port(std::string_view text) {
    unsigned value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size() || value == 0 || value > 65535)
        return std::nullopt;
    return static_cast<std::uint16_t>(value);
}

std::string bad_port(std::string_view port) {
    return quoted(port) + " is not a port number (1 to 65535)";
}

bool is_loopback(const HostPort& parts) {
    if (parts.bracketed) {
        const auto address = ipv6(parts.host);
        return address && std::ranges::equal(address->s6_addr, in6addr_loopback.s6_addr);
    }
    if (const auto address = ipv4(parts.host))
        return ntohl(address->s_addr) >> 24 == 127; // 127.0.0.0/8
    return iequals(parts.host, "localhost");
}

// ---- one validating setter per kind of value -------------------------------------------------

Problem set_listen(std::string_view text, Config& config) {
    if (!text.starts_with('[') && std::ranges::count(text, ':') > 1)
        return quoted(text) + " is ambiguous: write an IPv6 address in brackets, e.g. [::1]:3000";
    const auto parts = split_host_port(text);
    if (!parts || !parts->port)
        return quoted(text) + " is not host:port (e.g. 127.0.0.1:3000 or [::1]:3000)";
    if (auto problem = check_host(*parts))
        return problem;
    const auto port = parse_port(*parts->port);
    if (!port)
        return bad_port(*parts->port);
    config.http.listen = Endpoint{std::string(parts->host), *port};
    return std::nullopt;
}

Problem set_api_url(std::string_view text, Config& config) {
    constexpr std::string_view https = "https://";
    constexpr std::string_view http = "http://";
    const bool secure = text.starts_with(https);
    if (!secure && !text.starts_with(http))
        return quoted(text) + " must start with https://";
    if (!std::ranges::all_of(text, [](char c) { return c > ' ' && c < '\x7f'; }))
        return "the URL must not contain spaces or control characters";
    if (text.find_first_of("?#") != std::string_view::npos)
        return quoted(text) + " must not have a query or fragment";
    const auto rest = text.substr(secure ? https.size() : http.size());
    const auto authority = rest.substr(0, rest.find('/'));
    if (authority.find('@') != std::string_view::npos)
        return "the URL must not contain a user name or password";
    const auto parts = split_host_port(authority);
    if (!parts)
        return quoted(text) + " is not a URL (e.g. https://slack.com/api/)";
    if (auto problem = check_host(*parts))
        return problem;
    if (parts->port && !parse_port(*parts->port))
        return bad_port(*parts->port);
    // Tokens travel in every request: cleartext only where it cannot leave the machine.
    if (!secure && !is_loopback(*parts))
        return quoted(text) + " must use https:// (plain http:// is only for a loopback host: " +
               "127.0.0.1, localhost or [::1])";
    config.slack.api_url = text;
    if (!config.slack.api_url.ends_with('/'))
        config.slack.api_url += '/';
    return std::nullopt;
}

Problem set_storage_path(std::string_view text, Config& config) {
    if (text.empty())
        return "must not be empty (e.g. cocbot.db)";
    config.storage.path = text;
    return std::nullopt;
}

// Slack ids: a type letter, then capitals and digits ("C0123456789", "U061F7AUR").
bool is_slack_id(std::string_view text, std::string_view type_letters) {
    return text.size() >= 2 && type_letters.find(text.front()) != std::string_view::npos &&
           std::ranges::all_of(text.substr(1), [](char c) { return is_upper(c) || is_digit(c); });
}

Problem set_channel(std::string_view text, Config& config) {
    // Empty is left to the "required" check, which explains where to set it.
    if (!text.empty() && !is_slack_id(text, "CG"))
        return quoted(text) + " is not a Slack conversation id (C or G then capitals and digits, " +
               "e.g. C0123456789: see the channel's details, not its name)";
    config.committee.channel = text;
    return std::nullopt;
}

Problem check_user_id(std::string_view text) {
    if (is_slack_id(text, "UW"))
        return std::nullopt;
    return quoted(text) + " is not a Slack user id (U or W then capitals and digits, " +
           "e.g. U0123456789: see the member's profile, not their name)";
}

Problem set_duration(std::string_view text, Duration& field) {
    const auto duration = parse_duration(text);
    if (!duration)
        return quoted(text) + " is not a duration (use s, m, h or d, e.g. 24h)";
    field = *duration;
    return std::nullopt;
}

// Plain path segments only, so that a name can never leave the zoneinfo directory.
bool is_zone_name(std::string_view name) {
    const auto is_segment = [](std::string_view segment) {
        return !segment.empty() && segment != "." && segment != ".." &&
               std::ranges::all_of(segment, [](char c) {
                   return is_alnum(c) || c == '_' || c == '-' || c == '+' || c == '.';
               });
    };
    return std::ranges::all_of(split(name, '/'), is_segment);
}

// zoneinfo also holds directories and tables (zone.tab); a zone is a TZif file.
bool is_zone_file(const std::filesystem::path& path) {
    std::ifstream file(path, std::ios::binary);
    std::array<char, 4> magic{};
    return file.read(magic.data(), magic.size()) &&
           std::string_view(magic.data(), magic.size()) == "TZif";
}

Problem set_timezone(std::string_view text, Config& config) {
    if (text != "UTC") {
        if (!is_zone_name(text))
            return quoted(text) + " is not a time zone name (e.g. UTC or Europe/Berlin)";
        if (!is_zone_file(std::string(zoneinfo_dir) + std::string(text)))
            return quoted(text) + " is not a time zone in " + std::string(zoneinfo_dir) +
                   " (e.g. UTC or Europe/Berlin; is tzdata installed?)";
    }
    config.workspace.timezone = text;
    return std::nullopt;
}

// ---- the settings ----------------------------------------------------------------------------

using TextSetter = Problem (*)(std::string_view text, Config& config);
using UserList = std::vector<std::string>& (*)(Config& config); // a list of Slack user ids

struct Setting {
    std::string_view section;
    std::string_view key;
    std::variant<TextSetter, UserList> target;
    std::string_view example; // a valid TOML value, for messages about the type
};

// DESIGN.md §3. The environment variable of each is COCBOT_<SECTION>_<KEY>.
constexpr std::array settings{
    Setting{"http", "listen", set_listen, R"("127.0.0.1:3000")"},
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
    Setting{"deadlines", "acknowledge",
            +[](std::string_view t, Config& c) { return set_duration(t, c.deadlines.acknowledge); },
            R"("24h")"},
    Setting{"deadlines", "decision",
            +[](std::string_view t, Config& c) { return set_duration(t, c.deadlines.decision); },
            R"("7d")"},
    Setting{
        "deadlines", "reporter_update",
        +[](std::string_view t, Config& c) { return set_duration(t, c.deadlines.reporter_update); },
        R"("24h")"},
    Setting{"deadlines", "membership_review",
            +[](std::string_view t, Config& c) {
                return set_duration(t, c.deadlines.membership_review);
            },
            R"("182d")"},
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
