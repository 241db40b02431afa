// File: config/config.hpp
// The configuration as plain aggregates, holding the defaults of DESIGN.md section 3.
#pragma once

#include "core/deadlines_config.hpp"
#include "core/retention_config.hpp"
#include "core/transparency_config.hpp"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

// The validated configuration: plain aggregates holding the defaults of DESIGN.md §3.
// load.hpp fills them from a TOML file and the environment.
namespace cocbot::config {

using Duration = std::chrono::seconds;

struct Endpoint {
    std::string host = "127.0.0.1"; // IPv4 address, host name, or IPv6 address without brackets
    std::uint16_t port = 3000;
};

struct HttpConfig {
    Endpoint listen;
    std::size_t max_connections = 256; // served at once; one more is accepted and closed at once
    bool metrics_public = false;       // GET /metrics for anyone, not only this machine's clients
};

// How Slack's requests reach cocbot: POSTs to its HTTP address, or a WebSocket it opens.
enum class SlackMode { http, socket };

struct SlackConfig {
    std::string api_url = "https://slack.com/api/"; // always ends with '/'
    bool pacing = true; // Slack output at Slack's published rates (off: a test's fake Slack)
    // As set; when slack.mode is not set, socket if SLACK_APP_TOKEN is, else http.
    SlackMode mode = SlackMode::http;
    Duration socket_ping_interval{5}; // a socket silent for 3 of these is dead
    // Secrets: only ever read from the environment, never printed.
    std::string signing_secret; // SLACK_SIGNING_SECRET
    std::string bot_token;      // SLACK_BOT_TOKEN
    std::string app_token;      // SLACK_APP_TOKEN (optional)
};

struct StorageConfig {
    std::string path = "cocbot.db";
    std::string key_file; // where the data key is; empty: beside the database, "<path>.key"
    // COCBOT_DATA_KEY (base64 of 32 bytes), which wins over the key file: a secret, only ever
    // read from the environment, never printed.
    std::string data_key;

    std::string key_file_or_default() const { return key_file.empty() ? path + ".key" : key_file; }
};

struct CommitteeConfig {
    std::string channel;                 // conversation id, e.g. C0123456789
    std::vector<std::string> members;    // initial roster, user ids
    std::vector<std::string> hr;         // escalation contacts for employees, user ids
    std::vector<std::string> leadership; // escalation contacts, user ids
    std::string chair; // sends the removal message and gets off-boarding checklists; optional
};

// The plan's clocks, with core's defaults, and the committee's own review period.
struct DeadlinesConfig : core::Deadlines {
    Duration membership_review{std::chrono::days{182}};
    Duration checkin_answer{std::chrono::days{14}}; // then the committee hears of no answer
};

// How the outbox retries Slack, and when waiting output counts as stuck.
struct OutboxConfig {
    int max_attempts = 8;                          // then the effect is failed and people told
    Duration first_retry{std::chrono::seconds{5}}; // doubled after each failed attempt
    Duration alert_after{std::chrono::minutes{5}}; // /healthz is 503 while an effect waits longer
};

struct SafetyConfig {
    std::string venue_security; // shown in immediate-danger alerts
    std::string crisis_line;    // shown in immediate-danger alerts
};

struct WorkspaceConfig {
    std::string timezone = "UTC"; // "UTC" or an IANA name present in /usr/share/zoneinfo
};

// How long records are kept: core's defaults (core/retention_config.hpp).
struct RetentionConfig : core::Retention {};

struct AuditConfig {
    bool post_head = true; // the audit log's chain head, posted daily to the committee channel
};

// What the quarterly transparency report says: core's defaults (core/transparency_config.hpp).
struct TransparencyConfig : core::Transparency {
    bool remind = true; // the committee channel is reminded to publish at each quarter's start
};

struct Config {
    HttpConfig http;
    SlackConfig slack;
    StorageConfig storage;
    CommitteeConfig committee;
    DeadlinesConfig deadlines;
    OutboxConfig outbox;
    SafetyConfig safety;
    WorkspaceConfig workspace;
    AuditConfig audit;
    RetentionConfig retention;
    TransparencyConfig transparency;
};

} // namespace cocbot::config
