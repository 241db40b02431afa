// File: config/settings.cpp
// The table of settings: each names its field by pointers to members, so a key cannot set the
// wrong field and a new field needs one line here.
#include "config/settings.hpp"

#include <algorithm>
#include <array>

namespace cocbot::config {
namespace {

// Parses text into the field (config.*Section).*Field with Parse(text, field).
template <auto Section, auto Field, auto Parse>
Problem set(std::string_view text, Config& config) {
    return Parse(text, config.*Section.*Field);
}

// Stores text when Check accepts it.
template <Problem (*Check)(std::string_view)>
Problem checked(std::string_view text, std::string& field) {
    auto problem = Check(text);
    if (!problem)
        field = text;
    return problem;
}

Problem any_text(std::string_view text, std::string& field) {
    field = text;
    return std::nullopt;
}

template <auto Section, auto Field>
std::vector<std::string>& field_of(Config& config) {
    return config.*Section.*Field;
}

// A list of Slack user ids.
template <auto Section, auto Field>
constexpr ItemList list = {&field_of<Section, Field>, check_user_id};

// A list of names, each checked by Check.
template <auto Section, auto Field, Problem (*Check)(std::string_view)>
constexpr ItemList names = {&field_of<Section, Field>, Check};

using C = Config;

constexpr std::array table{
    Setting{"http", "listen", set<&C::http, &HttpConfig::listen, parse_listen>,
            R"("127.0.0.1:3000")"},
    Setting{"http", "max_connections",
            set<&C::http, &HttpConfig::max_connections, parse_connection_limit>, "256", true},
    Setting{"http", "metrics_public", set<&C::http, &HttpConfig::metrics_public, parse_switch>,
            "false", false, true},
    Setting{"slack", "api_url", set<&C::slack, &SlackConfig::api_url, parse_api_url>,
            R"("https://slack.com/api/")"},
    Setting{"slack", "pacing", set<&C::slack, &SlackConfig::pacing, parse_switch>, "true", false,
            true},
    Setting{"slack", "mode", set<&C::slack, &SlackConfig::mode, parse_slack_mode>, R"("socket")"},
    Setting{"slack", "socket_ping_interval",
            set<&C::slack, &SlackConfig::socket_ping_interval, parse_deadline>, R"("5s")"},
    Setting{"storage", "path", set<&C::storage, &StorageConfig::path, checked<check_storage_path>>,
            R"("cocbot.db")"},
    Setting{"storage", "key_file",
            set<&C::storage, &StorageConfig::key_file, checked<check_storage_path>>,
            R"("/var/lib/cocbot/cocbot.db.key")"},
    Setting{"committee", "channel",
            set<&C::committee, &CommitteeConfig::channel, checked<check_channel_id>>,
            R"("C0123456789")"},
    Setting{"committee", "members", list<&C::committee, &CommitteeConfig::members>,
            R"(["U0123456789"])"},
    Setting{"committee", "hr", list<&C::committee, &CommitteeConfig::hr>, R"(["U0123456789"])"},
    Setting{"committee", "leadership", list<&C::committee, &CommitteeConfig::leadership>,
            R"(["U0123456789"])"},
    Setting{"committee", "chair",
            set<&C::committee, &CommitteeConfig::chair, checked<check_user_id>>,
            R"("U0123456789")"},
    Setting{"deadlines", "acknowledge",
            set<&C::deadlines, &DeadlinesConfig::acknowledge, parse_deadline>, R"("24h")"},
    Setting{"deadlines", "decision", set<&C::deadlines, &DeadlinesConfig::decision, parse_deadline>,
            R"("7d")"},
    Setting{"deadlines", "reporter_update",
            set<&C::deadlines, &DeadlinesConfig::reporter_update, parse_deadline>, R"("24h")"},
    Setting{"deadlines", "membership_review",
            set<&C::deadlines, &DeadlinesConfig::membership_review, parse_deadline>, R"("182d")"},
    Setting{"deadlines", "checkin_answer",
            set<&C::deadlines, &DeadlinesConfig::checkin_answer, parse_deadline>, R"("14d")"},
    Setting{"deadlines", "owner_nudge",
            set<&C::deadlines, &DeadlinesConfig::owner_nudge, parse_deadline>, R"("24h")"},
    Setting{"deadlines", "conflict_nudge",
            set<&C::deadlines, &DeadlinesConfig::conflict_nudge, parse_deadline>, R"("24h")"},
    Setting{"deadlines", "hr_report",
            set<&C::deadlines, &DeadlinesConfig::hr_report, parse_deadline>, R"("7d")"},
    Setting{"outbox", "max_attempts", set<&C::outbox, &OutboxConfig::max_attempts, parse_attempts>,
            "8", true},
    Setting{"outbox", "first_retry", set<&C::outbox, &OutboxConfig::first_retry, parse_deadline>,
            R"("5s")"},
    Setting{"outbox", "alert_after", set<&C::outbox, &OutboxConfig::alert_after, parse_deadline>,
            R"("5m")"},
    Setting{"safety", "venue_security", set<&C::safety, &SafetyConfig::venue_security, any_text>,
            "\"+1 555 0100\""},
    Setting{"safety", "crisis_line", set<&C::safety, &SafetyConfig::crisis_line, any_text>,
            "\"+1 555 0199\""},
    Setting{"workspace", "timezone",
            set<&C::workspace, &WorkspaceConfig::timezone, checked<check_timezone>>, R"("UTC")"},
    Setting{"retention", "no_violation",
            set<&C::retention, &RetentionConfig::no_violation, parse_period>, R"("0d")"},
    Setting{"retention", "resolved", set<&C::retention, &RetentionConfig::resolved, parse_period>,
            R"("426d")"},
    Setting{"retention", "escrow", set<&C::retention, &RetentionConfig::escrow, parse_period>,
            R"("791d")"},
    Setting{"audit", "post_head", set<&C::audit, &AuditConfig::post_head, parse_switch>, "true",
            false, true},
    Setting{"transparency", "promotion",
            set<&C::transparency, &TransparencyConfig::promotion, any_text>,
            R"("The code of conduct was linked from every page of the website.")"},
    Setting{"transparency", "categories",
            names<&C::transparency, &TransparencyConfig::categories, check_category>,
            R"(["Harassment", "Other"])"},
    Setting{"transparency", "remind",
            set<&C::transparency, &TransparencyConfig::remind, parse_switch>, "true", false, true},
    Setting{"transparency", "min_count",
            set<&C::transparency, &TransparencyConfig::min_count, parse_min_count>, "1", true},
};

constexpr std::array secret_table{
    Secret{"signing_secret", "SLACK_SIGNING_SECRET", &SlackConfig::signing_secret,
           "Basic Information > App Credentials > Signing Secret", Secret::Needed::in_http_mode},
    Secret{"bot_token", "SLACK_BOT_TOKEN", &SlackConfig::bot_token,
           "OAuth & Permissions > Bot User OAuth Token"},
    Secret{"app_token", "SLACK_APP_TOKEN", &SlackConfig::app_token,
           "Basic Information > App-Level Tokens, with the scope connections:write",
           Secret::Needed::in_socket_mode},
};

std::string upper(std::string_view text) {
    std::string out(text);
    std::ranges::transform(out, out.begin(), [](char c) {
        return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    });
    return out;
}

} // namespace

std::span<const Setting> settings() {
    return table;
}

std::span<const Secret> secrets() {
    return secret_table;
}

std::string name_of(const Setting& setting) {
    return std::string(setting.section) + "." + std::string(setting.key);
}

std::string env_var_of(const Setting& setting) {
    return "COCBOT_" + upper(setting.section) + "_" + upper(setting.key);
}

bool is_list(const Setting& setting) {
    return std::holds_alternative<ItemList>(setting.target);
}

std::optional<std::size_t> find_setting(std::string_view section, std::string_view key) {
    for (std::size_t i = 0; i < table.size(); ++i) {
        if (table[i].section == section && table[i].key == key)
            return i;
    }
    return std::nullopt;
}

const Secret* find_secret(std::string_view section, std::string_view key) {
    const auto found = std::ranges::find(secret_table, key, &Secret::key);
    return section == "slack" && found != secret_table.end() ? &*found : nullptr;
}

std::vector<std::string_view> section_names() {
    std::vector<std::string_view> names;
    for (const auto& setting : table) {
        if (std::ranges::find(names, setting.section) == names.end())
            names.push_back(setting.section);
    }
    return names;
}

std::vector<std::string_view> key_names(std::string_view section) {
    std::vector<std::string_view> names;
    for (const auto& setting : table) {
        if (setting.section == section)
            names.push_back(setting.key);
    }
    return names;
}

} // namespace cocbot::config
