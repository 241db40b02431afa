// File: bot/app/metrics.cpp
#include "bot/app/metrics.hpp"

#include <algorithm>
#include <charconv>

namespace cocbot::app {

namespace {

bool plain_word(std::string_view value) {
    return !value.empty() && value.size() <= 64 && std::ranges::all_of(value, [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '_' || c == '.' || c == ':' || c == '-';
    });
}

// The shortest text that reads back as the same double: a timestamp keeps every digit.
std::string number(double value) {
    char text[64];
    const auto written = std::to_chars(text, text + sizeof text, value);
    return {text, written.ptr};
}

void header(std::string& out, std::string_view name, std::string_view type, std::string_view help) {
    out.append("# HELP ").append(name).append(" ").append(help).append("\n");
    out.append("# TYPE ").append(name).append(" ").append(type).append("\n");
}

void gauge(std::string& out, std::string_view name, std::string_view help, double value) {
    header(out, name, "gauge", help);
    out.append(name).append(" ").append(number(value)).append("\n");
}

std::string label_set(const std::vector<std::string>& names,
                      const std::vector<std::string>& values) {
    std::string out = "{";
    for (std::size_t i = 0; i < names.size(); ++i)
        out.append(i ? "," : "")
            .append(names[i])
            .append("=\"")
            .append(escaped_label(values[i]))
            .append("\"");
    return out + "}";
}

} // namespace

std::map<std::string, Metrics::Family, std::less<>> Metrics::initial_families() {
    return {
        {"cocbot_requests_total",
         {"Requests from Slack answered, by what Slack sent and what came of it.",
          {"kind", "outcome"},
          {}}},
        {"cocbot_slack_api_attempts_total",
         {"HTTP attempts at Slack Web API methods, by method and result (ok or Slack's error).",
          {"method", "result"},
          {}}},
        {"cocbot_slack_ratelimited_total",
         {"Web API attempts Slack answered with 429 Too Many Requests.", {"method"}, {}}},
        {"cocbot_reminders_sent_total", {"Deadline reminders sent, by kind.", {"kind"}, {}}},
        {"cocbot_commits_total", {"Group commits that carried writes.", {}, {}}},
        {"cocbot_socket_mode_events_total",
         {"Socket Mode connections: connected, ended (by how) and Slack's disconnect reasons.",
          {"event"},
          {}}},
    };
}

void Metrics::request(std::string_view kind, std::string_view outcome,
                      std::chrono::microseconds latency) {
    const double seconds = std::chrono::duration<double>(latency).count();
    std::lock_guard lock{mutex_};
    add("cocbot_requests_total", {std::string{kind}, std::string{outcome}});
    for (std::size_t i = 0; i < latency_buckets.size(); ++i)
        if (seconds <= latency_buckets[i])
            ++latency_counts_[i];
    ++latency_count_;
    latency_sum_ += seconds;
}

void Metrics::api_attempt(std::string_view method, std::string_view error) {
    std::lock_guard lock{mutex_};
    add("cocbot_slack_api_attempts_total",
        {std::string{method}, error.empty() ? "ok" : std::string{error}});
    if (error == "ratelimited")
        add("cocbot_slack_ratelimited_total", {std::string{method}});
}

void Metrics::reminder_sent(std::string_view kind) {
    std::lock_guard lock{mutex_};
    add("cocbot_reminders_sent_total", {std::string{kind}});
}

void Metrics::socket_event(std::string_view event) {
    std::lock_guard lock{mutex_};
    add("cocbot_socket_mode_events_total", {std::string{event}});
}

void Metrics::committed() {
    std::lock_guard lock{mutex_};
    add("cocbot_commits_total", {});
}

void Metrics::probed(std::size_t outbox_pending, std::optional<core::Time> oldest_pending,
                     std::optional<core::Time> next_deadline_check) {
    std::lock_guard lock{mutex_};
    outbox_pending_ = outbox_pending;
    oldest_pending_ = oldest_pending;
    next_check_ = next_deadline_check;
    probed_ = true;
}

// Under the lock.
void Metrics::add(std::string_view name, Labels labels) {
    auto& family = families_.find(name)->second;
    for (std::size_t i = 0; i < labels.size(); ++i)
        labels[i] = bounded(name, i, labels[i]);
    ++family.counts[std::move(labels)];
}

// Under the lock: the value itself, or "other" when it is odd or its label is full.
std::string Metrics::bounded(std::string_view name, std::size_t label,
                             std::string_view value) const {
    if (!plain_word(value))
        return "other";
    const auto& counts = families_.find(name)->second.counts;
    std::vector<std::string> seen;
    for (const auto& [labels, count] : counts)
        if (std::ranges::find(seen, labels[label]) == seen.end())
            seen.push_back(labels[label]);
    const bool known = std::ranges::find(seen, value) != seen.end();
    return known || seen.size() < max_values_per_label ? std::string{value} : "other";
}

std::string Metrics::render(core::Time now, const std::vector<HealthCheck>& checks) const {
    std::lock_guard lock{mutex_};
    std::string out;
    for (const auto& [name, family] : families_) {
        header(out, name, "counter", family.help);
        if (family.label_names.empty() && family.counts.empty())
            out.append(name).append(" 0\n");
        for (const auto& [labels, count] : family.counts)
            out.append(name)
                .append(labels.empty() ? "" : label_set(family.label_names, labels))
                .append(" ")
                .append(std::to_string(count))
                .append("\n");
    }
    const std::string histogram = "cocbot_ack_latency_seconds";
    header(out, histogram, "histogram", "Time from a request's arrival to its answer.");
    for (std::size_t i = 0; i < latency_buckets.size(); ++i)
        out.append(histogram + "_bucket{le=\"" + number(latency_buckets[i]) + "\"} " +
                   std::to_string(latency_counts_[i]) + "\n");
    out.append(histogram + "_bucket{le=\"+Inf\"} " + std::to_string(latency_count_) + "\n");
    out.append(histogram + "_sum " + number(latency_sum_) + "\n");
    out.append(histogram + "_count " + std::to_string(latency_count_) + "\n");
    if (probed_) {
        gauge(out, "cocbot_outbox_pending", "Slack effects waiting to be sent.",
              static_cast<double>(outbox_pending_));
        const auto age = oldest_pending_ ? std::max(now - *oldest_pending_, core::Duration{0})
                                         : core::Duration{0};
        gauge(out, "cocbot_outbox_oldest_pending_age_seconds",
              "How long the oldest waiting Slack effect has waited (0 when none).",
              static_cast<double>(age.count()));
        if (next_check_)
            gauge(out, "cocbot_scheduler_next_check_timestamp_seconds",
                  "When the next deadline check is due, in unix seconds.",
                  static_cast<double>(core::unix_seconds(*next_check_)));
    }
    header(out, "cocbot_health_check_ok", "gauge", "1 when the /healthz check holds, else 0.");
    for (const auto& check : checks)
        out.append("cocbot_health_check_ok{check=\"" + escaped_label(check.name) + "\"} " +
                   (check.ok ? "1" : "0") + "\n");
    return out;
}

std::string escaped_label(std::string_view value) {
    std::string out;
    for (const char c : value) {
        if (c == '\\' || c == '"')
            out.push_back('\\');
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out.push_back(c);
    }
    return out;
}

} // namespace cocbot::app
