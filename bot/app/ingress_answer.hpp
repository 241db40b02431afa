// File: bot/app/ingress_answer.hpp
// Private to the ingress: what a handler decided to tell Slack.
#pragma once

#include "bot/app/ingress.hpp"
#include "bot/app/logger.hpp"
#include "core/decision.hpp"
#include "storage/database.hpp"

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <variant>

namespace cocbot::app {

// What a handler decided to tell Slack, and a word for the request log.
struct Ingress::Answer {
    http::status status = http::status::ok;
    std::string body;
    std::string content_type;
    std::string outcome = "ok";
    std::string kind = "unknown"; // what Slack sent, for the request log

    static Answer empty(std::string outcome = "ok") {
        return {http::status::ok, {}, {}, std::move(outcome)};
    }
    static Answer json_body(const nlohmann::json& body, std::string outcome = "ok") {
        return {http::status::ok, body.dump(), "application/json", std::move(outcome)};
    }
    // A private answer to a slash command, seen only by the member who typed it.
    static Answer ephemeral(std::string_view text, std::string outcome) {
        return json_body({{"response_type", "ephemeral"}, {"text", text}}, std::move(outcome));
    }
    static Answer error(http::status status, std::string message, std::string outcome) {
        return {status, nlohmann::json{{"error", message}}.dump(), "application/json",
                std::move(outcome)};
    }
    // Nothing of the request or the exception reaches Slack or the log (it may quote a
    // report); the transaction rolled back, so Slack may safely retry. A database locked by
    // another process is said as such, quickly, so that Slack retries instead of timing out.
    static Answer failure(const std::exception& e) {
        const bool busy = storage::is_busy(e);
        log(Level::error, "request_failed", {{"class", storage::error_class(e)}});
        return busy ? error(http::status::service_unavailable, "busy", "database_busy")
                    : error(http::status::internal_server_error, "internal error", "error");
    }
    // The commit the request shared failed and was rolled back (GroupCommit logged why):
    // nothing of it was kept, so Slack may retry.
    static Answer not_saved() {
        return error(http::status::internal_server_error, "internal error", "not_saved");
    }
};

// What a typed command says back: core's reply, or the reason it was refused (the field's own
// words when there is one, as they are the more precise).
inline std::string said(const core::Outcome& outcome) {
    if (const auto* decision = std::get_if<core::Decision>(&outcome))
        return decision->reply;
    const auto& rejection = std::get<core::Rejection>(outcome);
    return rejection.fields.empty() ? rejection.message : rejection.fields.front().message;
}

inline const char* outcome_word(const core::Outcome& outcome) {
    return std::holds_alternative<core::Decision>(outcome) ? "ok" : "refused";
}

} // namespace cocbot::app
