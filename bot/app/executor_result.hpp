// File: bot/app/executor_result.hpp
// What one attempt at an effect came to: shared by the executor's loop and its Slack steps.
#pragma once

#include "bot/app/executor.hpp"

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace cocbot::app {

// Failures worth another attempt later: the network, Slack's load, our own rate.
inline bool transient(const slack::ApiResult& r) {
    static const std::array retryable{"timeout",        "connection_failed", "tls_failed",
                                      "ratelimited",    "invalid_response",  "request_timeout",
                                      "internal_error", "fatal_error",       "service_unavailable"};
    return std::find(retryable.begin(), retryable.end(), r.error) != retryable.end() ||
           r.error.starts_with("http_5");
}

struct Executor::Result {
    enum class Kind { done, retry, failed } kind = Kind::failed;
    std::string detail;                     // Slack's error name, or a short JSON result
    std::optional<core::MessageRef> posted; // for Post effects core wants to remember
    std::optional<core::Command> report;    // a result core must hear about

    static Result from_error(const slack::ApiResult& r) {
        return {transient(r) ? Kind::retry : Kind::failed, r.error, std::nullopt, std::nullopt};
    }
    static Result done(const nlohmann::json& detail = nlohmann::json::object()) {
        return {Kind::done, detail.dump(), std::nullopt, std::nullopt};
    }
    static Result failed(std::string why) {
        return {Kind::failed, std::move(why), std::nullopt, std::nullopt};
    }
    // The channel's history could not be read to see whether an earlier attempt posted.
    static Result history_unavailable() {
        return {Kind::retry, "history_unavailable", std::nullopt, std::nullopt};
    }
    // Slack said ok but not what it documents: try again later, checking what happened first.
    static Result unexpected(std::string_view method) {
        return {Kind::retry, "unexpected_answer:" + std::string{method}, std::nullopt,
                std::nullopt};
    }
};

} // namespace cocbot::app
