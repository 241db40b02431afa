// File: sim/slack_signer.hpp
// Builds requests as Slack sends them: signed bodies, interactivity forms, event envelopes.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace cocbot::sim {

using Headers = std::vector<std::pair<std::string, std::string>>;

// Content-Type plus Slack's signature headers for `body`, signed at `unix_time`.
Headers slack_headers(const std::string& secret, const std::string& body,
                      const std::string& content_type, std::int64_t unix_time);

// application/x-www-form-urlencoded encoding of the fields, in order.
std::string form_body(const std::vector<std::pair<std::string, std::string>>& fields);

// The interactivity wire format: payload=<url-encoded JSON>.
std::string payload_body(const nlohmann::json& payload);

} // namespace cocbot::sim
