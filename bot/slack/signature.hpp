// File: bot/slack/signature.hpp
#pragma once
// Slack's v0 request signing: HMAC-SHA256 over "v0:<timestamp>:<raw body>" (PLATFORM.md §1).

#include <cstdint>
#include <string>
#include <string_view>

namespace cocbot::slack {

enum class SignatureCheck { ok, missing_headers, malformed_timestamp, stale_timestamp, mismatch };

// A short stable name for logs ("ok", "stale_timestamp", ...).
std::string_view to_string(SignatureCheck check);

// Checks X-Slack-Request-Timestamp and X-Slack-Signature against the raw body. A timestamp
// more than 300 s away from `now_unix_seconds`, in either direction, is stale (replay guard).
SignatureCheck verify_signature(std::string_view signing_secret, std::string_view timestamp_header,
                                std::string_view body, std::string_view signature_header,
                                std::int64_t now_unix_seconds);

// The X-Slack-Signature value Slack would send: "v0=" + lowercase hex HMAC-SHA256.
std::string sign(std::string_view signing_secret, std::string_view timestamp,
                 std::string_view body);

} // namespace cocbot::slack
